//! IMDF import: a venue document ([`VenueDoc`]) from the GeoJSON files of an IMDF archive.
//!
//! Give the files as a map from file name (`"unit.geojson"`, or just `"unit"`) to parsed JSON. Used: `venue`,
//! `building`, `level`, `unit`, `opening`, `amenity`, `occupant`, `anchor`, `relationship`, `manifest`. Read and
//! reported as not used: `fixture`, `kiosk`, `footprint`, `section`, `geofence`, `detail`, `address`, and any other
//! file (such as an exporter's own `navPath.geojson`). `level` and `unit` are required.
//!
//! * **Projection**: longitude/latitude become metres east/north of the venue's centre (the venue's display point,
//!   else the centre of the units' bounding box), equirectangular: `x = R·Δλ·cos φ0`, `y = R·Δφ` with R = 6,371,008.8 m.
//!   The error is far below a metre within a few kilometres.
//! * **Levels**: one per IMDF level. The document needs unique ordinals, IMDF has them per building: when two
//!   buildings share an ordinal, ordinals are spread as `ordinal × 10^k + building rank` (the report says so) and
//!   every level gets an explicit elevation of `ordinal × 4 m`. Names get the building's name when several
//!   buildings have levels.
//! * **Walk graph**: each opening is a door node at its midpoint, attached to the units whose outline passes within
//!   0.6 m of it. Circulation units (walkway, lobby, stairs, elevator, escalator, ramp, parking, ...) get a centre node
//!   linked to each of their doors, and their doors are linked pairwise when the straight line between them stays
//!   inside the unit. Other units (shops, rooms) are destinations: their doors are entrances, not passages.
//! * **Vertical connectors**: from `relationship` features (elevator, escalator, stairs, ramp, movingwalkway,
//!   traversal with an origin and a destination on different levels), and from stacked elevator / stairs /
//!   escalator units (or units named by elevator / stairs / escalator amenities) of one building on consecutive
//!   levels whose outlines overlap. An escalator found by stacking has no known direction: it becomes stairs.
//! * **Places**: each occupant at its anchor's unit (entrances: that unit's doors), amenities with a known kind
//!   (restroom, ATM, information, ...) at their units, and restroom / mothers' room units with neither. Names: the
//!   `zh-Hans`/`zh` label, else the manifest language's, else English, else any; `nameEn` the English label.
//!   Hours: the `hours` property (OSM syntax), dropped with a report entry if it does not parse.
//!
//! Bad input never traps: a file that is not a GeoJSON FeatureCollection is `IMDF_NOT_GEOJSON`, a missing required
//! file `IMDF_FILE_MISSING`. A feature that misses what it needs (id, geometry, `level_id`...) is skipped and reported
//! with its path (`unit.features[12].properties.level_id`); with `strict: true` every such issue fails the import.

use super::doc::{
    ConnectorDoc, ConnectorKind, EdgeDoc, EdgeKind, LevelDoc, NodeDoc, NodeKind, PlaceDoc, PlaceKind, VenueDoc,
};
use super::hours::OpeningHours;
use super::{Map as HashMap, Set};
use crate::error::{Issue, Issues};
use crate::{Locale, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Mean Earth radius, metres.
const EARTH_RADIUS: f64 = 6_371_008.8;
/// A door belongs to a unit whose outline passes within this distance (metres).
/// `x` with 6 decimals, by integer arithmetic (no `core::fmt` float code in the wasm); degrees fit easily.
fn fixed6(x: f64) -> String {
    #[allow(clippy::cast_possible_truncation, reason = "clamped to a range far inside i64")]
    let micro = (x * 1e6).round().clamp(-1e15, 1e15) as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let m = micro.unsigned_abs();
    format!("{sign}{}.{:06}", m / 1_000_000, m % 1_000_000)
}

const DOOR_TOLERANCE: f64 = 0.6; // written out as "0.6" in the unmatched-opening message
/// Storey height used for imported elevations (metres).
const STOREY: f64 = 4.0;

/// Import options (JSON `{ strict, locale }`).
///
/// # Example
/// ```
/// let o: mallcare::finder::imdf::ImportOptions = serde_json::from_str(r#"{ "strict": true }"#).unwrap();
/// assert!(o.strict);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportOptions {
    /// Fail on any skipped feature instead of reporting it.
    #[serde(default)]
    pub strict: bool,
    /// Message language (read by the JS glue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// What the import used, produced and skipped.
///
/// # Example
/// ```
/// let r = mallcare::finder::imdf::ImportReport::default();
/// assert!(r.skipped.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Features read per file (`"unit": 443`).
    pub used: BTreeMap<String, usize>,
    /// What the document holds: `levels`, `nodes`, `edges`, `connectors`, `places`.
    pub produced: BTreeMap<String, usize>,
    /// Skipped items per reason code (`"IMDF_UNIT_NOT_WALKABLE": 3`).
    pub skipped: BTreeMap<String, usize>,
    /// Every skipped item with its path and why.
    pub issues: Vec<Issue>,
    /// Files given but not used, with the reason.
    pub ignored_files: BTreeMap<String, String>,
    /// Remarks on choices made (ordinal spreading, projection origin).
    pub notes: Vec<String>,
    /// Projection origin `[longitude, latitude]`.
    pub origin: [f64; 2],
}

impl ImportReport {
    /// The report as JSON with messages in `locale`:
    /// `{ used, produced, skipped, issues: [{code, path, message}], ignoredFiles, notes, origin }`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let r = mallcare::finder::imdf::ImportReport::default();
    /// assert!(r.to_json(mallcare::Locale::En)["issues"].as_array().unwrap().is_empty());
    /// ```
    pub fn to_json(&self, locale: Locale) -> Value {
        // Built by hand, not with `json!` (whose `to_value` is one more serializer in the wasm); same value.
        fn object<'a>(pairs: impl Iterator<Item = (&'a String, Value)>) -> Value {
            // Inserts, not `collect` (which sorts the pairs first: a sort instance in the wasm).
            let mut m = Map::new();
            for (k, v) in pairs {
                m.insert(k.clone(), v);
            }
            Value::Object(m)
        }
        fn text(s: &str) -> Value {
            Value::String(s.to_string())
        }
        let issues = self
            .issues
            .iter()
            .map(|i| {
                let mut m = Map::new();
                m.insert("code".into(), text(&i.code));
                m.insert("path".into(), text(&i.path));
                m.insert("message".into(), text(i.message(locale)));
                Value::Object(m)
            })
            .collect();
        let counts = |c: &BTreeMap<String, usize>| object(c.iter().map(|(k, n)| (k, Value::from(*n))));
        let num = |x: f64| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number);
        let mut m = Map::new();
        m.insert("used".into(), counts(&self.used));
        m.insert("produced".into(), counts(&self.produced));
        m.insert("skipped".into(), counts(&self.skipped));
        m.insert("issues".into(), Value::Array(issues));
        m.insert("ignoredFiles".into(), object(self.ignored_files.iter().map(|(k, v)| (k, text(v)))));
        m.insert("notes".into(), Value::Array(self.notes.iter().map(|n| text(n)).collect()));
        m.insert("origin".into(), Value::Array(self.origin.iter().map(|&x| num(x)).collect()));
        Value::Object(m)
    }

    fn skip(&mut self, issue: Issue) {
        *self.skipped.entry(issue.code.clone()).or_insert(0) += 1;
        self.issues.push(issue);
    }
}

impl Serialize for ImportReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_json(Locale::ZhCn).serialize(s)
    }
}

