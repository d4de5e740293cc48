//! The finder's JSON reader: the venue document and the call options, read by hand from a `serde_json::Value`.
//!
//! Why not serde: the derived `Deserialize` code of the venue document, instantiated over the path-tracking
//! deserializer, was about 50 KB of the finder's wasm (one visitor per struct, enum and `Vec`, plus the tracked
//! deserializer and serde's own machinery). This reader is one small set of functions shared by every type.
//! It gives the issues the serde path gave: the same code (`VENUE_INVALID`, `ROUTE_OPTIONS_INVALID`...), the same
//! path (an unknown field at its own key, a missing field at its object, a bad value at its field), the same
//! zh/en texts (serde's wording: "missing field `id`", "unknown field `colour`, expected one of ...",
//! "invalid type: string \"x\", expected f64"), and the domain codes of timestamps (`TIMESTAMP_INVALID`...).
//! Object keys are read in the map's order, as serde did, so the first problem reported is the same one.
//! One difference: serde's derived structs also accepted an array of the field values in declaration order
//! (`["L1", 0, "1F"]` for a level); this reader wants objects, as the documented format says.

use super::doc::{
    ConnectorDoc, ConnectorKind, EdgeDoc, EdgeKind, LevelDoc, NodeDoc, NodeKind, ParkingDoc, PlaceDoc, PlaceKind,
    VenueDoc,
};
#[cfg(any(test, feature = "wasm"))]
use super::imdf::ImportOptions;
#[cfg(any(test, feature = "wasm"))]
use super::route::{Mode, Optimize, RouteOptions};
#[cfg(any(test, feature = "wasm"))]
use super::search::SearchOptions;
use crate::error::Error;
use crate::json::tracked::{render, Seg};
use crate::Result;
#[cfg(any(test, feature = "wasm"))]
use crate::Timestamp;
use serde_json::Value;

/// A reader: the path to the value being read and the code of structural issues.
pub(crate) struct Rd<'v> {
    path: Vec<Seg<'v>>,
    code: &'static str,
}

/// serde's `OneOf`: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    let quoted = |s: &str| format!("`{s}`");
    match names {
        [a] => quoted(a),
        [a, b] => format!("{} or {}", quoted(a), quoted(b)),
        _ => {
            let mut out = String::from("one of ");
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&quoted(n));
            }
            out
        }
    }
}

