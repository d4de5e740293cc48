//! Turn-by-turn directions: depart, walk (with a landmark store passed on the way), turn, take the escalator /
//! elevator / stairs / ramp / walkway up or down to a level, arrive. Every step has zh-CN and English text written
//! to be read aloud.

use super::route::Anchor;
use super::venue::{ConnectorKind, PlaceKind, Venue};
use serde::Serialize;

/// What a step is.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&mallcare::finder::directions::StepKind::Escalator).unwrap(), "\"escalator\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StepKind {
    /// Leave the start.
    Depart,
    /// Walk straight (`metres`, maybe past `landmark`).
    Walk,
    /// Turn (`turn`).
    Turn,
    /// Take an elevator.
    Elevator,
    /// Take an escalator.
    Escalator,
    /// Take the stairs.
    Stairs,
    /// Take a ramp.
    Ramp,
    /// Take a moving walkway.
    Walkway,
    /// Arrive.
    Arrive,
}

/// A turn.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&mallcare::finder::directions::Turn::SlightLeft).unwrap(), "\"slightLeft\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Turn {
    /// 30-60 degrees left.
    SlightLeft,
    /// 60-150 degrees left.
    Left,
    /// 30-60 degrees right.
    SlightRight,
    /// 60-150 degrees right.
    Right,
    /// More than 150 degrees.
    UTurn,
}

/// One step of directions.
///
/// # Example
/// ```
/// use mallcare::finder::{Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-3-01".into()), &Default::default()).unwrap();
/// assert_eq!(r.steps.first().unwrap().kind, mallcare::finder::directions::StepKind::Depart);
/// assert_eq!(r.steps.last().unwrap().kind, mallcare::finder::directions::StepKind::Arrive);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// What to do.
    pub kind: StepKind,
    /// For turns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn: Option<Turn>,
    /// For walks and rides: metres.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metres: Option<f64>,
    /// For walks: a store passed on the way (place id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub landmark: Option<String>,
    /// For rides: the connector id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connector: Option<String>,
    /// For rides: `"up"`, `"down"` or `"level"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    /// For rides: the level id reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_level: Option<String>,
    /// The level the step happens on (rides: where they start).
    pub level: String,
    /// zh-CN text.
    pub text: String,
    /// English text.
    pub text_en: String,
}

impl Step {
    fn new(kind: StepKind, level: String, text: String, text_en: String) -> Step {
        Step {
            kind,
            turn: None,
            metres: None,
            landmark: None,
            connector: None,
            direction: None,
            to_level: None,
            level,
            text,
            text_en,
        }
    }
}

/// A stretch of a route: a walk on one level, or a ride on a connector.
#[derive(Clone, Debug)]
pub(crate) enum Piece {
    Walk { level: u16, pts: Vec<(f64, f64)>, nodes: Vec<Option<u32>>, seg_mm: Vec<u32>, mm: u32 },
    Ride { conn: usize, from_level: u16, to_level: u16, mm: u32 },
}

impl Piece {
    pub(crate) fn walk(level: u16, start: (f64, f64), node: Option<u32>) -> Piece {
        Piece::Walk { level, pts: vec![start], nodes: vec![node], seg_mm: Vec::new(), mm: 0 }
    }

    pub(crate) fn push(&mut self, p: (f64, f64), node: Option<u32>, d: u32) {
        if let Piece::Walk { pts, nodes, seg_mm, mm, .. } = self {
            *mm = mm.saturating_add(d);
            if pts.last() == Some(&p) {
                if let (Some(last), Some(n)) = (nodes.last_mut(), node) {
                    *last = Some(n);
                }
                if let Some(s) = seg_mm.last_mut() {
                    *s = s.saturating_add(d);
                }
                return;
            }
            pts.push(p);
            nodes.push(node);
            seg_mm.push(d);
        }
    }

    pub(crate) fn level(&self) -> u16 {
        match self {
            Piece::Walk { level, .. } => *level,
            Piece::Ride { from_level, .. } => *from_level,
        }
    }
}