/// The result of an import: the venue document and the report.
///
/// # Example
/// ```
/// # let files = mallcare::finder::imdf::tiny_fixture();
/// let imported = mallcare::finder::imdf::import(&files, &Default::default()).unwrap();
/// assert_eq!(imported.doc.levels.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The venue document, ready for `Venue::from_doc`.
    pub doc: VenueDoc,
    /// What was used and skipped.
    pub report: ImportReport,
}

type P = (f64, f64);

/// A polygon: outer ring then holes, in metres.
#[derive(Clone, Debug, Default)]
struct Poly {
    rings: Vec<Vec<P>>,
}

/// A shape: one or more polygons.
#[derive(Clone, Debug, Default)]
struct Shape {
    polys: Vec<Poly>,
    bbox: [f64; 4],
}

impl Shape {
    fn new(polys: Vec<Poly>) -> Shape {
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for p in polys.iter().flat_map(|p| p.rings.iter().flatten()) {
            b = [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)];
        }
        Shape { polys, bbox: b }
    }
    fn near_bbox(&self, p: P, d: f64) -> bool {
        p.0 >= self.bbox[0] - d && p.0 <= self.bbox[2] + d && p.1 >= self.bbox[1] - d && p.1 <= self.bbox[3] + d
    }
    fn contains(&self, p: P) -> bool {
        self.polys.iter().any(|poly| {
            let mut inside = false;
            for ring in &poly.rings {
                if ring_contains(ring, p) {
                    inside = !inside;
                }
            }
            inside
        })
    }
    fn boundary_distance(&self, p: P) -> f64 {
        let mut best = f64::INFINITY;
        for ring in self.polys.iter().flat_map(|p| &p.rings) {
            for (a, b) in ring.iter().zip(ring.iter().skip(1)) {
                best = best.min(seg_distance(p, *a, *b));
            }
        }
        best
    }
    /// Whether the segment a-b stays inside (its ends may touch the outline).
    fn sees(&self, a: P, b: P) -> bool {
        let lerp = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        let (a2, b2) = (lerp(0.02), lerp(0.98));
        if !self.contains(lerp(0.5)) {
            return false;
        }
        !self
            .polys
            .iter()
            .flat_map(|p| &p.rings)
            .any(|ring| ring.iter().zip(ring.iter().skip(1)).any(|(c, d)| crosses(a2, b2, *c, *d)))
    }
    fn centroid(&self) -> P {
        let ring = self.polys.first().and_then(|p| p.rings.first());
        let Some(ring) = ring else { return (0.0, 0.0) };
        let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for (p, q) in ring.iter().zip(ring.iter().skip(1)) {
            let cross = p.0 * q.1 - q.0 * p.1;
            a += cross;
            cx += (p.0 + q.0) * cross;
            cy += (p.1 + q.1) * cross;
        }
        if a.abs() < 1e-9 {
            return ((self.bbox[0] + self.bbox[2]) / 2.0, (self.bbox[1] + self.bbox[3]) / 2.0);
        }
        (cx / (3.0 * a), cy / (3.0 * a))
    }
}

fn ring_contains(ring: &[P], p: P) -> bool {
    let mut inside = false;
    for (a, b) in ring.iter().zip(ring.iter().skip(1)) {
        if (a.1 > p.1) != (b.1 > p.1) {
            let x = a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0);
            if p.0 < x {
                inside = !inside;
            }
        }
    }
    inside
}

fn seg_distance(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    ((a.0 + t * dx - p.0).powi(2) + (a.1 + t * dy - p.1).powi(2)).sqrt()
}

fn orient(a: P, b: P, c: P) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

fn crosses(a: P, b: P, c: P, d: P) -> bool {
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    (o1 > 0.0) != (o2 > 0.0) && (o3 > 0.0) != (o4 > 0.0) && o1 != 0.0 && o2 != 0.0 && o3 != 0.0 && o4 != 0.0
}

struct Projector {
    lon0: f64,
    lat0: f64,
    kx: f64,
    ky: f64,
}

impl Projector {
    fn new(lon0: f64, lat0: f64) -> Projector {
        let ky = EARTH_RADIUS * std::f64::consts::PI / 180.0;
        Projector { lon0, lat0, kx: ky * lat0.to_radians().cos(), ky }
    }
    fn p(&self, v: &Value) -> Option<P> {
        let a = v.as_array()?;
        let lon = a.first()?.as_f64()?;
        let lat = a.get(1)?.as_f64()?;
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        Some(((lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky))
    }
    fn ring(&self, v: &Value) -> Option<Vec<P>> {
        let pts: Option<Vec<P>> = v.as_array()?.iter().map(|c| self.p(c)).collect();
        let mut pts = pts?;
        if pts.len() < 3 {
            return None;
        }
        if pts.first() != pts.last() {
            let first = *pts.first()?;
            pts.push(first);
        }
        Some(pts)
    }
    fn poly(&self, v: &Value) -> Option<Poly> {
        let rings: Option<Vec<Vec<P>>> = v.as_array()?.iter().map(|r| self.ring(r)).collect();
        let rings = rings?;
        (!rings.is_empty()).then_some(Poly { rings })
    }
    fn shape(&self, geometry: &Value) -> Option<Shape> {
        let coords = geometry.get("coordinates")?;
        let polys = match geometry.get("type")?.as_str()? {
            "Polygon" => vec![self.poly(coords)?],
            "MultiPolygon" => coords.as_array()?.iter().map(|p| self.poly(p)).collect::<Option<Vec<_>>>()?,
            _ => return None,
        };
        Some(Shape::new(polys))
    }
    /// A representative point of any geometry: Point, the middle of a LineString, a polygon's centroid.
    fn anchor(&self, geometry: &Value) -> Option<P> {
        let coords = geometry.get("coordinates")?;
        match geometry.get("type")?.as_str()? {
            "Point" => self.p(coords),
            "LineString" => {
                let pts: Option<Vec<P>> = coords.as_array()?.iter().map(|c| self.p(c)).collect();
                let pts = pts?;
                let (a, b) = (*pts.first()?, *pts.last()?);
                Some(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0))
            }
            "Polygon" | "MultiPolygon" => self.shape(geometry).map(|s| s.centroid()),
            _ => None,
        }
    }
}

/// One GeoJSON file's features, with its key for paths.
struct FileFeatures<'a> {
    key: &'static str,
    features: &'a [Value],
}

fn label(v: Option<&Value>, lang: &str) -> (Option<String>, Option<String>) {
    let Some(obj) = v.and_then(Value::as_object) else {
        return (v.and_then(Value::as_str).map(str::to_string), None);
    };
    let get = |k: &str| obj.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let en = get("en").map(str::to_string);
    let zh = ["zh-Hans", "zh-CN", "zh", "zh-Hant"]
        .iter()
        .find_map(|k| get(k))
        .or_else(|| get(lang))
        .or_else(|| get("en"))
        .or_else(|| obj.values().find_map(Value::as_str).map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_string);
    (zh, en)
}

fn props(f: &Value) -> &Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    f.get("properties").and_then(Value::as_object).unwrap_or_else(|| EMPTY.get_or_init(Map::new))
}

fn prop_str<'a>(f: &'a Value, k: &str) -> Option<&'a str> {
    props(f).get(k).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn missing(path: String, what: &str) -> Issue {
    Issue::new(
        "IMDF_FEATURE_INVALID",
        path,
        format!("IMDF 要素缺少或写错了 {what}，已跳过"),
        format!("IMDF feature has a missing or invalid {what}; skipped"),
    )
}

