//! Routes: endpoints (place, node, point on a level, parking code), options (metric, mode, closures, `at`), the
//! search, the "why unreachable" diagnosis and the answer (metres, seconds, one polyline per level, steps).

use super::directions::{self, Piece, Step};
use super::graph::{class, Filter, Found, Metric};
use super::venue::{ConnectorKind, Venue};
use crate::error::{Error, Issue, Issues};
use crate::{Result, Timestamp};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Where a route starts or ends.
///
/// In JSON: a string (a place id, else a node id), or one of `{ "place": id }`, `{ "node": id }`,
/// `{ "parking": code }`, `{ "level": id, "x": metres, "y": metres }`.
///
/// # Example
/// ```
/// use mallcare::finder::route::Endpoint;
/// let e: Endpoint = serde_json::from_str(r#"{ "parking": "B2-A-001" }"#).unwrap();
/// assert_eq!(e, Endpoint::Parking("B2-A-001".into()));
/// let p: Endpoint = serde_json::from_str(r#"{ "level": "L1", "x": 1, "y": 2 }"#).unwrap();
/// assert!(matches!(p, Endpoint::Point { .. }));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Endpoint {
    /// A place id or, failing that, a node id.
    Id(String),
    /// A place (its nearest entrance).
    Place(String),
    /// A graph node.
    Node(String),
    /// A parking space code.
    Parking(String),
    /// A point on a level, snapped to the nearest walkable edge.
    Point {
        /// Level id.
        level: String,
        /// East, metres.
        x: f64,
        /// North, metres.
        y: f64,
    },
}

