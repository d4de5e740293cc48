//! The venue **document**: what `Venue::load` reads and what the IMDF importer produces.
//!
//! The format is specified, with a complete example, in `docs/finder.md` ("The venue format"). Field names are
//! camelCase in JSON. Every optional field can be left out.

use serde::{Deserialize, Serialize};

/// A venue document: levels, the walk graph (nodes, edges, vertical connectors), places and parking spaces.
///
/// # Example
/// ```
/// use mallcare::finder::VenueDoc;
/// let doc: VenueDoc = serde_json::from_str(r#"{
///   "version": "1", "name": "小商场",
///   "levels": [{ "id": "L1", "ordinal": 0, "name": "1F" }],
///   "nodes": [{ "id": "a", "level": "L1", "x": 0, "y": 0 }, { "id": "b", "level": "L1", "x": 10, "y": 0 }],
///   "edges": [{ "from": "a", "to": "b" }]
/// }"#).unwrap();
/// assert_eq!(doc.nodes.len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VenueDoc {
    /// The document's version, chosen by its author (`"2026-05-01"`, `"3"`); carried into every answer.
    pub version: String,
    /// The venue's name in Chinese.
    pub name: String,
    /// The venue's name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Walking speed in metres per second for `optimize: "time"` (default 1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walk_speed: Option<f64>,
    /// Levels (floors), in any order; `ordinal` says how they stack.
    pub levels: Vec<LevelDoc>,
    /// Nodes of the walk graph.
    pub nodes: Vec<NodeDoc>,
    /// Walkable edges on one level (corridors, doors, open areas).
    #[serde(default)]
    pub edges: Vec<EdgeDoc>,
    /// Vertical (or moving) connectors: elevators, escalators, stairs, ramps, moving walkways.
    #[serde(default)]
    pub connectors: Vec<ConnectorDoc>,
    /// Stores and amenities.
    #[serde(default)]
    pub places: Vec<PlaceDoc>,
    /// Parking spaces.
    #[serde(default)]
    pub parking: Vec<ParkingDoc>,
}

/// A level (floor). `ordinal` is its physical position (0 = ground floor, -1 = the first basement, IMDF-style);
/// `name` is what the signs say (`"B2"`, `"1F"`, `"M"`, `"5F"` above a missing 4F).
///
/// # Example
/// ```
/// let l: mallcare::finder::LevelDoc =
///     serde_json::from_str(r#"{ "id": "L5", "ordinal": 3, "name": "5F", "nameEn": "Level 5" }"#).unwrap();
/// assert_eq!(l.ordinal, 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LevelDoc {
    /// Unique id, referenced by nodes, places and parking spaces.
    pub id: String,
    /// Physical stacking order: 0 ground, 1 the floor above, -1 the first basement. Unique per venue.
    pub ordinal: i32,
    /// Display name (zh), e.g. `"B2"`, `"1F"`, `"M"`.
    pub name: String,
    /// Display name in English (defaults to `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Height of the floor in metres (default `ordinal * 5`); used for connector lengths and times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation: Option<f64>,
}

/// What a node is. Only affects directions and closures.
///
/// # Example
/// ```
/// let k: mallcare::finder::NodeKind = serde_json::from_str("\"door\"").unwrap();
/// assert_eq!(k, mallcare::finder::NodeKind::Door);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// A point on a corridor (the default).
    #[default]
    Corridor,
    /// A door (closable by id at query time).
    Door,
    /// A point in an open area (atrium, plaza).
    Open,
    /// A building entrance / exit to the street.
    Entrance,
}

/// A node of the walk graph: a point on a level, in metres in the venue's local frame (x east, y north).
///
/// # Example
/// ```
/// let n: mallcare::finder::NodeDoc =
///     serde_json::from_str(r#"{ "id": "d1", "level": "L1", "x": 3.5, "y": -2, "kind": "door" }"#).unwrap();
/// assert_eq!(n.kind, Some(mallcare::finder::NodeKind::Door));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NodeDoc {
    /// Unique id (unique across nodes, edges, connectors and places).
    pub id: String,
    /// The level id.
    pub level: String,
    /// East, metres.
    pub x: f64,
    /// North, metres.
    pub y: f64,
    /// What the node is (default corridor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NodeKind>,
    /// The place this node lies inside (a walk-through store): closed with the place (see `at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// What an edge is.
///
/// # Example
/// ```
/// let k: mallcare::finder::EdgeKind = serde_json::from_str("\"open\"").unwrap();
/// assert_eq!(k, mallcare::finder::EdgeKind::Open);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EdgeKind {
    /// A corridor (the default).
    #[default]
    Corridor,
    /// Through a door.
    Door,
    /// Across an open area.
    Open,
}

