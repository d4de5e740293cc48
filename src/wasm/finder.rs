//! JS calls of the finder pillar: the `Venue` handle (load once, query many). Thin glue: argument checks, the
//! call, conversion. Every method throws `MallcareError` on bad input.

use super::{default_locale, json_arg, locale_of, value_or_throw};
use crate::error::{Error, Issue, Issues};
use crate::finder::route::{Endpoint, RouteOptions};
use crate::finder::Venue;
use crate::Result;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

fn endpoint_arg(v: &JsValue, path: &str) -> Result<Endpoint> {
    if let Some(s) = v.as_string() {
        return Ok(Endpoint::Id(s));
    }
    if !v.is_object() {
        return Endpoint::from_json(&serde_json::Value::Null).map_err(|e| e.under(path));
    }
    // Fast path for the common `{ node | place | parking: "id" }`: three reads instead of walking the object.
    let keys = js_sys::Object::keys(&js_sys::Object::from(v.clone()));
    if keys.length() == 1 {
        if let Some(key) = keys.get(0).as_string() {
            if matches!(key.as_str(), "node" | "place" | "parking") {
                let id = js_sys::Reflect::get(v, &JsValue::from_str(&key)).ok().and_then(|x| x.as_string());
                if let Some(id) = id {
                    return Ok(match key.as_str() {
                        "node" => Endpoint::Node(id),
                        "place" => Endpoint::Place(id),
                        _ => Endpoint::Parking(id),
                    });
                }
            }
        }
    }
    let value = json_arg(v, path)?;
    Endpoint::from_json(&value).map_err(|e| e.under(path))
}

fn options_arg(v: &JsValue) -> Result<RouteOptions> {
    if v.is_undefined() || v.is_null() {
        return Ok(RouteOptions::default());
    }
    let value = json_arg(v, "options")?;
    crate::finder::read::route_options(&value).map_err(|e| e.under("options"))
}

fn strings_arg(v: &JsValue, path: &str) -> Result<Vec<String>> {
    if let Some(s) = v.as_string() {
        return Ok(vec![s]);
    }
    let value = json_arg(v, path)?;
    crate::finder::read::strings(&value, "INPUT_NOT_ARRAY").map_err(|e| e.under(path))
}

fn endpoints_arg(v: &JsValue, path: &str) -> Result<Vec<Endpoint>> {
    if !js_sys::Array::is_array(v) {
        return Err(Error::from(Issue::new("INPUT_NOT_ARRAY", path, "应为数组", "expected an array")));
    }
    let mut issues = Issues::default();
    let out: Vec<Endpoint> = js_sys::Array::from(v)
        .iter()
        .enumerate()
        .filter_map(|(i, e)| issues.take(endpoint_arg(&e, &format!("{path}[{i}]")), ""))
        .collect();
    issues.finish(out)
}

