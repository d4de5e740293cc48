//! Tours: the best order to visit several stops and the route through them. Exact (Held-Karp dynamic programming)
//! for up to 10 stops; beyond that nearest neighbour followed by 2-opt.

use super::graph::Scratch;
use super::route::{Anchor, Ctx, Endpoint, Route, RouteOptions};
use super::venue::Venue;
use crate::error::{Error, Issue, Issues};
use crate::Result;
use serde::Serialize;

/// Largest number of stops solved exactly.
///
/// # Example
/// ```
/// use mallcare::finder::{route::Endpoint, tour::EXACT_STOPS, PlaceKind, Venue};
/// let v = Venue::sample().unwrap();
/// let stores: Vec<Endpoint> = v.places().iter().filter(|p| p.kind == PlaceKind::Store)
///     .map(|p| Endpoint::Id(p.id.clone())).collect();
/// let from = Endpoint::Id("exit-s".into());
/// // Up to EXACT_STOPS stops the order is proven best; one more and it is a (good) heuristic answer.
/// let t = v.tour(&from, &stores[..EXACT_STOPS], &Default::default()).unwrap();
/// assert!(t.exact);
/// let t = v.tour(&from, &stores[..EXACT_STOPS + 1], &Default::default()).unwrap();
/// assert!(!t.exact);
/// assert_eq!(t.order.len(), EXACT_STOPS + 1);
/// ```
pub const EXACT_STOPS: usize = 10;
/// Largest number of stops accepted.
///
/// # Example
/// ```
/// use mallcare::finder::{route::Endpoint, tour::MAX_STOPS, Venue};
/// let v = Venue::sample().unwrap();
/// let stops = vec![Endpoint::Id("s-1-01".into()); MAX_STOPS + 1];
/// let e = v.tour(&Endpoint::Id("exit-s".into()), &stops, &Default::default()).unwrap_err();
/// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("TOUR_TOO_MANY_STOPS", "stops"));
/// ```
pub const MAX_STOPS: usize = 60;

/// The answer of [`Venue::tour`].
///
/// # Example
/// ```
/// use mallcare::finder::{Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let t = v.tour(&Endpoint::Id("s-1-01".into()),
///     &[Endpoint::Id("s-3-02".into()), Endpoint::Id("s-1-03".into())], &Default::default()).unwrap();
/// assert_eq!(t.order.len(), 2);
/// assert!(t.exact);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tour {
    /// Visiting order, as indices into `stops`.
    pub order: Vec<usize>,
    /// Total metres.
    pub metres: f64,
    /// Total seconds.
    pub seconds: f64,
    /// Whether the order is proven best (up to [`EXACT_STOPS`] stops).
    pub exact: bool,
    /// One route per leg, in visiting order (plus the way back with `roundTrip`).
    pub legs: Vec<Route>,
}

