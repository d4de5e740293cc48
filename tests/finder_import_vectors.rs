//! Runs the finder-import vector files (tests/vectors/finder-import-*.json) natively with this file's own small
//! adapter, until the pillar adapter (tests/adapters/finder.rs) lists them. The `call` function below is the code
//! the pillar adapter needs for these calls.
#![cfg(feature = "finder")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::finder::hours::OpeningHours;
use mallcare::finder::imdf::{import_texts, ImportOptions};
use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::search::{SearchIndex, SearchOptions};
use mallcare::finder::Venue;
use mallcare::{Calendar, Error, Locale, Timestamp};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const FILES: &[(&str, &str)] = &[
    ("finder-import-hours.json", include_str!("vectors/finder-import-hours.json")),
    ("finder-import-search.json", include_str!("vectors/finder-import-search.json")),
    ("finder-import-imdf.json", include_str!("vectors/finder-import-imdf.json")),
];

/// The IMDF archives vectors may name with `{"$imdf": name}`: file name -> JSON text.
fn imdf_files(name: &str) -> BTreeMap<String, String> {
    match name {
        "tiny" => {
            let v: Value = serde_json::from_str(include_str!("../data/finder/imdf-fixtures/tiny.json")).unwrap();
            v.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.to_string())).collect()
        }
        "polymap" => [
            ("manifest.json", include_str!("data/imdf/polymap/manifest.json")),
            ("venue.geojson", include_str!("data/imdf/polymap/venue.geojson")),
            ("building.geojson", include_str!("data/imdf/polymap/building.geojson")),
            ("level.geojson", include_str!("data/imdf/polymap/level.geojson")),
            ("unit.geojson", include_str!("data/imdf/polymap/unit.geojson")),
            ("opening.geojson", include_str!("data/imdf/polymap/opening.geojson")),
            ("amenity.geojson", include_str!("data/imdf/polymap/amenity.geojson")),
            ("occupant.geojson", include_str!("data/imdf/polymap/occupant.geojson")),
            ("anchor.geojson", include_str!("data/imdf/polymap/anchor.geojson")),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        _ => panic!("unknown $imdf {name}"),
    }
}

/// Replaces `{"$fixture": name}` (from the file's `fixtures`) and `{"$imdf": name}` (a map of JSON texts).
fn resolve(v: &Value, fixtures: &Value) -> Value {
    match v {
        Value::Object(o) if o.len() == 1 && o.contains_key("$fixture") => {
            resolve(&fixtures[o["$fixture"].as_str().unwrap()], fixtures)
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("$imdf") => {
            let files = imdf_files(o["$imdf"].as_str().unwrap());
            Value::Object(files.into_iter().map(|(k, v)| (k, Value::String(v))).collect::<Map<_, _>>())
        }
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), resolve(v, fixtures))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(|v| resolve(v, fixtures)).collect()),
        v => v.clone(),
    }
}

fn issues(e: &Error, locale: Locale) -> Vec<Value> {
    e.issues().iter().map(|i| serde_json::to_value(i.localized(locale)).unwrap()).collect()
}

fn thrown<T: serde::Serialize>(r: mallcare::Result<T>, locale: Locale) -> Result<Value, Vec<Value>> {
    r.map(|v| serde_json::to_value(v).unwrap()).map_err(|e| issues(&e, locale))
}

/// `importImdf(files, options)`: files maps a file name to JSON text or to parsed JSON.
fn import_imdf(files: &Value, options: Option<&Value>) -> mallcare::Result<mallcare::finder::imdf::Imported> {
    let opts: ImportOptions = match options {
        None | Some(Value::Null) => ImportOptions::default(),
        Some(v) => mallcare::json::from_value(v.clone(), "IMDF_OPTIONS_INVALID").map_err(|e| e.under("options"))?,
    };
    let Some(map) = files.as_object() else {
        return mallcare::error::fail("INPUT_NOT_OBJECT", "files", "应为对象", "expected an object");
    };
    let texts: BTreeMap<String, String> =
        map.iter().map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect();
    import_texts(&texts, &opts)
}

fn venue(arg: &Value) -> mallcare::Result<Venue> {
    match arg {
        Value::String(s) if s == "sample" => Venue::sample(),
        Value::Object(o) if o.contains_key("$imdfVenue") => {
            let files = imdf_files(o["$imdfVenue"].as_str().unwrap());
            let texts = Value::Object(files.into_iter().map(|(k, v)| (k, Value::String(v))).collect());
            Venue::from_doc(&import_imdf(&texts, None)?.doc)
        }
        v => Venue::load_value(v.clone()),
    }
}