/// Every issue of the given results, or their values.
fn all3<A, B, C>(a: Result<A>, b: Result<B>, c: Result<C>) -> Result<(A, B, C)> {
    let mut issues = Issues::default();
    let (a, b, c) = (issues.take(a, ""), issues.take(b, ""), issues.take(c, ""));
    match (a, b, c) {
        (Some(a), Some(b), Some(c)) => Ok((a, b, c)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// A loaded venue: `Venue.load(doc)`, `Venue.sample()`, then `route`, `nearest`, `tour`, `findCar`.
#[wasm_bindgen(js_name = "Venue")]
pub struct JsVenue {
    /// Shared with the cached sample mall when it is the sample (a venue is never changed once loaded).
    inner: std::sync::Arc<Venue>,
    report: Option<serde_json::Value>,
}

#[wasm_bindgen(js_class = "Venue")]
impl JsVenue {
    /// Loads a venue document (object or JSON text). Throws `MallcareError` with every issue found.
    #[wasm_bindgen(js_name = "load")]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "VenueDoc | string")] doc: JsValue,
    ) -> std::result::Result<JsVenue, JsValue> {
        json_arg(&doc, "")
            .and_then(Venue::load_value)
            .map(|inner| JsVenue { inner: inner.into(), report: None })
            .map_err(|e| super::throw(e, default_locale()))
    }

    /// The embedded sample mall (B2-7F, no 4F; 150+ stores).
    #[wasm_bindgen(js_name = "sample")]
    pub fn sample() -> std::result::Result<JsVenue, JsValue> {
        // The small parser of `finder::jtext` reads the embedded text (serde_json's text parser is not linked).
        Venue::sample_shared_by(|| {
            crate::finder::jtext::parse(crate::finder::sample::SAMPLE_MALL_JSON)
                .map_err(|e| crate::json::syntax_error("", &e))
                .and_then(Venue::load_value)
        })
        .map(|inner| JsVenue { inner, report: None })
        .map_err(|e| super::throw(e, default_locale()))
    }

    /// Imports an IMDF archive: `files` maps file names (`"unit.geojson"`) to JSON text or parsed JSON. The
    /// import report is then on `venue.importReport`. Throws `MallcareError` (`IMDF_*`, `VENUE_*`).
    #[wasm_bindgen(js_name = "fromImdf")]
    pub fn from_imdf(
        #[wasm_bindgen(unchecked_param_type = "Record<string, string | object>")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ImdfImportOptions")] options: JsValue,
    ) -> std::result::Result<JsVenue, JsValue> {
        let locale = locale_of(&options);
        imdf_args(&files, &options)
            .and_then(|(t, o)| Venue::from_imdf_values(&t, &o))
            .map(|(inner, report)| JsVenue { inner: inner.into(), report: Some(report.to_json(locale)) })
            .map_err(|e| super::throw(e, locale))
    }

    /// What `fromImdf` used and skipped (`undefined` for venues not imported from IMDF).
    #[wasm_bindgen(getter, js_name = "importReport", unchecked_return_type = "ImdfImportReport | undefined")]
    pub fn import_report(&self) -> JsResult {
        match &self.report {
            Some(r) => value_or_throw(Ok(r), default_locale()),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Searches the places: names, brands, categories, English names, pinyin and initials (`"xbk"`), typos.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue,
    ) -> JsResult {
        let opts = if options.is_undefined() || options.is_null() {
            Ok(crate::finder::search::SearchOptions::default())
        } else {
            json_arg(&options, "options")
                .and_then(|v| crate::finder::read::search_options(&v).map_err(|e| e.under("options")))
        };
        let r = super::string_arg(&query, "query")
            .and_then(|q| opts.map(|o| (q, o)))
            .map(|(q, o)| self.inner.search(&q, &o));
        value_or_throw(r, locale_of(&options))
    }

    /// The document's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_string()
    }

    /// The document's fingerprint (16 hex digits).
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// Levels in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "VenueLevel[]")]
    pub fn levels(&self) -> JsResult {
        value_or_throw(Ok(self.inner.levels()), default_locale())
    }

    /// Places (stores and amenities).
    #[wasm_bindgen(getter, unchecked_return_type = "VenuePlace[]")]
    pub fn places(&self) -> JsResult {
        value_or_throw(Ok(self.inner.places()), default_locale())
    }

    /// Version, fingerprint, names, levels and counts.
    #[wasm_bindgen(getter, unchecked_return_type = "VenueSummary")]
    pub fn summary(&self) -> JsResult {
        value_or_throw(Ok(self.inner.summary()), default_locale())
    }

    /// A route between two endpoints. Throws `MallcareError` (`ROUTE_*`).
    #[wasm_bindgen(unchecked_return_type = "Route")]
    pub fn route(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Endpoint")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Endpoint")] to: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RouteOptions")] options: JsValue,
    ) -> JsResult {
        let r = all3(endpoint_arg(&from, "from"), endpoint_arg(&to, "to"), options_arg(&options))
            .and_then(|(a, b, o)| self.inner.route(&a, &b, &o));
        value_or_throw(r, locale_of(&options))
    }

    /// The nearest places of a kind or category (`"restroom"`, `["motherBabyRoom"]`, `"cafe"`), nearest first.
    #[wasm_bindgen(unchecked_return_type = "NearestHit[]")]
    pub fn nearest(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Endpoint")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] what: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RouteOptions")] options: JsValue,
    ) -> JsResult {
        let r = all3(endpoint_arg(&from, "from"), strings_arg(&what, "what"), options_arg(&options))
            .and_then(|(a, w, o)| self.inner.nearest(&a, &w, &o));
        value_or_throw(r, locale_of(&options))
    }

    /// The best order to visit `stops` from `from`, with the routes.
    #[wasm_bindgen(unchecked_return_type = "Tour")]
    pub fn tour(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Endpoint")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Endpoint[]")] stops: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RouteOptions")] options: JsValue,
    ) -> JsResult {
        let r = all3(endpoint_arg(&from, "from"), endpoints_arg(&stops, "stops"), options_arg(&options))
            .and_then(|(a, s, o)| self.inner.tour(&a, &s, &o));
        value_or_throw(r, locale_of(&options))
    }

    /// Find my car: routes from `from` to parking space `code` and back.
    #[wasm_bindgen(js_name = "findCar", unchecked_return_type = "FindCar")]
    pub fn find_car(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Endpoint")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RouteOptions")] options: JsValue,
    ) -> JsResult {
        let r = all3(endpoint_arg(&from, "from"), super::string_arg(&code, "code"), options_arg(&options))
            .and_then(|(a, c, o)| self.inner.find_car(&a, &c, &o));
        value_or_throw(r, locale_of(&options))
    }

    /// A parking space by code (case-insensitive).
    #[wasm_bindgen(js_name = "parkingSpace", unchecked_return_type = "ParkingSpace")]
    pub fn parking_space(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsResult {
        let r = super::string_arg(&code, "code").and_then(|c| self.inner.parking_space(&c));
        value_or_throw(r, default_locale())
    }
}