impl Endpoint {
    /// Reads an endpoint from JSON.
    ///
    /// # Errors
    /// `ROUTE_ENDPOINT_INVALID` if the value has none of the accepted shapes.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::route::Endpoint;
    /// assert_eq!(Endpoint::from_json(&serde_json::json!("s1")).unwrap(), Endpoint::Id("s1".into()));
    /// assert_eq!(Endpoint::from_json(&serde_json::json!(3)).unwrap_err().code(), "ROUTE_ENDPOINT_INVALID");
    /// ```
    pub fn from_json(v: &Value) -> Result<Endpoint> {
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let n = |k: &str| v.get(k).and_then(Value::as_f64);
        let keys = v.as_object().map_or(0, serde_json::Map::len);
        let r = match v {
            Value::String(id) => Some(Endpoint::Id(id.clone())),
            Value::Object(_) if keys == 1 && s("place").is_some() => s("place").map(Endpoint::Place),
            Value::Object(_) if keys == 1 && s("node").is_some() => s("node").map(Endpoint::Node),
            Value::Object(_) if keys == 1 && s("parking").is_some() => s("parking").map(Endpoint::Parking),
            Value::Object(_) if keys == 3 => match (s("level"), n("x"), n("y")) {
                (Some(level), Some(x), Some(y)) if x.is_finite() && y.is_finite() => {
                    Some(Endpoint::Point { level, x, y })
                }
                _ => None,
            },
            _ => None,
        };
        r.ok_or_else(|| {
            Error::from(Issue::new(
                "ROUTE_ENDPOINT_INVALID",
                "",
                "起点/终点应为地点 id、{place}、{node}、{parking} 或 {level, x, y}",
                "an endpoint must be a place id, {place}, {node}, {parking} or {level, x, y}",
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Endpoint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Endpoint, D::Error> {
        let v = Value::deserialize(d)?;
        Endpoint::from_json(&v).map_err(crate::json::to_serde_error)
    }
}

/// What to minimise.
///
/// # Example
/// ```
/// let o: mallcare::finder::route::Optimize = serde_json::from_str("\"time\"").unwrap();
/// assert_eq!(o, mallcare::finder::route::Optimize::Time);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Optimize {
    /// Shortest walk (default).
    #[default]
    Distance,
    /// Quickest, counting elevator waits and escalator speed.
    Time,
}

/// Who is walking.
///
/// # Example
/// ```
/// let m: mallcare::finder::route::Mode = serde_json::from_str("\"accessible\"").unwrap();
/// assert_eq!(m, mallcare::finder::route::Mode::Accessible);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// Anything walkable.
    #[default]
    Default,
    /// Step-free: no stairs, no escalators, no edges with steps (wheelchairs, strollers).
    Accessible,
    /// No elevators.
    AvoidElevators,
}

/// Options of a route, nearest or tour query.
///
/// # Example
/// ```
/// let o: mallcare::finder::route::RouteOptions =
///     serde_json::from_str(r#"{ "mode": "accessible", "closed": ["X1"], "at": "2026-05-01T21:30:00+08:00" }"#).unwrap();
/// assert_eq!(o.closed, vec!["X1".to_string()]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RouteOptions {
    /// Distance (default) or time.
    #[serde(default)]
    pub optimize: Optimize,
    /// Default, accessible or avoid elevators.
    #[serde(default)]
    pub mode: Mode,
    /// Connector kinds to avoid on top of the mode (`["stairs"]`).
    #[serde(default)]
    pub avoid: Vec<ConnectorKind>,
    /// Closed connector, edge, node (door) or place ids.
    #[serde(default)]
    pub closed: Vec<String>,
    /// When the walk happens: places whose `hours` say they are closed then are closed (walk-through stores are
    /// avoided; a closed destination is an error).
    #[serde(default)]
    pub at: Option<Timestamp>,
    /// How far (metres) a point may lie from the nearest walkable edge (default 50).
    #[serde(default)]
    pub max_snap: Option<f64>,
    /// Message language (`"zh-CN"` or `"en"`); the answer carries text in both.
    #[serde(default)]
    pub locale: Option<String>,
    /// `nearest`: how many places to answer (default 1).
    #[serde(default)]
    pub limit: Option<usize>,
    /// `tour`: come back to the start at the end.
    #[serde(default)]
    pub round_trip: bool,
}

/// A resolved endpoint of a route.
///
/// # Example
/// ```
/// let v = mallcare::finder::Venue::sample().unwrap();
/// let r = v.route(&"B2-A-001".parse().unwrap(), &"B1-A-001".parse().unwrap(), &Default::default()).unwrap();
/// assert_eq!((r.from.level_name.as_str(), r.to.level_name.as_str()), ("B2", "B1"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stop {
    /// Level id.
    pub level: String,
    /// Level display name (zh).
    pub level_name: String,
    /// East, metres (of the entrance, node, or snapped point).
    pub x: f64,
    /// North, metres.
    pub y: f64,
    /// The place, if the endpoint was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The parking code, if the endpoint was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parking: Option<String>,
    /// Zh name of the place / parking space / level.
    pub name: String,
    /// En name.
    pub name_en: String,
}

impl std::str::FromStr for Endpoint {
    type Err = Error;
    fn from_str(s: &str) -> Result<Endpoint> {
        Ok(Endpoint::Id(s.to_string()))
    }
}

/// One polyline of a route on one level, ready to draw.
///
/// # Example
/// ```
/// let v = mallcare::finder::Venue::sample().unwrap();
/// let r = v.route(&"B2-A-001".parse().unwrap(), &"B1-A-001".parse().unwrap(), &Default::default()).unwrap();
/// // one leg per stretch on a level, in walking order: it starts on B2 and ends on B1
/// assert_eq!(r.legs.first().unwrap().level_name, "B2");
/// assert_eq!(r.legs.last().unwrap().level_name, "B1");
/// assert!(r.legs.iter().all(|l| l.points.len() >= 2 && l.metres >= 0.0));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Leg {
    /// Level id.
    pub level: String,
    /// Level display name.
    pub level_name: String,
    /// Level ordinal.
    pub ordinal: i32,
    /// `[x, y]` in metres.
    pub points: Vec<[f64; 2]>,
    /// Metres walked on this leg.
    pub metres: f64,
}

