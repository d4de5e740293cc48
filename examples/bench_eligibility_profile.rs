//! A fixed loop for profiling one 10-line decision natively: the request of `bench_eligibility`'s order10 rows read
//! from its JSON text and decided under the example store policy, `MALLCARE_N` times (default 0: `scripts/bench.sh`
//! runs every bench example and this one prints no rows). `MALLCARE_PARSE_ONLY=1` reads without deciding.
//! Instructions per call: the callgrind totals of `MALLCARE_N=2000` minus `MALLCARE_N=0`, divided by 2000:
//! `MALLCARE_N=2000 valgrind --tool=callgrind target/release/examples/bench_eligibility_profile`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "profiling driver: fixed inputs")]

use mallcare::eligibility::{Request, ReturnPolicy};
use mallcare::Calendar;
use serde_json::json;
use std::hint::black_box;

/// The 10-line order of bench/eligibility.mjs: mixed categories, a coupon, points, two payments; 3 items back.
fn ten_lines() -> serde_json::Value {
    let cats = [
        "clothing/apparel",
        "clothing/shoes",
        "food/packaged",
        "cosmetics/skincare",
        "toys",
        "home-textile",
        "electronics/accessory",
        "bags",
        "food/fresh",
        "home/kitchenware",
    ];
    let lines: Vec<_> = cats
        .iter()
        .enumerate()
        .map(|(i, c)| json!({ "id": format!("L{i}"), "sku": format!("SKU{i}"), "category": c, "quantity": 1 + (i % 3), "unitPriceFen": 1990 + 1000 * i as i64 }))
        .collect();
    let sum: i64 = (0..10).map(|i: i64| (1 + i % 3) * (1990 + 1000 * i)).sum();
    let due = sum - 3000 - 500;
    json!({
        "now": "2026-05-06T10:00:00+08:00",
        "order": {
            "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
            "member": { "tier": "gold" }, "lines": lines,
            "discounts": [{ "kind": "coupon", "amountFen": 3000, "thresholdFen": 20000 }],
            "points": { "points": 500, "valueFen": 500 },
            "payments": [{ "method": "wechat", "amountFen": due - 10000 }, { "method": "storedValue", "amountFen": 10000 }]
        },
        "items": [
            { "lineId": "L1", "quantity": 1, "reason": "size", "want": "refund" },
            { "lineId": "L4", "quantity": 1, "reason": "noReason", "want": "refund" },
            { "lineId": "L8", "quantity": 1, "reason": "spoiled", "want": "refund", "evidence": { "photos": 1 } }
        ]
    })
}

fn main() {
    let cal = Calendar::default();
    let store = ReturnPolicy::load(include_str!("../data/eligibility/example-store-policy.json")).unwrap();
    let owned = ten_lines().to_string();
    let text = owned.as_str();
    let n: usize = std::env::var("MALLCARE_N").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let only_parse = std::env::var_os("MALLCARE_PARSE_ONLY").is_some();
    for _ in 0..n {
        let r = Request::from_json(black_box(text)).unwrap();
        if !only_parse {
            black_box(store.evaluate(&r, &cal).unwrap());
        }
    }
}