thread_local! {
    /// The last answer of the overlay's `route` fast path (read by JS straight from memory).
    static ROUTE_TAPE: std::cell::RefCell<crate::finder::tape::RouteTape> = std::cell::RefCell::default();
}

/// An endpoint id of the overlay's fast path: kind 0 a place else node id (a string), 1 `{node}`, 2 `{place}`,
/// 3 `{parking}`.
fn raw_endpoint(kind: u32, id: &[u8]) -> Option<Endpoint> {
    let id = std::str::from_utf8(id).ok()?.to_string();
    match kind {
        0 => Some(Endpoint::Id(id)),
        1 => Some(Endpoint::Node(id)),
        2 => Some(Endpoint::Place(id)),
        3 => Some(Endpoint::Parking(id)),
        _ => None,
    }
}

#[wasm_bindgen(js_class = "Venue")]
impl JsVenue {
    /// Overlay fast path of `route(from, to)` without options (hidden): the two ids are the first `from_len` and
    /// next `to_len` bytes of the scratch buffer. Answers the address of the route's tape (see
    /// `finder::tape`; its first three numbers: count, text address, text length), or 0 when the call must take
    /// the generated path (an error to throw).
    #[wasm_bindgen(js_name = "__mcRoute", skip_typescript)]
    pub fn raw_route(&self, from_kind: u32, from_len: u32, to_kind: u32, to_len: u32) -> u32 {
        let ends = super::with_scratch(from_len.saturating_add(to_len), |b| {
            let (a, z) = b.split_at_checked(from_len as usize)?;
            Some((raw_endpoint(from_kind, a)?, raw_endpoint(to_kind, z)?))
        });
        let Some(Ok(route)) = ends.map(|(a, b)| self.inner.route(&a, &b, &RouteOptions::default())) else { return 0 };
        ROUTE_TAPE.with(|t| {
            let mut t = t.borrow_mut();
            t.write(&route);
            let n = t.nums.len();
            let (text, len) = (t.text.as_ptr() as usize, t.text.len());
            #[allow(clippy::cast_precision_loss, reason = "wasm32 addresses and lengths fit an f64 exactly")]
            let head = [n as f64, text as f64, len as f64];
            if let Some(h) = t.nums.get_mut(..3) {
                h.copy_from_slice(&head);
            }
            super::addr32(t.nums.as_ptr() as usize)
        })
    }
}