/// A route: totals, legs per level, steps.
///
/// # Example
/// ```
/// use mallcare::finder::{Venue, route::Endpoint};
/// let v = Venue::sample().unwrap();
/// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Parking("B2-A-002".into()), &Default::default()).unwrap();
/// assert!(r.metres > 0.0);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// Metres (walked and ridden).
    pub metres: f64,
    /// Seconds, including elevator waits.
    pub seconds: f64,
    /// What was minimised.
    pub optimize: Optimize,
    /// The mode.
    pub mode: Mode,
    /// Start.
    pub from: Stop,
    /// End.
    pub to: Stop,
    /// Polylines, one per stretch on a level, in walking order.
    pub legs: Vec<Leg>,
    /// Directions, in both languages.
    pub steps: Vec<Step>,
    /// Connector ids used, in order.
    pub connectors: Vec<String>,
    /// The venue's version.
    pub version: String,
}

/// An endpoint resolved onto the graph: nodes to leave from / arrive at with their offsets (mm, ms).
#[derive(Clone, Debug)]
pub(crate) struct Anchor {
    pub stop: Stop,
    pub level: u16,
    pub place: Option<u32>,
    /// (node, mm, ms) ways out of the endpoint.
    pub out: Vec<(u32, u32, u32)>,
    /// (node, mm, ms) ways into the endpoint.
    pub inn: Vec<(u32, u32, u32)>,
    /// Snapped onto edge `e` at fraction `t`.
    pub seg: Option<(u32, f64)>,
}

/// The query's compiled filter and metric.
pub(crate) struct Ctx {
    pub filter: Filter,
    pub metric: Metric,
    pub closed_places: Vec<bool>,
}

fn frac(v: u32, t: f64) -> u32 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "t in [0,1], so the result fits")]
    let r = (f64::from(v) * t.clamp(0.0, 1.0)).round() as u32;
    r
}

impl Venue {
    pub(crate) fn resolve(&self, e: &Endpoint, opts: &RouteOptions, path: &str) -> Result<Anchor> {
        let unknown = |code: &str, what_zh: &str, what_en: &str, id: &str| -> Error {
            Error::from(Issue::new(code, path, format!("{what_zh}“{id}”不存在"), format!("no {what_en} \"{id}\"")))
        };
        match e {
            Endpoint::Id(id) => {
                if self.place_index.contains_key(id) {
                    self.resolve(&Endpoint::Place(id.clone()), opts, path)
                } else if self.node_index.contains_key(id) {
                    self.resolve(&Endpoint::Node(id.clone()), opts, path)
                } else if self.parking_index.contains_key(&super::parking::code_key(id)) {
                    self.resolve(&Endpoint::Parking(id.clone()), opts, path)
                } else {
                    Err(unknown("ROUTE_PLACE_UNKNOWN", "地点", "place", id))
                }
            }
            Endpoint::Place(id) => {
                let Some(&pi) = self.place_index.get(id) else {
                    return Err(unknown("ROUTE_PLACE_UNKNOWN", "地点", "place", id));
                };
                let p =
                    self.places.get(pi as usize).ok_or_else(|| unknown("ROUTE_PLACE_UNKNOWN", "地点", "place", id))?;
                let first = p.entrances.first().and_then(|&n| self.nodes.get(n as usize));
                let (ln, _) = self.level_name(p.level_index);
                Ok(Anchor {
                    stop: Stop {
                        level: p.level.clone(),
                        level_name: ln.to_string(),
                        x: first.map_or(p.x, |n| n.x),
                        y: first.map_or(p.y, |n| n.y),
                        place: Some(p.id.clone()),
                        parking: None,
                        name: p.name.clone(),
                        name_en: p.name_en.clone(),
                    },
                    level: p.level_index,
                    place: Some(pi),
                    out: p.entrances.iter().map(|&n| (n, 0, 0)).collect(),
                    inn: p.entrances.iter().map(|&n| (n, 0, 0)).collect(),
                    seg: None,
                })
            }
            Endpoint::Node(id) => {
                let Some(&k) = self.node_index.get(id) else {
                    return Err(unknown("ROUTE_NODE_UNKNOWN", "节点", "node", id));
                };
                Ok(self.node_anchor(k, None))
            }
            Endpoint::Parking(code) => {
                let key = super::parking::code_key(code);
                let Some(s) = self.parking_index.get(&key).and_then(|&i| self.parking.get(i as usize)) else {
                    return Err(unknown("ROUTE_PARKING_UNKNOWN", "车位", "parking space", code));
                };
                let mut a = match s.node {
                    Some(k) => self.node_anchor(k, Some(s.code.clone())),
                    None => self.snap(s.level, s.x, s.y, f64::INFINITY, path)?,
                };
                a.stop.parking = Some(s.code.clone());
                a.stop.name = format!("车位 {}", s.code);
                a.stop.name_en = format!("parking space {}", s.code);
                Ok(a)
            }
            Endpoint::Point { level, x, y } => {
                let Some(li) = self.levels.iter().position(|l| &l.id == level).and_then(|i| u16::try_from(i).ok())
                else {
                    return Err(Error::from(Issue::new(
                        "ROUTE_LEVEL_UNKNOWN",
                        format!("{path}.level"),
                        format!("楼层“{level}”不存在"),
                        format!("no level \"{level}\""),
                    )));
                };
                self.snap(li, *x, *y, opts.max_snap.filter(|m| *m >= 0.0).unwrap_or(50.0), path)
            }
        }
    }

