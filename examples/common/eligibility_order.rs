//! The 10-line order the eligibility bench examples share (bench/eligibility.mjs builds the same one in JS).

use serde_json::json;

/// The 10-line order of bench/eligibility.mjs: mixed categories, a coupon, points, two payments; 3 items back.
pub fn ten_lines() -> serde_json::Value {
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
