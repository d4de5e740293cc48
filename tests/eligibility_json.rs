//! The eligibility pillar reads requests and policies and writes decisions with its own JSON code (no serde on the
//! wasm's paths). These tests hold it to the serde derives the public types keep:
//!
//! * every request and policy in the vectors reads to the same value both ways, and the same fingerprint;
//! * thousands of mutated requests and policies (fields removed, retyped, renamed, duplicated, values swapped for
//!   other kinds) fail or succeed the same way both ways, with the same code and path;
//! * every decision in the vectors is written as serde writes it (`explain: false` drops exactly `zh` and `en`);
//! * the reason messages, copied into decisions without escaping, need none.
#![cfg(feature = "eligibility")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::eligibility::write::{decision_json, WriteOptions};
use mallcare::eligibility::{PolicyDoc, Request, ReturnPolicy};
use mallcare::Calendar;
use serde_json::{json, Value};

const FILES: &[&str] = &[
    include_str!("vectors/eligibility-law.json"),
    include_str!("vectors/eligibility-three-guarantees.json"),
    include_str!("vectors/eligibility-store.json"),
    include_str!("vectors/eligibility-money.json"),
    include_str!("vectors/eligibility-bad-input.json"),
];

fn steps() -> Vec<Value> {
    let mut out = Vec::new();
    for f in FILES {
        let doc: Value = serde_json::from_str(f).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            match case.get("steps") {
                Some(Value::Array(s)) => out.extend(s.iter().cloned()),
                _ => out.push(case.clone()),
            }
        }
    }
    out
}

/// (policy documents, requests) named by the vectors, as values.
fn inputs() -> (Vec<Value>, Vec<Value>) {
    let (mut policies, mut requests) = (Vec::new(), Vec::new());
    for s in steps() {
        let args = s["args"].as_array().cloned().unwrap_or_default();
        match args.first() {
            Some(v @ Value::Object(_)) => policies.push(v.clone()),
            Some(Value::String(t)) if t != "statutory" => {
                if let Ok(v) = serde_json::from_str::<Value>(t) {
                    policies.push(v);
                }
            }
            _ => {}
        }
        match args.get(1) {
            Some(Value::Array(list)) => requests.extend(list.iter().cloned()),
            Some(v @ Value::Object(_)) => requests.push(v.clone()),
            _ => {}
        }
    }
    policies.push(serde_json::from_str(include_str!("../data/eligibility/example-store-policy.json")).unwrap());
    (policies, requests)
}

/// (code, path) of the first issue, or `ok`.
fn outcome<T>(r: &mallcare::Result<T>) -> (String, String) {
    match r {
        Ok(_) => ("ok".into(), String::new()),
        Err(e) => (e.code().to_string(), e.issues()[0].path.clone()),
    }
}

fn serde_request(v: &Value) -> mallcare::Result<Request> {
    mallcare::json::from_value_ref(v, "REQUEST_INVALID")
}

fn serde_policy(v: &Value) -> mallcare::Result<PolicyDoc> {
    mallcare::json::from_value_ref(v, "POLICY_INVALID")
}

#[test]
fn vector_inputs_read_the_same_both_ways() {
    let (policies, requests) = inputs();
    assert!(policies.len() > 20 && requests.len() > 100, "{} policies, {} requests", policies.len(), requests.len());
    for p in &policies {
        let text = p.to_string();
        let ours = PolicyDoc::from_json(&text);
        let theirs = serde_policy(p);
        assert_eq!(outcome(&ours), outcome(&theirs), "policy {text}");
        if let (Ok(a), Ok(b)) = (&ours, &theirs) {
            assert_eq!(a, b, "policy {text}");
        }
        if let Ok(loaded) = ReturnPolicy::load(&text) {
            let lint = loaded.lint();
            assert_eq!(mallcare::eligibility::write::findings_json(&lint), serde_json::to_string(&lint).unwrap());
            assert_eq!(loaded.fingerprint(), mallcare::json::fingerprint(p), "fingerprint of {text}");
            // Spacing and key order do not change it.
            let pretty = serde_json::to_string_pretty(p).unwrap();
            assert_eq!(ReturnPolicy::load(&pretty).unwrap().fingerprint(), loaded.fingerprint());
        }
    }
    for r in &requests {
        let text = r.to_string();
        let ours = Request::from_json(&text);
        let theirs = serde_request(r);
        assert_eq!(outcome(&ours), outcome(&theirs), "request {text}");
        if let (Ok(a), Ok(b)) = (&ours, &theirs) {
            assert_eq!(a, b, "request {text}");
        }
    }
    assert_eq!(
        ReturnPolicy::statutory().fingerprint(),
        mallcare::json::fingerprint(&json!({ "version": "statutory" }))
    );
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ODD_VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.5",
    "1e3",
    "18446744073709551615",
    "18446744073709551616",
    "4294967296",
    "\"\"",
    "\"x\"",
    "\"2026-13-01\"",
    "\"2026-05-01T10:00:00\"",
    "[]",
    "[1]",
    "{}",
    "{\"x\":1}",
    "\"online\"",
    "\"noReason\"",
];