fn unknown_ref(path: String, what: &str, id: &str) -> Issue {
    Issue::new(
        "IMDF_REFERENCE_UNKNOWN",
        path,
        format!("引用的{what}“{id}”不存在，已跳过"),
        format!("referenced {what} \"{id}\" does not exist; skipped"),
    )
}

const USED_FILES: [&str; 10] =
    ["manifest", "venue", "building", "level", "unit", "opening", "amenity", "occupant", "anchor", "relationship"];

/// Unit categories people walk through (the rest are destinations or not walkable).
fn is_circulation(category: &str) -> bool {
    matches!(
        category,
        "walkway"
            | "walkway.island"
            | "lobby"
            | "footbridge"
            | "platform"
            | "ramp"
            | "steps"
            | "unenclosedarea"
            | "parking"
            | "stairs"
            | "elevator"
            | "escalator"
            | "movingwalkway"
            | "waitingroom"
    )
}

fn is_not_walkable(category: &str) -> bool {
    matches!(
        category,
        "opentobelow"
            | "structure"
            | "column"
            | "brick"
            | "concrete"
            | "drywall"
            | "glass"
            | "wood"
            | "vegetation"
            | "shaft"
            | "road"
    )
}

fn vertical_kind(category: &str) -> Option<ConnectorKind> {
    match category {
        "elevator" => Some(ConnectorKind::Elevator),
        "stairs" | "steps" => Some(ConnectorKind::Stairs),
        "escalator" => Some(ConnectorKind::Escalator),
        "ramp" => Some(ConnectorKind::Ramp),
        "movingwalkway" => Some(ConnectorKind::MovingWalkway),
        _ => None,
    }
}

fn amenity_place_kind(category: &str, accessible: bool) -> Option<PlaceKind> {
    Some(match category {
        "restroom"
        | "restroom.male"
        | "restroom.female"
        | "restroom.unisex"
        | "restroom.family"
        | "restroom.transgender" => {
            if accessible {
                PlaceKind::AccessibleRestroom
            } else {
                PlaceKind::Restroom
            }
        }
        c if c.starts_with("restroom") && c.contains("wheelchair") => PlaceKind::AccessibleRestroom,
        "atm" | "bankingservices" => PlaceKind::Atm,
        "information" | "guestservices" | "customerservice" | "ticketing" => PlaceKind::ServiceDesk,
        "mothersroom" | "babychanging" | "nursery" | "lactation" => PlaceKind::MotherBabyRoom,
        "lostandfound" => PlaceKind::LostAndFound,
        "strollerrental" => PlaceKind::StrollerRental,
        "wheelchairassist" | "wheelchair" => PlaceKind::WheelchairRental,
        "storage" | "lockers" | "luggagestorage" => PlaceKind::Lockers,
        "exhibit" | "firstaid" | "security" | "police" | "emergencyshelter" => PlaceKind::Other,
        "entry" | "exit" => PlaceKind::Exit,
        _ => return None,
    })
}

fn accessible(f: &Value) -> bool {
    props(f).get("accessibility").and_then(Value::as_array).is_some_and(|a| {
        a.iter().filter_map(Value::as_str).any(|s| s.contains("wheelchair") || s.contains("accessible"))
    })
}

/// Normalises a file name: `"unit.geojson"`, `"IMDF/unit.json"`, `"unit"` → `"unit"`.
pub(crate) fn file_key(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".geojson").or_else(|| base.strip_suffix(".json")).unwrap_or(base);
    base.to_ascii_lowercase()
}

