//! Vector adapters of the finder pillar: `Venue.*` calls take the venue as their first argument (a document, or
//! `"sample"` for the embedded sample mall), as `tests/js/adapters/finder.mjs` does.
use super::{thrown, CallResult};
use mallcare::error::{Error, Issue, Issues};
use mallcare::finder::hours::OpeningHours;
use mallcare::finder::imdf::{import_texts, ImportOptions, Imported};
use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::search::SearchOptions;
use mallcare::finder::Venue;
use mallcare::Locale;
use mallcare::Timestamp;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

crate::vector_files![
    "finder.json",
    "finder-sample.json",
    "finder-import-hours.json",
    "finder-import-imdf.json",
    "finder-import-search.json",
    "finder-astar.json",
];

/// The IMDF archives vectors may name with `{"$imdf": name}` / `{"$imdfVenue": name}`: file name -> JSON text.
fn imdf_files(name: &str) -> Option<Map<String, Value>> {
    let pairs: Vec<(&str, &str)> = match name {
        "tiny" => {
            let v: Value = serde_json::from_str(include_str!("../../data/finder/imdf-fixtures/tiny.json")).ok()?;
            return Some(v.as_object()?.iter().map(|(k, v)| (k.clone(), Value::String(v.to_string()))).collect());
        }
        "polymap" => vec![
            ("manifest.json", include_str!("../data/imdf/polymap/manifest.json")),
            ("venue.geojson", include_str!("../data/imdf/polymap/venue.geojson")),
            ("building.geojson", include_str!("../data/imdf/polymap/building.geojson")),
            ("level.geojson", include_str!("../data/imdf/polymap/level.geojson")),
            ("unit.geojson", include_str!("../data/imdf/polymap/unit.geojson")),
            ("opening.geojson", include_str!("../data/imdf/polymap/opening.geojson")),
            ("amenity.geojson", include_str!("../data/imdf/polymap/amenity.geojson")),
            ("occupant.geojson", include_str!("../data/imdf/polymap/occupant.geojson")),
            ("anchor.geojson", include_str!("../data/imdf/polymap/anchor.geojson")),
        ],
        _ => return None,
    };
    Some(pairs.into_iter().map(|(k, v)| (k.to_string(), Value::String(v.to_string()))).collect())
}

/// Every `fixtures` entry of the finder vector files, by name (names are unique across the files).
fn fixtures() -> Map<String, Value> {
    let mut all = Map::new();
    for (_, text) in FILES {
        if let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(text) {
            if let Some(Value::Object(f)) = doc.get("fixtures") {
                all.extend(f.clone());
            }
        }
    }
    all
}

/// Replaces `{"$fixture": name}` and `{"$imdf": name}`; leaves `{"$imdfVenue": name}` for `venue`.
fn resolve(v: &Value, fx: &Map<String, Value>) -> Value {
    match v {
        Value::Object(o) if o.len() == 1 && o.contains_key("$fixture") => {
            let name = o.get("$fixture").and_then(Value::as_str).unwrap_or("");
            fx.get(name).map_or(Value::Null, |f| resolve(f, fx))
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("$imdf") => {
            o.get("$imdf").and_then(Value::as_str).and_then(imdf_files).map_or(Value::Null, Value::Object)
        }
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), resolve(v, fx))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(|v| resolve(v, fx)).collect()),
        v => v.clone(),
    }
}

/// `importImdf(files, options)` / `Venue.fromImdf`: files map a name to JSON text or parsed JSON.
fn import_imdf(files: &Value, options: Option<&Value>) -> mallcare::Result<Imported> {
    let opts: ImportOptions = match options {
        None | Some(Value::Null) => ImportOptions::default(),
        Some(v) => mallcare::json::from_value(v.clone(), "IMDF_OPTIONS_INVALID").map_err(|e| e.under("options"))?,
    };
    let Some(map) = files.as_object() else {
        return Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "files", "应为对象", "expected an object")));
    };
    let texts: BTreeMap<String, String> =
        map.iter().map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect();
    import_texts(&texts, &opts)
}

fn venue(arg: Option<&Value>) -> mallcare::Result<Venue> {
    match arg {
        Some(Value::String(s)) if s == "sample" => Venue::sample(),
        Some(Value::String(s)) => Venue::load(s),
        Some(Value::Object(o)) if o.len() == 1 && o.contains_key("$imdfVenue") => {
            let files = o.get("$imdfVenue").and_then(Value::as_str).and_then(imdf_files).unwrap_or_default();
            Venue::from_doc(&import_imdf(&Value::Object(files), None)?.doc)
        }
        Some(v @ Value::Object(_)) => Venue::load_value(v.clone()),
        _ => Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "", "", ""))),
    }
}

fn endpoint(v: Option<&Value>, path: &str) -> mallcare::Result<Endpoint> {
    let v = v.cloned().unwrap_or(Value::Null);
    Endpoint::from_json(&v).map_err(|e| e.under(path))
}

fn options(v: Option<&Value>) -> mallcare::Result<RouteOptions> {
    match v {
        None | Some(Value::Null) => Ok(RouteOptions::default()),
        Some(v) => mallcare::json::from_value(v.clone(), "ROUTE_OPTIONS_INVALID").map_err(|e| e.under("options")),
    }
}