/// Every path (as a list of keys / indices) to a value inside `v`.
fn paths(v: &Value, at: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Value::String(k.clone()));
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(json!(i));
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    let mut cur = v;
    for seg in path {
        cur = match seg {
            Value::String(k) => cur.get_mut(k.as_str()).unwrap(),
            _ => cur.get_mut(seg.as_u64().unwrap() as usize).unwrap(),
        };
    }
    cur
}

/// One random mutation of `v`, as JSON text (some mutations only exist as text: duplicate keys), and whether it
/// repeated a key.
fn mutate(v: &Value, rng: &mut Rng) -> (String, bool) {
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    let path = all[rng.below(all.len())].clone();
    let mut m = v.clone();
    match rng.below(5) {
        0 => {
            // Replace a value with one of another kind.
            let odd: Value = serde_json::from_str(ODD_VALUES[rng.below(ODD_VALUES.len())]).unwrap();
            *get_mut(&mut m, &path) = odd;
        }
        1 => {
            // Remove a field or element.
            if let Some((last, parent)) = path.split_last() {
                match (get_mut(&mut m, parent), last) {
                    (Value::Object(o), Value::String(k)) => {
                        o.remove(k);
                    }
                    (Value::Array(a), i) => {
                        a.remove(i.as_u64().unwrap() as usize);
                    }
                    _ => {}
                }
            }
        }
        2 => {
            // Add an unknown field to an object.
            if let Value::Object(o) = get_mut(&mut m, &path) {
                o.insert("surprise".into(), json!(1));
            }
        }
        3 => {
            // Duplicate a key in the text.
            if let Some((Value::String(k), parent)) = path.split_last() {
                if let Value::Object(o) = get_mut(&mut m, parent) {
                    let dup = o.get(k).cloned().unwrap_or(Value::Null);
                    let text = m.to_string();
                    let needle = format!("{}:", Value::String(k.clone()));
                    if let Some(at) = text.find(&needle) {
                        return (format!("{}{}{},{}", &text[..at], needle, dup, &text[at..]), true);
                    }
                }
            }
        }
        _ => {
            // Cut the text short or append junk.
            let text = m.to_string();
            let cut = if rng.below(2) == 0 { text[..text.len() / 2].to_string() } else { format!("{text} x") };
            return (cut, false);
        }
    }
    (m.to_string(), false)
}

/// Where this reader is stricter than serde on purpose: a repeated key (serde's map keeps the last value; this
/// reader rejects a repeated field, at the repeated key or at the first value if that one is already wrong) and an
/// array where an object belongs (serde reads a struct from an array of its fields in order; this reader wants an
/// object).
fn differs_on_purpose<T>(ours: &mallcare::Result<T>, repeated_key: bool) -> bool {
    match ours {
        // A key repeated in a map (`refundBusinessDays`) keeps the last value both ways.
        Ok(_) => false,
        Err(e) => repeated_key || e.issues()[0].en.contains("invalid type: sequence, expected a map"),
    }
}