/// Imports an IMDF archive given as file name → parsed JSON.
///
/// # Errors
/// * `IMDF_NOT_GEOJSON` (path = the file key) for a used file that is not a FeatureCollection with a `features` array.
/// * `IMDF_FILE_MISSING` if `level` or `unit` is absent.
/// * `IMDF_EMPTY` if no level or no unit could be used.
/// * With `strict`: every skipped feature's issue (`IMDF_FEATURE_INVALID`, `IMDF_REFERENCE_UNKNOWN`, ...).
///
/// # Example
/// ```
/// use mallcare::finder::imdf;
/// let files = imdf::tiny_fixture();
/// let out = imdf::import(&files, &imdf::ImportOptions::default()).unwrap();
/// assert_eq!(out.doc.places.len(), 1);
/// assert_eq!(out.doc.connectors.len(), 1);
/// assert!(mallcare::finder::Venue::from_doc(&out.doc).is_ok());
/// ```
pub fn import(files: &BTreeMap<String, Value>, options: &ImportOptions) -> Result<Imported> {
    let mut report = ImportReport::default();
    // The files by IMDF key (a later name with the same key replaces an earlier one). A few entries: a list, not
    // one more map instance in the wasm.
    let mut by_key: Vec<(String, &Value)> = Vec::new();
    for (name, v) in files {
        let key = file_key(name);
        if USED_FILES.contains(&key.as_str()) {
            match by_key.iter_mut().find(|e| e.0 == key) {
                Some(e) => e.1 = v,
                None => by_key.push((key, v)),
            }
        } else {
            let why = match key.as_str() {
                "fixture" | "kiosk" | "section" | "geofence" | "detail" | "footprint" => {
                    "IMDF feature type not needed for routing or search"
                }
                "address" => "addresses are not part of the venue document",
                _ => "not an IMDF file this importer reads",
            };
            report.ignored_files.insert(name.clone(), why.to_string());
        }
    }
    // File-level checks: every used file must be a FeatureCollection (manifest is a plain object).
    let mut fatal = Issues::default();
    let get = |k: &str| by_key.iter().find(|e| e.0 == k).map(|e| e.1);
    let mut feats: Vec<(&'static str, &[Value])> = Vec::new();
    for key in USED_FILES {
        let Some(v) = get(key) else { continue };
        if key == "manifest" {
            if !v.is_object() {
                fatal.push(Issue::new(
                    "IMDF_NOT_GEOJSON",
                    key,
                    "manifest 应为 JSON 对象",
                    "manifest must be a JSON object",
                ));
            }
            continue;
        }
        let is_fc = v.get("type").and_then(Value::as_str) == Some("FeatureCollection");
        match v.get("features").and_then(Value::as_array) {
            Some(list) if is_fc => {
                feats.push((key, list.as_slice()));
                report.used.insert(key.to_string(), list.len());
            }
            _ => fatal.push(Issue::new(
                "IMDF_NOT_GEOJSON",
                key,
                format!("{key} 不是 GeoJSON FeatureCollection（需要 \"type\": \"FeatureCollection\" 和 features 数组）"),
                format!("{key} is not a GeoJSON FeatureCollection (needs \"type\": \"FeatureCollection\" and a features array)"),
            )),
        }
    }
    for key in ["level", "unit"] {
        if get(key).is_none() {
            fatal.push(Issue::new(
                "IMDF_FILE_MISSING",
                key,
                format!("缺少 IMDF 文件 {key}.geojson"),
                format!("the IMDF file {key}.geojson is missing"),
            ));
        }
    }
    fatal.finish(())?;
    let file =
        |k: &'static str| FileFeatures { key: k, features: feats.iter().find(|e| e.0 == k).map_or(&[], |e| e.1) };
    let lang = get("manifest").and_then(|m| m.get("language")).and_then(Value::as_str).unwrap_or("en").to_string();

    let proj = projector(&file("venue"), &file("unit"));
    report.origin = [proj.lon0, proj.lat0];
    report.notes.push(format!(
        "coordinates: metres east/north of lon {}, lat {} (equirectangular)",
        fixed6(proj.lon0),
        fixed6(proj.lat0)
    ));

    let mut b = Builder { proj: Some(proj), report, lang, ..Builder::default() };
    b.buildings(&file("building"));
    b.levels(&file("level"));
    b.units(&file("unit"));
    b.openings(&file("opening"));
    b.relationships(&file("relationship"));
    b.amenities(&file("amenity"), false);
    b.stacked_connectors();
    b.walk_edges();
    b.mark_linked();
    b.amenities(&file("amenity"), true);
    b.occupants(&file("occupant"), &file("anchor"));
    b.unit_places();

    if b.doc.levels.is_empty() || b.units.is_empty() {
        let mut issues = vec![Issue::new(
            "IMDF_EMPTY",
            "",
            "没有可用的楼层或单元，无法生成场馆",
            "no usable level or unit: nothing to build a venue from",
        )];
        issues.extend(b.report.issues.iter().take(20).cloned());
        return Err(crate::Error::new(issues));
    }
    if options.strict && !b.report.issues.is_empty() {
        return Err(crate::Error::new(b.report.issues));
    }
    let venue_feature = file("venue").features.first();
    let (name, name_en) = label(venue_feature.and_then(|f| props(f).get("name")), &b.lang);
    b.doc.name = name.unwrap_or_else(|| "IMDF venue".to_string());
    b.doc.name_en = name_en.filter(|e| Some(e) != Some(&b.doc.name));
    let manifest = get("manifest");
    let version = manifest.and_then(|m| m.get("version")).and_then(Value::as_str).unwrap_or("1");
    let created = manifest.and_then(|m| m.get("created")).and_then(Value::as_str);
    b.doc.version = match created {
        Some(c) => format!("imdf-{version}-{c}"),
        None => format!("imdf-{version}"),
    };
    let produced = [
        ("levels", b.doc.levels.len()),
        ("nodes", b.doc.nodes.len()),
        ("edges", b.doc.edges.len()),
        ("connectors", b.doc.connectors.len()),
        ("places", b.doc.places.len()),
    ];
    // Inserts, not `collect` (which sorts the pairs first: one more sort instance in the wasm).
    for (k, v) in produced {
        b.report.produced.insert(k.to_string(), v);
    }
    Ok(Imported { doc: b.doc, report: b.report })
}

/// Whether the importer reads the file `name` (`"unit.geojson"`, `"IMDF/level.json"`, `"anchor"`): the JS glue parses
/// only these (others are reported as ignored without being read).
#[cfg(feature = "wasm")]
pub(crate) fn reads_file(name: &str) -> bool {
    USED_FILES.contains(&file_key(name).as_str())
}

/// Imports an archive given as file name → JSON text.
///
/// # Errors
/// `IMDF_NOT_GEOJSON` (path = the file key) for text that is not JSON, then as [`import`].
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
/// let mut files = BTreeMap::new();
/// files.insert("unit.geojson".to_string(), "not json".to_string());
/// files.insert("level.geojson".to_string(), r#"{"type":"FeatureCollection","features":[]}"#.to_string());
/// let e = mallcare::finder::imdf::import_texts(&files, &Default::default()).unwrap_err();
/// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("IMDF_NOT_GEOJSON", "unit"));
/// ```
pub fn import_texts(files: &BTreeMap<String, String>, options: &ImportOptions) -> Result<Imported> {
    let mut issues = Issues::default();
    let mut values = BTreeMap::new();
    for (name, text) in files {
        let key = file_key(name);
        if !USED_FILES.contains(&key.as_str()) {
            values.insert(name.clone(), Value::Null);
            continue;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(v) => {
                values.insert(name.clone(), v);
            }
            Err(e) => {
                issues.push(Issue::new("IMDF_NOT_GEOJSON", key, format!("不是 JSON：{e}"), format!("not JSON: {e}")))
            }
        }
    }
    issues.finish(())?;
    import(&values, options)
}

fn projector(venue: &FileFeatures<'_>, units: &FileFeatures<'_>) -> Projector {
    let raw = Projector { lon0: 0.0, lat0: 0.0, kx: 1.0, ky: 1.0 };
    let from_venue = venue.features.first().and_then(|v| {
        props(v)
            .get("display_point")
            .and_then(|g| raw.anchor(g))
            .or_else(|| v.get("geometry").and_then(|g| raw.anchor(g)))
    });
    let (lon, lat) = from_venue.unwrap_or_else(|| {
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for u in units.features {
            if let Some(s) = u.get("geometry").and_then(|g| raw.shape(g)) {
                b = [b[0].min(s.bbox[0]), b[1].min(s.bbox[1]), b[2].max(s.bbox[2]), b[3].max(s.bbox[3])];
            }
        }
        if b[0].is_finite() {
            ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0)
        } else {
            (0.0, 0.0)
        }
    });
    Projector::new(lon, lat)
}

struct LevelInfo {
    building: String,
    ordinal: i32,
}

struct UnitInfo {
    id: String,
    level: String,
    category: String,
    shape: Shape,
    /// Display point or centroid.
    center: P,
    name: (Option<String>, Option<String>),
    doors: Vec<usize>,
    center_node: Option<usize>,
    accessible: bool,
    /// Vertical connector kind, from the category or an amenity naming this unit.
    vertical: Option<ConnectorKind>,
    has_place: bool,
}

/// Ids to positions, over the `HashMap<String, u32>` of `Venue` (the importer and the venue share one map instance in
/// the wasm).
#[derive(Default)]
struct Index(HashMap<String, u32>);

impl Index {
    fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).map(|&i| i as usize)
    }

    fn insert(&mut self, id: String, i: usize) {
        if let Ok(i) = u32::try_from(i) {
            self.0.insert(id, i);
        }
    }
}

/// Values by id over an [`Index`] and a list (no map instance of its own per value type).
struct Keyed<V> {
    index: Index,
    values: Vec<V>,
}

impl<V> Default for Keyed<V> {
    fn default() -> Keyed<V> {
        Keyed { index: Index::default(), values: Vec::new() }
    }
}

impl<V> Keyed<V> {
    fn get(&self, id: &str) -> Option<&V> {
        self.index.get(id).and_then(|i| self.values.get(i))
    }

    /// The value of `id`, a default one inserted first if absent.
    fn slot(&mut self, id: &str) -> Option<&mut V>
    where
        V: Default,
    {
        let i = match self.index.get(id) {
            Some(i) => i,
            None => {
                self.index.insert(id.to_string(), self.values.len());
                self.values.push(V::default());
                self.values.len() - 1
            }
        };
        self.values.get_mut(i)
    }

    fn insert(&mut self, id: &str, v: V) {
        if let Some(slot) = self.index.get(id).and_then(|i| self.values.get_mut(i)) {
            *slot = v;
        } else {
            self.index.insert(id.to_string(), self.values.len());
            self.values.push(v);
        }
    }
}

#[derive(Default)]
struct Builder {
    proj: Option<Projector>,
    report: ImportReport,
    lang: String,
    doc: VenueDoc,
    building_names: Keyed<String>,
    levels: HashMap<String, LevelInfo>,
    units: Vec<UnitInfo>,
    unit_index: Index,
    node_ids: Index,
    edge_keys: Set<(usize, usize)>,
    /// Nodes with at least one edge or connector (set by `mark_linked`).
    linked: Set<usize>,
}

impl Default for Projector {
    fn default() -> Projector {
        Projector::new(0.0, 0.0)
    }
}

impl Builder {
    fn proj(&self) -> &Projector {
        static ORIGIN: std::sync::OnceLock<Projector> = std::sync::OnceLock::new();
        self.proj.as_ref().unwrap_or_else(|| ORIGIN.get_or_init(Projector::default))
    }