struct Run {
    mm: u32,
    heading: (f64, f64),
    landmark: Option<u32>,
}

/// Whole metres for the spoken text, at least 1 (integer arithmetic: no float formatting in the wasm).
fn fmt_m(mm: u32) -> String {
    let m = (u64::from(mm) + 500) / 1000;
    m.max(1).to_string()
}

/// The concatenation of `parts` (one allocation; `format!` costs several times more in the wasm, and a route
/// writes two texts per step).
fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn turn_of(a: (f64, f64), b: (f64, f64)) -> Option<Turn> {
    let cross = a.0 * b.1 - a.1 * b.0;
    let dot = a.0 * b.0 + a.1 * b.1;
    let deg = cross.atan2(dot).to_degrees();
    let abs = deg.abs();
    if abs < 30.0 {
        None
    } else if abs > 150.0 {
        Some(Turn::UTurn)
    } else if deg > 0.0 {
        Some(if abs < 60.0 { Turn::SlightLeft } else { Turn::Left })
    } else {
        Some(if abs < 60.0 { Turn::SlightRight } else { Turn::Right })
    }
}

impl Venue {
    /// The store whose entrance is `n` or next to `n` (for "pass X").
    fn landmark_at(&self, n: u32) -> Option<u32> {
        let is_store = |p: u32| self.places.get(p as usize).is_some_and(|pl| pl.kind == PlaceKind::Store);
        if let Some(&p) = self.entrance_of.get(n as usize) {
            if p != u32::MAX && is_store(p) {
                return Some(p);
            }
        }
        for a in self.graph.arcs_of(n) {
            let Some((h, _, _)) = u32::try_from(a).ok().and_then(|a| self.graph.arc(a)) else { continue };
            if let Some(&p) = self.entrance_of.get(h as usize) {
                if p != u32::MAX && is_store(p) {
                    return Some(p);
                }
            }
        }
        None
    }
}