/// Checks OSM `opening_hours` text: `{ ok: true, value: { text, alwaysOpen } } | { ok: false, issues }`.
#[wasm_bindgen(js_name = "parseOpeningHours", unchecked_return_type = "Outcome<{ text: string; alwaysOpen: boolean }>")]
pub fn js_parse_opening_hours(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    let r = super::string_arg(&text, "")
        .and_then(|t| crate::finder::hours::OpeningHours::parse(&t))
        .map(|h| object([("text", h.as_str().into()), ("alwaysOpen", h.is_always_open().into())]));
    super::outcome(r, locale_of(&options))
}

/// Whether OSM `opening_hours` say open at `at` (public holidays from the module calendar), and the next change.
/// Throws `MallcareError` (`HOURS_INVALID`, `TIMESTAMP_INVALID`, `INPUT_NOT_STRING`).
#[wasm_bindgen(js_name = "openingHoursAt", unchecked_return_type = "{ open: boolean; nextChange: string | null }")]
pub fn js_opening_hours_at(
    #[wasm_bindgen(unchecked_param_type = "string")] hours: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
) -> JsResult {
    let r =
        super::string_arg(&hours, "hours").and_then(|h| crate::finder::hours::OpeningHours::parse(&h)).and_then(|h| {
            let at =
                super::string_arg(&at, "at").and_then(|t| crate::Timestamp::parse(&t).map_err(|e| e.under("at")))?;
            Ok(super::foundation::with_calendar(|c| {
                let next = h.next_change_in(at, c).map_or(serde_json::Value::Null, |t| t.to_string().into());
                object([("open", h.is_open_in(at, c).into()), ("nextChange", next)])
            }))
        });
    value_or_throw(r, default_locale())
}

/// Imports an IMDF archive into a venue document without loading it: `{ doc, report }`.
/// Throws `MallcareError` (`IMDF_*`).
#[wasm_bindgen(js_name = "importImdf", unchecked_return_type = "{ doc: VenueDoc; report: ImdfImportReport }")]
pub fn js_import_imdf(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string | object>")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImdfImportOptions")] options: JsValue,
) -> JsResult {
    let locale = locale_of(&options);
    let r = imdf_args(&files, &options)
        .and_then(|(t, o)| crate::finder::imdf::import(&t, &o))
        .map(|out| object([("doc", crate::finder::read::doc_value(&out.doc)), ("report", out.report.to_json(locale))]));
    value_or_throw(r, locale)
}

/// A JSON object of the given fields (not `json!`, whose `to_value` is one more serializer in the wasm).
fn object<const N: usize>(fields: [(&str, serde_json::Value); N]) -> serde_json::Value {
    // Inserts, not `collect` (which sorts the pairs first: a sort and a bulk-build instance in the wasm).
    let mut map = serde_json::Map::new();
    for (k, v) in fields {
        map.insert(k.to_string(), v);
    }
    serde_json::Value::Object(map)
}

type ImdfArgs = (std::collections::BTreeMap<String, serde_json::Value>, crate::finder::imdf::ImportOptions);