#[test]
fn mutated_inputs_fail_the_same_way_both_ways() {
    let (policies, requests) = inputs();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut compared = 0;
    for round in 0..12 {
        for r in &requests {
            let (text, repeated) = mutate(r, &mut rng);
            let ours = Request::from_json(&text);
            let theirs = mallcare::json::from_str::<Request>(&text, "REQUEST_INVALID");
            let (a, b) = (outcome(&ours), outcome(&theirs));
            let dup = differs_on_purpose(&ours, repeated);
            if !dup {
                assert_eq!(a, b, "round {round}: request {text}");
                if let (Ok(x), Ok(y)) = (&ours, &theirs) {
                    assert_eq!(x, y, "request {text}");
                }
            }
            compared += 1;
        }
        for p in &policies {
            let (text, repeated) = mutate(p, &mut rng);
            let ours = PolicyDoc::from_json(&text);
            let theirs = mallcare::json::from_str::<PolicyDoc>(&text, "POLICY_INVALID");
            let dup = differs_on_purpose(&ours, repeated);
            if !dup {
                assert_eq!(outcome(&ours), outcome(&theirs), "round {round}: policy {text}");
                if let (Ok(x), Ok(y)) = (&ours, &theirs) {
                    assert_eq!(x, y, "policy {text}");
                }
            }
            compared += 1;
        }
    }
    assert!(compared > 2000);
}

fn without_messages(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.contains_key("code") && m.contains_key("rule") {
                m.remove("zh");
                m.remove("en");
            }
            m.values_mut().for_each(without_messages);
        }
        Value::Array(a) => a.iter_mut().for_each(without_messages),
        _ => {}
    }
}

#[test]
fn decisions_are_written_as_serde_writes_them() {
    let cal = Calendar::default();
    let mut written = 0;
    for s in steps() {
        if s["call"] != "ReturnPolicy.evaluate" && s["call"] != "ReturnPolicy.evaluateMany" {
            continue;
        }
        let args = s["args"].as_array().unwrap();
        let policy = match &args[0] {
            Value::String(t) if t == "statutory" => ReturnPolicy::statutory(),
            Value::String(t) => ReturnPolicy::load(t).unwrap(),
            v => ReturnPolicy::load_value(v.clone()).unwrap(),
        };
        let reqs = match &args[1] {
            Value::Array(list) => list.clone(),
            v => vec![v.clone()],
        };
        for r in reqs {
            let Ok(d) = policy.evaluate_value(r, &cal) else { continue };
            let full: Value = serde_json::from_str(&decision_json(&d, WriteOptions::default())).unwrap();
            let expected = serde_json::to_value(&d).unwrap();
            assert_eq!(full, expected);
            assert_eq!(decision_json(&d, WriteOptions::default()), serde_json::to_string(&d).unwrap());
            let lean: Value = serde_json::from_str(&decision_json(&d, WriteOptions { explain: false })).unwrap();
            let mut stripped = expected.clone();
            without_messages(&mut stripped);
            assert_eq!(lean, stripped);
            written += 1;
        }
    }
    assert!(written > 90, "{written} decisions");
}

