//! The loaded venue: the document checked once (every issue collected, with paths) and compiled into a compact
//! graph, then queried many times.

use super::graph::{class, ArcSpec, Graph, Scratch};
use super::hours::OpeningHours;
use super::search::{Hit, SearchIndex, SearchOptions};
use super::Map as HashMap;
use crate::error::{Issue, Issues};
use crate::Result;
use serde::Serialize;
use std::sync::Mutex;

pub use super::doc::*;

/// The calendar used for `PH` (public holiday) rules of opening hours: the embedded holiday-cn data.
pub(crate) fn calendar() -> &'static crate::Calendar {
    static CAL: std::sync::OnceLock<crate::Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(crate::Calendar::embedded)
}

/// Default walking speed, metres per second.
///
/// # Example
/// ```
/// use mallcare::finder::{venue::WALK_SPEED, Venue};
/// // A 12 m corridor; the document gives no `walkSpeed`.
/// let v = Venue::load(r#"{ "version": "1", "name": "小店",
///   "levels": [{ "id": "L1", "ordinal": 0, "name": "1F" }],
///   "nodes": [{ "id": "a", "level": "L1", "x": 0, "y": 0 }, { "id": "b", "level": "L1", "x": 12, "y": 0 }],
///   "edges": [{ "from": "a", "to": "b" }] }"#).unwrap();
/// let r = v.route(&"a".parse().unwrap(), &"b".parse().unwrap(), &Default::default()).unwrap();
/// assert!((r.metres - 12.0).abs() < 1e-9);
/// assert!((r.seconds - 12.0 / WALK_SPEED).abs() < 1e-9); // 10 s
/// ```
pub const WALK_SPEED: f64 = 1.2;
/// Default elevator wait, seconds.
///
/// # Example
/// ```
/// use mallcare::finder::{venue::ELEVATOR_WAIT, Venue};
/// // An elevator between two levels; once with the default wait, once with `waitSeconds: 0`.
/// let seconds = |wait: &str| {
///     let v = Venue::load(&format!(r#"{{ "version": "1", "name": "小店",
///       "levels": [{{ "id": "L1", "ordinal": 0, "name": "1F" }}, {{ "id": "L2", "ordinal": 1, "name": "2F" }}],
///       "nodes": [{{ "id": "a", "level": "L1", "x": 0, "y": 0 }}, {{ "id": "b", "level": "L2", "x": 0, "y": 0 }}],
///       "connectors": [{{ "id": "EL1", "kind": "elevator", "nodes": ["a", "b"] {wait} }}] }}"#)).unwrap();
///     v.route(&"a".parse().unwrap(), &"b".parse().unwrap(), &Default::default()).unwrap().seconds
/// };
/// assert!((seconds("") - seconds(r#", "waitSeconds": 0"#) - ELEVATOR_WAIT).abs() < 1e-9);
/// ```
pub const ELEVATOR_WAIT: f64 = 30.0;
const ELEVATOR_SPEED: f64 = 1.5;
const LEVEL_HEIGHT: f64 = 5.0;
const MAX_COST: f64 = (u32::MAX / 8) as f64;

/// A level of a loaded venue.
///
/// # Example
/// ```
/// let v = mallcare::finder::Venue::sample().unwrap();
/// let l = &v.levels()[0];
/// assert_eq!(l.name, "B2");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    /// Id from the document.
    pub id: String,
    /// Physical order (0 ground).
    pub ordinal: i32,
    /// Display name (zh).
    pub name: String,
    /// Display name (en).
    pub name_en: String,
    /// Elevation, metres.
    pub elevation: f64,
}