    fn feature_id<'a>(&mut self, f: &'a Value, path: &str) -> Option<&'a str> {
        match f.get("id").and_then(Value::as_str).filter(|s| !s.is_empty()) {
            Some(id) => Some(id),
            None => {
                self.report.skip(missing(format!("{path}.id"), "id"));
                None
            }
        }
    }

    fn buildings(&mut self, file: &FileFeatures<'_>) {
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let (zh, en) = label(props(f).get("name"), &self.lang);
            if let Some(n) = zh.or(en) {
                self.building_names.insert(id, n);
            }
        }
    }

    fn levels(&mut self, file: &FileFeatures<'_>) {
        struct Raw {
            id: String,
            ordinal: i32,
            building: String,
            name: String,
            name_en: Option<String>,
        }
        let mut raws: Vec<Raw> = Vec::new();
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let ordinal = props(f).get("ordinal").and_then(Value::as_i64).and_then(|o| i32::try_from(o).ok());
            let Some(ordinal) = ordinal.filter(|o| o.abs() < 1000) else {
                self.report.skip(missing(format!("{path}.properties.ordinal"), "ordinal"));
                continue;
            };
            let building = props(f)
                .get("building_ids")
                .and_then(Value::as_array)
                .and_then(|a| a.first())
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let (zh, en) = label(props(f).get("name"), &self.lang);
            let (szh, _) = label(props(f).get("short_name"), &self.lang);
            let name = zh.clone().or(szh).unwrap_or_else(|| ordinal.to_string());
            raws.push(Raw { id: id.to_string(), ordinal, building, name, name_en: en });
        }
        let mut buildings: Vec<String> = raws.iter().map(|r| r.building.clone()).collect();
        crate::sort::heap_sort_by(&mut buildings, |a, b| a < b);
        buildings.dedup();
        let clash = raws.iter().enumerate().any(|(i, r)| raws.iter().take(i).any(|q| q.ordinal == r.ordinal));
        let scale = if clash {
            let mut s = 10i32;
            while usize::try_from(s).unwrap_or(usize::MAX) < buildings.len() {
                s *= 10;
            }
            s
        } else {
            1
        };
        if clash {
            self.report.notes.push(format!(
                "levels of {} buildings share ordinals: ordinal = IMDF ordinal × {scale} + building rank",
                buildings.len()
            ));
        }
        let many = buildings.len() > 1;
        for r in raws {
            let rank = i32::try_from(buildings.iter().position(|b| *b == r.building).unwrap_or(0)).unwrap_or(0);
            let ordinal = if clash { r.ordinal * scale + rank } else { r.ordinal };
            let bname = self.building_names.get(&r.building).cloned();
            let (name, name_en) = match (many, bname) {
                (true, Some(bn)) => (format!("{} · {bn}", r.name), r.name_en.map(|e| format!("{e} · {bn}"))),
                _ => (r.name, r.name_en),
            };
            self.levels.insert(r.id.clone(), LevelInfo { building: r.building.clone(), ordinal: r.ordinal });
            self.doc.levels.push(LevelDoc {
                id: r.id,
                ordinal,
                name,
                name_en,
                elevation: Some(f64::from(r.ordinal) * STOREY),
            });
        }
    }

    fn level_ok(&mut self, f: &Value, path: &str) -> Option<String> {
        let Some(level) = prop_str(f, "level_id") else {
            self.report.skip(missing(format!("{path}.properties.level_id"), "level_id"));
            return None;
        };
        if !self.levels.contains_key(level) {
            self.report.skip(unknown_ref(format!("{path}.properties.level_id"), "楼层 level", level));
            return None;
        }
        Some(level.to_string())
    }

    fn units(&mut self, file: &FileFeatures<'_>) {
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let Some(level) = self.level_ok(f, &path) else { continue };
            let Some(shape) = f.get("geometry").and_then(|g| self.proj().shape(g)) else {
                self.report.skip(missing(format!("{path}.geometry"), "Polygon geometry"));
                continue;
            };
            let category = prop_str(f, "category").unwrap_or("unspecified").to_string();
            if is_not_walkable(&category) {
                self.report.skip(Issue::new(
                    "IMDF_UNIT_NOT_WALKABLE",
                    format!("{path}.properties.category"),
                    format!("单元类别 {category} 不可通行，未用于路网"),
                    format!("unit category {category} is not walkable; not used for the walk graph"),
                ));
                continue;
            }
            let dp = props(f).get("display_point").and_then(|g| self.proj().anchor(g));
            let center = dp.filter(|p| shape.contains(*p)).unwrap_or_else(|| shape.centroid());
            let name = label(props(f).get("name"), &self.lang);
            self.unit_index.insert(id.to_string(), self.units.len());
            self.units.push(UnitInfo {
                id: id.to_string(),
                level,
                vertical: vertical_kind(&category),
                category,
                shape,
                center,
                name,
                doors: Vec::new(),
                center_node: None,
                accessible: accessible(f),
                has_place: false,
            });
        }
    }

    fn add_node(&mut self, id: String, level: &str, p: P, kind: NodeKind) -> usize {
        if let Some(i) = self.node_ids.get(&id) {
            return i;
        }
        let i = self.doc.nodes.len();
        self.node_ids.insert(id.clone(), i);
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let kind = (kind != NodeKind::Corridor).then_some(kind);
        self.doc.nodes.push(NodeDoc { id, level: level.to_string(), x: round(p.0), y: round(p.1), kind, place: None });
        i
    }

    fn node_point(&self, n: usize) -> P {
        self.doc.nodes.get(n).map_or((0.0, 0.0), |n| (n.x, n.y))
    }

    fn add_edge(&mut self, a: usize, b: usize, kind: EdgeKind) {
        if a == b {
            return;
        }
        let key = (a.min(b), a.max(b));
        if !self.edge_keys.insert(key) {
            return;
        }
        let (Some(na), Some(nb)) = (self.doc.nodes.get(a), self.doc.nodes.get(b)) else { return };
        let kind = (kind != EdgeKind::Corridor).then_some(kind);
        self.doc.edges.push(EdgeDoc { from: na.id.clone(), to: nb.id.clone(), kind, ..EdgeDoc::default() });
    }

    fn center_node(&mut self, u: usize) -> Option<usize> {
        let unit = self.units.get(u)?;
        if let Some(n) = unit.center_node {
            return Some(n);
        }
        let (id, level, center) = (format!("c-{}", unit.id), unit.level.clone(), unit.center);
        let n = self.add_node(id, &level, center, NodeKind::Open);
        if let Some(unit) = self.units.get_mut(u) {
            unit.center_node = Some(n);
        }
        Some(n)
    }

    fn openings(&mut self, file: &FileFeatures<'_>) {
        // Units per level, for the attachment search.
        let mut per_level: Keyed<Vec<usize>> = Keyed::default();
        for (i, u) in self.units.iter().enumerate() {
            if let Some(list) = per_level.slot(&u.level) {
                list.push(i);
            }
        }
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let Some(level) = self.level_ok(f, &path) else { continue };
            let geometry = f.get("geometry").filter(|g| g.get("type").and_then(Value::as_str) == Some("LineString"));
            let Some(mid) = geometry.and_then(|g| self.proj().anchor(g)) else {
                self.report.skip(missing(format!("{path}.geometry"), "LineString geometry"));
                continue;
            };
            let touching: Vec<usize> = per_level
                .get(&level)
                .map(|list| {
                    list.iter()
                        .copied()
                        .filter(|&u| {
                            self.units.get(u).is_some_and(|unit| {
                                unit.shape.near_bbox(mid, DOOR_TOLERANCE)
                                    && unit.shape.boundary_distance(mid) <= DOOR_TOLERANCE
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            if touching.is_empty() {
                self.report.skip(Issue::new(
                    "IMDF_OPENING_UNATTACHED",
                    format!("{path}.geometry"),
                    "开口不在任何单元的边界上（0.6 米内），已跳过".to_string(),
                    "opening is not on the outline of any unit (within 0.6 m); skipped".to_string(),
                ));
                continue;
            }
            let kind = if touching.len() == 1 { NodeKind::Entrance } else { NodeKind::Door };
            let n = self.add_node(id.to_string(), &level, mid, kind);
            for u in touching {
                if let Some(unit) = self.units.get_mut(u) {
                    unit.doors.push(n);
                }
            }
        }
    }

    /// Edges inside circulation units: centre to every door, door to door when the line stays inside.
    fn walk_edges(&mut self) {
        for u in 0..self.units.len() {
            let Some(unit) = self.units.get(u) else { continue };
            if !is_circulation(&unit.category) && unit.vertical.is_none() {
                continue;
            }
            let doors = unit.doors.clone();
            if doors.is_empty() && unit.center_node.is_none() {
                continue;
            }
            let Some(c) = self.center_node(u) else { continue };
            for &d in &doors {
                self.add_edge(c, d, EdgeKind::Open);
            }
            for (k, &a) in doors.iter().enumerate() {
                for &b in doors.iter().skip(k + 1) {
                    let (pa, pb) = (self.node_point(a), self.node_point(b));
                    if self.units.get(u).is_some_and(|unit| unit.shape.sees(pa, pb)) {
                        self.add_edge(a, b, EdgeKind::Corridor);
                    }
                }
            }
        }
    }

    fn relationships(&mut self, file: &FileFeatures<'_>) {
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let category = prop_str(f, "category").unwrap_or("");
            let kind = match category {
                "traversal" => Some(ConnectorKind::Stairs),
                c => vertical_kind(c),
            };
            let Some(kind) = kind else {
                self.report.skip(Issue::new(
                    "IMDF_RELATIONSHIP_UNUSED",
                    format!("{path}.properties.category"),
                    format!("关系类别“{category}”与路网无关，未使用"),
                    format!("relationship category \"{category}\" does not affect the walk graph; not used"),
                ));
                continue;
            };
            let mut refs: Vec<&Value> = Vec::new();
            refs.extend(props(f).get("origin"));
            if let Some(list) = props(f).get("intermediary").and_then(Value::as_array) {
                refs.extend(list);
            }
            refs.extend(props(f).get("destination"));
            let mut stops: Vec<usize> = Vec::new();
            for r in refs {
                let rid = r.get("id").and_then(Value::as_str).unwrap_or("");
                let node =
                    if let Some(u) = self.unit_index.get(rid) { self.center_node(u) } else { self.node_ids.get(rid) };
                match node {
                    Some(n) if !stops.contains(&n) => stops.push(n),
                    Some(_) => {}
                    None => {
                        self.report.skip(unknown_ref(format!("{path}.properties"), "单元或开口", rid));
                    }
                }
            }
            let mut levels = stops.iter().filter_map(|&n| self.doc.nodes.get(n).map(|x| x.level.as_str()));
            let first = levels.next();
            let several_levels = levels.any(|l| Some(l) != first);
            if stops.len() < 2 {
                self.report.skip(missing(format!("{path}.properties"), "origin/destination"));
                continue;
            }
            if !several_levels {
                // Same level: an ordinary walkable link.
                for w in stops.windows(2) {
                    if let [a, b] = w {
                        self.add_edge(*a, *b, EdgeKind::Corridor);
                    }
                }
                continue;
            }
            let directed = prop_str(f, "direction") == Some("directed");
            let one_way = match kind {
                ConnectorKind::Escalator => None,
                _ if directed => Some(true),
                _ => None,
            };
            let nodes = stops.iter().filter_map(|&n| self.doc.nodes.get(n).map(|x| x.id.clone())).collect();
            self.doc.connectors.push(ConnectorDoc {
                id: id.to_string(),
                kind,
                nodes,
                one_way,
                length: None,
                seconds: None,
                wait_seconds: None,
                name: None,
                name_en: None,
            });
        }
    }

    /// First pass (`places == false`): amenities naming vertical units; second pass: amenities as places.
    fn amenities(&mut self, file: &FileFeatures<'_>, places: bool) {
        for (i, f) in file.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", file.key);
            let id = if places {
                f.get("id").and_then(Value::as_str).filter(|s| !s.is_empty())
            } else {
                self.feature_id(f, &path)
            };
            let Some(id) = id else { continue };
            let category = prop_str(f, "category").unwrap_or("");
            let units: Vec<usize> = props(f)
                .get("unit_ids")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).filter_map(|u| self.unit_index.get(u)).collect())
                .unwrap_or_default();
            if units.is_empty() {
                if !places {
                    self.report.skip(missing(format!("{path}.properties.unit_ids"), "unit_ids (known units)"));
                }
                continue;
            }
            if let Some(kind) = vertical_kind(category) {
                if !places {
                    for &u in &units {
                        if let Some(unit) = self.units.get_mut(u) {
                            unit.vertical.get_or_insert(kind);
                        }
                    }
                }
                continue;
            }
            if !places {
                continue;
            }
            let Some(kind) = amenity_place_kind(category, accessible(f)) else {
                self.report.skip(Issue::new(
                    "IMDF_AMENITY_UNUSED",
                    format!("{path}.properties.category"),
                    format!("设施类别“{category}”没有对应的地点类型，未使用"),
                    format!("amenity category \"{category}\" has no matching place kind; not used"),
                ));
                continue;
            };
            let (zh, en) = label(props(f).get("name"), &self.lang);
            let name = zh.unwrap_or_else(|| kind.label().0.to_string());
            let hours = self.hours(f, &path);
            let at = f.get("geometry").and_then(|g| self.proj().anchor(g));
            self.place(id, kind, name, en, Some(category.to_string()), &units, hours, at, &path);
        }
    }

    fn mark_linked(&mut self) {
        let mut linked: Set<usize> = self.edge_keys.iter().flat_map(|&(a, b)| [a, b]).collect();
        for c in &self.doc.connectors {
            linked.extend(c.nodes.iter().filter_map(|id| self.node_ids.get(id)));
        }
        self.linked = linked;
    }

    fn hours(&mut self, f: &Value, path: &str) -> Option<String> {
        let h = prop_str(f, "hours")?;
        match OpeningHours::parse(h) {
            Ok(_) => Some(h.to_string()),
            Err(e) => {
                for is in e.into_issues() {
                    self.report.skip(Issue { path: format!("{path}.properties.hours"), ..is });
                }
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments, reason = "private helper assembling one place")]
    fn place(
        &mut self,
        id: &str,
        kind: PlaceKind,
        name: String,
        name_en: Option<String>,
        category: Option<String>,
        units: &[usize],
        hours: Option<String>,
        at: Option<P>,
        path: &str,
    ) {
        let mut entrances: Vec<String> = Vec::new();
        let mut level = None;
        for &u in units {
            let Some(unit) = self.units.get(u) else { continue };
            let mut nodes = unit.doors.clone();
            if nodes.is_empty() {
                nodes.extend(unit.center_node);
            }
            level.get_or_insert_with(|| unit.level.clone());
            for n in nodes.into_iter().filter(|n| self.linked.contains(n)) {
                if let Some(node) = self.doc.nodes.get(n) {
                    if Some(&node.level) == level.as_ref() && !entrances.contains(&node.id) {
                        entrances.push(node.id.clone());
                    }
                }
            }
            if let Some(unit) = self.units.get_mut(u) {
                unit.has_place = true;
            }
        }
        let Some(level) = level.filter(|_| !entrances.is_empty()) else {
            self.report.skip(Issue::new(
                "IMDF_PLACE_UNREACHABLE",
                path.to_string(),
                "地点所在单元没有通往走廊等通行区域的门（开口），无法到达，已跳过",
                "the place's unit has no opening onto a walkway or other circulation area, so it cannot be reached; skipped",
            ));
            return;
        };
        let round = |v: f64| (v * 100.0).round() / 100.0;
        self.doc.places.push(PlaceDoc {
            id: id.to_string(),
            kind,
            name_en: name_en.filter(|e| *e != name),
            name,
            brand: None,
            category,
            level,
            unit: None,
            entrances,
            hours,
            phone: None,
            pinyin: None,
            x: at.map(|p| round(p.0)),
            y: at.map(|p| round(p.1)),
        });
    }

    fn occupants(&mut self, occupants: &FileFeatures<'_>, anchors: &FileFeatures<'_>) {
        let mut anchor_units: HashMap<&str, (&str, Option<P>)> = HashMap::default();
        for (i, f) in anchors.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", anchors.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let Some(unit) = prop_str(f, "unit_id") else {
                self.report.skip(missing(format!("{path}.properties.unit_id"), "unit_id"));
                continue;
            };
            let at = f.get("geometry").and_then(|g| self.proj().anchor(g));
            anchor_units.insert(id, (unit, at));
        }
        for (i, f) in occupants.features.iter().enumerate() {
            let path = format!("{}.features[{i}]", occupants.key);
            let Some(id) = self.feature_id(f, &path) else { continue };
            let Some(anchor) = prop_str(f, "anchor_id") else {
                self.report.skip(missing(format!("{path}.properties.anchor_id"), "anchor_id"));
                continue;
            };
            let Some(&(unit_id, at)) = anchor_units.get(anchor) else {
                self.report.skip(unknown_ref(format!("{path}.properties.anchor_id"), "锚点 anchor", anchor));
                continue;
            };
            let Some(u) = self.unit_index.get(unit_id) else {
                self.report.skip(unknown_ref(format!("{path}.properties.anchor_id"), "单元 unit", unit_id));
                continue;
            };
            let (zh, en) = label(props(f).get("name"), &self.lang);
            let Some(name) = zh.or_else(|| en.clone()) else {
                self.report.skip(missing(format!("{path}.properties.name"), "name"));
                continue;
            };
            let category = prop_str(f, "category").map(str::to_string);
            let kind = category
                .as_deref()
                .and_then(|c| amenity_place_kind(c, false))
                .filter(|k| *k != PlaceKind::Other)
                .unwrap_or(PlaceKind::Store);
            let hours = self.hours(f, &path);
            let phone = prop_str(f, "phone").map(|p| p.trim().to_string());
            self.place(id, kind, name, en, category, &[u], hours, at, &path);
            if let Some(p) = self.doc.places.last_mut().filter(|p| p.id == id) {
                p.phone = phone.filter(|p| !p.is_empty());
            }
        }
    }

    /// Restroom and mothers' room units that no occupant or amenity described become places of their own.
    fn unit_places(&mut self) {
        for u in 0..self.units.len() {
            let Some(unit) = self.units.get(u) else { continue };
            if unit.has_place {
                continue;
            }
            let Some(kind) = amenity_place_kind(&unit.category, unit.accessible).filter(|k| *k != PlaceKind::Other)
            else {
                continue;
            };
            let (zh, en) = unit.name.clone();
            let name = zh.unwrap_or_else(|| kind.label().0.to_string());
            let (id, category, center) = (format!("p-{}", unit.id), unit.category.clone(), unit.center);
            let path = format!("unit[{}]", unit.id);
            self.place(&id, kind, name, en, Some(category), &[u], None, Some(center), &path);
        }
    }

    /// Stacked vertical units of one building on consecutive levels whose outlines overlap.
    fn stacked_connectors(&mut self) {
        // Levels per building, sorted by IMDF ordinal.
        let mut by_building: HashMap<String, Vec<(i32, String)>> = HashMap::default();
        for (id, l) in &self.levels {
            by_building.entry(l.building.clone()).or_default().push((l.ordinal, id.clone()));
        }
        let mut next_level: Keyed<String> = Keyed::default();
        for list in by_building.values_mut() {
            crate::sort::heap_sort_by(list, |a, b| a < b);
            for w in list.windows(2) {
                if let [(oa, a), (ob, b)] = w {
                    if ob > oa {
                        next_level.insert(a, b.clone());
                    }
                }
            }
        }
        let mut per_level: Keyed<Vec<usize>> = Keyed::default();
        for (i, u) in self.units.iter().enumerate() {
            if u.vertical.is_some() {
                if let Some(list) = per_level.slot(&u.level) {
                    list.push(i);
                }
            }
        }
        // Pairs (lower, upper) of overlapping vertical units of one kind.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            let Some(kind) = u.vertical else { continue };
            let Some(up) = next_level.get(&u.level) else { continue };
            for &j in per_level.get(up.as_str()).map_or(&[][..], Vec::as_slice) {
                let Some(v) = self.units.get(j) else { continue };
                let same = v.vertical == Some(kind)
                    || matches!(
                        (v.vertical, kind),
                        (Some(ConnectorKind::Stairs | ConnectorKind::Escalator), ConnectorKind::Stairs)
                            | (Some(ConnectorKind::Stairs), ConnectorKind::Escalator)
                    );
                if same && (v.shape.contains(u.center) || u.shape.contains(v.center)) {
                    pairs.push((i, j));
                }
            }
        }
        let mut linked = vec![false; self.units.len()];
        // Elevators: chain pairs into shafts (one connector per shaft).
        let mut above: HashMap<usize, usize> = HashMap::default();
        let mut has_below = Set::default();
        for &(a, b) in &pairs {
            if self.units.get(a).and_then(|u| u.vertical) == Some(ConnectorKind::Elevator) {
                above.entry(a).or_insert(b);
                has_below.insert(b);
            }
        }
        let mut starts: Vec<usize> = above.keys().copied().filter(|a| !has_below.contains(a)).collect();
        crate::sort::heap_sort_by(&mut starts, |a, b| a < b);
        for s in starts {
            let mut chain = vec![s];
            let mut cur = s;
            while let Some(&n) = above.get(&cur) {
                if chain.contains(&n) {
                    break;
                }
                chain.push(n);
                cur = n;
            }
            let centers: Vec<usize> = chain.iter().filter_map(|&u| self.center_node(u)).collect();
            let nodes: Vec<String> =
                centers.iter().filter_map(|&n| self.doc.nodes.get(n).map(|x| x.id.clone())).collect();
            for &u in &chain {
                if let Some(l) = linked.get_mut(u) {
                    *l = true;
                }
            }
            let id = format!("elevator-{}", self.doc.connectors.len() + 1);
            self.push_connector(id, ConnectorKind::Elevator, nodes);
        }
        for &(a, b) in &pairs {
            let kind = self.units.get(a).and_then(|u| u.vertical);
            if kind == Some(ConnectorKind::Elevator) {
                continue;
            }
            let kind = match kind {
                Some(ConnectorKind::Ramp) => ConnectorKind::Ramp,
                _ => ConnectorKind::Stairs,
            };
            let centers: Vec<usize> = [a, b].iter().filter_map(|&u| self.center_node(u)).collect();
            let nodes: Vec<String> =
                centers.iter().filter_map(|&n| self.doc.nodes.get(n).map(|x| x.id.clone())).collect();
            for u in [a, b] {
                if let Some(l) = linked.get_mut(u) {
                    *l = true;
                }
            }
            let id = format!("stairs-{}", self.doc.connectors.len() + 1);
            self.push_connector(id, kind, nodes);
        }
        let lonely: Vec<(String, String)> = self
            .units
            .iter()
            .enumerate()
            .filter(|(i, u)| {
                matches!(u.vertical, Some(ConnectorKind::Elevator | ConnectorKind::Stairs | ConnectorKind::Escalator))
                    && !linked.get(*i).copied().unwrap_or(true)
                    && u.center_node.is_none()
            })
            .map(|(_, u)| (u.id.clone(), u.category.clone()))
            .collect();
        for (id, category) in lonely {
            self.report.skip(Issue::new(
                "IMDF_CONNECTOR_UNMATCHED",
                format!("unit[{id}]"),
                format!("{category} 单元上下层没有重叠的同类单元，未生成垂直连接"),
                format!("{category} unit has no overlapping partner on the level above or below; no vertical link"),
            ));
        }
    }

    fn push_connector(&mut self, id: String, kind: ConnectorKind, nodes: Vec<String>) {
        if nodes.len() < 2 {
            return;
        }
        self.doc.connectors.push(ConnectorDoc {
            id,
            kind,
            nodes,
            one_way: None,
            length: None,
            seconds: None,
            wait_seconds: None,
            name: None,
            name_en: None,
        });
    }
}