fn call(name: &str, args: &[Value], locale: Locale) -> Result<Value, Vec<Value>> {
    let s = |i: usize| args.get(i).and_then(Value::as_str).unwrap_or("");
    match name {
        "openingHoursAt" => {
            let r = OpeningHours::parse(s(0)).and_then(|h| {
                let at = Timestamp::parse(s(1)).map_err(|e| e.under("at"))?;
                let cal = Calendar::embedded();
                Ok(json!({ "open": h.is_open_in(at, &cal), "nextChange": h.next_change_in(at, &cal) }))
            });
            thrown(r, locale)
        }
        "parseOpeningHours" => Ok(match OpeningHours::parse(s(0)) {
            Ok(h) => json!({ "ok": true, "value": { "text": h.as_str(), "alwaysOpen": h.is_always_open() } }),
            Err(e) => json!({ "ok": false, "issues": issues(&e, locale) }),
        }),
        "Venue.search" => {
            let doc = |v: &Value| -> mallcare::Result<mallcare::finder::VenueDoc> {
                match v {
                    Value::String(s) if s == "sample" => {
                        mallcare::json::from_str(include_str!("../data/finder/sample-mall.json"), "VENUE_INVALID")
                    }
                    v => mallcare::json::from_value(v.clone(), "VENUE_INVALID"),
                }
            };
            let r = doc(&args[0]).and_then(|d| {
                let opts: SearchOptions = match args.get(2) {
                    None | Some(Value::Null) => SearchOptions::default(),
                    Some(o) => mallcare::json::from_value(o.clone(), "SEARCH_OPTIONS_INVALID")
                        .map_err(|e| e.under("options"))?,
                };
                let idx = SearchIndex::from_doc(&d)?;
                Ok(idx.search(s(1), &opts))
            });
            thrown(r, locale)
        }
        "importImdf" => match import_imdf(&args[0], args.get(1)) {
            Ok(out) => Ok(json!({ "doc": out.doc, "report": out.report.to_json(locale) })),
            Err(e) => Err(issues(&e, locale)),
        },
        "Venue.route" => {
            let r = venue(&args[0]).and_then(|v| {
                let a = Endpoint::from_json(&args[1])?;
                let b = Endpoint::from_json(&args[2])?;
                v.route(&a, &b, &RouteOptions::default())
            });
            thrown(r, locale)
        }
        _ => panic!("no adapter for {name}"),
    }
}

fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => subset(ev, av, &format!("{path}.{k}"))?,
                    None if ev.is_null() => {}
                    None => return Err(format!("{path}.{k}: missing")),
                }
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            e.iter().zip(a).enumerate().try_for_each(|(i, (x, y))| subset(x, y, &format!("{path}[{i}]")))
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {}", a.to_string().chars().take(400).collect::<String>())),
    }
}

#[test]
fn finder_import_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in FILES {
        let doc: Value = serde_json::from_str(text).unwrap();
        let fixtures = doc.get("fixtures").cloned().unwrap_or(Value::Null);
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let args: Vec<Value> = case["args"].as_array().unwrap().iter().map(|a| resolve(a, &fixtures)).collect();
            let locale = Locale::parse(case["locale"].as_str().unwrap_or("zh-CN"));
            let got = call(case["call"].as_str().unwrap(), &args, locale);
            let expect = &case["expect"];
            let r = match (expect.get("value"), expect.get("error"), got) {
                (Some(ev), _, Ok(v)) => subset(ev, &v, "value"),
                (_, Some(ee), Err(is)) => subset(ee, &Value::Array(is), "error"),
                (Some(_), _, Err(is)) => Err(format!("expected a value, got error {}", Value::Array(is))),
                (_, _, Err(is)) => Err(format!("no expectation; error {}", Value::Array(is))),
                (_, _, Ok(v)) => {
                    Err(format!("expected an error, got {}", v.to_string().chars().take(300).collect::<String>()))
                }
            };
            if let Err(m) = r {
                failures.push(format!("{file} :: {}: {m}", case["name"].as_str().unwrap_or("?")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} failed:\n{}", failures.len(), failures.join("\n"));
}