/// A place of a loaded venue (store or amenity).
///
/// # Example
/// ```
/// let v = mallcare::finder::Venue::sample().unwrap();
/// assert!(v.places().iter().any(|p| p.kind == mallcare::finder::PlaceKind::Restroom));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// Id.
    pub id: String,
    /// Store or amenity kind.
    pub kind: PlaceKind,
    /// Name (zh).
    pub name: String,
    /// Name (en); the zh name when the document has none.
    pub name_en: String,
    /// Brand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Level id.
    pub level: String,
    /// Unit number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Opening hours (OSM syntax).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Pinyin readings from the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinyin: Option<Vec<String>>,
    /// Label position.
    pub x: f64,
    /// Label position.
    pub y: f64,
    #[serde(skip)]
    pub(crate) level_index: u16,
    #[serde(skip)]
    pub(crate) entrances: Vec<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct NodeInfo {
    pub level: u16,
    pub x: f64,
    pub y: f64,
    pub place: Option<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct EdgeInfo {
    pub a: u32,
    pub b: u32,
    pub dist: u32,
    pub time: u32,
    pub one_way: bool,
    pub class: u8,
    pub place: Option<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct ConnInfo {
    pub id: String,
    pub kind: ConnectorKind,
}

#[derive(Clone, Debug)]
pub(crate) struct ParkingInfo {
    pub code: String,
    pub level: u16,
    pub zone: Option<String>,
    pub node: Option<u32>,
    pub x: f64,
    pub y: f64,
}

/// What [`Venue::summary`] answers.
///
/// # Example
/// ```
/// let s = mallcare::finder::Venue::sample().unwrap().summary();
/// assert_eq!(s.levels.len(), 8);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VenueSummary {
    /// Document version.
    pub version: String,
    /// Document fingerprint.
    pub fingerprint: String,
    /// Name (zh).
    pub name: String,
    /// Name (en).
    pub name_en: String,
    /// Levels.
    pub levels: Vec<Level>,
    /// Number of places.
    pub places: usize,
    /// Number of stores.
    pub stores: usize,
    /// Number of parking spaces.
    pub parking: usize,
    /// Graph nodes.
    pub nodes: usize,
    /// Graph arcs.
    pub arcs: usize,
}

/// A loaded, checked venue. Cheap to query; clone it to share (the graph is rebuilt never).
///
/// # Example
/// ```
/// use mallcare::finder::Venue;
/// let v = Venue::load(r#"{ "version": "1", "name": "小店",
///   "levels": [{ "id": "L1", "ordinal": 0, "name": "1F" }],
///   "nodes": [{ "id": "a", "level": "L1", "x": 0, "y": 0 }, { "id": "b", "level": "L1", "x": 3, "y": 4 }],
///   "edges": [{ "from": "a", "to": "b" }] }"#).unwrap();
/// assert_eq!(v.version(), "1");
/// assert_eq!(v.fingerprint().len(), 16);
/// ```
#[derive(Debug)]
pub struct Venue {
    pub(crate) version: String,
    pub(crate) fingerprint: String,
    pub(crate) name: String,
    pub(crate) name_en: String,
    pub(crate) levels: Vec<Level>,
    pub(crate) nodes: Vec<NodeInfo>,
    pub(crate) node_index: HashMap<String, u32>,
    pub(crate) edges: Vec<EdgeInfo>,
    pub(crate) edge_index: HashMap<String, u32>,
    pub(crate) conns: Vec<ConnInfo>,
    pub(crate) conn_index: HashMap<String, u32>,
    pub(crate) places: Vec<Place>,
    pub(crate) place_index: HashMap<String, u32>,
    pub(crate) parking: Vec<ParkingInfo>,
    pub(crate) parking_index: HashMap<String, u32>,
    /// Walk edges per level, for snapping points.
    pub(crate) level_edges: Vec<Vec<u32>>,
    /// Per node: the place it is an entrance of (stores first), `u32::MAX` if none.
    pub(crate) entrance_of: Vec<u32>,
    /// Parsed opening hours per place.
    pub(crate) hours: Vec<Option<OpeningHours>>,
    /// The search index over the places.
    pub(crate) search: SearchIndex,
    pub(crate) graph: Graph,
    pub(crate) scratch: Mutex<Scratch>,
}

impl Clone for Venue {
    fn clone(&self) -> Venue {
        Venue {
            version: self.version.clone(),
            fingerprint: self.fingerprint.clone(),
            name: self.name.clone(),
            name_en: self.name_en.clone(),
            levels: self.levels.clone(),
            nodes: self.nodes.clone(),
            node_index: self.node_index.clone(),
            edges: self.edges.clone(),
            edge_index: self.edge_index.clone(),
            conns: self.conns.clone(),
            conn_index: self.conn_index.clone(),
            places: self.places.clone(),
            place_index: self.place_index.clone(),
            parking: self.parking.clone(),
            parking_index: self.parking_index.clone(),
            level_edges: self.level_edges.clone(),
            entrance_of: self.entrance_of.clone(),
            hours: self.hours.clone(),
            search: self.search.clone(),
            graph: self.graph.clone(),
            scratch: Mutex::new(Scratch::default()),
        }
    }
}

fn issue(code: &str, path: String, zh: String, en: String) -> Issue {
    Issue::new(code, path, zh, en)
}

/// A number as JSON writes it (the answers' number formatting; `core::fmt` float code stays out of the wasm).
fn json_number(x: f64) -> String {
    serde_json::Number::from_f64(x).map_or_else(|| "NaN".to_string(), |n| n.to_string())
}

/// A number for a message as `Display` writes it (`-1`, `-0.5`) without `core::fmt`'s float code (several KB of
/// wasm): integers through `i64`, others as JSON writes them (the same digits; only magnitudes JSON writes with an
/// exponent, below 1e-5 or from 1e16 up, read differently).
fn num_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation, reason = "an integer below 1e15 in magnitude")]
        return (x as i64).to_string();
    }
    json_number(x)
}

fn to_units(x: f64) -> u32 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..MAX_COST first")]
    let v = x.round().clamp(0.0, MAX_COST) as u32;
    v
}

impl Venue {
    /// Loads a venue document from JSON text.
    ///
    /// # Errors
    /// `JSON_SYNTAX`, `VENUE_INVALID` (shape, with path) or every semantic issue found (see
    /// [`Venue::from_doc`]).
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::Venue::load("{}").unwrap_err();
    /// assert_eq!(e.code(), "VENUE_INVALID");
    /// ```
    pub fn load(json: &str) -> Result<Venue> {
        Venue::load_value(crate::json::parse_text(json)?)
    }