impl<'v> Rd<'v> {
    /// A reader whose structural issues get `code`, paths starting at the root.
    pub(crate) fn new(code: &'static str) -> Rd<'v> {
        Rd { path: Vec::new(), code }
    }

    /// A structural issue at the current path.
    #[inline(never)]
    fn fail(&self, en: &str) -> Error {
        Error::from(crate::json::shape_issue(self.code, render(&self.path), en))
    }

    #[inline(never)]
    fn wrong(&self, v: &Value, expected: &str) -> Error {
        crate::json::wrong_type(self.code, render(&self.path), v, expected)
    }

    #[inline(never)]
    fn bad_value(&self, what: String, expected: &str) -> Error {
        self.fail(&format!("invalid value: {what}, expected {expected}"))
    }

    /// Reads the object `v` (named `name` in messages) whose known keys are `fields`: `each` gets the index of every
    /// key present (in the map's order) and its value, with the path at the key.
    fn obj(
        &mut self,
        v: &'v Value,
        name: &str,
        fields: &[&str],
        each: &mut dyn FnMut(&mut Rd<'v>, usize, &'v Value) -> Result<()>,
    ) -> Result<()> {
        let Value::Object(map) = v else { return Err(self.wrong(v, &format!("struct {name}"))) };
        for (k, x) in map {
            self.path.push(Seg::Key(k));
            let Some(i) = fields.iter().position(|f| f == k) else {
                return Err(self.fail(&format!("unknown field `{k}`, expected {}", one_of(fields))));
            };
            each(self, i, x)?;
            self.path.pop();
        }
        Ok(())
    }

    /// A required field that was absent (the path is the object's).
    #[inline(never)]
    fn need<T>(&self, field: Option<T>, name: &str) -> Result<T> {
        field.ok_or_else(|| self.fail(&format!("missing field `{name}`")))
    }

    #[inline(never)]
    fn string(&self, v: &Value) -> Result<String> {
        v.as_str().map(str::to_string).ok_or_else(|| self.wrong(v, "a string"))
    }

    #[inline(never)]
    fn opt_string(&self, v: &Value) -> Result<Option<String>> {
        if v.is_null() {
            return Ok(None);
        }
        self.string(v).map(Some)
    }

    #[inline(never)]
    fn f64(&self, v: &Value) -> Result<f64> {
        match v {
            Value::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
            _ => Err(self.wrong(v, "f64")),
        }
    }

    #[inline(never)]
    fn opt_f64(&self, v: &Value) -> Result<Option<f64>> {
        if v.is_null() {
            return Ok(None);
        }
        self.f64(v).map(Some)
    }

    #[inline(never)]
    fn bool(&self, v: &Value) -> Result<bool> {
        v.as_bool().ok_or_else(|| self.wrong(v, "a boolean"))
    }

    #[inline(never)]
    fn opt_bool(&self, v: &Value) -> Result<Option<bool>> {
        if v.is_null() {
            return Ok(None);
        }
        self.bool(v).map(Some)
    }

    /// An integer in `lo..=hi` (serde's wording for `ty`: `i32`, `usize`).
    #[inline(never)]
    fn int(&self, v: &Value, lo: i64, hi: u64, ty: &str) -> Result<i64> {
        let Value::Number(n) = v else { return Err(self.wrong(v, ty)) };
        match (n.as_u64(), n.as_i64()) {
            (Some(u), _) if u <= hi => i64::try_from(u).map_err(|_| self.bad_value(format!("integer `{u}`"), ty)),
            (Some(u), _) => Err(self.bad_value(format!("integer `{u}`"), ty)),
            (_, Some(i)) if i >= lo => Ok(i),
            (_, Some(i)) => Err(self.bad_value(format!("integer `{i}`"), ty)),
            _ => Err(self.wrong(v, ty)),
        }
    }

    #[cfg(any(test, feature = "wasm"))]
    fn opt_usize(&self, v: &Value) -> Result<Option<usize>> {
        if v.is_null() {
            return Ok(None);
        }
        let n = self.int(v, 0, usize::MAX as u64, "usize")?;
        Ok(usize::try_from(n).ok())
    }

    #[cfg(any(test, feature = "wasm"))]
    /// A timestamp: a string, its own codes (`TIMESTAMP_INVALID`...) at this path.
    fn opt_timestamp(&self, v: &Value) -> Result<Option<Timestamp>> {
        if v.is_null() {
            return Ok(None);
        }
        let text = self.string(v)?;
        Timestamp::parse(&text).map(Some).map_err(|e| crate::json::domain_error_at(&e, render(&self.path)))
    }

    /// Every element of the array `v`, read by `item` with the path at its index.
    fn list<T>(&mut self, v: &'v Value, item: &mut dyn FnMut(&mut Rd<'v>, &'v Value) -> Result<T>) -> Result<Vec<T>> {
        let Value::Array(items) = v else { return Err(self.wrong(v, "a sequence")) };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            out.push(item(self, x)?);
            self.path.pop();
        }
        Ok(out)
    }

    #[inline(never)]
    fn strings(&mut self, v: &'v Value) -> Result<Vec<String>> {
        self.list(v, &mut |r, x| r.string(x))
    }

    /// A unit-only enum: its name as a string (or, as serde accepts, `{ "name": null }`); the index in `names`.
    #[inline(never)]
    fn variant(&mut self, v: &'v Value, names: &[&str]) -> Result<usize> {
        let find = |r: &Rd<'v>, s: &str| {
            names
                .iter()
                .position(|n| *n == s)
                .ok_or_else(|| r.fail(&format!("unknown variant `{s}`, expected {}", one_of(names))))
        };
        match v {
            Value::String(s) => find(self, s),
            Value::Object(map) if map.len() == 1 => {
                let Some((k, x)) = map.iter().next() else {
                    return Err(self.wrong(v, "a string or a map with one key"));
                };
                let i = find(self, k)?;
                if !x.is_null() {
                    self.path.push(Seg::Key(k));
                    return Err(self.wrong(x, "unit variant"));
                }
                Ok(i)
            }
            _ => Err(self.wrong(v, "a string or a map with one key")),
        }
    }

    #[inline(never)]
    fn opt_variant(&mut self, v: &'v Value, names: &[&str]) -> Result<Option<usize>> {
        if v.is_null() {
            return Ok(None);
        }
        self.variant(v, names).map(Some)
    }
}