/// A walkable edge between two nodes on the same level.
///
/// # Example
/// ```
/// let e: mallcare::finder::EdgeDoc =
///     serde_json::from_str(r#"{ "from": "a", "to": "b", "length": 12.5, "oneWay": true }"#).unwrap();
/// assert!(e.one_way);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EdgeDoc {
    /// Optional id, needed only to close the edge at query time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Node id.
    pub from: String,
    /// Node id (same level as `from`; use a connector between levels).
    pub to: String,
    /// Walking length in metres (default: the straight-line distance). Must be finite and >= 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<f64>,
    /// What the edge is (default corridor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EdgeKind>,
    /// Walkable only from `from` to `to`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_way: bool,
    /// `false` if the edge has steps (excluded from accessible routes). Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_free: Option<bool>,
    /// The place this edge runs through (a walk-through store): closed with the place (see `at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// The kind of a connector.
///
/// # Example
/// ```
/// let k: mallcare::finder::ConnectorKind = serde_json::from_str("\"movingWalkway\"").unwrap();
/// assert_eq!(k, mallcare::finder::ConnectorKind::MovingWalkway);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConnectorKind {
    /// An elevator: any stop to any stop, costs waiting time; step-free.
    Elevator,
    /// An escalator: one way, in the order of its `nodes`; not step-free.
    Escalator,
    /// Stairs: both ways; not step-free.
    Stairs,
    /// A ramp: both ways; step-free.
    Ramp,
    /// A moving walkway (travelator): one way in the order of its `nodes` unless `oneWay: false`; step-free.
    MovingWalkway,
}

/// A connector: an elevator, escalator, stairs, ramp or moving walkway joining graph nodes (usually on different
/// levels).
///
/// # Example
/// ```
/// let c: mallcare::finder::ConnectorDoc = serde_json::from_str(
///     r#"{ "id": "E1", "kind": "elevator", "nodes": ["b1-e", "f1-e", "f2-e"], "waitSeconds": 40 }"#).unwrap();
/// assert_eq!(c.nodes.len(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConnectorDoc {
    /// Unique id; closable at query time ("escalator out of service").
    pub id: String,
    /// Elevator, escalator, stairs, ramp or moving walkway.
    pub kind: ConnectorKind,
    /// The stops, one graph node each, at least two. Escalators (and moving walkways) run in this order;
    /// an elevator links every stop with every other; stairs and ramps link consecutive stops both ways.
    pub nodes: Vec<String>,
    /// One way in the order of `nodes`. Default: true for escalators and moving walkways, false otherwise.
    /// Escalators are always one way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_way: Option<bool>,
    /// Length in metres of each hop (default: 3D straight-line distance between the stops).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<f64>,
    /// Seconds per hop, excluding the elevator wait (default from the kind's speed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
    /// Elevators: average wait in seconds before boarding (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<f64>,
    /// Display name (zh), e.g. `"中庭扶梯"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Display name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// What a place is: a store, or one kind of amenity.
///
/// # Example
/// ```
/// let k: mallcare::finder::PlaceKind = serde_json::from_str("\"motherBabyRoom\"").unwrap();
/// assert_eq!(k, mallcare::finder::PlaceKind::MotherBabyRoom);
/// assert_eq!(k.as_str(), "motherBabyRoom");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlaceKind {
    /// A store, restaurant, cinema, supermarket... (`category` says which).
    Store,
    /// Restroom.
    Restroom,
    /// Accessible (wheelchair) restroom.
    AccessibleRestroom,
    /// Mother-and-baby room (母婴室).
    MotherBabyRoom,
    /// Service desk / information (服务台).
    ServiceDesk,
    /// ATM.
    Atm,
    /// Lockers.
    Lockers,
    /// Wheelchair rental / loan.
    WheelchairRental,
    /// Stroller rental / loan.
    StrollerRental,
    /// Umbrella rental / loan.
    UmbrellaRental,
    /// Lost and found.
    LostAndFound,
    /// An exit / entrance of the building.
    Exit,
    /// Anything else (`category` says what).
    Other,
}

impl PlaceKind {
    /// Every kind, in declaration order.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::PlaceKind;
    /// // Every kind round-trips through its JSON name.
    /// for kind in PlaceKind::ALL {
    ///     assert_eq!(PlaceKind::parse(kind.as_str()), Some(kind));
    /// }
    /// assert_eq!(PlaceKind::ALL[0], PlaceKind::Store);
    /// ```
    pub const ALL: [PlaceKind; 13] = [
        PlaceKind::Store,
        PlaceKind::Restroom,
        PlaceKind::AccessibleRestroom,
        PlaceKind::MotherBabyRoom,
        PlaceKind::ServiceDesk,
        PlaceKind::Atm,
        PlaceKind::Lockers,
        PlaceKind::WheelchairRental,
        PlaceKind::StrollerRental,
        PlaceKind::UmbrellaRental,
        PlaceKind::LostAndFound,
        PlaceKind::Exit,
        PlaceKind::Other,
    ];

