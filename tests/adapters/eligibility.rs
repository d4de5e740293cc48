//! Vector adapters of the eligibility pillar: `ReturnPolicy.*` calls. The first argument is the policy document
//! (object or JSON text) or the string `"statutory"`; the JS adapter (`tests/js/adapters/eligibility.mjs`) does the
//! same with `ReturnPolicy.load(doc)` / `ReturnPolicy.statutory()`.
use super::{issues, thrown, CallResult};
use mallcare::eligibility::write::{decision_json, WriteOptions};
use mallcare::eligibility::{Decision, ReturnPolicy};
use mallcare::{Calendar, Locale};
use serde_json::{json, Value};

crate::vector_files![
    "eligibility-law.json",
    "eligibility-three-guarantees.json",
    "eligibility-store.json",
    "eligibility-money.json",
    "eligibility-bad-input.json",
];

fn policy(arg: Option<&Value>) -> mallcare::Result<ReturnPolicy> {
    match arg {
        Some(Value::String(s)) if s == "statutory" => Ok(ReturnPolicy::statutory()),
        Some(Value::String(s)) => ReturnPolicy::load(s),
        Some(v @ Value::Object(_)) => ReturnPolicy::load_value(v.clone()),
        _ => Err(mallcare::Error::from(mallcare::Issue::new("INPUT_NOT_OBJECT", "", "", ""))),
    }
}

fn request(arg: Option<&Value>) -> mallcare::Result<Value> {
    match arg {
        Some(Value::String(s)) => mallcare::json::from_str(s, "JSON_SYNTAX"),
        Some(v @ Value::Object(_)) => Ok(v.clone()),
        _ => Err(mallcare::Error::from(mallcare::Issue::new("INPUT_NOT_OBJECT", "request", "", ""))),
    }
}

/// `{ explain }` of a call's options argument, checked as the JS glue checks it.
fn options(arg: Option<&Value>) -> mallcare::Result<WriteOptions> {
    match arg.and_then(|o| o.get("explain")) {
        None => Ok(WriteOptions::default()),
        Some(Value::Bool(b)) => Ok(WriteOptions { explain: *b }),
        Some(_) => Err(mallcare::Error::from(mallcare::Issue::new(
            "INPUT_INVALID",
            "options.explain",
            "explain 应为 true 或 false",
            "explain must be true or false",
        ))),
    }
}

/// A decision as the JS face answers it: the pillar's own JSON writer with these options.
fn written(d: &Decision, o: WriteOptions) -> Value {
    serde_json::from_str(&decision_json(d, o)).unwrap_or(Value::Null)
}

/// Dispatches the eligibility pillar's calls; `None` for names it does not know.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    let cal = Calendar::default();
    Some(match name {
        "ReturnPolicy.statutory" => {
            let p = ReturnPolicy::statutory();
            Ok(json!({ "version": p.version(), "fingerprint": p.fingerprint() }))
        }
        "ReturnPolicy.load" => thrown(
            policy(args.first()).map(|p| json!({ "version": p.version(), "fingerprint": p.fingerprint() })),
            locale,
        ),
        "ReturnPolicy.lint" => thrown(policy(args.first()).map(|p| p.lint()), locale),
        "ReturnPolicy.evaluate" => {
            let r = options(args.get(2)).and_then(|o| {
                policy(args.first())
                    .and_then(|p| request(args.get(1)).and_then(|req| p.evaluate_value(req, &cal)))
                    .map(|d| written(&d, o))
            });
            thrown(r, locale)
        }
        "ReturnPolicy.evaluateJson" => {
            // JSON text in, JSON text out; the vectors compare the parsed text.
            let r = options(args.get(2)).and_then(|o| {
                let text = args.get(1).and_then(Value::as_str).unwrap_or("");
                policy(args.first()).and_then(|p| p.evaluate_json(text, &cal)).map(|d| written(&d, o))
            });
            thrown(r, locale)
        }
        "ReturnPolicy.evaluateMany" => {
            let p = match policy(args.first()) {
                Ok(p) => p,
                Err(e) => return Some(Err(issues(&e, locale))),
            };
            let Some(Value::Array(reqs)) = args.get(1) else {
                return Some(super::arg_error("INPUT_NOT_ARRAY", "requests", locale));
            };
            let o = match options(args.get(2)) {
                Ok(o) => o,
                Err(e) => return Some(Err(issues(&e, locale))),
            };
            let out: Vec<Value> = p
                .evaluate_many(reqs, &cal)
                .into_iter()
                .map(|r| match r {
                    Ok(d) => json!({ "ok": true, "value": written(&d, o) }),
                    Err(e) => json!({ "ok": false, "issues": issues(&e, locale) }),
                })
                .collect();
            Ok(Value::Array(out))
        }
        _ => return None,
    })
}
