//! The guide (docs/eligibility.md) stays true: the example store policy file loads, the copy in the guide matches
//! it, and the worked decision comes out as the guide says.
#![cfg(feature = "eligibility")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::eligibility::{ApprovalLevel, Basis, Request, Resolution, ReturnPolicy, Status};
use mallcare::Calendar;
use serde_json::{json, Value};

const POLICY: &str = include_str!("../data/eligibility/example-store-policy.json");
const GUIDE: &str = include_str!("../docs/eligibility.md");

fn strip_descriptions(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("description");
            m.values_mut().for_each(strip_descriptions);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_descriptions),
        _ => {}
    }
}

/// The JSON code blocks of the guide.
fn json_blocks() -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = GUIDE;
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").unwrap();
        if let Ok(v) = serde_json::from_str::<Value>(&body[..end]) {
            out.push(v);
        }
        rest = &body[end + 3..];
    }
    out
}

#[test]
fn example_policy_loads_and_the_guide_shows_it() {
    let policy = ReturnPolicy::load(POLICY).unwrap();
    assert_eq!(policy.version(), "2026.05-a");
    assert!(policy.lint().iter().all(|f| f.severity == mallcare::eligibility::Severity::Warning));
    let mut file: Value = serde_json::from_str(POLICY).unwrap();
    strip_descriptions(&mut file);
    let shown = json_blocks().into_iter().find(|b| b.get("rules").is_some()).expect("the guide shows the policy");
    assert_eq!(shown, file, "docs/eligibility.md and data/eligibility/example-store-policy.json differ");
}

#[test]
fn worked_decision_is_as_documented() {
    let policy = ReturnPolicy::load(POLICY).unwrap();
    let request = json_blocks().into_iter().find(|b| b.get("now").is_some()).expect("the guide shows the request");
    let d = policy.evaluate(&Request::from_value(request).unwrap(), &Calendar::default()).unwrap();
    assert_eq!(d.status, Status::Approved);
    let item = &d.items[0];
    assert_eq!(item.allowed.len(), 2);
    assert_eq!(item.allowed[0].resolution, Resolution::Refund);
    assert_eq!(item.allowed[0].until.unwrap().to_string(), "2026-05-18");
    assert_eq!(item.allowed[0].basis, Basis::Store);
    assert_eq!(item.allowed[0].rule.as_str(), "base-15d");
    assert_eq!(item.allowed[1].resolution, Resolution::Exchange);
    let codes: Vec<&str> = item.reasons.iter().map(|r| r.code).collect();
    assert_eq!(codes, ["NO_REASON_WINDOW_OPEN", "STORE_WINDOW_OPEN"]);
    assert_eq!(item.approval, ApprovalLevel::Auto);
    assert_eq!(d.refund.total_fen, 39900);
    assert_eq!(d.review_by.unwrap().to_string(), "2026-05-08");
    assert_eq!(d.refund_by.unwrap().to_string(), "2026-05-10");
    assert_eq!(d.refund.by_payment[0].credit_by.unwrap().to_string(), "2026-05-13");
    let shown = json_blocks().into_iter().find(|b| b.get("status").is_some()).unwrap();
    assert_eq!(shown["refund"]["totalFen"], json!(d.refund.total_fen));
}