#[test]
fn reason_messages_need_no_escaping() {
    for code in [
        "NO_REASON_WINDOW_OPEN",
        "NO_REASON_NOT_YET_SIGNED",
        "NO_REASON_WINDOW_CLOSED",
        "NO_STATUTORY_NO_REASON_RIGHT",
        "EXCLUDED_MADE_TO_ORDER",
        "EXCLUDED_PERISHABLE",
        "EXCLUDED_UNSEALED_MEDIA",
        "EXCLUDED_PERIODICAL",
        "EXCLUDED_CONFIRMED",
        "EXCLUDED_BY_STORE",
        "NOT_INTACT_SEAL",
        "NOT_INTACT_ACTIVATED",
        "NOT_INTACT_TAGS",
        "NOT_INTACT_DAMAGED",
        "NOT_INTACT_ACCESSORIES",
        "CONDITION_NOT_MET",
        "STORE_WINDOW_OPEN",
        "STORE_WINDOW_CLOSED",
        "FLOOR_APPLIED",
        "FLOOR_FEE_WAIVED",
        "FLOOR_FREIGHT",
        "DEFECT_OVERRIDES_EXCLUSION",
        "DEFECT_RETURN_7D",
        "DEFECT_EXCHANGE_REPAIR",
        "DEFECT_PERIOD_EXPIRED",
        "THREE_GUARANTEES_7D",
        "THREE_GUARANTEES_15D",
        "THREE_GUARANTEES_REPAIR",
        "THREE_GUARANTEES_REPAIRS_FAILED",
        "THREE_GUARANTEES_EXPIRED",
        "THREE_GUARANTEES_VOID",
        "WARRANTY_EXTENDED",
        "WARRANTY_STORE",
        "PROOF_MISSING",
        "PROOF_MEMBER_LOOKUP",
        "PROOF_MEMBER_LOOKUP_NOT_ACCEPTED",
        "EVIDENCE_NEEDED",
        "PARTIAL_REFUND_RATE",
        "RESTOCKING_FEE",
        "COUPON_BREAKAGE",
        "GIFT_NOT_RETURNED",
        "SHIPPING_REFUNDED",
        "FREE_PICKUP",
        "RESOLUTION_NOT_ALLOWED",
        "REFUND_WITHIN_7_DAYS",
        "DEADLINE_CALENDAR_UNKNOWN",
    ] {
        let (zh, en) = mallcare::eligibility::reason::text(code);
        assert!(!zh.is_empty() && !en.is_empty(), "{code} has messages");
        for m in [code, zh, en] {
            assert_eq!(serde_json::to_string(m).unwrap(), format!("\"{m}\""), "{code}: {m} would need escaping");
        }
    }
}

#[test]
fn syntax_errors_are_json_syntax() {
    for text in ["", "{", "{\"now\": }", "[1,]", "{\"now\": \"2026-05-01T10:00:00+08:00\"} x", "nul", "{\"a\":1,}"] {
        let e = Request::from_json(text).unwrap_err();
        assert_eq!(e.code(), "JSON_SYNTAX", "{text}");
        assert_eq!(e.issues()[0].path, "");
        assert_eq!(PolicyDoc::from_json(text).unwrap_err().code(), "JSON_SYNTAX", "{text}");
    }
    // A structural problem before malformed text: the malformed text is what is reported.
    assert_eq!(Request::from_json("{\"surprise\": 1, \"now\": ").unwrap_err().code(), "JSON_SYNTAX");
    // Escapes decode; a key with escapes is still the field.
    let r = Request::from_json(
        r#"{"\u006eow": "2026-05-01T10:00:00+08:00", "order": {"channel": "online", "soldAt": "2026-05-01T10:00:00+08:00",
        "lines": [{"id": "L\"1\\", "category": "toys", "quantity": 1, "unitPriceFen": 100, "tags": ["\ud83d\ude00", "\u4e2d"]}],
        "payments": [{"method": "cash", "amountFen": 100}]}, "items": []}"#,
    )
    .unwrap();
    assert_eq!(r.order.lines[0].id, "L\"1\\");
    assert_eq!(r.order.lines[0].tags, vec!["😀".to_string(), "中".to_string()]);
}

/// Whitespace anywhere JSON allows it (before and after colons and commas, tabs, CR/LF) reads as the compact text
/// does; a key without its colon is a syntax error (the reader looks for the colon right after the key first).
#[test]
fn spacing_does_not_change_a_request() {
    let (_, requests) = inputs();
    for r in requests.iter().take(60) {
        let compact = r.to_string();
        let spaced = serde_json::to_string_pretty(r).unwrap().replace("\": ", "\" \t:\r\n ").replace(",\n", " ,\t\n");
        assert_eq!(outcome(&Request::from_json(&spaced)), outcome(&Request::from_json(&compact)), "{spaced}");
        if let (Ok(a), Ok(b)) = (Request::from_json(&spaced), Request::from_json(&compact)) {
            assert_eq!(a, b);
        }
    }
    for text in ["{\"now\" \"x\"}", "{\"now\"}", "{\"now\" ,1}", "{\"n\\u006fw\" 1}"] {
        let e = Request::from_json(text).unwrap_err();
        assert_eq!(e.code(), "JSON_SYNTAX", "{text}");
        assert!(e.issues()[0].en.contains("expected `:` at line 1 column "), "{text}: {:?}", e.issues());
    }
}