    /// Loads a venue document from a JSON value (fingerprinted as given).
    ///
    /// # Errors
    /// As [`Venue::load`].
    ///
    /// # Example
    /// ```
    /// let e = mallcare::finder::Venue::load_value(serde_json::json!({"version": 1})).unwrap_err();
    /// assert_eq!(e.issues()[0].path, "version");
    /// ```
    pub fn load_value(value: serde_json::Value) -> Result<Venue> {
        let fingerprint = crate::json::fingerprint(&value);
        let doc = super::read::venue_doc(&value)?;
        Venue::build(&doc, fingerprint)
    }

    /// Checks and compiles a document (as made by an importer). The fingerprint is that of the document's JSON.
    ///
    /// # Errors
    /// Every issue found, each with its path: `VENUE_DUPLICATE_ID`, `VENUE_LEVEL_UNKNOWN`,
    /// `VENUE_LEVEL_ORDINAL_DUPLICATE`, `VENUE_NODE_UNKNOWN`, `VENUE_PLACE_UNKNOWN`, `VENUE_EDGE_CROSSES_LEVELS`,
    /// `VENUE_LENGTH_INVALID`, `VENUE_COORDINATE_INVALID`, `VENUE_CONNECTOR_TOO_SHORT`,
    /// `VENUE_CONNECTOR_SAME_LEVEL`, `VENUE_ENTRANCE_OFF_LEVEL`, `VENUE_ENTRANCE_OFF_GRAPH`,
    /// `VENUE_PLACE_NO_ENTRANCE`, `VENUE_PARKING_DUPLICATE`, `VENUE_PARKING_POSITION_MISSING`,
    /// `VENUE_PARKING_OFF_GRAPH`, `VENUE_EMPTY`, `VENUE_SPEED_INVALID`.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::{Venue, VenueDoc, LevelDoc, NodeDoc, ConnectorDoc, ConnectorKind};
    /// let doc = VenueDoc {
    ///     version: "1".into(), name: "x".into(),
    ///     levels: vec![LevelDoc { id: "L1".into(), ordinal: 0, name: "1F".into(), ..Default::default() }],
    ///     nodes: vec![NodeDoc { id: "a".into(), level: "L1".into(), ..Default::default() }],
    ///     connectors: vec![ConnectorDoc { id: "E".into(), kind: ConnectorKind::Elevator,
    ///         nodes: vec!["a".into(), "b".into()], one_way: None, length: None, seconds: None,
    ///         wait_seconds: None, name: None, name_en: None }],
    ///     ..Default::default()
    /// };
    /// let e = Venue::from_doc(&doc).unwrap_err();
    /// assert!(e.has_code("VENUE_NODE_UNKNOWN"));
    /// assert_eq!(e.issues()[0].path, "connectors[0].nodes[1]");
    /// ```
    pub fn from_doc(doc: &VenueDoc) -> Result<Venue> {
        let value = super::read::doc_value(doc);
        Venue::build(doc, crate::json::fingerprint(&value))
    }

