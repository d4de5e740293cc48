//! Native timings of the eligibility pillar, one JSON line per case, for `make bench` (bench/eligibility.mjs measures
//! the same requests through the npm package). Run: `cargo run --release --example bench_eligibility`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "benchmark driver: fixed inputs")]

#[path = "common/timing.rs"]
mod timing;
use timing::{median_ns, row};
#[path = "common/eligibility_order.rs"]
mod eligibility_order;
use eligibility_order::ten_lines;

use mallcare::eligibility::write::decision_json;
use mallcare::eligibility::{Request, ReturnPolicy, WriteOptions};
use mallcare::Calendar;
use serde_json::json;
use std::hint::black_box;

fn main() {
    let cal = Calendar::default();
    let statutory = ReturnPolicy::statutory();
    let store_text = include_str!("../data/eligibility/example-store-policy.json");
    let store = ReturnPolicy::load(store_text).unwrap();
    let simple = Request::from_value(json!({
        "now": "2026-05-06T10:00:00+08:00",
        "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
            "lines": [{ "id": "L1", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900 }],
            "payments": [{ "method": "wechat", "amountFen": 39900 }] },
        "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
    }))
    .unwrap();
    row(
        "eligibility.simple (statutory, 1 line, parsed request)",
        median_ns(200_000, |_| {
            black_box(statutory.evaluate(black_box(&simple), &cal).unwrap());
        }),
    );
    row(
        "eligibility.simple (store policy, 1 line, parsed request)",
        median_ns(200_000, |_| {
            black_box(store.evaluate(black_box(&simple), &cal).unwrap());
        }),
    );
    let ten = ten_lines();
    let ten_req = Request::from_value(ten.clone()).unwrap();
    row(
        "eligibility.order10 (store policy, parsed request)",
        median_ns(50_000, |_| {
            black_box(store.evaluate(black_box(&ten_req), &cal).unwrap());
        }),
    );
    let ten_text = ten.to_string();
    let lean = WriteOptions { explain: false };
    // What the JS face does: the request read from JSON text by the pillar's reader, the decision written as JSON text.
    row(
        "eligibility.order10 JSON in, JSON out",
        median_ns(20_000, |_| {
            let r = Request::from_json(black_box(&ten_text)).unwrap();
            let d = store.evaluate(&r, &cal).unwrap();
            black_box(decision_json(&d, WriteOptions::default()));
        }),
    );
    row(
        "eligibility.order10 JSON in, lean JSON out",
        median_ns(20_000, |_| {
            let r = Request::from_json(black_box(&ten_text)).unwrap();
            let d = store.evaluate(&r, &cal).unwrap();
            black_box(decision_json(&d, lean));
        }),
    );
    row(
        "eligibility.order10 parse request JSON only",
        median_ns(20_000, |_| {
            black_box(Request::from_json(black_box(&ten_text)).unwrap());
        }),
    );
    row(
        "eligibility.order10 parse request JSON only (serde_json derive, for comparison)",
        median_ns(20_000, |_| {
            black_box(serde_json::from_str::<Request>(black_box(&ten_text)).unwrap());
        }),
    );
    let ten_decision = store.evaluate(&ten_req, &cal).unwrap();
    if std::env::var_os("MALLCARE_PRINT").is_some() {
        eprintln!("{}", serde_json::to_string_pretty(&ten_decision).unwrap());
    }
    let out_len = decision_json(&ten_decision, WriteOptions::default()).len();
    let lean_len = decision_json(&ten_decision, lean).len();
    row(
        &format!("eligibility.order10 write decision JSON only ({out_len} bytes)"),
        median_ns(20_000, |_| {
            black_box(decision_json(black_box(&ten_decision), WriteOptions::default()));
        }),
    );
    row(
        &format!("eligibility.order10 write decision JSON only, explain: false ({lean_len} bytes)"),
        median_ns(20_000, |_| {
            black_box(decision_json(black_box(&ten_decision), lean));
        }),
    );
    row(
        "eligibility.load (example store policy)",
        median_ns(5_000, |_| {
            black_box(ReturnPolicy::load(black_box(store_text)).unwrap());
        }),
    );
}