const CONNECTOR_KINDS: [&str; 5] = ["elevator", "escalator", "stairs", "ramp", "movingWalkway"];
const CONNECTOR_KIND_OF: [ConnectorKind; 5] = [
    ConnectorKind::Elevator,
    ConnectorKind::Escalator,
    ConnectorKind::Stairs,
    ConnectorKind::Ramp,
    ConnectorKind::MovingWalkway,
];
const NODE_KINDS: [&str; 4] = ["corridor", "door", "open", "entrance"];
const NODE_KIND_OF: [NodeKind; 4] = [NodeKind::Corridor, NodeKind::Door, NodeKind::Open, NodeKind::Entrance];
const EDGE_KINDS: [&str; 3] = ["corridor", "door", "open"];
const EDGE_KIND_OF: [EdgeKind; 3] = [EdgeKind::Corridor, EdgeKind::Door, EdgeKind::Open];

/// The kind at index `i` of a table `variant` answered an index into (the fallback is never taken).
fn pick<T: Copy>(table: &[T], i: usize) -> Option<T> {
    table.get(i).copied()
}

fn connector_kind<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<ConnectorKind> {
    let i = r.variant(v, &CONNECTOR_KINDS)?;
    Ok(pick(&CONNECTOR_KIND_OF, i).unwrap_or(ConnectorKind::Elevator))
}

fn place_kind<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<PlaceKind> {
    let names = PlaceKind::ALL.map(PlaceKind::as_str);
    let i = r.variant(v, &names)?;
    Ok(pick(&PlaceKind::ALL, i).unwrap_or(PlaceKind::Other))
}

fn level<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<LevelDoc> {
    const F: [&str; 5] = ["id", "ordinal", "name", "nameEn", "elevation"];
    let (mut id, mut ordinal, mut name, mut d) = (None, None, None, LevelDoc::default());
    r.obj(v, "LevelDoc", &F, &mut |r, i, x| {
        match i {
            0 => id = Some(r.string(x)?),
            1 => ordinal = Some(r.int(x, i64::from(i32::MIN), i32::MAX as u64, "i32")?),
            2 => name = Some(r.string(x)?),
            3 => d.name_en = r.opt_string(x)?,
            _ => d.elevation = r.opt_f64(x)?,
        }
        Ok(())
    })?;
    d.id = r.need(id, "id")?;
    d.ordinal = i32::try_from(r.need(ordinal, "ordinal")?).unwrap_or_default();
    d.name = r.need(name, "name")?;
    Ok(d)
}

fn node<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<NodeDoc> {
    const F: [&str; 6] = ["id", "level", "x", "y", "kind", "place"];
    let (mut id, mut lvl, mut x0, mut y0, mut d) = (None, None, None, None, NodeDoc::default());
    r.obj(v, "NodeDoc", &F, &mut |r, i, x| {
        match i {
            0 => id = Some(r.string(x)?),
            1 => lvl = Some(r.string(x)?),
            2 => x0 = Some(r.f64(x)?),
            3 => y0 = Some(r.f64(x)?),
            4 => d.kind = r.opt_variant(x, &NODE_KINDS)?.and_then(|k| pick(&NODE_KIND_OF, k)),
            _ => d.place = r.opt_string(x)?,
        }
        Ok(())
    })?;
    d.id = r.need(id, "id")?;
    d.level = r.need(lvl, "level")?;
    d.x = r.need(x0, "x")?;
    d.y = r.need(y0, "y")?;
    Ok(d)
}

fn edge<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<EdgeDoc> {
    const F: [&str; 8] = ["id", "from", "to", "length", "kind", "oneWay", "stepFree", "place"];
    let (mut from, mut to, mut d) = (None, None, EdgeDoc::default());
    r.obj(v, "EdgeDoc", &F, &mut |r, i, x| {
        match i {
            0 => d.id = r.opt_string(x)?,
            1 => from = Some(r.string(x)?),
            2 => to = Some(r.string(x)?),
            3 => d.length = r.opt_f64(x)?,
            4 => d.kind = r.opt_variant(x, &EDGE_KINDS)?.and_then(|k| pick(&EDGE_KIND_OF, k)),
            5 => d.one_way = r.bool(x)?,
            6 => d.step_free = r.opt_bool(x)?,
            _ => d.place = r.opt_string(x)?,
        }
        Ok(())
    })?;
    d.from = r.need(from, "from")?;
    d.to = r.need(to, "to")?;
    Ok(d)
}

