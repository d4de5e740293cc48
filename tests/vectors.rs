//! Runs every shared vector file in `tests/vectors/` against the Rust API: natively (`cargo test`) and, compiled to
//! wasm32, under Node with wasm-bindgen-test. The JS runners (`tests/js/`) run the same files through the npm package.
//!
//! Vector format (see tests/vectors/README.md): `{ "about": ..., "cases": [case] }` where a case is
//! `{ "name", "call", "args": [...], "locale"?: "en", "expect": { "value": any } | { "error": [issue...] } }`
//! or `{ "name", "steps": [step...] }` with steps of the same shape run in order on fresh state.
//! Expected values are matched as a subset: every key the vector names must match; arrays match element-wise and
//! in length; numbers, strings, booleans and null must be equal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

mod adapters;

use serde_json::Value;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Subset match: `Ok` if `actual` has everything `expected` names.
pub fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = format!("{path}.{k}");
                match a.get(k) {
                    Some(av) => subset(ev, av, &p)?,
                    None if ev.is_null() => {}
                    None => return Err(format!("{p}: missing (expected {ev})")),
                }
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!("{path}: expected {} items, got {}: {actual}", e.len(), a.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

fn run_step(step: &Value) -> Result<(), String> {
    let call = step["call"].as_str().ok_or("step without call")?;
    let args: Vec<Value> = step["args"].as_array().cloned().unwrap_or_default();
    let locale = mallcare::Locale::parse(step["locale"].as_str().unwrap_or("zh-CN"));
    let got = adapters::call(call, &args, locale).ok_or_else(|| format!("no native adapter for call {call}"))?;
    let expect = &step["expect"];
    match (expect.get("value"), expect.get("error"), got) {
        (Some(ev), _, Ok(v)) => subset(ev, &v, "value"),
        (_, Some(ee), Err(issues)) => subset(ee, &Value::Array(issues), "error"),
        (Some(_), _, Err(issues)) => Err(format!("expected a value, got error {}", Value::Array(issues))),
        (_, Some(_), Ok(v)) => Err(format!("expected an error, got value {v}")),
        (None, None, _) => Err("case has neither expect.value nor expect.error".into()),
    }
}

#[test]
fn shared_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in adapters::files() {
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for case in doc["cases"].as_array().unwrap_or_else(|| panic!("{file}: no cases")) {
            adapters::reset();
            let name = case["name"].as_str().unwrap_or("?");
            let steps: Vec<Value> = match case.get("steps") {
                Some(Value::Array(s)) => s.clone(),
                _ => vec![case.clone()],
            };
            for (i, step) in steps.iter().enumerate() {
                count += 1;
                if let Err(msg) = run_step(step) {
                    failures.push(format!("{file} :: {name} (step {i}): {msg}"));
                }
            }
        }
    }
    assert!(count > 0, "no vectors ran");
    assert!(failures.is_empty(), "{} of {count} vector steps failed:\n{}", failures.len(), failures.join("\n"));
}

/// Only meaningful with every pillar on: a single-pillar build lists only its own files.
#[cfg(all(
    not(target_arch = "wasm32"),
    feature = "validation",
    feature = "eligibility",
    feature = "points",
    feature = "finder"
))]
#[test]
fn all_vector_files_are_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = adapters::files().iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every vector file must be listed in its pillar's tests/adapters/<pillar>.rs FILES");
}