/// The files of an IMDF import, by name (sorted), as JSON values, only for the files the importer reads (the others
/// become `null`; the importer reports them as ignored): text is read by `finder::jtext` (serde_json's values, without
/// serde_json's text parser in the wasm), objects are walked as every JSON argument is. Text that is not JSON is `IMDF_NOT_GEOJSON` at the
/// file's key, as `imdf::import_texts` reports it natively (the detail after "not JSON: " is worded differently).
fn imdf_args(files: &JsValue, options: &JsValue) -> Result<ImdfArgs> {
    let opts = if options.is_undefined() || options.is_null() {
        Ok(crate::finder::imdf::ImportOptions::default())
    } else {
        json_arg(options, "options")
            .and_then(|v| crate::finder::read::import_options(&v).map_err(|e| e.under("options")))
    };
    all3(imdf_files(files), opts, Ok(())).map(|(t, o, ())| (t, o))
}

fn imdf_files(files: &JsValue) -> Result<std::collections::BTreeMap<String, serde_json::Value>> {
    use serde_json::Value;
    let parsed;
    let files = match files.as_string() {
        Some(text) => {
            parsed = js_sys::JSON::parse(&text).map_err(|e| {
                crate::json::syntax_error("files", &js_sys::Error::from(e).message().as_string().unwrap_or_default())
            })?;
            &parsed
        }
        None => files,
    };
    if !files.is_object() {
        // The glue's own error for a value that is neither an object nor JSON text.
        return json_arg(files, "files").map(|_| std::collections::BTreeMap::new());
    }
    if js_sys::Array::is_array(files) {
        return Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "files", "应为对象", "expected an object")));
    }
    // By name first (the importer's order, so issues come in the native order), then read.
    let mut given: Vec<(String, JsValue)> = super::json_entries(files).collect();
    crate::sort::heap_sort_by(&mut given, |a, b| a.0 < b.0); // keys of one object: no two equal
    let mut issues = Issues::default();
    let mut out = std::collections::BTreeMap::new();
    for (name, item) in given {
        let value = if !crate::finder::imdf::reads_file(&name) {
            Ok(Value::Null)
        } else if let Some(text) = item.as_string() {
            match crate::finder::jtext::parse(&text) {
                Ok(v) => Ok(v),
                Err(detail) => Err(Error::from(Issue::new(
                    "IMDF_NOT_GEOJSON",
                    crate::finder::imdf::file_key(&name),
                    format!("不是 JSON：{detail}"),
                    format!("not JSON: {detail}"),
                ))),
            }
        } else if item.is_object() {
            json_arg(&item, &format!("files.{name}"))
        } else {
            Ok(Value::Null) // a number, boolean or null: not a FeatureCollection
        };
        if let Some(v) = issues.take(value, "") {
            out.insert(name, v);
        }
    }
    issues.finish(out)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_FINDER: &'static str = r#"
/** A venue document: see docs/finder.md "The venue format". */
export interface VenueDoc {
  version: string; name: string; nameEn?: string; walkSpeed?: number;
  levels: { id: string; ordinal: number; name: string; nameEn?: string; elevation?: number }[];
  nodes: { id: string; level: string; x: number; y: number; kind?: "corridor" | "door" | "open" | "entrance"; place?: string }[];
  edges?: { id?: string; from: string; to: string; length?: number; kind?: "corridor" | "door" | "open"; oneWay?: boolean; stepFree?: boolean; place?: string }[];
  connectors?: { id: string; kind: ConnectorKind; nodes: string[]; oneWay?: boolean; length?: number; seconds?: number; waitSeconds?: number; name?: string; nameEn?: string }[];
  places?: { id: string; kind: PlaceKind; name: string; nameEn?: string; brand?: string; category?: string; level: string; unit?: string; entrances: string[]; hours?: string; phone?: string; pinyin?: string[]; x?: number; y?: number }[];
  parking?: { code: string; level: string; zone?: string; node?: string; x?: number; y?: number }[];
}
export type ConnectorKind = "elevator" | "escalator" | "stairs" | "ramp" | "movingWalkway";
export type PlaceKind = "store" | "restroom" | "accessibleRestroom" | "motherBabyRoom" | "serviceDesk" | "atm" | "lockers"
  | "wheelchairRental" | "strollerRental" | "umbrellaRental" | "lostAndFound" | "exit" | "other";