impl Venue {
    /// The best order to visit `stops` starting at `from` (and back to it with `opts.round_trip`), with routes.
    ///
    /// # Errors
    /// `TOUR_NO_STOPS`, `TOUR_TOO_MANY_STOPS`, endpoint issues (paths `from`, `stops[i]`), option issues, and
    /// `TOUR_STOP_UNREACHABLE` (path `stops[i]`) when a stop cannot be reached from the others.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{Venue, route::{Endpoint, RouteOptions}};
    /// let v = Venue::sample().unwrap();
    /// let opts = RouteOptions { round_trip: true, ..Default::default() };
    /// let t = v.tour(&Endpoint::Parking("B2-A-001".into()), &[Endpoint::Id("s-2-05".into())], &opts).unwrap();
    /// assert_eq!(t.legs.len(), 2);
    /// ```
    pub fn tour(&self, from: &Endpoint, stops: &[Endpoint], opts: &RouteOptions) -> Result<Tour> {
        let mut issues = Issues::default();
        if stops.is_empty() {
            issues.push(Issue::new("TOUR_NO_STOPS", "stops", "请至少给出一个要去的地方", "give at least one stop"));
        }
        if stops.len() > MAX_STOPS {
            issues.push(Issue::new(
                "TOUR_TOO_MANY_STOPS",
                "stops",
                format!("最多 {MAX_STOPS} 个停靠点"),
                format!("at most {MAX_STOPS} stops"),
            ));
        }
        let start = issues.take(self.resolve(from, opts, "from"), "");
        let mut anchors = Vec::with_capacity(stops.len());
        for (i, s) in stops.iter().enumerate() {
            if let Some(a) = issues.take(self.resolve(s, opts, &format!("stops[{i}]")), "") {
                anchors.push(a);
            }
        }
        let ctx = issues.take(self.context(opts), "");
        let (Some(start), Some(ctx)) = (start, ctx) else { return Err(Error::new(issues.into_vec())) };
        issues.finish(())?;
        let mut all = vec![start];
        all.extend(anchors);
        let cost = self.matrix(&ctx, &all);
        let k = stops.len();
        // Reachability: every stop from the start, and (round trip) back.
        for j in 1..=k {
            let there = cost.get(j).and_then(|r| r.first()).copied().unwrap_or(u64::MAX);
            let to = cost.first().and_then(|r| r.get(j)).copied().unwrap_or(u64::MAX);
            if to == u64::MAX || (opts.round_trip && there == u64::MAX) {
                let name = all.get(j).map(|a| (a.stop.name.clone(), a.stop.name_en.clone())).unwrap_or_default();
                return Err(Error::from(Issue::new(
                    "TOUR_STOP_UNREACHABLE",
                    format!("stops[{}]", j - 1),
                    format!("按当前条件无法到达“{}”", name.0),
                    format!("\"{}\" cannot be reached with these options", name.1),
                )));
            }
        }
        let (order, exact) = if k <= EXACT_STOPS {
            (held_karp(&cost, k, opts.round_trip), true)
        } else {
            (two_opt(&cost, nearest_neighbour(&cost, k), opts.round_trip), false)
        };
        let mut legs = Vec::with_capacity(k + 1);
        let mut prev = 0usize;
        let mut seq: Vec<usize> = order.iter().map(|&i| i + 1).collect();
        if opts.round_trip {
            seq.push(0);
        }
        for &j in &seq {
            let (Some(a), Some(b)) = (all.get(prev), all.get(j)) else { continue };
            let r = self.route_between(&ctx, opts, a, b).map_err(|e| {
                if j == 0 {
                    e.under("from")
                } else {
                    e.under(&format!("stops[{}]", j - 1))
                }
            })?;
            legs.push(r);
            prev = j;
        }
        let metres = legs.iter().map(|r| r.metres).sum::<f64>();
        let seconds = legs.iter().map(|r| r.seconds).sum::<f64>();
        Ok(Tour {
            order,
            metres: (metres * 1000.0).round() / 1000.0,
            seconds: (seconds * 1000.0).round() / 1000.0,
            exact,
            legs,
        })
    }

    /// Cost from every anchor to every other (`u64::MAX` = unreachable).
    fn matrix(&self, ctx: &Ctx, all: &[Anchor]) -> Vec<Vec<u64>> {
        let m = ctx.metric as usize;
        let mut guard = self.scratch.lock().ok();
        let mut fresh = Scratch::default();
        let scratch = guard.as_deref_mut().unwrap_or(&mut fresh);
        all.iter()
            .enumerate()
            .map(|(i, a)| {
                let sources: Vec<(u32, u32)> = a.out.iter().map(|x| (x.0, if m == 0 { x.1 } else { x.2 })).collect();
                let dist = self.graph.costs_from(&ctx.filter, ctx.metric, &sources, scratch);
                all.iter()
                    .enumerate()
                    .map(|(j, b)| {
                        if i == j {
                            return 0;
                        }
                        b.inn
                            .iter()
                            .filter_map(|x| {
                                let d = dist.get(x.0 as usize).copied().flatten()?;
                                Some(u64::from(d) + u64::from(if m == 0 { x.1 } else { x.2 }))
                            })
                            .min()
                            .unwrap_or(u64::MAX)
                    })
                    .collect()
            })
            .collect()
    }
}

fn c(cost: &[Vec<u64>], i: usize, j: usize) -> u64 {
    cost.get(i).and_then(|r| r.get(j)).copied().unwrap_or(u64::MAX)
}