fn connector<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<ConnectorDoc> {
    const F: [&str; 9] = ["id", "kind", "nodes", "oneWay", "length", "seconds", "waitSeconds", "name", "nameEn"];
    let (mut id, mut kind, mut nodes) = (None, None, None);
    let mut d = ConnectorDoc {
        id: String::new(),
        kind: ConnectorKind::Elevator,
        nodes: Vec::new(),
        one_way: None,
        length: None,
        seconds: None,
        wait_seconds: None,
        name: None,
        name_en: None,
    };
    r.obj(v, "ConnectorDoc", &F, &mut |r, i, x| {
        match i {
            0 => id = Some(r.string(x)?),
            1 => kind = Some(connector_kind(r, x)?),
            2 => nodes = Some(r.strings(x)?),
            3 => d.one_way = r.opt_bool(x)?,
            4 => d.length = r.opt_f64(x)?,
            5 => d.seconds = r.opt_f64(x)?,
            6 => d.wait_seconds = r.opt_f64(x)?,
            7 => d.name = r.opt_string(x)?,
            _ => d.name_en = r.opt_string(x)?,
        }
        Ok(())
    })?;
    d.id = r.need(id, "id")?;
    d.kind = r.need(kind, "kind")?;
    d.nodes = r.need(nodes, "nodes")?;
    Ok(d)
}

fn place<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<PlaceDoc> {
    const F: [&str; 14] = [
        "id",
        "kind",
        "name",
        "nameEn",
        "brand",
        "category",
        "level",
        "unit",
        "entrances",
        "hours",
        "phone",
        "pinyin",
        "x",
        "y",
    ];
    let (mut id, mut kind, mut name, mut lvl, mut entrances) = (None, None, None, None, None);
    let mut d = PlaceDoc {
        id: String::new(),
        kind: PlaceKind::Other,
        name: String::new(),
        name_en: None,
        brand: None,
        category: None,
        level: String::new(),
        unit: None,
        entrances: Vec::new(),
        hours: None,
        phone: None,
        pinyin: None,
        x: None,
        y: None,
    };
    r.obj(v, "PlaceDoc", &F, &mut |r, i, x| {
        match i {
            0 => id = Some(r.string(x)?),
            1 => kind = Some(place_kind(r, x)?),
            2 => name = Some(r.string(x)?),
            3 => d.name_en = r.opt_string(x)?,
            4 => d.brand = r.opt_string(x)?,
            5 => d.category = r.opt_string(x)?,
            6 => lvl = Some(r.string(x)?),
            7 => d.unit = r.opt_string(x)?,
            8 => entrances = Some(r.strings(x)?),
            9 => d.hours = r.opt_string(x)?,
            10 => d.phone = r.opt_string(x)?,
            11 => d.pinyin = if x.is_null() { None } else { Some(r.strings(x)?) },
            12 => d.x = r.opt_f64(x)?,
            _ => d.y = r.opt_f64(x)?,
        }
        Ok(())
    })?;
    d.id = r.need(id, "id")?;
    d.kind = r.need(kind, "kind")?;
    d.name = r.need(name, "name")?;
    d.level = r.need(lvl, "level")?;
    d.entrances = r.need(entrances, "entrances")?;
    Ok(d)
}

fn parking<'v>(r: &mut Rd<'v>, v: &'v Value) -> Result<ParkingDoc> {
    const F: [&str; 6] = ["code", "level", "zone", "node", "x", "y"];
    let (mut code, mut lvl, mut d) = (None, None, ParkingDoc::default());
    r.obj(v, "ParkingDoc", &F, &mut |r, i, x| {
        match i {
            0 => code = Some(r.string(x)?),
            1 => lvl = Some(r.string(x)?),
            2 => d.zone = r.opt_string(x)?,
            3 => d.node = r.opt_string(x)?,
            4 => d.x = r.opt_f64(x)?,
            _ => d.y = r.opt_f64(x)?,
        }
        Ok(())
    })?;
    d.code = r.need(code, "code")?;
    d.level = r.need(lvl, "level")?;
    Ok(d)
}