/** Where a route starts or ends: a place id (else node id), or one of these objects. */
export type Endpoint = string | { place: string } | { node: string } | { parking: string } | { level: string; x: number; y: number };
/** Options of route / nearest / tour / findCar. */
export interface RouteOptions extends LocaleOptions {
  optimize?: "distance" | "time";
  mode?: "default" | "accessible" | "avoidElevators";
  avoid?: ConnectorKind[];
  /** Closed connector, edge, node (door) or place ids. */
  closed?: string[];
  /** RFC 3339; places closed then (by their hours) are avoided. */
  at?: string;
  maxSnap?: number;
  /** nearest: how many answers (default 1). */
  limit?: number;
  /** tour: come back to the start. */
  roundTrip?: boolean;
}
export interface VenueLevel { id: string; ordinal: number; name: string; nameEn: string; elevation: number }
export interface VenuePlace { id: string; kind: PlaceKind; name: string; nameEn: string; brand?: string; category?: string; level: string; unit?: string; hours?: string; phone?: string; pinyin?: string[]; x: number; y: number }
export interface VenueSummary { version: string; fingerprint: string; name: string; nameEn: string; levels: VenueLevel[]; places: number; stores: number; parking: number; nodes: number; arcs: number }
export interface RouteStop { level: string; levelName: string; x: number; y: number; place?: string; parking?: string; name: string; nameEn: string }
export interface RouteLeg { level: string; levelName: string; ordinal: number; points: [number, number][]; metres: number }
export interface RouteStep {
  kind: "depart" | "walk" | "turn" | "elevator" | "escalator" | "stairs" | "ramp" | "walkway" | "arrive";
  turn?: "slightLeft" | "left" | "slightRight" | "right" | "uTurn";
  metres?: number; landmark?: string; connector?: string; direction?: "up" | "down" | "level"; toLevel?: string;
  level: string; text: string; textEn: string;
}
export interface Route {
  metres: number; seconds: number; optimize: "distance" | "time"; mode: "default" | "accessible" | "avoidElevators";
  from: RouteStop; to: RouteStop; legs: RouteLeg[]; steps: RouteStep[]; connectors: string[]; version: string;
}
export interface NearestHit { place: VenuePlace; metres: number; seconds: number; route: Route }
export interface Tour { order: number[]; metres: number; seconds: number; exact: boolean; legs: Route[] }
export interface ParkingSpace { code: string; level: string; levelName: string; zone?: string; x: number; y: number }
export interface FindCar { space: ParkingSpace; toCar: Route; fromCar: Route }
/** Options of `Venue.fromImdf`. */
export interface ImdfImportOptions extends LocaleOptions { strict?: boolean }
/** What an IMDF import used, produced and skipped. */
export interface ImdfImportReport {
  used: Record<string, number>; produced: Record<string, number>; skipped: Record<string, number>; issues: Issue[];
  ignoredFiles: Record<string, string>; notes: string[]; origin: [number, number];
}
/** Options of `venue.search`. */
export interface SearchOptions extends LocaleOptions {
  limit?: number; level?: string; category?: string; kind?: PlaceKind; at?: string; openOnly?: boolean; openFirst?: boolean;
}
/** One search hit: the place id, a score (higher is better), how and where it matched. */
export interface SearchHit {
  id: string; score: number; matched: "exact" | "prefix" | "initials" | "contains" | "fuzzy" | "all";
  field: "name" | "pinyin" | "brand" | "nameEn" | "category"; open?: boolean;
}
"#;