    /// The JSON name (`"motherBabyRoom"`).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::PlaceKind::Atm.as_str(), "atm");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Store => "store",
            PlaceKind::Restroom => "restroom",
            PlaceKind::AccessibleRestroom => "accessibleRestroom",
            PlaceKind::MotherBabyRoom => "motherBabyRoom",
            PlaceKind::ServiceDesk => "serviceDesk",
            PlaceKind::Atm => "atm",
            PlaceKind::Lockers => "lockers",
            PlaceKind::WheelchairRental => "wheelchairRental",
            PlaceKind::StrollerRental => "strollerRental",
            PlaceKind::UmbrellaRental => "umbrellaRental",
            PlaceKind::LostAndFound => "lostAndFound",
            PlaceKind::Exit => "exit",
            PlaceKind::Other => "other",
        }
    }

    /// Reads a JSON name; `None` if unknown.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::PlaceKind;
    /// assert_eq!(PlaceKind::parse("restroom"), Some(PlaceKind::Restroom));
    /// assert_eq!(PlaceKind::parse("spa"), None);
    /// ```
    pub fn parse(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Generic zh / en label ("洗手间" / "restroom").
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::PlaceKind::ServiceDesk.label().0, "服务台");
    /// ```
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            PlaceKind::Store => ("店铺", "store"),
            PlaceKind::Restroom => ("洗手间", "restroom"),
            PlaceKind::AccessibleRestroom => ("无障碍洗手间", "accessible restroom"),
            PlaceKind::MotherBabyRoom => ("母婴室", "mother-and-baby room"),
            PlaceKind::ServiceDesk => ("服务台", "service desk"),
            PlaceKind::Atm => ("ATM", "ATM"),
            PlaceKind::Lockers => ("储物柜", "lockers"),
            PlaceKind::WheelchairRental => ("轮椅租借", "wheelchair rental"),
            PlaceKind::StrollerRental => ("婴儿车租借", "stroller rental"),
            PlaceKind::UmbrellaRental => ("雨伞租借", "umbrella rental"),
            PlaceKind::LostAndFound => ("失物招领", "lost and found"),
            PlaceKind::Exit => ("出口", "exit"),
            PlaceKind::Other => ("设施", "facility"),
        }
    }
}

/// A place: a store or an amenity, reached through one or more entrance nodes.
///
/// # Example
/// ```
/// let p: mallcare::finder::PlaceDoc = serde_json::from_str(r#"{
///   "id": "s1", "kind": "store", "name": "星巴克", "nameEn": "Starbucks", "category": "cafe",
///   "level": "L1", "entrances": ["d1"], "hours": "Mo-Su 07:00-22:00", "pinyin": ["xing ba ke"] }"#).unwrap();
/// assert_eq!(p.entrances, vec!["d1".to_string()]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlaceDoc {
    /// Unique id.
    pub id: String,
    /// Store or amenity kind.
    pub kind: PlaceKind,
    /// Name in Chinese (`"星巴克"`); for amenities e.g. `"2F 北侧洗手间"`.
    pub name: String,
    /// Name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Brand, if the name is more than the brand (`"优衣库"` for `"优衣库 旗舰店"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Category, a free lower-case word: `"cafe"`, `"fashion"`, `"restaurant"`, `"cinema"`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The level id.
    pub level: String,
    /// Unit number on the signs (`"L2-15"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Entrance node ids, at least one; routes end at the nearest.
    pub entrances: Vec<String>,
    /// Opening hours in OSM `opening_hours` syntax (`"Mo-Fr 10:00-22:00; Sa,Su 09:30-22:30"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Phone number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Pinyin readings of `name`, syllables separated by spaces (`["xing ba ke"]`); several for polyphonic
    /// names. Optional: search derives readings from its own table when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinyin: Option<Vec<String>>,
    /// Label position (east, metres), for drawing; defaults to the first entrance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// Label position (north, metres).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
}

/// A parking space: a code people remember (`"B2-A-017"`), its level and zone, and where it meets the walk graph
/// (a `node`, or a point `x`,`y` snapped to the nearest edge of its level).
///
/// # Example
/// ```
/// let p: mallcare::finder::ParkingDoc = serde_json::from_str(
///     r#"{ "code": "B2-A-017", "level": "B2", "zone": "A", "x": 12, "y": 40 }"#).unwrap();
/// assert_eq!(p.zone.as_deref(), Some("A"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParkingDoc {
    /// The code painted on the floor; unique, matched case-insensitively.
    pub code: String,
    /// The level id.
    pub level: String,
    /// Zone (`"A"`, `"红区"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Graph node of the space (or give `x`, `y`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// East, metres (with `y`, when there is no `node`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// North, metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
}