/// Exact order of stops 1..=k from 0 (and back to 0 if `round`), Held-Karp over subsets.
fn held_karp(cost: &[Vec<u64>], k: usize, round: bool) -> Vec<usize> {
    let full = (1usize << k) - 1;
    let mut dp = vec![u64::MAX; (full + 1) * k];
    let mut par = vec![usize::MAX; (full + 1) * k];
    for j in 0..k {
        if let Some(slot) = dp.get_mut((1 << j) * k + j) {
            *slot = c(cost, 0, j + 1);
        }
    }
    for set in 1..=full {
        for j in 0..k {
            if set & (1 << j) == 0 {
                continue;
            }
            let cur = dp.get(set * k + j).copied().unwrap_or(u64::MAX);
            if cur == u64::MAX {
                continue;
            }
            for n in 0..k {
                if set & (1 << n) != 0 {
                    continue;
                }
                let step = c(cost, j + 1, n + 1);
                if step == u64::MAX {
                    continue;
                }
                let next = set | (1 << n);
                let v = cur.saturating_add(step);
                if let (Some(d), Some(p)) = (dp.get_mut(next * k + n), par.get_mut(next * k + n)) {
                    if v < *d {
                        *d = v;
                        *p = j;
                    }
                }
            }
        }
    }
    let end_cost = |j: usize| {
        let base = dp.get(full * k + j).copied().unwrap_or(u64::MAX);
        if round {
            base.saturating_add(c(cost, j + 1, 0))
        } else {
            base
        }
    };
    let mut last = (0..k).min_by_key(|&j| (end_cost(j), j)).unwrap_or(0);
    let mut set = full;
    let mut order = Vec::with_capacity(k);
    while set != 0 && order.len() < k {
        order.push(last);
        let p = par.get(set * k + last).copied().unwrap_or(usize::MAX);
        set &= !(1 << last);
        if p == usize::MAX {
            break;
        }
        last = p;
    }
    order.reverse();
    order
}

fn nearest_neighbour(cost: &[Vec<u64>], k: usize) -> Vec<usize> {
    let mut left: Vec<usize> = (0..k).collect();
    let mut order = Vec::with_capacity(k);
    let mut at = 0usize;
    while !left.is_empty() {
        let (pos, _) = left.iter().enumerate().min_by_key(|(_, &j)| (c(cost, at, j + 1), j)).unwrap_or((0, &0));
        let j = left.remove(pos);
        order.push(j);
        at = j + 1;
    }
    order
}

fn tour_cost(cost: &[Vec<u64>], order: &[usize], round: bool) -> u64 {
    let mut total = 0u64;
    let mut at = 0usize;
    for &j in order {
        total = total.saturating_add(c(cost, at, j + 1));
        at = j + 1;
    }
    if round {
        total = total.saturating_add(c(cost, at, 0));
    }
    total
}

/// Improves an order by reversing segments while that shortens the tour (asymmetric costs: full re-evaluation).
fn two_opt(cost: &[Vec<u64>], mut order: Vec<usize>, round: bool) -> Vec<usize> {
    let mut best = tour_cost(cost, &order, round);
    let mut improved = true;
    let mut rounds = 0;
    while improved && rounds < 50 {
        improved = false;
        rounds += 1;
        for i in 0..order.len() {
            for j in i + 1..order.len() {
                if let Some(seg) = order.get_mut(i..=j) {
                    seg.reverse();
                }
                let v = tour_cost(cost, &order, round);
                if v < best {
                    best = v;
                    improved = true;
                } else if let Some(seg) = order.get_mut(i..=j) {
                    seg.reverse();
                }
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_karp_matches_brute_force() {
        // 5 stops on a line at 0..5 plus asymmetric noise.
        let pos = [0i64, 7, 3, 9, 1, 5];
        let cost: Vec<Vec<u64>> = (0..6)
            .map(|i| (0..6).map(|j| (pos[i] - pos[j]).unsigned_abs() * 10 + ((i * 7 + j * 3) % 5) as u64).collect())
            .collect();
        let hk = held_karp(&cost, 5, false);
        let mut best = u64::MAX;
        let mut perm = vec![0usize, 1, 2, 3, 4];
        permute(&mut perm, 0, &mut |p| best = best.min(tour_cost(&cost, p, false)));
        assert_eq!(tour_cost(&cost, &hk, false), best);
        let two = two_opt(&cost, nearest_neighbour(&cost, 5), false);
        assert!(tour_cost(&cost, &two, false) >= best);
    }

    fn permute(p: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
        if k == p.len() {
            f(p);
            return;
        }
        for i in k..p.len() {
            p.swap(k, i);
            permute(p, k + 1, f);
            p.swap(k, i);
        }
    }
}