    fn node_anchor(&self, k: u32, parking: Option<String>) -> Anchor {
        let n = self.nodes.get(k as usize);
        let level = n.map_or(0, |n| n.level);
        let (ln, ln_en) = self.level_name(level);
        Anchor {
            stop: Stop {
                level: self.levels.get(level as usize).map(|l| l.id.clone()).unwrap_or_default(),
                level_name: ln.to_string(),
                x: n.map_or(0.0, |n| n.x),
                y: n.map_or(0.0, |n| n.y),
                place: None,
                parking,
                name: ln.to_string(),
                name_en: ln_en.to_string(),
            },
            level,
            place: None,
            out: vec![(k, 0, 0)],
            inn: vec![(k, 0, 0)],
            seg: None,
        }
    }

    /// Snaps a point on level `li` to the nearest walkable edge of that level.
    fn snap(&self, li: u16, x: f64, y: f64, max: f64, path: &str) -> Result<Anchor> {
        let mut best: Option<(f64, u32, f64, f64, f64)> = None; // (d², edge, t, px, py)
        for &e in self.level_edges.get(li as usize).map_or(&[][..], Vec::as_slice) {
            let Some(ed) = self.edges.get(e as usize) else { continue };
            let (Some(a), Some(b)) = (self.nodes.get(ed.a as usize), self.nodes.get(ed.b as usize)) else { continue };
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((x - a.x) * dx + (y - a.y) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            let (px, py) = (a.x + t * dx, a.y + t * dy);
            let d2 = (px - x).powi(2) + (py - y).powi(2);
            if best.is_none_or(|(bd, ..)| d2 < bd) {
                best = Some((d2, e, t, px, py));
            }
        }
        let (ln, ln_en) = self.level_name(li);
        let Some((d2, e, t, px, py)) = best.filter(|(d2, ..)| d2.sqrt() <= max) else {
            // Whole metres with integer formatting (no float formatting code in the wasm).
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a finite non-negative distance"
            )]
            let far = best
                .map(|b| b.0.sqrt())
                .filter(|d| d.is_finite())
                .map_or_else(|| "inf".to_string(), |d| (d.round() as u64).to_string());
            return Err(Error::from(Issue::new(
                "ROUTE_POINT_OFF_MAP",
                path,
                format!("该点离 {ln} 的任何通道都太远（{far} 米）"),
                format!("the point is too far from any walkway on {ln_en} ({far} m)"),
            )));
        };
        let _ = d2;
        let ed = self.edges.get(e as usize).ok_or_else(|| Error::from(Issue::new("INTERNAL", path, "", "")))?;
        let to_a = (ed.a, frac(ed.dist, t), frac(ed.time, t));
        let to_b = (ed.b, frac(ed.dist, 1.0 - t), frac(ed.time, 1.0 - t));
        let (out, inn) = if ed.one_way { (vec![to_b], vec![to_a]) } else { (vec![to_a, to_b], vec![to_a, to_b]) };
        Ok(Anchor {
            stop: Stop {
                level: self.levels.get(li as usize).map(|l| l.id.clone()).unwrap_or_default(),
                level_name: ln.to_string(),
                x: px,
                y: py,
                place: None,
                parking: None,
                name: ln.to_string(),
                name_en: ln_en.to_string(),
            },
            level: li,
            place: None,
            out,
            inn,
            seg: Some((e, t)),
        })
    }

    /// Compiles options into a filter. Unknown closure ids are issues.
    pub(crate) fn context(&self, opts: &RouteOptions) -> Result<Ctx> {
        let mut classes = match opts.mode {
            Mode::Default => class::ALL,
            Mode::Accessible => class::STEP_FREE,
            Mode::AvoidElevators => class::ALL & !(1 << class::ELEVATOR),
        };
        for k in &opts.avoid {
            let c = match k {
                ConnectorKind::Elevator => class::ELEVATOR,
                ConnectorKind::Escalator => class::ESCALATOR,
                ConnectorKind::Stairs => class::STAIRS,
                ConnectorKind::Ramp => class::RAMP,
                ConnectorKind::MovingWalkway => class::WALKWAY,
            };
            classes &= !(1u16 << c);
        }
        let mut filter = Filter { classes, closed_owner: Vec::new(), closed_node: Vec::new() };
        let mut closed_places = Vec::new();
        let mut issues = Issues::default();
        let n_edges = self.edges.len();
        let owners = n_edges + self.conns.len();
        let close_owner = |f: &mut Filter, o: usize| {
            if f.closed_owner.is_empty() {
                f.closed_owner = vec![false; owners];
            }
            if let Some(s) = f.closed_owner.get_mut(o) {
                *s = true;
            }
        };
        let close_node = |f: &mut Filter, n: usize, count: usize| {
            if f.closed_node.is_empty() {
                f.closed_node = vec![false; count];
            }
            if let Some(s) = f.closed_node.get_mut(n) {
                *s = true;
            }
        };
        let close_place = |pi: usize, f: &mut Filter, closed_places: &mut Vec<bool>| {
            if closed_places.is_empty() {
                *closed_places = vec![false; self.places.len()];
            }
            if let Some(s) = closed_places.get_mut(pi) {
                *s = true;
            }
            let pi = u32::try_from(pi).ok();
            for (i, n) in self.nodes.iter().enumerate() {
                if n.place.is_some() && n.place == pi {
                    close_node(f, i, self.nodes.len());
                }
            }
            for (i, e) in self.edges.iter().enumerate() {
                if e.place.is_some() && e.place == pi {
                    close_owner(f, i);
                }
            }
        };
        for (i, id) in opts.closed.iter().enumerate() {
            if let Some(&c) = self.conn_index.get(id) {
                close_owner(&mut filter, n_edges + c as usize);
            } else if let Some(&e) = self.edge_index.get(id) {
                close_owner(&mut filter, e as usize);
            } else if let Some(&n) = self.node_index.get(id) {
                close_node(&mut filter, n as usize, self.nodes.len());
            } else if let Some(&p) = self.place_index.get(id) {
                close_place(p as usize, &mut filter, &mut closed_places);
            } else {
                issues.push(Issue::new(
                    "ROUTE_CLOSURE_UNKNOWN",
                    format!("closed[{i}]"),
                    format!("要关闭的“{id}”不是已知的连接设施、通道、节点或地点"),
                    format!("\"{id}\" is not a known connector, edge, node or place to close"),
                ));
            }
        }
        if let Some(at) = opts.at {
            for (i, p) in self.places.iter().enumerate() {
                if p.hours.is_some() && self.is_open(i, at) == Some(false) {
                    close_place(i, &mut filter, &mut closed_places);
                }
            }
        }
        issues.finish(())?;
        let metric = match opts.optimize {
            Optimize::Distance => Metric::Distance,
            Optimize::Time => Metric::Time,
        };
        Ok(Ctx { filter, metric, closed_places })
    }

    /// Whether place `i` is open at `at` by its hours; `None` when unknown.
    pub(crate) fn is_open(&self, i: usize, at: Timestamp) -> Option<bool> {
        let h = self.hours.get(i)?.as_ref()?;
        Some(h.is_open_in(at, super::venue::calendar()))
    }

    /// The cheapest path between anchors; `None` if unreachable.
    pub(crate) fn connect(&self, ctx: &Ctx, from: &Anchor, to: &Anchor) -> Option<(u64, Found)> {
        let m = ctx.metric as usize;
        let pick = |x: &(u32, u32, u32)| (x.0, if m == 0 { x.1 } else { x.2 });
        let sources: Vec<(u32, u32)> = from.out.iter().map(pick).collect();
        let targets: Vec<(u32, u32)> = to.inn.iter().map(pick).collect();
        // A* towards the end point when the end is a snapped point (each way in is charged at least the straight
        // line to it); otherwise towards the nearest of the end's nodes (a place may have entrances far apart).
        let goals: Vec<(f64, f64)> = if to.seg.is_some() {
            vec![(to.stop.x, to.stop.y)]
        } else {
            to.inn.iter().filter_map(|&(n, _, _)| self.nodes.get(n as usize).map(|p| (p.x, p.y))).collect()
        };
        let found = {
            let mut guard = self.scratch.lock().ok();
            let mut fresh = super::graph::Scratch::default();
            let scratch = guard.as_deref_mut().unwrap_or(&mut fresh);
            self.graph.shortest_to(&ctx.filter, ctx.metric, &sources, &targets, &goals, scratch)
        };
        let mut best = found.map(|f| (f.cost, f));
        // Both ends on one edge: walking straight along it may beat leaving it.
        if let (Some((e1, t1)), Some((e2, t2))) = (from.seg, to.seg) {
            if e1 == e2 {
                if let Some(ed) = self.edges.get(e1 as usize) {
                    let forward = t2 >= t1;
                    let allowed = (forward || !ed.one_way)
                        && ctx.filter.allows(ed.class, e1, u32::MAX)
                        && ed.place.is_none_or(|p| !ctx.closed_places.get(p as usize).copied().unwrap_or(false));
                    let w = if m == 0 { ed.dist } else { ed.time };
                    let c = u64::from(frac(w, (t2 - t1).abs()));
                    if allowed && best.as_ref().is_none_or(|(b, _)| c < *b) {
                        best = Some((c, Found { cost: c, source: usize::MAX, target: usize::MAX, arcs: Vec::new() }));
                    }
                }
            }
        }
        best
    }

    /// A route between two endpoints.
    ///
    /// # Errors
    /// `ROUTE_PLACE_UNKNOWN`, `ROUTE_NODE_UNKNOWN`, `ROUTE_PARKING_UNKNOWN`, `ROUTE_LEVEL_UNKNOWN`,
    /// `ROUTE_POINT_OFF_MAP` (paths `from` / `to`), `ROUTE_CLOSURE_UNKNOWN`, `ROUTE_DESTINATION_CLOSED`, and
    /// when no way exists: `ROUTE_NO_STEP_FREE_PATH`, `ROUTE_NO_PATH_WITHOUT_ELEVATOR`,
    /// `ROUTE_BLOCKED_BY_CLOSURES`, `ROUTE_UNREACHABLE`.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{Venue, route::{Endpoint, RouteOptions, Mode}};
    /// let v = Venue::sample().unwrap();
    /// let opts = RouteOptions { mode: Mode::Accessible, ..Default::default() };
    /// let r = v.route(&Endpoint::Parking("B2-A-001".into()), &Endpoint::Id("s-6-01".into()), &opts).unwrap();
    /// assert!(r.connectors.iter().all(|c| c.starts_with("EL")));
    /// ```
    pub fn route(&self, from: &Endpoint, to: &Endpoint, opts: &RouteOptions) -> Result<Route> {
        let (a, b, ctx) = self.prepare(from, to, opts)?;
        self.route_between(&ctx, opts, &a, &b)
    }

    pub(crate) fn prepare(&self, from: &Endpoint, to: &Endpoint, opts: &RouteOptions) -> Result<(Anchor, Anchor, Ctx)> {
        let mut issues = Issues::default();
        let a = issues.take(self.resolve(from, opts, "from"), "");
        let b = issues.take(self.resolve(to, opts, "to"), "");
        let ctx = issues.take(self.context(opts), "");
        match (a, b, ctx) {
            (Some(a), Some(b), Some(c)) if issues.is_empty() => Ok((a, b, c)),
            _ => Err(Error::new(issues.into_vec())),
        }
    }

    pub(crate) fn route_between(&self, ctx: &Ctx, opts: &RouteOptions, a: &Anchor, b: &Anchor) -> Result<Route> {
        if let Some(p) = b.place {
            if ctx.closed_places.get(p as usize).copied().unwrap_or(false) || self.place_closed_by_hours(p, opts) {
                let name = self.places.get(p as usize).map(|p| (p.name.clone(), p.name_en.clone(), p.hours.clone()));
                let (zh, en, h) = name.unwrap_or_default();
                let h = h.unwrap_or_default();
                return Err(Error::from(Issue::new(
                    "ROUTE_DESTINATION_CLOSED",
                    "to",
                    format!("“{zh}”此时不营业（营业时间：{h}）"),
                    format!("\"{en}\" is closed at that time (hours: {h})"),
                )));
            }
        }
        match self.connect(ctx, a, b) {
            Some((_, found)) => Ok(self.assemble(ctx, opts, a, b, &found)),
            None => Err(self.why_unreachable(opts, a, b)),
        }
    }

    fn place_closed_by_hours(&self, p: u32, opts: &RouteOptions) -> bool {
        opts.at.is_some_and(|at| self.is_open(p as usize, at) == Some(false))
    }

    /// Explains a failed search by relaxing the options one at a time.
    pub(crate) fn why_unreachable(&self, opts: &RouteOptions, a: &Anchor, b: &Anchor) -> Error {
        let (fa, fb) = (self.level_name(a.level), self.level_name(b.level));
        let relaxed = |o: RouteOptions| self.context(&o).ok().and_then(|c| self.connect(&c, a, b)).is_some();
        let no_closures = RouteOptions { closed: Vec::new(), at: None, ..opts.clone() };
        let blocked = (!opts.closed.is_empty() || opts.at.is_some()) && relaxed(no_closures.clone());
        if blocked {
            return Error::from(Issue::new(
                "ROUTE_BLOCKED_BY_CLOSURES",
                "",
                format!("由于关闭的设施或店铺，从 {} 到 {} 无路可走", fa.0, fb.0),
                format!("no way from {} to {} with the current closures", fa.1, fb.1),
            ));
        }
        let open = RouteOptions { mode: Mode::Default, avoid: Vec::new(), ..no_closures };
        if opts.mode != Mode::Default && relaxed(open.clone()) {
            return match opts.mode {
                Mode::Accessible => Error::from(Issue::new(
                    "ROUTE_NO_STEP_FREE_PATH",
                    "",
                    format!("从 {} 到 {} 没有无障碍（无台阶）路线", fa.0, fb.0),
                    format!("no step-free way from {} to {}", fa.1, fb.1),
                )),
                _ => Error::from(Issue::new(
                    "ROUTE_NO_PATH_WITHOUT_ELEVATOR",
                    "",
                    format!("不乘电梯无法从 {} 到 {}", fa.0, fb.0),
                    format!("no way from {} to {} without an elevator", fa.1, fb.1),
                )),
            };
        }
        if !opts.avoid.is_empty() && relaxed(open) {
            return Error::from(Issue::new(
                "ROUTE_AVOIDED_CONNECTORS_NEEDED",
                "",
                format!("从 {} 到 {} 必须使用所避开的设施", fa.0, fb.0),
                format!("every way from {} to {} uses an avoided connector", fa.1, fb.1),
            ));
        }
        Error::from(Issue::new(
            "ROUTE_UNREACHABLE",
            "",
            format!("场馆内没有从 {} 到 {} 的通道", fa.0, fb.0),
            format!("the venue has no way from {} to {}", fa.1, fb.1),
        ))
    }

    /// Turns a search result into the answer: totals, legs, steps.
    pub(crate) fn assemble(&self, ctx: &Ctx, opts: &RouteOptions, a: &Anchor, b: &Anchor, found: &Found) -> Route {
        let _ = ctx;
        let mut mm: u64 = 0;
        let mut ms: u64 = 0;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut connectors: Vec<String> = Vec::new();
        // A place's stop is the entrance actually used (a place may have several).
        let (mut from, mut to) = (a.stop.clone(), b.stop.clone());
        if found.source != usize::MAX {
            let at = |anchor: &Anchor, list: &[(u32, u32, u32)], i: usize, stop: &mut Stop| {
                let node = list.get(i).and_then(|&(n, _, _)| self.nodes.get(n as usize));
                if let (Some(_), Some(n)) = (anchor.place, node) {
                    (stop.x, stop.y) = (n.x, n.y);
                }
            };
            at(a, &a.out, found.source, &mut from);
            at(b, &b.inn, found.target, &mut to);
        }
        let start = (from.x, from.y);
        let mut walk = Piece::walk(a.level, start, None);
        if found.source == usize::MAX {
            // Along one edge.
            if let (Some((e, t1)), Some((_, t2))) = (a.seg, b.seg) {
                if let Some(ed) = self.edges.get(e as usize) {
                    let d = frac(ed.dist, (t2 - t1).abs());
                    mm += u64::from(d);
                    ms += u64::from(frac(ed.time, (t2 - t1).abs()));
                    walk.push((b.stop.x, b.stop.y), None, d);
                }
            }
        } else {
            if let Some(&(n, d, t)) = a.out.get(found.source) {
                mm += u64::from(d);
                ms += u64::from(t);
                if let Some(node) = self.nodes.get(n as usize) {
                    walk.push((node.x, node.y), Some(n), d);
                }
            }
            for &arc in &found.arcs {
                let Some((head, cls, owner)) = self.graph.arc(arc) else { continue };
                let d = self.graph.weight(arc, Metric::Distance);
                let t = self.graph.weight(arc, Metric::Time);
                mm += u64::from(d);
                ms += u64::from(t);
                let Some(hn) = self.nodes.get(head as usize) else { continue };
                let is_conn =
                    matches!(cls, class::ELEVATOR | class::ESCALATOR | class::STAIRS | class::RAMP | class::WALKWAY);
                if is_conn {
                    let ci = (owner as usize).saturating_sub(self.edges.len());
                    if let Some(c) = self.conns.get(ci) {
                        if connectors.last() != Some(&c.id) {
                            connectors.push(c.id.clone());
                        }
                        let from_level = walk.level();
                        pieces.push(std::mem::replace(&mut walk, Piece::walk(hn.level, (hn.x, hn.y), Some(head))));
                        pieces.push(Piece::Ride { conn: ci, from_level, to_level: hn.level, mm: d });
                        continue;
                    }
                }
                walk.push((hn.x, hn.y), Some(head), d);
            }
            if let Some(&(_, d, t)) = b.inn.get(found.target) {
                mm += u64::from(d);
                ms += u64::from(t);
                walk.push((to.x, to.y), None, d);
            }
        }
        pieces.push(walk);
        let legs = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Walk { level, pts, mm, .. } if pts.len() >= 2 || pieces.len() == 1 => {
                    let l = self.levels.get(*level as usize)?;
                    Some(Leg {
                        level: l.id.clone(),
                        level_name: l.name.clone(),
                        ordinal: l.ordinal,
                        points: pts.iter().map(|&(x, y)| [x, y]).collect(),
                        metres: f64::from(*mm) / 1000.0,
                    })
                }
                _ => None,
            })
            .collect();
        let steps = directions::steps(self, &pieces, a, b);
        #[allow(clippy::cast_precision_loss, reason = "totals are far below 2^52")]
        let (metres, seconds) = (mm as f64 / 1000.0, ms as f64 / 1000.0);
        Route {
            metres,
            seconds,
            optimize: opts.optimize,
            mode: opts.mode,
            from,
            to,
            legs,
            steps,
            connectors,
            version: self.version.clone(),
        }
    }
}