/// Reads a venue document; structural problems are `VENUE_INVALID` with the path of the offending field.
///
/// # Errors
/// One issue: the first structural problem (as serde's derived reader reported it).
pub(crate) fn venue_doc(v: &Value) -> Result<VenueDoc> {
    const F: [&str; 10] =
        ["version", "name", "nameEn", "walkSpeed", "levels", "nodes", "edges", "connectors", "places", "parking"];
    let r = &mut Rd::new("VENUE_INVALID");
    let (mut version, mut name, mut levels, mut nodes, mut d) = (None, None, None, None, VenueDoc::default());
    r.obj(v, "VenueDoc", &F, &mut |r, i, x| {
        match i {
            0 => version = Some(r.string(x)?),
            1 => name = Some(r.string(x)?),
            2 => d.name_en = r.opt_string(x)?,
            3 => d.walk_speed = r.opt_f64(x)?,
            4 => levels = Some(r.list(x, &mut level)?),
            5 => nodes = Some(r.list(x, &mut node)?),
            6 => d.edges = r.list(x, &mut edge)?,
            7 => d.connectors = r.list(x, &mut connector)?,
            8 => d.places = r.list(x, &mut place)?,
            _ => d.parking = r.list(x, &mut parking)?,
        }
        Ok(())
    })?;
    d.version = r.need(version, "version")?;
    d.name = r.need(name, "name")?;
    d.levels = r.need(levels, "levels")?;
    d.nodes = r.need(nodes, "nodes")?;
    Ok(d)
}

#[cfg(any(test, feature = "wasm"))]
/// Reads route / nearest / tour options (`ROUTE_OPTIONS_INVALID`; timestamps keep their own codes).
///
/// # Errors
/// One issue: the first problem, with its path (from the options object).
pub(crate) fn route_options(v: &Value) -> Result<RouteOptions> {
    const F: [&str; 9] = ["optimize", "mode", "avoid", "closed", "at", "maxSnap", "locale", "limit", "roundTrip"];
    let r = &mut Rd::new("ROUTE_OPTIONS_INVALID");
    let mut o = RouteOptions::default();
    r.obj(v, "RouteOptions", &F, &mut |r, i, x| {
        match i {
            0 => {
                o.optimize = if r.variant(x, &["distance", "time"])? == 1 { Optimize::Time } else { Optimize::Distance }
            }
            1 => {
                o.mode = match r.variant(x, &["default", "accessible", "avoidElevators"])? {
                    1 => Mode::Accessible,
                    2 => Mode::AvoidElevators,
                    _ => Mode::Default,
                }
            }
            2 => o.avoid = r.list(x, &mut connector_kind)?,
            3 => o.closed = r.strings(x)?,
            4 => o.at = r.opt_timestamp(x)?,
            5 => o.max_snap = r.opt_f64(x)?,
            6 => o.locale = r.opt_string(x)?,
            7 => o.limit = r.opt_usize(x)?,
            _ => o.round_trip = r.bool(x)?,
        }
        Ok(())
    })?;
    Ok(o)
}

#[cfg(any(test, feature = "wasm"))]
/// Reads search options (`SEARCH_OPTIONS_INVALID`; timestamps keep their own codes).
///
/// # Errors
/// One issue: the first problem, with its path (from the options object).
pub(crate) fn search_options(v: &Value) -> Result<SearchOptions> {
    const F: [&str; 8] = ["limit", "level", "category", "kind", "at", "openOnly", "openFirst", "locale"];
    let r = &mut Rd::new("SEARCH_OPTIONS_INVALID");
    let mut o = SearchOptions::default();
    r.obj(v, "SearchOptions", &F, &mut |r, i, x| {
        match i {
            0 => o.limit = r.opt_usize(x)?,
            1 => o.level = r.opt_string(x)?,
            2 => o.category = r.opt_string(x)?,
            3 => o.kind = r.opt_string(x)?,
            4 => o.at = r.opt_timestamp(x)?,
            5 => o.open_only = r.bool(x)?,
            6 => o.open_first = r.bool(x)?,
            _ => o.locale = r.opt_string(x)?,
        }
        Ok(())
    })?;
    Ok(o)
}

#[cfg(any(test, feature = "wasm"))]
/// Reads IMDF import options (`IMDF_OPTIONS_INVALID`).
///
/// # Errors
/// One issue: the first problem, with its path (from the options object).
pub(crate) fn import_options(v: &Value) -> Result<ImportOptions> {
    let r = &mut Rd::new("IMDF_OPTIONS_INVALID");
    let mut o = ImportOptions::default();
    r.obj(v, "ImportOptions", &["strict", "locale"], &mut |r, i, x| {
        match i {
            0 => o.strict = r.bool(x)?,
            _ => o.locale = r.opt_string(x)?,
        }
        Ok(())
    })?;
    Ok(o)
}

