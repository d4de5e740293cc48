//! Nearest amenity: one multi-target search from where you are to every matching place (restroom, mother-and-baby
//! room, service desk, exit, or a store category), honouring the mode and closures.

use super::graph::{Found, Scratch};
use super::route::{Endpoint, Route, RouteOptions};
use super::venue::{Place, PlaceKind, Venue};
use crate::error::{Error, Issue};
use crate::Result;
use serde::Serialize;

/// One answer of [`Venue::nearest`].
///
/// # Example
/// ```
/// use mallcare::finder::{Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let hits = v.nearest(&Endpoint::Id("s-3-01".into()), &["restroom".to_string()], &Default::default()).unwrap();
/// assert_eq!(hits[0].place.kind, mallcare::finder::PlaceKind::Restroom);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NearestHit {
    /// The place.
    pub place: Place,
    /// Metres to it.
    pub metres: f64,
    /// Seconds to it.
    pub seconds: f64,
    /// The route to it.
    pub route: Route,
}

impl Venue {
    /// The nearest places matching any of `what` (place kinds like `"restroom"`, `"motherBabyRoom"`,
    /// `"serviceDesk"`, `"exit"`, or store categories like `"cafe"`), nearest first; `opts.limit` answers
    /// (default 1). Places closed at `opts.at` are skipped.
    ///
    /// # Errors
    /// Endpoint and option issues as [`Venue::route`]; `NEAREST_WHAT_EMPTY`; `NEAREST_WHAT_UNKNOWN` (at
    /// `what[i]`) for a word that is neither a kind nor a category in this venue; `NEAREST_NONE_REACHABLE` when no
    /// matching place can be reached with these options.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{Venue, route::{Endpoint, RouteOptions}};
    /// let v = Venue::sample().unwrap();
    /// let opts = RouteOptions { limit: Some(2), ..Default::default() };
    /// let hits = v.nearest(&Endpoint::Parking("B2-A-001".into()), &["exit".into()], &opts).unwrap();
    /// assert_eq!(hits.len(), 2);
    /// assert!(hits[0].metres <= hits[1].metres);
    /// ```
    pub fn nearest(&self, from: &Endpoint, what: &[String], opts: &RouteOptions) -> Result<Vec<NearestHit>> {
        let mut issues = crate::error::Issues::default();
        if what.is_empty() {
            issues.push(Issue::new("NEAREST_WHAT_EMPTY", "what", "请指定要找的设施", "say what to look for"));
        }
        for (i, w) in what.iter().enumerate() {
            let known = PlaceKind::parse(w).is_some() || self.places.iter().any(|p| p.category.as_deref() == Some(w));
            if !known {
                issues.push(Issue::new(
                    "NEAREST_WHAT_UNKNOWN",
                    format!("what[{i}]"),
                    format!("“{w}”不是设施类型，也不是本场馆的店铺类别"),
                    format!("\"{w}\" is neither a place kind nor a category in this venue"),
                ));
            }
        }
        let a = issues.take(self.resolve(from, opts, "from"), "");
        let ctx = issues.take(self.context(opts), "");
        let (Some(a), Some(ctx)) = (a, ctx) else { return Err(Error::new(issues.into_vec())) };
        issues.finish(())?;
        let matches =
            |p: &Place| what.iter().any(|w| p.kind.as_str() == w || p.category.as_deref() == Some(w.as_str()));
        let mut targets = Vec::new();
        let mut groups = Vec::new();
        let mut entry = Vec::new(); // (place, entrance index)
        for (pi, p) in self.places.iter().enumerate() {
            let closed = ctx.closed_places.get(pi).copied().unwrap_or(false)
                || opts.at.is_some_and(|at| self.is_open(pi, at) == Some(false));
            if !matches(p) || closed || a.place == u32::try_from(pi).ok() {
                continue;
            }
            for (ei, &n) in p.entrances.iter().enumerate() {
                targets.push((n, 0));
                groups.push(u32::try_from(pi).unwrap_or(u32::MAX));
                entry.push((pi, ei));
            }
        }
        let m = ctx.metric as usize;
        let sources: Vec<(u32, u32)> = a.out.iter().map(|x| (x.0, if m == 0 { x.1 } else { x.2 })).collect();
        let limit = opts.limit.unwrap_or(1).clamp(1, 50);
        let found = {
            let mut guard = self.scratch.lock().ok();
            let mut fresh = Scratch::default();
            let scratch = guard.as_deref_mut().unwrap_or(&mut fresh);
            self.graph.nearest(&ctx.filter, ctx.metric, &sources, &targets, &groups, limit, scratch)
        };
        let mut hits = Vec::new();
        for f in found {
            let Some(&(pi, ei)) = entry.get(f.target) else { continue };
            let Some(place) = self.places.get(pi) else { continue };
            let b = self.resolve(&Endpoint::Place(place.id.clone()), opts, "to")?;
            let f = Found { target: ei, ..f };
            let route = self.assemble(&ctx, opts, &a, &b, &f);
            hits.push(NearestHit { place: place.clone(), metres: route.metres, seconds: route.seconds, route });
        }
        if hits.is_empty() {
            let what = what.join(", ");
            return Err(Error::from(Issue::new(
                "NEAREST_NONE_REACHABLE",
                "",
                format!("按当前条件无法到达任何“{what}”"),
                format!("no \"{what}\" can be reached with these options"),
            )));
        }
        Ok(hits)
    }
}