    #[allow(clippy::too_many_lines, reason = "one pass of checks that must all run before failing")]
    fn build(doc: &VenueDoc, fingerprint: String) -> Result<Venue> {
        let mut issues = Issues::default();
        let walk = doc.walk_speed.unwrap_or(WALK_SPEED);
        if !(walk.is_finite() && walk > 0.0) {
            issues.push(issue(
                "VENUE_SPEED_INVALID",
                "walkSpeed".into(),
                format!("步行速度应为正数：{}", json_number(walk)),
                format!("walk speed must be positive: {}", json_number(walk)),
            ));
        }
        let walk = if walk.is_finite() && walk > 0.0 { walk } else { WALK_SPEED };
        if doc.levels.is_empty() || doc.nodes.is_empty() {
            issues.push(issue(
                "VENUE_EMPTY",
                if doc.levels.is_empty() { "levels" } else { "nodes" }.into(),
                "场馆至少需要一个楼层和一个节点".into(),
                "a venue needs at least one level and one node".into(),
            ));
        }
        // Ids: one namespace for nodes, edges, connectors and places.
        // (Every map of this function is a `HashMap<String, u32>`: one map instance in the wasm.)
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut id_paths: Vec<String> = Vec::new();
        let mut claim = |id: &str, path: String, issues: &mut Issues| {
            if let Some(first) = ids.get(id).and_then(|&k| id_paths.get(k as usize)) {
                issues.push(issue(
                    "VENUE_DUPLICATE_ID",
                    path,
                    format!("id“{id}”重复，已用于 {first}"),
                    format!("duplicate id \"{id}\", already used at {first}"),
                ));
            } else {
                ids.insert(id.to_string(), u32::try_from(id_paths.len()).unwrap_or(u32::MAX));
                id_paths.push(path);
            }
        };
        // Levels.
        let mut level_index: HashMap<String, u32> = HashMap::default();
        // (ordinal, index in `levels` of the document) of the levels taken so far; levels are few.
        let mut ordinals: Vec<(i32, usize)> = Vec::new();
        let mut levels = Vec::with_capacity(doc.levels.len());
        for (i, l) in doc.levels.iter().enumerate() {
            let p = format!("levels[{i}]");
            if level_index.contains_key(l.id.as_str()) {
                issues.push(issue(
                    "VENUE_DUPLICATE_ID",
                    format!("{p}.id"),
                    format!("楼层 id“{}”重复", l.id),
                    format!("duplicate level id \"{}\"", l.id),
                ));
                continue;
            }
            let before = ordinals.iter().rev().find(|o| o.0 == l.ordinal).map(|o| o.1);
            ordinals.push((l.ordinal, i));
            if let Some(j) = before {
                issues.push(issue(
                    "VENUE_LEVEL_ORDINAL_DUPLICATE",
                    format!("{p}.ordinal"),
                    format!("楼层序号 {} 与 levels[{j}] 重复", l.ordinal),
                    format!("level ordinal {} repeats levels[{j}]", l.ordinal),
                ));
            }
            let elevation = l.elevation.unwrap_or(f64::from(l.ordinal) * LEVEL_HEIGHT);
            if !elevation.is_finite() {
                issues.push(issue(
                    "VENUE_COORDINATE_INVALID",
                    format!("{p}.elevation"),
                    "楼层高度应为有限数".into(),
                    "elevation must be a finite number".into(),
                ));
            }
            let Ok(idx) = u16::try_from(levels.len()) else { continue };
            level_index.insert(l.id.clone(), u32::from(idx));
            levels.push(Level {
                id: l.id.clone(),
                ordinal: l.ordinal,
                name: l.name.clone(),
                name_en: l.name_en.clone().unwrap_or_else(|| l.name.clone()),
                elevation: if elevation.is_finite() { elevation } else { 0.0 },
            });
        }
        let level_of = |id: &str, path: String, issues: &mut Issues| -> Option<u16> {
            let r = level_index.get(id).and_then(|&k| u16::try_from(k).ok());
            if r.is_none() {
                issues.push(issue(
                    "VENUE_LEVEL_UNKNOWN",
                    path,
                    format!("楼层“{id}”不存在"),
                    format!("no level \"{id}\""),
                ));
            }
            r
        };
        // Places first (ids only), so nodes and edges can name them.
        let mut place_index: HashMap<String, u32> = HashMap::default();
        for (i, p) in doc.places.iter().enumerate() {
            claim(&p.id, format!("places[{i}]"), &mut issues);
            if let Ok(k) = u32::try_from(i) {
                place_index.entry(p.id.clone()).or_insert(k);
            }
        }
        let place_ref = |id: &Option<String>, path: String, issues: &mut Issues| -> Option<u32> {
            let id = id.as_ref()?;
            let r = place_index.get(id).copied();
            if r.is_none() {
                issues.push(issue(
                    "VENUE_PLACE_UNKNOWN",
                    path,
                    format!("地点“{id}”不存在"),
                    format!("no place \"{id}\""),
                ));
            }
            r
        };
        // Nodes.
        let mut nodes = Vec::with_capacity(doc.nodes.len());
        let mut node_index: HashMap<String, u32> =
            HashMap::with_capacity_and_hasher(doc.nodes.len(), Default::default());
        for (i, n) in doc.nodes.iter().enumerate() {
            let p = format!("nodes[{i}]");
            claim(&n.id, p.clone(), &mut issues);
            let level = level_of(&n.level, format!("{p}.level"), &mut issues);
            if !(n.x.is_finite() && n.y.is_finite()) {
                issues.push(issue(
                    "VENUE_COORDINATE_INVALID",
                    p.clone(),
                    "坐标应为有限数".into(),
                    "coordinates must be finite numbers".into(),
                ));
            }
            let place = place_ref(&n.place, format!("{p}.place"), &mut issues);
            if node_index.contains_key(&n.id) {
                continue;
            }
            let Ok(k) = u32::try_from(nodes.len()) else { continue };
            node_index.insert(n.id.clone(), k);
            nodes.push(NodeInfo {
                level: level.unwrap_or(0),
                x: if n.x.is_finite() { n.x } else { 0.0 },
                y: if n.y.is_finite() { n.y } else { 0.0 },
                place,
            });
        }
        let node_ref = |id: &str, path: String, issues: &mut Issues| -> Option<u32> {
            let r = node_index.get(id).copied();
            if r.is_none() {
                issues.push(issue(
                    "VENUE_NODE_UNKNOWN",
                    path,
                    format!("节点“{id}”不存在"),
                    format!("no node \"{id}\""),
                ));
            }
            r
        };
        let node = |k: u32| nodes.get(k as usize);
        let mut arcs: Vec<ArcSpec> = Vec::with_capacity(doc.edges.len() * 2);
        // Edges.
        let mut edges = Vec::with_capacity(doc.edges.len());
        let mut edge_index = HashMap::default();
        let mut level_edges: Vec<Vec<u32>> = vec![Vec::new(); levels.len()];
        for (i, e) in doc.edges.iter().enumerate() {
            let p = format!("edges[{i}]");
            if let Some(id) = &e.id {
                claim(id, p.clone(), &mut issues);
            }
            let a = node_ref(&e.from, format!("{p}.from"), &mut issues);
            let b = node_ref(&e.to, format!("{p}.to"), &mut issues);
            let place = place_ref(&e.place, format!("{p}.place"), &mut issues);
            if let Some(len) = e.length {
                if !(len.is_finite() && len >= 0.0) {
                    issues.push(issue(
                        "VENUE_LENGTH_INVALID",
                        format!("{p}.length"),
                        format!("长度应为非负有限数：{}", num_text(len)),
                        format!("length must be a finite number >= 0: {}", num_text(len)),
                    ));
                }
            }
            let (Some(a), Some(b)) = (a, b) else { continue };
            let (Some(na), Some(nb)) = (node(a), node(b)) else { continue };
            if na.level != nb.level {
                issues.push(issue(
                    "VENUE_EDGE_CROSSES_LEVELS",
                    p.clone(),
                    format!("边连接了不同楼层的节点“{}”和“{}”，跨楼层请用连接设施", e.from, e.to),
                    format!("edge joins nodes on different levels (\"{}\", \"{}\"); use a connector", e.from, e.to),
                ));
                continue;
            }
            let len =
                e.length.filter(|l| l.is_finite() && *l >= 0.0).unwrap_or_else(|| (nb.x - na.x).hypot(nb.y - na.y));
            let cls = if e.step_free == Some(false) {
                class::STEPS
            } else {
                match e.kind.unwrap_or_default() {
                    EdgeKind::Corridor => class::CORRIDOR,
                    EdgeKind::Door => class::DOOR,
                    EdgeKind::Open => class::OPEN,
                }
            };
            let Ok(k) = u32::try_from(edges.len()) else { continue };
            let info = EdgeInfo {
                a,
                b,
                dist: to_units(len * 1000.0),
                time: to_units(len / walk * 1000.0),
                one_way: e.one_way,
                class: cls,
                place,
            };
            arcs.push(ArcSpec { from: a, to: b, dist: info.dist, time: info.time, class: cls, owner: k });
            if !e.one_way {
                arcs.push(ArcSpec { from: b, to: a, dist: info.dist, time: info.time, class: cls, owner: k });
            }
            if let Some(list) = level_edges.get_mut(na.level as usize) {
                list.push(k);
            }
            if let Some(id) = &e.id {
                edge_index.insert(id.clone(), k);
            }
            edges.push(info);
        }
        // Connectors.
        let n_edges = u32::try_from(edges.len()).unwrap_or(u32::MAX);
        let mut conns = Vec::with_capacity(doc.connectors.len());
        let mut conn_index = HashMap::default();
        let elev = |k: u32| node(k).and_then(|n| levels.get(n.level as usize)).map_or(0.0, |l| l.elevation);
        for (i, c) in doc.connectors.iter().enumerate() {
            let p = format!("connectors[{i}]");
            claim(&c.id, p.clone(), &mut issues);
            if c.nodes.len() < 2 {
                issues.push(issue(
                    "VENUE_CONNECTOR_TOO_SHORT",
                    format!("{p}.nodes"),
                    "连接设施至少需要两个停靠点".into(),
                    "a connector needs at least two stops".into(),
                ));
            }
            for (what, v) in [("length", c.length), ("seconds", c.seconds), ("waitSeconds", c.wait_seconds)] {
                if let Some(v) = v {
                    if !(v.is_finite() && v >= 0.0) {
                        issues.push(issue(
                            "VENUE_LENGTH_INVALID",
                            format!("{p}.{what}"),
                            format!("{what} 应为非负有限数：{}", num_text(v)),
                            format!("{what} must be a finite number >= 0: {}", num_text(v)),
                        ));
                    }
                }
            }
            let stops: Vec<Option<u32>> = c
                .nodes
                .iter()
                .enumerate()
                .map(|(j, id)| node_ref(id, format!("{p}.nodes[{j}]"), &mut issues))
                .collect();
            let Some(stops) = stops.into_iter().collect::<Option<Vec<u32>>>() else { continue };
            let vertical = matches!(c.kind, ConnectorKind::Elevator | ConnectorKind::Escalator | ConnectorKind::Stairs);
            for (j, pair) in stops.windows(2).enumerate() {
                if let [a, b] = pair {
                    if vertical && node(*a).map(|n| n.level) == node(*b).map(|n| n.level) {
                        issues.push(issue(
                            "VENUE_CONNECTOR_SAME_LEVEL",
                            format!("{p}.nodes[{}]", j + 1),
                            "电梯、扶梯或楼梯的相邻停靠点应在不同楼层".into(),
                            "consecutive stops of an elevator, escalator or stairs must be on different levels".into(),
                        ));
                    }
                }
            }
            let Ok(k) = u32::try_from(conns.len()) else { continue };
            let owner = n_edges.saturating_add(k);
            let good = |v: Option<f64>| v.filter(|x| x.is_finite() && *x >= 0.0);
            let hop = |a: u32, b: u32| -> (f64, f64) {
                let (Some(na), Some(nb)) = (node(a), node(b)) else { return (0.0, 0.0) };
                let horiz = (nb.x - na.x).hypot(nb.y - na.y);
                let dz = elev(b) - elev(a);
                let len = good(c.length).unwrap_or_else(|| horiz.hypot(dz));
                let secs = good(c.seconds).unwrap_or(match c.kind {
                    ConnectorKind::Elevator => dz.abs() / ELEVATOR_SPEED + horiz / walk,
                    ConnectorKind::Escalator | ConnectorKind::Stairs => len / 0.5,
                    ConnectorKind::Ramp => len / 1.0,
                    ConnectorKind::MovingWalkway => len / 1.8,
                });
                (len, secs)
            };
            let cls = match c.kind {
                ConnectorKind::Elevator => class::ELEVATOR,
                ConnectorKind::Escalator => class::ESCALATOR,
                ConnectorKind::Stairs => class::STAIRS,
                ConnectorKind::Ramp => class::RAMP,
                ConnectorKind::MovingWalkway => class::WALKWAY,
            };
            if c.kind == ConnectorKind::Elevator {
                let wait = good(c.wait_seconds).unwrap_or(ELEVATOR_WAIT);
                // Prefix sums of hop costs so a ride over several stops costs the sum of its hops, plus one wait.
                let mut cum = vec![(0.0f64, 0.0f64)];
                for pair in stops.windows(2) {
                    if let ([a, b], Some(&(l0, s0))) = (pair, cum.last()) {
                        let (l, s) = hop(*a, *b);
                        cum.push((l0 + l, s0 + s));
                    }
                }
                for (x, &a) in stops.iter().enumerate() {
                    for (y, &b) in stops.iter().enumerate() {
                        if x == y {
                            continue;
                        }
                        let (Some(&(lx, sx)), Some(&(ly, sy))) = (cum.get(x), cum.get(y)) else { continue };
                        let (l, s) = ((ly - lx).abs(), (sy - sx).abs() + wait);
                        arcs.push(ArcSpec {
                            from: a,
                            to: b,
                            dist: to_units(l * 1000.0),
                            time: to_units(s * 1000.0),
                            class: cls,
                            owner,
                        });
                    }
                }
            } else {
                let one_way =
                    c.kind == ConnectorKind::Escalator || c.one_way.unwrap_or(c.kind == ConnectorKind::MovingWalkway);
                for pair in stops.windows(2) {
                    if let [a, b] = pair {
                        let (l, s) = hop(*a, *b);
                        let (d, t) = (to_units(l * 1000.0), to_units(s * 1000.0));
                        arcs.push(ArcSpec { from: *a, to: *b, dist: d, time: t, class: cls, owner });
                        if !one_way {
                            let (l, s) = hop(*b, *a);
                            let (d, t) = (to_units(l * 1000.0), to_units(s * 1000.0));
                            arcs.push(ArcSpec { from: *b, to: *a, dist: d, time: t, class: cls, owner });
                        }
                    }
                }
            }
            conn_index.insert(c.id.clone(), k);
            conns.push(ConnInfo { id: c.id.clone(), kind: c.kind });
        }
        let mut degree = vec![0u32; nodes.len()];
        for a in &arcs {
            for v in [a.from, a.to] {
                if let Some(d) = degree.get_mut(v as usize) {
                    *d += 1;
                }
            }
        }
        // Places.
        let mut places = Vec::with_capacity(doc.places.len());
        for (i, p) in doc.places.iter().enumerate() {
            let path = format!("places[{i}]");
            let level = level_of(&p.level, format!("{path}.level"), &mut issues);
            if p.entrances.is_empty() {
                issues.push(issue(
                    "VENUE_PLACE_NO_ENTRANCE",
                    format!("{path}.entrances"),
                    format!("地点“{}”没有入口", p.name),
                    format!("place \"{}\" has no entrance", p.name),
                ));
            }
            let mut entrances = Vec::with_capacity(p.entrances.len());
            for (j, id) in p.entrances.iter().enumerate() {
                let ep = format!("{path}.entrances[{j}]");
                let Some(k) = node_ref(id, ep.clone(), &mut issues) else { continue };
                if let (Some(l), Some(n)) = (level, node(k)) {
                    if n.level != l {
                        issues.push(issue(
                            "VENUE_ENTRANCE_OFF_LEVEL",
                            ep.clone(),
                            format!("入口节点“{id}”不在地点所在楼层“{}”", p.level),
                            format!("entrance node \"{id}\" is not on the place's level \"{}\"", p.level),
                        ));
                    }
                }
                if degree.get(k as usize).copied().unwrap_or(0) == 0 && nodes.len() > 1 {
                    issues.push(issue(
                        "VENUE_ENTRANCE_OFF_GRAPH",
                        ep,
                        format!("入口节点“{id}”没有连接任何通道"),
                        format!("entrance node \"{id}\" is not connected to any edge or connector"),
                    ));
                }
                entrances.push(k);
            }
            let first = entrances.first().and_then(|&k| node(k));
            places.push(Place {
                id: p.id.clone(),
                kind: p.kind,
                name: p.name.clone(),
                name_en: p.name_en.clone().unwrap_or_else(|| p.name.clone()),
                brand: p.brand.clone(),
                category: p.category.clone(),
                level: p.level.clone(),
                unit: p.unit.clone(),
                hours: p.hours.clone(),
                phone: p.phone.clone(),
                pinyin: p.pinyin.clone(),
                x: p.x.filter(|v| v.is_finite()).or(first.map(|n| n.x)).unwrap_or(0.0),
                y: p.y.filter(|v| v.is_finite()).or(first.map(|n| n.y)).unwrap_or(0.0),
                level_index: level.unwrap_or(0),
                entrances,
            });
        }
        // Parking.
        let mut parking = Vec::with_capacity(doc.parking.len());
        let mut parking_index = HashMap::default();
        for (i, s) in doc.parking.iter().enumerate() {
            let p = format!("parking[{i}]");
            let key = super::parking::code_key(&s.code);
            if parking_index.contains_key(&key) {
                issues.push(issue(
                    "VENUE_PARKING_DUPLICATE",
                    format!("{p}.code"),
                    format!("车位编号“{}”重复", s.code),
                    format!("duplicate parking code \"{}\"", s.code),
                ));
                continue;
            }
            let level = level_of(&s.level, format!("{p}.level"), &mut issues);
            let node_k = s.node.as_ref().and_then(|id| node_ref(id, format!("{p}.node"), &mut issues));
            let (x, y) = match (node_k.and_then(node), s.x, s.y) {
                (Some(n), _, _) => (n.x, n.y),
                (None, Some(x), Some(y)) if x.is_finite() && y.is_finite() => (x, y),
                _ => {
                    if s.node.is_none() {
                        issues.push(issue(
                            "VENUE_PARKING_POSITION_MISSING",
                            p.clone(),
                            format!("车位“{}”需要 node 或 x、y", s.code),
                            format!("parking space \"{}\" needs a node or x and y", s.code),
                        ));
                    }
                    continue;
                }
            };
            if node_k.is_none() && level.is_some_and(|l| level_edges.get(l as usize).is_none_or(Vec::is_empty)) {
                issues.push(issue(
                    "VENUE_PARKING_OFF_GRAPH",
                    p.clone(),
                    format!("车位“{}”所在楼层没有通道", s.code),
                    format!("parking space \"{}\" is on a level without walkable edges", s.code),
                ));
            }
            let Some(level) = level else { continue };
            let Ok(k) = u32::try_from(parking.len()) else { continue };
            parking_index.insert(key, k);
            parking.push(ParkingInfo { code: s.code.clone(), level, zone: s.zone.clone(), node: node_k, x, y });
        }
        let xs: Vec<f64> = nodes.iter().map(|n| n.x).collect();
        let ys: Vec<f64> = nodes.iter().map(|n| n.y).collect();
        let graph = Graph::build(nodes.len(), &xs, &ys, &arcs);
        let place_index = places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.id.clone(), u32::try_from(i).ok()?)))
            .collect::<HashMap<_, _>>();
        let mut entrance_of = vec![u32::MAX; nodes.len()];
        for (i, p) in places.iter().enumerate() {
            let Ok(k) = u32::try_from(i) else { continue };
            for &n in &p.entrances {
                if let Some(slot) = entrance_of.get_mut(n as usize) {
                    let taken_by_store = places.get(*slot as usize).is_some_and(|q| q.kind == PlaceKind::Store);
                    if *slot == u32::MAX || (!taken_by_store && p.kind == PlaceKind::Store) {
                        *slot = k;
                    }
                }
            }
        }
        // Opening hours (every bad one reported at its path) and the search index over the places.
        let hours: Vec<Option<OpeningHours>> = doc
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let h = p.hours.as_deref()?;
                issues.take(OpeningHours::parse(h), &format!("places[{i}].hours"))
            })
            .collect();
        let search = if issues.is_empty() {
            SearchIndex::from_doc(doc).unwrap_or_else(|_| SearchIndex::build(&[]))
        } else {
            SearchIndex::build(&[])
        };
        issues.finish(())?;
        Ok(Venue {
            version: doc.version.clone(),
            fingerprint,
            name: doc.name.clone(),
            name_en: doc.name_en.clone().unwrap_or_else(|| doc.name.clone()),
            levels,
            nodes,
            node_index,
            edges,
            edge_index,
            conns,
            conn_index,
            places,
            place_index,
            parking,
            parking_index,
            level_edges,
            entrance_of,
            hours,
            search,
            graph,
            scratch: Mutex::new(Scratch::default()),
        })
    }

    /// The document's version.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(!mallcare::finder::Venue::sample().unwrap().version().is_empty());
    /// ```
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Fingerprint of the document (16 hex digits).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::Venue::sample().unwrap().fingerprint().len(), 16);
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The venue's name (zh, en).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let v = mallcare::finder::Venue::sample().unwrap();
    /// assert!(!v.name().0.is_empty());
    /// ```
    pub fn name(&self) -> (&str, &str) {
        (&self.name, &self.name_en)
    }

    /// Levels, in document order.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::Venue::sample().unwrap().levels().len() >= 8);
    /// ```
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// Places (stores and amenities), in document order.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let v = mallcare::finder::Venue::sample().unwrap();
    /// assert!(v.places().iter().filter(|p| p.kind == mallcare::finder::PlaceKind::Store).count() >= 150);
    /// ```
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place by id.
    ///
    /// # Errors
    /// None; `None` if unknown.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::Venue::sample().unwrap().place("nope").is_none());
    /// ```
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_index.get(id).and_then(|&i| self.places.get(i as usize))
    }

    /// Number of graph nodes and arcs.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let (n, a) = mallcare::finder::Venue::sample().unwrap().graph_size();
    /// assert!(n > 0 && a > 0);
    /// ```
    pub fn graph_size(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.arc_count())
    }

    /// The compiled graph (for tests and benchmarks against other routers).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let v = mallcare::finder::Venue::sample().unwrap();
    /// assert_eq!(v.graph().node_count(), v.graph_size().0);
    /// ```
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Index of a node id in the graph.
    ///
    /// # Errors
    /// None; `None` if unknown.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::Venue::sample().unwrap().node_id("zzz").is_none());
    /// ```
    pub fn node_id(&self, id: &str) -> Option<u32> {
        self.node_index.get(id).copied()
    }

    /// A summary for display and checks: version, fingerprint, names, levels, counts.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let s = mallcare::finder::Venue::sample().unwrap().summary();
    /// assert!(s.stores >= 150);
    /// ```
    pub fn summary(&self) -> VenueSummary {
        VenueSummary {
            version: self.version.clone(),
            fingerprint: self.fingerprint.clone(),
            name: self.name.clone(),
            name_en: self.name_en.clone(),
            levels: self.levels.clone(),
            places: self.places.len(),
            stores: self.places.iter().filter(|p| p.kind == PlaceKind::Store).count(),
            parking: self.parking.len(),
            nodes: self.graph.node_count(),
            arcs: self.graph.arc_count(),
        }
    }

    /// Searches the places: names, brands, categories, English names, pinyin and initials, typos; filters by
    /// level, category, kind and open-at time (public holidays from the embedded calendar). See
    /// [`SearchIndex::search`](super::search::SearchIndex::search).
    ///
    /// # Errors
    /// None: every query has an answer, possibly empty.
    ///
    /// # Example
    /// ```
    /// let v = mallcare::finder::Venue::sample().unwrap();
    /// let hits = v.search("xbk", &Default::default());
    /// assert_eq!(v.place(&hits[0].id).unwrap().name, "星巴克");
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        self.search.search_with_calendar(query, options, calendar())
    }

    /// Imports an IMDF archive (file name -> JSON text) and loads it; answers the venue and the import report.
    ///
    /// # Errors
    /// The importer's issues (`IMDF_*`), then every load issue of the produced document.
    ///
    /// # Example
    /// ```
    /// let files: std::collections::BTreeMap<String, String> = mallcare::finder::imdf::tiny_fixture()
    ///     .into_iter().map(|(k, v)| (k, v.to_string())).collect();
    /// let (v, report) = mallcare::finder::Venue::from_imdf(&files, &Default::default()).unwrap();
    /// assert_eq!(v.levels().len(), 2);
    /// assert!(report.issues.len() < 100);
    /// ```
    pub fn from_imdf(
        files: &std::collections::BTreeMap<String, String>,
        options: &super::imdf::ImportOptions,
    ) -> Result<(Venue, super::imdf::ImportReport)> {
        let imported = super::imdf::import_texts(files, options)?;
        let v = Venue::from_doc(&imported.doc)?;
        Ok((v, imported.report))
    }

    /// [`Venue::from_imdf`] over files already parsed (the JS glue reads text with `finder::jtext`, so serde_json's
    /// text parser is not linked into the wasm).
    #[cfg(feature = "wasm")]
    pub(crate) fn from_imdf_values(
        files: &std::collections::BTreeMap<String, serde_json::Value>,
        options: &super::imdf::ImportOptions,
    ) -> Result<(Venue, super::imdf::ImportReport)> {
        let imported = super::imdf::import(files, options)?;
        let v = Venue::from_doc(&imported.doc)?;
        Ok((v, imported.report))
    }

    pub(crate) fn level_name(&self, level: u16) -> (&str, &str) {
        self.levels.get(level as usize).map_or(("?", "?"), |l| (l.name.as_str(), l.name_en.as_str()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_in_messages_read_as_display_wrote_them() {
        for x in [-1.0, -0.5, -2.25, -1234.5678, -0.001, -3e10, 0.1 + 0.2, -7.000_001, 12.0] {
            assert_eq!(super::num_text(x), format!("{x}"));
        }
    }
}