pub(crate) fn steps(v: &Venue, pieces: &[Piece], a: &Anchor, b: &Anchor) -> Vec<Step> {
    let mut out = Vec::new();
    let lid = |l: u16| v.levels.get(l as usize).map(|x| x.id.clone()).unwrap_or_default();
    let first_level = pieces.first().map_or(a.level, Piece::level);
    out.push(Step::new(
        StepKind::Depart,
        lid(first_level),
        cat(&["从", &a.stop.name, "出发"]),
        cat(&["Start at ", &a.stop.name_en]),
    ));
    let avoid = [a.place, b.place];
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        match piece {
            Piece::Walk { level, pts, nodes, seg_mm, .. } => {
                let mut runs: Vec<Run> = Vec::new();
                for (j, d) in seg_mm.iter().enumerate() {
                    let (Some(p0), Some(p1)) = (pts.get(j), pts.get(j + 1)) else { continue };
                    let h = (p1.0 - p0.0, p1.1 - p0.1);
                    let len = h.0.hypot(h.1);
                    if len < 1e-9 {
                        if let Some(r) = runs.last_mut() {
                            r.mm = r.mm.saturating_add(*d);
                        }
                        continue;
                    }
                    let h = (h.0 / len, h.1 / len);
                    let lm = nodes
                        .get(j + 1)
                        .copied()
                        .flatten()
                        .filter(|_| j + 2 < pts.len())
                        .and_then(|n| v.landmark_at(n))
                        .filter(|p| !avoid.contains(&Some(*p)));
                    match runs.last_mut() {
                        Some(r) if turn_of(r.heading, h).is_none() => {
                            r.mm = r.mm.saturating_add(*d);
                            r.heading = h;
                            if lm.is_some() {
                                r.landmark = lm;
                            }
                        }
                        _ => runs.push(Run { mm: *d, heading: h, landmark: lm }),
                    }
                }
                let mut prev: Option<(f64, f64)> = None;
                for r in &runs {
                    if let Some(t) = prev.and_then(|p| turn_of(p, r.heading)) {
                        let (zh, en) = match t {
                            Turn::Left => ("左转", "Turn left"),
                            Turn::Right => ("右转", "Turn right"),
                            Turn::SlightLeft => ("向左前方走", "Bear left"),
                            Turn::SlightRight => ("向右前方走", "Bear right"),
                            Turn::UTurn => ("掉头", "Turn around"),
                        };
                        let mut s = Step::new(StepKind::Turn, lid(*level), zh.into(), en.into());
                        s.turn = Some(t);
                        out.push(s);
                    }
                    prev = Some(r.heading);
                    let m = fmt_m(r.mm);
                    let lm = r.landmark.and_then(|p| v.places.get(p as usize));
                    let (zh, en) = match lm {
                        Some(p) => {
                            (cat(&["直行 ", &m, " 米，经过", &p.name]), cat(&["Walk ", &m, " m, past ", &p.name_en]))
                        }
                        None => (cat(&["直行 ", &m, " 米"]), cat(&["Walk ", &m, " m"])),
                    };
                    let mut s = Step::new(StepKind::Walk, lid(*level), zh, en);
                    s.metres = Some(f64::from(r.mm) / 1000.0);
                    s.landmark = lm.map(|p| p.id.clone());
                    out.push(s);
                }
            }
            Piece::Ride { conn, from_level, to_level, mm, .. } => {
                // Consecutive hops of one connector (an elevator is one hop; an escalator chain may be several).
                let mut to = *to_level;
                let mut total = *mm;
                while let Some(Piece::Walk { pts, .. }) = pieces.get(i + 1) {
                    match pieces.get(i + 2) {
                        Some(Piece::Ride { conn: c2, to_level: t2, mm: m2, .. }) if c2 == conn && pts.len() <= 1 => {
                            to = *t2;
                            total = total.saturating_add(*m2);
                            i += 2;
                        }
                        _ => break,
                    }
                }
                let Some(c) = v.conns.get(*conn) else {
                    i += 1;
                    continue;
                };
                let ord = |l: u16| v.levels.get(l as usize).map_or(0, |x| x.ordinal);
                let dir = match ord(to).cmp(&ord(*from_level)) {
                    std::cmp::Ordering::Greater => "up",
                    std::cmp::Ordering::Less => "down",
                    std::cmp::Ordering::Equal => "level",
                };
                let (ln, ln_en) = v.level_name(to);
                let (kind, verb, noun_en) = match c.kind {
                    ConnectorKind::Elevator => (StepKind::Elevator, "乘电梯", "the elevator"),
                    ConnectorKind::Escalator => (StepKind::Escalator, "乘扶梯", "the escalator"),
                    ConnectorKind::Stairs => (StepKind::Stairs, "走楼梯", "the stairs"),
                    ConnectorKind::Ramp => (StepKind::Ramp, "走坡道", "the ramp"),
                    ConnectorKind::MovingWalkway => (StepKind::Walkway, "乘自动步道", "the moving walkway"),
                };
                let (zh, en) = match dir {
                    "up" => (cat(&[verb, "上到 ", ln]), cat(&["Take ", noun_en, " up to ", ln_en])),
                    "down" => (cat(&[verb, "下到 ", ln]), cat(&["Take ", noun_en, " down to ", ln_en])),
                    _ => {
                        let m = fmt_m(total);
                        (cat(&[verb, "前行 ", &m, " 米"]), cat(&["Take ", noun_en, " for ", &m, " m"]))
                    }
                };
                let mut s = Step::new(kind, lid(*from_level), zh, en);
                s.connector = Some(c.id.clone());
                s.direction = Some(dir);
                s.to_level = Some(lid(to));
                s.metres = Some(f64::from(total) / 1000.0);
                out.push(s);
            }
        }
        i += 1;
    }
    let last_level = pieces.last().map_or(b.level, Piece::level);
    out.push(Step::new(
        StepKind::Arrive,
        lid(last_level),
        cat(&["到达", &b.stop.name]),
        cat(&["Arrive at ", &b.stop.name_en]),
    ));
    out
}
