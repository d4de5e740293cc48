//! Property tests of the eligibility pillar's money (deterministic: proptest with a fixed seed and case count).
//!
//! * refunds never exceed what was paid;
//! * returning every line in full refunds exactly what was paid minus the stated fees (shipping for no-reason
//!   returns), and every point;
//! * parts always sum to totals: item parts to the line's paid amount, payment parts to the refund, unit-by-unit
//!   returns to the whole.
#![cfg(feature = "eligibility")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::eligibility::{Request, ReturnPolicy};
use mallcare::Calendar;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};

#[derive(Clone, Debug)]
struct Order {
    lines: Vec<(i64, i64, i64)>,          // quantity, unit price, line promotion off
    discounts: Vec<(i64, Option<usize>)>, // per-mille of the eligible amount, only line i
    points_permille: i64,
    shipping: i64,
    pay_split: Vec<i64>,
}

fn order_strategy() -> impl Strategy<Value = Order> {
    (
        prop::collection::vec((1i64..5, 0i64..200_000, 0i64..1000), 1..7),
        prop::collection::vec((0i64..400, prop::option::of(0usize..6)), 0..3),
        0i64..300,
        0i64..2000,
        prop::collection::vec(1i64..100, 1..4),
    )
        .prop_map(|(lines, discounts, points_permille, shipping, pay_split)| Order {
            lines,
            discounts,
            points_permille,
            shipping,
            pay_split,
        })
}

/// Builds a consistent order JSON and returns it with the total paid.
fn build(o: &Order) -> (Value, i64) {
    let mut lines = Vec::new();
    let mut subs = Vec::new();
    for (i, (q, unit, off)) in o.lines.iter().enumerate() {
        let list = q * unit;
        let sub = list - (list * off / 10_000);
        subs.push(sub);
        lines.push(json!({ "id": format!("L{i}"), "category": "clothing/apparel", "quantity": q, "unitPriceFen": unit, "paidFen": sub }));
    }
    let mut remaining: Vec<i64> = subs.clone();
    let mut discounts = Vec::new();
    for (pm, only) in &o.discounts {
        let ids: Vec<usize> = match only {
            Some(i) if *i < subs.len() => vec![*i],
            _ => (0..subs.len()).collect(),
        };
        let eligible: i64 = ids.iter().map(|i| subs[*i]).sum();
        // Keep every line's remaining amount non-negative: take at most the smallest share that fits.
        let amount = eligible * pm / 1000;
        let amount = amount.min(ids.iter().map(|i| remaining[*i]).sum::<i64>() / 2);
        if amount == 0 {
            continue;
        }
        for i in &ids {
            remaining[*i] -= remaining[*i].min(amount);
        }
        let mut d = json!({ "amountFen": amount });
        if only.is_some_and(|i| i < subs.len()) {
            d["lines"] = json!(ids.iter().map(|i| format!("L{i}")).collect::<Vec<_>>());
        }
        discounts.push(d);
    }
    let _ = remaining;
    // Points: a share of what is left after discounts; the library checks that it fits.
    let total_sub: i64 = subs.iter().sum();
    let disc: i64 = discounts.iter().map(|d| d["amountFen"].as_i64().unwrap()).sum();
    let points_value = (total_sub - disc).max(0) * o.points_permille / 1000;
    let due = total_sub - disc - points_value + o.shipping;
    let weights: Vec<i64> = o.pay_split.clone();
    let parts = mallcare::split(due, &weights).unwrap();
    let methods = ["wechat", "alipay", "card"];
    let payments: Vec<Value> =
        parts.iter().enumerate().map(|(i, p)| json!({ "method": methods[i % 3], "amountFen": p })).collect();
    let order = json!({
        "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
        "lines": lines, "discounts": discounts, "points": { "points": points_value * 2, "valueFen": points_value },
        "shippingFen": o.shipping, "payments": payments
    });
    (order, due)
}

fn request(order: &Value, items: Vec<Value>) -> Request {
    Request::from_value(json!({ "now": "2026-05-06T10:00:00+08:00", "order": order, "items": items })).unwrap()
}

fn runner() -> TestRunner {
    let config = Config { cases: 256, failure_persistence: None, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]))
}

fn check_parts(d: &mallcare::eligibility::Decision) -> Result<(), TestCaseError> {
    for it in &d.items {
        let m = &it.money;
        prop_assert!(m.discount_fen >= 0 && m.points_value_fen >= 0 && m.paid_fen >= 0);
        prop_assert_eq!(m.discount_fen + m.points_value_fen + m.paid_fen, m.line_paid_fen);
        prop_assert!(m.refund_fen <= m.paid_fen);
    }
    let by: i64 = d.refund.by_payment.iter().map(|p| p.amount_fen).sum();
    prop_assert_eq!(by, d.refund.total_fen);
    Ok(())
}

#[test]
fn full_return_refunds_paid_minus_stated_fees() {
    let policy = ReturnPolicy::statutory();
    let cal = Calendar::default();
    runner()
        .run(&(order_strategy(), any::<bool>()), |(o, defect)| {
            let (order, due) = build(&o);
            let reason = if defect { "qualityDefect" } else { "noReason" };
            let items: Vec<Value> = o
                .lines
                .iter()
                .enumerate()
                .map(|(i, (q, _, _))| json!({ "lineId": format!("L{i}"), "quantity": q, "reason": reason, "want": "refund" }))
                .collect();
            let d = match policy.evaluate(&request(&order, items), &cal) {
                Ok(d) => d,
                Err(e) if e.has_code("REQUEST_DISCOUNT_EXCEEDS") => return Ok(()),
                Err(e) => panic!("{e}: {order}"),
            };
            check_parts(&d)?;
            // Defects: everything back including shipping; no reason: the shipping is the stated fee kept.
            let fees = if defect { 0 } else { o.shipping };
            prop_assert_eq!(d.refund.total_fen, due - fees);
            prop_assert_eq!(d.refund.shipping_fen, o.shipping - fees);
            prop_assert_eq!(d.refund.points, order["points"]["points"].as_i64().unwrap());
            Ok(())
        })
        .unwrap();
}