/// A tiny two-level IMDF archive (a corridor and a shop per level, stairs between them), for examples and tests.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let files = mallcare::finder::imdf::tiny_fixture();
/// assert!(files.contains_key("unit.geojson"));
/// ```
pub fn tiny_fixture() -> BTreeMap<String, Value> {
    let text = include_str!("../../data/finder/imdf-fixtures/tiny.json");
    let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    v.as_object().map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, reason = "tests")]
    use super::*;
    use std::collections::{HashMap, HashSet, VecDeque};

    /// Node ids reachable from `start` over edges (both ways unless one-way) and connectors (all hops both ways).
    pub(super) fn reachable(doc: &VenueDoc, start: &str) -> HashSet<String> {
        let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in &doc.edges {
            adj.entry(e.from.as_str()).or_default().push(e.to.as_str());
            adj.entry(e.to.as_str()).or_default().push(e.from.as_str());
        }
        for c in &doc.connectors {
            for w in c.nodes.windows(2) {
                adj.entry(w[0].as_str()).or_default().push(w[1].as_str());
                adj.entry(w[1].as_str()).or_default().push(w[0].as_str());
            }
        }
        let mut seen = HashSet::new();
        let mut q = VecDeque::from([start]);
        while let Some(n) = q.pop_front() {
            if seen.insert(n.to_string()) {
                q.extend(adj.get(n).into_iter().flatten().copied());
            }
        }
        seen
    }

    #[test]
    fn tiny_fixture_imports() {
        let out = import(&tiny_fixture(), &ImportOptions::default()).unwrap();
        let d = &out.doc;
        assert_eq!(d.name, "小商场");
        assert_eq!(d.name_en.as_deref(), Some("Tiny Mall"));
        assert_eq!(d.levels.len(), 2);
        assert_eq!(d.connectors.len(), 1);
        assert_eq!(d.connectors[0].kind, ConnectorKind::Stairs);
        assert_eq!(d.places.len(), 1);
        let p = &d.places[0];
        assert_eq!((p.name.as_str(), p.name_en.as_deref()), ("星巴克", Some("Starbucks")));
        assert_eq!(p.entrances, vec!["o-2f-shop".to_string()]);
        assert_eq!(p.hours.as_deref(), Some("Mo-Su 07:00-22:00"));
        assert_eq!((p.x, p.y), (Some(5.0), Some(7.0)));
        let shop_door = d.nodes.iter().find(|n| n.id == "o-2f-shop").unwrap();
        assert_eq!((shop_door.x, shop_door.y), (5.0, 4.0));
        assert!(reachable(d, "o-1f-entrance").contains("o-2f-shop"));
        assert!(out.report.issues.is_empty(), "{:?}", out.report.issues);
    }

    #[test]
    fn bad_files() {
        let mut files = tiny_fixture();
        files.insert("unit.geojson".into(), serde_json::json!({"type": "Feature"}));
        let e = import(&files, &ImportOptions::default()).unwrap_err();
        assert_eq!((e.code(), e.issues()[0].path.as_str()), ("IMDF_NOT_GEOJSON", "unit"));
        let mut files = tiny_fixture();
        files.remove("level.geojson");
        assert_eq!(import(&files, &ImportOptions::default()).unwrap_err().code(), "IMDF_FILE_MISSING");
    }

    #[test]
    fn bad_features_are_skipped_with_paths() {
        let mut files = tiny_fixture();
        let units = files.get_mut("unit.geojson").unwrap();
        units["features"][4]["properties"].as_object_mut().unwrap().remove("level_id");
        units["features"][1]["geometry"] = Value::Null;
        let out = import(&files, &ImportOptions::default()).unwrap();
        let paths: Vec<&str> = out.report.issues.iter().map(|i| i.path.as_str()).collect();
        assert!(paths.contains(&"unit.features[4].properties.level_id"), "{paths:?}");
        assert!(paths.contains(&"unit.features[1].geometry"), "{paths:?}");
        assert_eq!(out.report.skipped.get("IMDF_FEATURE_INVALID"), Some(&2));
        let e = import(&files, &ImportOptions { strict: true, locale: None }).unwrap_err();
        assert!(e.has_code("IMDF_FEATURE_INVALID"));
    }

    #[test]
    fn polymap_if_present() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/imdf/polymap");
        let Ok(list) = std::fs::read_dir(&dir) else { return };
        let mut files = BTreeMap::new();
        for e in list.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with("json") {
                files.insert(name, std::fs::read_to_string(e.path()).unwrap());
            }
        }
        let t = std::time::Instant::now();
        let out = import_texts(&files, &ImportOptions::default()).unwrap();
        eprintln!("polymap import: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let values: BTreeMap<String, Value> = files
            .iter()
            .filter(|(k, _)| USED_FILES.contains(&file_key(k).as_str()))
            .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap()))
            .collect();
        eprintln!("polymap parse used files: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let _ = import(&values, &ImportOptions::default()).unwrap();
        eprintln!("polymap import from values: {:?}", t.elapsed());
        eprintln!("{}", serde_json::to_string_pretty(&out.report.to_json(Locale::En)["skipped"]).unwrap());
        eprintln!("{:?} {:?}", out.report.produced, out.report.notes);
        assert_eq!(out.doc.levels.len(), 8);
        // Connectivity: from each place, how many places are reachable, per level.
        let level_of: HashMap<&str, &str> = out.doc.nodes.iter().map(|n| (n.id.as_str(), n.level.as_str())).collect();
        let mut best = 0;
        for p in &out.doc.places {
            let r = reachable(&out.doc, &p.entrances[0]);
            let places = out.doc.places.iter().filter(|q| q.entrances.iter().any(|e| r.contains(e))).count();
            let levels: HashSet<&str> = r.iter().filter_map(|n| level_of.get(n.as_str()).copied()).collect();
            if places > best {
                best = places;
                eprintln!("from {} ({}): {places} places on {} levels", p.name, p.level, levels.len());
            }
        }
        assert_eq!(out.report.used.get("unit"), Some(&443));
        assert_eq!(out.report.used.get("opening"), Some(&472));
    }
}