fn locale_of(v: Option<&Value>, default: Locale) -> Locale {
    v.and_then(|o| o.get("locale")).and_then(Value::as_str).map_or(default, Locale::parse)
}

fn all3<A, B, C>(
    a: mallcare::Result<A>,
    b: mallcare::Result<B>,
    c: mallcare::Result<C>,
) -> mallcare::Result<(A, B, C)> {
    let mut issues = Issues::default();
    let (a, b, c) = (issues.take(a, ""), issues.take(b, ""), issues.take(c, ""));
    match (a, b, c) {
        (Some(a), Some(b), Some(c)) => Ok((a, b, c)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// Dispatches the finder pillar's calls; `None` for names it does not know.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    if !(name.starts_with("Venue.") || matches!(name, "openingHoursAt" | "parseOpeningHours" | "importImdf")) {
        return None;
    }
    let fx = fixtures();
    let args: Vec<Value> = args.iter().map(|a| resolve(a, &fx)).collect();
    let args = args.as_slice();
    let s = |i: usize| args.get(i).and_then(Value::as_str).unwrap_or("");
    let v = || venue(args.first());
    Some(match name {
        "Venue.load" => thrown(v().map(|v| v.summary()), locale),
        "Venue.sample" => thrown(Venue::sample().map(|v| v.summary()), locale),
        "Venue.route" => {
            let lc = locale_of(args.get(3), locale);
            let r = v().and_then(|v| {
                let (a, b, o) = all3(endpoint(args.get(1), "from"), endpoint(args.get(2), "to"), options(args.get(3)))?;
                v.route(&a, &b, &o)
            });
            thrown(r, lc)
        }
        "Venue.nearest" => {
            let lc = locale_of(args.get(3), locale);
            let what = match args.get(2) {
                Some(Value::String(s)) => Ok(vec![s.clone()]),
                Some(w) => {
                    mallcare::json::from_value::<Vec<String>>(w.clone(), "INPUT_NOT_ARRAY").map_err(|e| e.under("what"))
                }
                None => Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "what", "", ""))),
            };
            let r = v().and_then(|v| {
                let (a, w, o) = all3(endpoint(args.get(1), "from"), what, options(args.get(3)))?;
                v.nearest(&a, &w, &o)
            });
            thrown(r, lc)
        }
        "Venue.tour" => {
            let lc = locale_of(args.get(3), locale);
            let stops = match args.get(2) {
                Some(Value::Array(items)) => {
                    let mut issues = Issues::default();
                    let list: Vec<Endpoint> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, e)| issues.take(endpoint(Some(e), &format!("stops[{i}]")), ""))
                        .collect();
                    issues.finish(list)
                }
                _ => Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "stops", "", ""))),
            };
            let r = v().and_then(|v| {
                let (a, s, o) = all3(endpoint(args.get(1), "from"), stops, options(args.get(3)))?;
                v.tour(&a, &s, &o)
            });
            thrown(r, lc)
        }
        "Venue.findCar" => {
            let lc = locale_of(args.get(3), locale);
            let code = args
                .get(2)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| Error::from(Issue::new("INPUT_NOT_STRING", "code", "", "")));
            let r = v().and_then(|v| {
                let (a, c, o) = all3(endpoint(args.get(1), "from"), code, options(args.get(3)))?;
                v.find_car(&a, &c, &o)
            });
            thrown(r, lc)
        }
        "openingHoursAt" => {
            let r = OpeningHours::parse(s(0)).and_then(|h| {
                let at = Timestamp::parse(s(1)).map_err(|e| e.under("at"))?;
                let cal = mallcare::Calendar::embedded();
                Ok(json!({ "open": h.is_open_in(at, &cal), "nextChange": h.next_change_in(at, &cal) }))
            });
            thrown(r, locale)
        }
        "parseOpeningHours" => super::outcome(
            OpeningHours::parse(s(0)).map(|h| json!({ "text": h.as_str(), "alwaysOpen": h.is_always_open() })),
            locale_of(args.get(1), locale),
        ),
        "importImdf" => {
            let lc = locale_of(args.get(1), locale);
            match import_imdf(args.first().unwrap_or(&Value::Null), args.get(1)) {
                Ok(out) => Ok(json!({ "doc": out.doc, "report": out.report.to_json(lc) })),
                Err(e) => Err(super::issues(&e, lc)),
            }
        }
        "Venue.search" => {
            let lc = locale_of(args.get(2), locale);
            let opts = match args.get(2) {
                None | Some(Value::Null) => Ok(SearchOptions::default()),
                Some(o) => {
                    mallcare::json::from_value(o.clone(), "SEARCH_OPTIONS_INVALID").map_err(|e| e.under("options"))
                }
            };
            let r = v().and_then(|v| opts.map(|o| v.search(s(1), &o)));
            thrown(r, lc)
        }
        "Venue.parkingSpace" => {
            let r = v().and_then(|v| v.parking_space(args.get(1).and_then(Value::as_str).unwrap_or("")));
            thrown(r, locale)
        }
        _ => return None,
    })
}