#[test]
fn unit_by_unit_returns_add_up_and_never_exceed_paid() {
    let policy = ReturnPolicy::statutory();
    let cal = Calendar::default();
    runner()
        .run(&order_strategy(), |o| {
            let (mut order, due) = build(&o);
            let mut refunded = 0i64;
            let mut points = 0i64;
            for (i, (q, _, _)) in o.lines.iter().enumerate() {
                for _ in 0..*q {
                    let item =
                        json!({ "lineId": format!("L{i}"), "quantity": 1, "reason": "noReason", "want": "refund" });
                    let d = match policy.evaluate(&request(&order, vec![item]), &cal) {
                        Ok(d) => d,
                        Err(e) if e.has_code("REQUEST_DISCOUNT_EXCEEDS") => return Ok(()),
                        Err(e) => panic!("{e}: {order}"),
                    };
                    check_parts(&d)?;
                    refunded += d.refund.total_fen;
                    points += d.refund.points;
                    prop_assert!(refunded <= due);
                    // Record the return on the order, as the store's system would.
                    let line = &mut order["lines"][i];
                    line["returnedQuantity"] = json!(line["returnedQuantity"].as_i64().unwrap_or(0) + 1);
                    for p in &d.refund.by_payment {
                        let pays = order["payments"].as_array_mut().unwrap();
                        let slot = pays.iter_mut().find(|x| x["method"] == p.method.as_str()).unwrap();
                        slot["refundedFen"] = json!(slot["refundedFen"].as_i64().unwrap_or(0) + p.amount_fen);
                    }
                }
            }
            prop_assert_eq!(refunded, due - o.shipping);
            prop_assert_eq!(points, order["points"]["points"].as_i64().unwrap());
            Ok(())
        })
        .unwrap();
}

#[test]
fn partial_returns_never_exceed_paid() {
    let policy =
        ReturnPolicy::load(r#"{"version": "p", "settings": {"couponBreakage": "clawBack"}, "rules": []}"#).unwrap();
    let cal = Calendar::default();
    runner()
        .run(&(order_strategy(), prop::collection::vec(any::<bool>(), 6)), |(o, pick)| {
            let (order, due) = build(&o);
            let items: Vec<Value> = o
                .lines
                .iter()
                .enumerate()
                .filter(|(i, _)| pick[*i])
                .map(|(i, (q, _, _))| json!({ "lineId": format!("L{i}"), "quantity": (q + 1) / 2, "reason": "size", "want": "refund" }))
                .collect();
            if items.is_empty() {
                return Ok(());
            }
            let d = match policy.evaluate(&request(&order, items), &cal) {
                Ok(d) => d,
                Err(e) if e.has_code("REQUEST_DISCOUNT_EXCEEDS") => return Ok(()),
                Err(e) => panic!("{e}: {order}"),
            };
            check_parts(&d)?;
            let paid_items: i64 = d.items.iter().map(|i| i.money.paid_fen).sum();
            prop_assert!(d.refund.total_fen <= paid_items);
            prop_assert!(d.refund.total_fen >= 0 && d.refund.total_fen <= due);
            Ok(())
        })
        .unwrap();
}

/// Extreme and inconsistent numbers never panic (debug builds check overflow): the answer is a decision or issues.
#[test]
fn extreme_inputs_never_trap() {
    let policy = ReturnPolicy::load(include_str!("../data/eligibility/example-store-policy.json")).unwrap();
    let cal = Calendar::default();
    let big =
        prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(-1i64), Just(0i64), Just(1_000_000_000_000i64), 0i64..100_000];
    let strategy = (big.clone(), big.clone(), big.clone(), big.clone(), big.clone(), big.clone(), big, 0u32..5);
    runner()
        .run(&strategy, |(qty, unit, paid, disc, points, ship, pay, repairs)| {
            let v = json!({
                "now": "2026-05-06T10:00:00+08:00",
                "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
                    "lines": [{ "id": "A", "category": "appliance/small", "quantity": qty, "unitPriceFen": unit, "paidFen": paid,
                                "returnedQuantity": qty / 2 },
                              { "id": "G", "category": "toys", "quantity": 1, "unitPriceFen": 0, "giftOf": "A", "giftValueFen": unit }],
                    "discounts": [{ "kind": "coupon", "amountFen": disc, "thresholdFen": disc }],
                    "points": { "points": points, "valueFen": points }, "shippingFen": ship,
                    "payments": [{ "method": "wechat", "amountFen": pay, "refundedFen": pay / 3 }] },
                "items": [{ "lineId": "A", "quantity": qty / 3, "reason": "qualityDefect", "want": "refund", "failedRepairs": repairs,
                            "exchangeFor": { "unitPriceFen": unit } }]
            });
            let _ = policy.evaluate_value(v, &cal);
            Ok(())
        })
        .unwrap();
}