#[cfg(any(test, feature = "wasm"))]
/// Reads an array of strings (structural problems get `code`).
///
/// # Errors
/// One issue: the first problem, with its path (from the array).
pub(crate) fn strings(v: &Value, code: &'static str) -> Result<Vec<String>> {
    Rd::new(code).strings(v)
}

/// A venue document as a JSON value: what serde's derived `Serialize` gave (optional fields left out when absent,
/// `oneWay: false` left out on edges, non-finite numbers as `null`), written by hand for the same reason as the
/// reader. The fingerprint of a document built in code (an import) is that of this value.
pub(crate) fn doc_value(d: &VenueDoc) -> Value {
    use serde_json::Map;
    fn num(x: f64) -> Value {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
    fn put(m: &mut Map<String, Value>, k: &str, v: Value) {
        m.insert(k.to_string(), v);
    }
    fn text(m: &mut Map<String, Value>, k: &str, v: &str) {
        put(m, k, Value::String(v.to_string()));
    }
    fn opt_text(m: &mut Map<String, Value>, k: &str, v: Option<&String>) {
        if let Some(v) = v {
            text(m, k, v);
        }
    }
    fn opt_num(m: &mut Map<String, Value>, k: &str, v: Option<f64>) {
        if let Some(v) = v {
            put(m, k, num(v));
        }
    }
    fn opt_bool(m: &mut Map<String, Value>, k: &str, v: Option<bool>) {
        if let Some(v) = v {
            put(m, k, Value::Bool(v));
        }
    }
    fn texts(v: &[String]) -> Value {
        Value::Array(v.iter().map(|s| Value::String(s.clone())).collect())
    }
    fn list<T>(v: &[T], f: fn(&T) -> Map<String, Value>) -> Value {
        Value::Array(v.iter().map(|x| Value::Object(f(x))).collect())
    }
    let mut m = Map::new();
    text(&mut m, "version", &d.version);
    text(&mut m, "name", &d.name);
    opt_text(&mut m, "nameEn", d.name_en.as_ref());
    opt_num(&mut m, "walkSpeed", d.walk_speed);
    put(
        &mut m,
        "levels",
        list(&d.levels, |l| {
            let mut m = Map::new();
            text(&mut m, "id", &l.id);
            put(&mut m, "ordinal", Value::from(l.ordinal));
            text(&mut m, "name", &l.name);
            opt_text(&mut m, "nameEn", l.name_en.as_ref());
            opt_num(&mut m, "elevation", l.elevation);
            m
        }),
    );
    put(
        &mut m,
        "nodes",
        list(&d.nodes, |n| {
            let mut m = Map::new();
            text(&mut m, "id", &n.id);
            text(&mut m, "level", &n.level);
            put(&mut m, "x", num(n.x));
            put(&mut m, "y", num(n.y));
            if let Some(k) = n.kind {
                text(
                    &mut m,
                    "kind",
                    NODE_KINDS.get(NODE_KIND_OF.iter().position(|x| *x == k).unwrap_or(0)).unwrap_or(&""),
                );
            }
            opt_text(&mut m, "place", n.place.as_ref());
            m
        }),
    );
    put(
        &mut m,
        "edges",
        list(&d.edges, |e| {
            let mut m = Map::new();
            opt_text(&mut m, "id", e.id.as_ref());
            text(&mut m, "from", &e.from);
            text(&mut m, "to", &e.to);
            opt_num(&mut m, "length", e.length);
            if let Some(k) = e.kind {
                text(
                    &mut m,
                    "kind",
                    EDGE_KINDS.get(EDGE_KIND_OF.iter().position(|x| *x == k).unwrap_or(0)).unwrap_or(&""),
                );
            }
            if e.one_way {
                put(&mut m, "oneWay", Value::Bool(true));
            }
            opt_bool(&mut m, "stepFree", e.step_free);
            opt_text(&mut m, "place", e.place.as_ref());
            m
        }),
    );
    put(
        &mut m,
        "connectors",
        list(&d.connectors, |c| {
            let mut m = Map::new();
            text(&mut m, "id", &c.id);
            let k = CONNECTOR_KIND_OF.iter().position(|x| *x == c.kind).unwrap_or(0);
            text(&mut m, "kind", CONNECTOR_KINDS.get(k).unwrap_or(&""));
            put(&mut m, "nodes", texts(&c.nodes));
            opt_bool(&mut m, "oneWay", c.one_way);
            opt_num(&mut m, "length", c.length);
            opt_num(&mut m, "seconds", c.seconds);
            opt_num(&mut m, "waitSeconds", c.wait_seconds);
            opt_text(&mut m, "name", c.name.as_ref());
            opt_text(&mut m, "nameEn", c.name_en.as_ref());
            m
        }),
    );
    put(
        &mut m,
        "places",
        list(&d.places, |p| {
            let mut m = Map::new();
            text(&mut m, "id", &p.id);
            text(&mut m, "kind", p.kind.as_str());
            text(&mut m, "name", &p.name);
            opt_text(&mut m, "nameEn", p.name_en.as_ref());
            opt_text(&mut m, "brand", p.brand.as_ref());
            opt_text(&mut m, "category", p.category.as_ref());
            text(&mut m, "level", &p.level);
            opt_text(&mut m, "unit", p.unit.as_ref());
            put(&mut m, "entrances", texts(&p.entrances));
            opt_text(&mut m, "hours", p.hours.as_ref());
            opt_text(&mut m, "phone", p.phone.as_ref());
            if let Some(py) = &p.pinyin {
                put(&mut m, "pinyin", texts(py));
            }
            opt_num(&mut m, "x", p.x);
            opt_num(&mut m, "y", p.y);
            m
        }),
    );
    put(
        &mut m,
        "parking",
        list(&d.parking, |p| {
            let mut m = Map::new();
            text(&mut m, "code", &p.code);
            text(&mut m, "level", &p.level);
            opt_text(&mut m, "zone", p.zone.as_ref());
            opt_text(&mut m, "node", p.node.as_ref());
            opt_num(&mut m, "x", p.x);
            opt_num(&mut m, "y", p.y);
            m
        }),
    );
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;
    use serde_json::json;

    /// Junk put in place of every value in turn.
    fn junk() -> Vec<Value> {
        vec![
            Value::Null,
            json!(true),
            json!(7),
            json!(-3),
            json!(1.5),
            json!(3_000_000_000_u64),
            json!(-3_000_000_000_i64),
            json!(1e300),
            json!("x"),
            json!("elevator"),
            json!("2026-05-01T10:00:00+08:00"),
            json!("2026-05-01T10:00:00"),
            json!(["a", "b"]),
            json!({}),
            json!({ "door": null }),
            json!({ "door": 1 }),
            json!({ "nope": null }),
            json!({ "a": 1, "b": 2 }),
        ]
    }

    /// Every document made from `doc` by replacing one value with junk, removing one key or adding an unknown key.
    /// An array put where serde wanted a struct is left out: serde's derived structs read arrays positionally, this
    /// reader refuses them (the one documented difference).
    fn mutants(doc: &Value) -> Vec<Value> {
        fn walk(v: &Value, rebuild: &dyn Fn(Value) -> Value, out: &mut Vec<Value>) {
            let struct_like = v.is_object();
            for j in junk() {
                if !(struct_like && j.is_array()) {
                    out.push(rebuild(j));
                }
            }
            match v {
                Value::Object(map) => {
                    let mut extra = map.clone();
                    extra.insert("colour".into(), json!(1));
                    out.push(rebuild(Value::Object(extra)));
                    for k in map.keys() {
                        let mut less = map.clone();
                        less.remove(k);
                        out.push(rebuild(Value::Object(less)));
                        let child = &map[k];
                        let inner = |x: Value| {
                            let mut m = map.clone();
                            m.insert(k.clone(), x);
                            rebuild(Value::Object(m))
                        };
                        walk(child, &inner, out);
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate().take(2) {
                        let inner = |x: Value| {
                            let mut a = items.clone();
                            a[i] = x;
                            rebuild(Value::Array(a))
                        };
                        walk(child, &inner, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = vec![doc.clone()];
        walk(doc, &|x| x, &mut out);
        out
    }

    fn same<T: PartialEq + std::fmt::Debug>(ours: Result<T>, serde: Result<T>, what: &Value) {
        match (ours, serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}"),
            (Err(a), Err(b)) => assert_eq!(a.issues(), b.issues(), "{what}"),
            (a, b) => panic!("{what}: ours {a:?}, serde {b:?}"),
        }
    }

    fn test_venue() -> Value {
        json!({
            "version": "t1", "name": "小小广场", "nameEn": "Tiny", "walkSpeed": 1.3,
            "levels": [{ "id": "L1", "ordinal": 0, "name": "1F", "nameEn": "Level 1", "elevation": 0 },
                       { "id": "L2", "ordinal": 1, "name": "2F" }],
            "nodes": [{ "id": "a", "level": "L1", "x": 0, "y": 0, "kind": "door", "place": "s1" },
                      { "id": "b", "level": "L2", "x": 10.5, "y": -2 }],
            "edges": [{ "id": "e1", "from": "a", "to": "b", "length": 3, "kind": "open", "oneWay": true,
                        "stepFree": false, "place": "s1" }],
            "connectors": [{ "id": "E1", "kind": "elevator", "nodes": ["a", "b"], "oneWay": false, "length": 5,
                             "seconds": 9, "waitSeconds": 30, "name": "电梯", "nameEn": "Lift" }],
            "places": [{ "id": "s1", "kind": "store", "name": "星巴克", "nameEn": "Starbucks", "brand": "星巴克",
                         "category": "cafe", "level": "L1", "unit": "L1-01", "entrances": ["a"],
                         "hours": "Mo-Su 10:00-22:00", "phone": "123", "pinyin": ["xing ba ke"], "x": 1, "y": 2 }],
            "parking": [{ "code": "B2-A-001", "level": "L1", "zone": "A", "node": "a", "x": 1, "y": 1 }]
        })
    }

    #[test]
    fn the_venue_reader_answers_as_serde_did_on_every_mutant() {
        let all = mutants(&test_venue());
        assert!(all.len() > 1000, "{}", all.len());
        for v in &all {
            same(venue_doc(v), crate::json::from_value_ref::<VenueDoc>(v, "VENUE_INVALID"), v);
        }
    }

    #[test]
    fn the_sample_mall_reads_the_same() {
        let v: Value = serde_json::from_str(crate::finder::sample::SAMPLE_MALL_JSON).unwrap();
        same(venue_doc(&v), crate::json::from_value_ref::<VenueDoc>(&v, "VENUE_INVALID"), &Value::Null);
    }

    #[test]
    fn the_option_readers_answer_as_serde_did() {
        let route = json!({ "optimize": "time", "mode": "accessible", "avoid": ["stairs"], "closed": ["X"],
            "at": "2026-05-01T10:00:00+08:00", "maxSnap": 20, "locale": "en", "limit": 3, "roundTrip": true });
        for v in &mutants(&route) {
            same(route_options(v), crate::json::from_value_ref(v, "ROUTE_OPTIONS_INVALID"), v);
        }
        let search = json!({ "limit": 5, "level": "L2", "category": "cafe", "kind": "store",
            "at": "2026-05-01T10:00:00+08:00", "openOnly": true, "openFirst": false, "locale": "zh-CN" });
        for v in &mutants(&search) {
            same(search_options(v), crate::json::from_value_ref(v, "SEARCH_OPTIONS_INVALID"), v);
        }
        for v in &mutants(&json!({ "strict": true, "locale": "en" })) {
            same(import_options(v), crate::json::from_value_ref(v, "IMDF_OPTIONS_INVALID"), v);
        }
        for v in &mutants(&json!(["a", "b", "c"])) {
            same(strings(v, "INPUT_NOT_ARRAY"), crate::json::from_value_ref(v, "INPUT_NOT_ARRAY"), v);
        }
    }

    #[test]
    fn an_array_in_place_of_a_level_is_refused() {
        let mut v = test_venue();
        v["levels"][0] = json!(["L1", 0, "1F"]);
        let e = venue_doc(&v).unwrap_err();
        assert_eq!((e.code(), e.issues()[0].path.as_str()), ("VENUE_INVALID", "levels[0]"));
        assert_eq!(e.issues()[0].en, "invalid type: sequence, expected struct LevelDoc");
    }

    #[test]
    fn the_doc_writer_writes_what_serde_wrote() {
        let mut docs: Vec<VenueDoc> = mutants(&test_venue()).iter().filter_map(|v| venue_doc(v).ok()).collect();
        assert!(docs.len() > 50, "{}", docs.len());
        docs.push(venue_doc(&serde_json::from_str(crate::finder::sample::SAMPLE_MALL_JSON).unwrap()).unwrap());
        let imported = crate::finder::imdf::import(&crate::finder::imdf::tiny_fixture(), &Default::default());
        docs.push(imported.unwrap().doc);
        let mut odd = docs[0].clone();
        odd.walk_speed = Some(f64::NAN);
        odd.nodes[0].x = f64::INFINITY;
        docs.push(odd);
        for d in &docs {
            assert_eq!(doc_value(d), serde_json::to_value(d).unwrap());
        }
    }
}
