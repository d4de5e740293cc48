//! Property tests of the points ledger over random (valid) ledgers, with a fixed seed so runs are reproducible:
//! * conservation: earned + adjusted in − redeemed − expired − clawed back − adjusted out = available + pending − debt;
//! * nothing is negative, and debt appears only when the program allows it;
//! * a full return of an unspent order restores the balance exactly as before the order;
//! * earn: line points add up to the total, and the breakdown adds up to the total.
#![cfg(feature = "points")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "test code")]

use mallcare::points::{Balance, EarnRecord, Event, EventKind, Member, Order, Program, Refund};
use mallcare::Timestamp;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

const EXPIRY: [&str; 6] = [
    r#"{"mode":"never"}"#,
    r#"{"mode":"afterDays","days":20}"#,
    r#"{"mode":"afterMonths","months":2}"#,
    r#"{"mode":"endOfMonth"}"#,
    r#"{"mode":"endOfYear"}"#,
    r#"{"mode":"endOfNextYear"}"#,
];
const POLICY: [&str; 3] = ["allowNegative", "deductFromRefund", "forgive"];

fn program(expiry: usize, policy: usize, pending_days: i64) -> Program {
    Program::load(&format!(
        r#"{{ "version": "prop", "earning": {{ "pendingDays": {pending_days} }}, "expiry": {},
             "clawback": {{ "whenSpent": "{}" }}, "redemption": {{ "pointValue": {{ "points": 100, "fen": 100 }} }} }}"#,
        EXPIRY[expiry % 6],
        POLICY[policy % 3]
    ))
    .unwrap()
}

fn ts(minutes: i64) -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00+08:00").unwrap().add_seconds(minutes * 60).unwrap()
}

/// One random operation: kind selector, amount, day gap, pending days.
type Op = (u8, i64, i64, i64);

/// Builds a valid ledger from random operations, asking the program itself what is available when redeeming.
fn ledger(p: &Program, ops: &[Op], allow_debt: bool) -> (Vec<Event>, Timestamp) {
    let mut events: Vec<Event> = Vec::new();
    let mut t = 0i64;
    let mut earned: Vec<(String, i64)> = Vec::new();
    for (i, (kind, amount, gap, pending)) in ops.iter().enumerate() {
        t += gap * 60 * 24 + 7;
        let at = ts(t);
        let b = p.balance(&events, at).unwrap();
        let ev = |kind, points, available_on, reference| Event {
            kind,
            at,
            points,
            available_on,
            expires_on: None,
            reference,
            note: None,
        };
        match kind % 5 {
            0 | 1 => {
                let r = format!("O{i}");
                earned.push((r.clone(), *amount));
                events.push(ev(EventKind::Earn, *amount, Some(at.date().add_days(*pending).unwrap()), Some(r)));
            }
            2 => {
                let n = (*amount).min(b.available);
                if n > 0 {
                    events.push(ev(EventKind::Redeem, n, None, None));
                }
            }
            3 => {
                if let Some((r, left)) = earned.iter_mut().find(|(_, left)| *left > 0) {
                    let mut n = (*amount).min(*left);
                    if !allow_debt {
                        n = n.min(b.available + b.pending);
                    }
                    if n > 0 {
                        *left -= n;
                        events.push(ev(EventKind::Clawback, n, None, Some(r.clone())));
                    }
                }
            }
            _ => {
                let n = if amount % 2 == 0 { *amount } else { -(*amount).min(b.available) };
                if n != 0 {
                    events.push(ev(EventKind::Adjust, n, None, None));
                }
            }
        }
    }
    (events, ts(t + 60 * 24 * 400))
}

fn conserved(b: &Balance) -> bool {
    b.lifetime_earned + b.adjusted_in - b.redeemed - b.expired - b.clawed_back - b.adjusted_out
        == b.available + b.pending - b.debt
}

fn config() -> Config {
    Config { cases: 300, rng_seed: RngSeed::Fixed(0x5eed_0005), failure_persistence: None, ..Config::default() }
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec((0u8..5, 1i64..2000, 0i64..40, 0i64..10), 0..40)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn ledgers_conserve_points(ops in ops(), expiry in 0usize..6, policy in 0usize..3) {
        let p = program(expiry, policy, 0);
        let allow_debt = policy == 0;
        let (events, end) = ledger(&p, &ops, allow_debt);
        // Check at every event time and at the end, not just once.
        for k in 0..=events.len() {
            let at = events.get(k).map_or(end, |e| e.at);
            let b = p.balance(&events[..k], at).unwrap();
            prop_assert!(conserved(&b), "not conserved after {} events: {:?}", k, b);
            prop_assert!(b.available >= 0 && b.pending >= 0 && b.debt >= 0, "{:?}", b);
            prop_assert!(allow_debt || b.debt == 0, "debt without permission: {:?}", b);
            prop_assert_eq!(b.net, b.available + b.pending - b.debt);
        }
    }

    #[test]
    fn full_return_of_an_unspent_order_restores_the_balance(
        ops in ops(), expiry in 0usize..6, policy in 0usize..3, pending_days in 0i64..15,
        paid in prop::collection::vec(0i64..500_000, 1..8), return_after in 0i64..600,
    ) {
        let p = program(expiry, policy, pending_days);
        let (mut events, _) = ledger(&p, &ops, policy == 0);
        let sale = events.last().map_or(ts(0), |e| e.at).add_seconds(60).unwrap();
        let back = sale.add_seconds(return_after * 60).unwrap();
        let before = p.balance(&events, back).unwrap();
        // Points earned now and immediately available would first repay a debt: then they are not "unspent".
        prop_assume!(before.debt == 0 || pending_days > 0);
        let lines: Vec<serde_json::Value> = paid.iter().map(|f| serde_json::json!({ "paidFen": f })).collect();
        let order: Order = serde_json::from_value(serde_json::json!({ "id": "X", "lines": lines })).unwrap();
        let earned = p.earn(&order, &Member::default(), sale).unwrap();
        prop_assert_eq!(earned.lines.iter().map(|l| l.points).sum::<i64>(), earned.points);
        prop_assert_eq!(earned.breakdown.iter().map(|g| g.points).sum::<i64>(), earned.points);
        events.extend(earned.events.iter().cloned());
        let record: EarnRecord = serde_json::from_value(serde_json::to_value(&earned).unwrap()).unwrap();
        let all: Vec<serde_json::Value> = (0..paid.len()).map(|i| serde_json::json!({ "line": i, "all": true })).collect();
        let refund: Refund = serde_json::from_value(serde_json::json!({ "at": back.to_string(), "lines": all })).unwrap();
        let claw = p.clawback(&events, &record, &refund).unwrap();
        prop_assert_eq!(claw.owed_points, earned.points);
        prop_assert_eq!(claw.clawed_points, earned.points);
        prop_assert!(!claw.policy_applied);
        events.extend(claw.events.iter().cloned());
        let after = p.balance(&events, back).unwrap();
        prop_assert_eq!(
            (after.available, after.pending, after.debt, &after.expiring_soon, &after.pending_schedule),
            (before.available, before.pending, before.debt, &before.expiring_soon, &before.pending_schedule)
        );
        prop_assert!(conserved(&after));
    }

    #[test]
    fn partial_returns_never_take_more_than_earned(paid in 1i64..1_000_000, points in 0i64..10_000, cuts in prop::collection::vec(1i64..100, 1..6)) {
        let p = program(0, 2, 0);
        let record: EarnRecord = serde_json::from_value(serde_json::json!({ "lines": [ { "paidFen": paid, "points": points } ] })).unwrap();
        let total: i64 = cuts.iter().sum();
        let parts = mallcare::split(paid, &cuts).unwrap();
        let mut refunded = 0i64;
        let mut taken = 0i64;
        for (i, part) in parts.iter().enumerate() {
            let line = if i + 1 == parts.len() {
                serde_json::json!({ "line": 0, "all": true, "previouslyRefundedFen": refunded })
            } else {
                serde_json::json!({ "line": 0, "refundFen": part, "previouslyRefundedFen": refunded })
            };
            let refund: Refund = serde_json::from_value(serde_json::json!({ "at": "2026-05-01T10:00:00+08:00", "lines": [line] })).unwrap();
            let c = p.clawback(&[], &record, &refund).unwrap();
            prop_assert!(c.owed_points >= 0);
            taken += c.owed_points;
            refunded += part;
            prop_assert!(taken <= points);
        }
        prop_assert!(total > 0);
        prop_assert_eq!(taken, points);
    }
}

#[test]
fn example_program_loads_and_earns() {
    let text = include_str!("../data/points/example-program.json");
    let p = Program::load(text).unwrap();
    assert_eq!(p.version(), "2026.1");
    let order: Order = serde_json::from_value(serde_json::json!({
        "id": "SO-20260505-0001", "store": "SH-NJL", "channel": "pos",
        "lines": [
            { "id": "1", "sku": "LAN-0101", "category": "cosmetics", "brand": "Lancome", "paidFen": 128000, "pendingUntil": "2026-05-12" },
            { "id": "2", "sku": "UNI-7788", "category": "apparel", "brand": "Uniqlo", "paidFen": 19950 },
            { "id": "3", "sku": "GC-500", "category": "giftCard", "paidFen": 50000 }
        ]
    }))
    .unwrap();
    let member: Member =
        serde_json::from_value(serde_json::json!({ "tier": "gold", "birthday": "1988-11-02" })).unwrap();
    let r = p.earn(&order, &member, Timestamp::parse("2026-05-05T19:30:00+08:00").unwrap()).unwrap();
    // Worked in docs/points.md: base floor(1479.50) = 1479; Tuesday x2 (priority 20, first): +1280 and +199.50;
    // cosmetics +100% of base: +1280; spend >= 1000 yuan: +100 shared 87/13; gold x1.5 of 3840 and 399: +1920, +199.50.
    // Order floor: 1479 + 1280 + 1480 + 100 + 2119 = 6458; lines 5847 and 611.
    assert_eq!(r.points, 6458);
    assert_eq!((r.lines[0].points, r.lines[1].points), (5847, 611));
    let ids: Vec<(&str, i64)> = r.breakdown.iter().map(|g| (g.rule_id.as_str(), g.points)).collect();
    assert_eq!(
        ids,
        vec![
            ("base", 1479),
            ("cosmetics-double", 1280),
            ("tuesday-double", 1480),
            ("spend-1000", 100),
            ("tier:gold", 2119)
        ]
    );
    assert_eq!(r.lines[2].points, 0);
    assert_eq!(r.lines[0].available_on.to_string(), "2026-05-13");
    assert_eq!(r.lines[1].available_on.to_string(), "2026-05-13");
}

/// The worked results of docs/points.md, on data/points/example-program.json.
#[test]
fn worked_results_of_the_guide() {
    let p = Program::load(include_str!("../data/points/example-program.json")).unwrap();
    let at = |s: &str| Timestamp::parse(s).unwrap();
    let order: Order = serde_json::from_value(serde_json::json!({
        "id": "SO-20260505-0001", "store": "SH-NJL", "channel": "pos",
        "lines": [
            { "id": "1", "sku": "LAN-0101", "category": "cosmetics", "brand": "Lancome", "paidFen": 128000, "pendingUntil": "2026-05-12" },
            { "id": "2", "sku": "UNI-7788", "category": "apparel", "brand": "Uniqlo", "paidFen": 19950 },
            { "id": "3", "sku": "GC-500", "category": "giftCard", "paidFen": 50000 }
        ]
    }))
    .unwrap();
    let gold: Member = serde_json::from_value(serde_json::json!({ "tier": "gold" })).unwrap();
    let earned = p.earn(&order, &gold, at("2026-05-05T19:30:00+08:00")).unwrap();
    let mut events = earned.events.clone();
    assert_eq!(events.len(), 1);

    // Balance: pending until 05-13, then available, expiring 2027-12-31 (次年年底清零), gone on 2028-01-01.
    let b = p.balance(&events, at("2026-05-10T12:00:00+08:00")).unwrap();
    assert_eq!((b.available, b.pending), (0, 6458));
    assert_eq!(b.pending_schedule[0].on.to_string(), "2026-05-13");
    let b = p.balance(&events, at("2027-11-15T12:00:00+08:00")).unwrap();
    assert_eq!(
        (b.available, b.expiring_soon[0].on.to_string(), b.expiring_soon[0].points),
        (6458, "2027-12-31".into(), 6458)
    );
    let b = p.balance(&events, at("2028-01-01T00:00:00+08:00")).unwrap();
    assert_eq!((b.available, b.expired), (0, 6458));

    // Redeem on a ¥300 order: 6458 is not a multiple of 100; the most allowed is 6400 (cap 50% = 15000 points).
    let req = |pts: i64| -> mallcare::points::RedeemRequest {
        serde_json::from_value(
            serde_json::json!({ "kind": "cash", "points": pts, "orderFen": 30000, "ref": "SO-20260520-0007" }),
        )
        .unwrap()
    };
    let d = p.redeem(&events, &req(6458), at("2026-05-20T15:00:00+08:00")).unwrap();
    assert_eq!((d.allowed, d.reasons[0].code.as_str(), d.max_points), (false, "POINTS_NOT_STEP", 6400));
    let d = p.redeem(&events, &req(6400), at("2026-05-20T15:00:00+08:00")).unwrap();
    assert_eq!((d.allowed, d.value_fen), (true, 6400));
    events.push(d.event.unwrap());

    // Half the cosmetics comes back on 05-25: round(5847 × 64000 / 128000) = round(2923.5) = 2924 owed; 58 held;
    // 2866 already spent → deductFromRefund: 2866 points × 1 fen = ¥28.66 off the ¥640 refund.
    let record: EarnRecord = serde_json::from_value(serde_json::to_value(&earned).unwrap()).unwrap();
    let refund: Refund = serde_json::from_value(serde_json::json!({
        "at": "2026-05-25T11:00:00+08:00", "lines": [ { "line": 0, "refundFen": 64000 } ] }))
    .unwrap();
    let c = p.clawback(&events, &record, &refund).unwrap();
    assert_eq!((c.owed_points, c.clawed_points, c.shortfall_points), (2924, 58, 2866));
    assert_eq!((c.cash_deducted_fen, c.net_refund_fen), (2866, 61134));
    events.extend(c.events);
    let b = p.balance(&events, at("2026-05-26T00:00:00+08:00")).unwrap();
    assert_eq!((b.available, b.debt), (0, 0));

    // Tier: ¥6,000 in March → silver; ¥1,479.50 on 05-05; ¥13,000 on 08-01 → ¥20,479.50 → gold;
    // a ¥500 return on 08-05 leaves ¥19,979.50 → back to silver as it was (since 03-15, valid to 2027-03-14).
    let h: mallcare::points::TierHistory = serde_json::from_value(serde_json::json!({ "entries": [
        { "at": "2026-03-15T10:00:00+08:00", "spendFen": 600000 },
        { "at": "2026-05-05T19:30:00+08:00", "spendFen": 147950 },
        { "at": "2026-08-01T10:00:00+08:00", "spendFen": 1300000 },
        { "at": "2026-08-05T10:00:00+08:00", "spendFen": -50000, "ref": "RT-1" } ] }))
    .unwrap();
    let upto_aug1 = mallcare::points::TierHistory { entries: h.entries[..3].to_vec(), ..h.clone() };
    let s = p.tier(&upto_aug1, at("2026-08-02T00:00:00+08:00")).unwrap();
    assert_eq!((s.tier.as_str(), s.valid_until.unwrap().to_string()), ("gold", "2027-07-31".into()));
    let s = p.tier(&h, at("2026-08-06T00:00:00+08:00")).unwrap();
    assert_eq!(s.tier, "silver");
    assert_eq!(
        (s.since.unwrap().to_string(), s.valid_until.unwrap().to_string()),
        ("2026-03-15".into(), "2027-03-14".into())
    );
    assert_eq!((s.qualifying, s.next.unwrap().needed), (1_997_950, 2050));

    // Parking: gold, ¥1,479.50 spent today, 10:00-17:45 (465 min). Free 30 + gold 120 + spend 240 = 390 min;
    // 75 min left = 2 started hours = ¥20. Gross 8 h capped at ¥60; the cap makes the first two waivers worth ¥0.
    let session: mallcare::points::ParkingSession = serde_json::from_value(serde_json::json!({
        "entryAt": "2026-05-05T10:00:00+08:00", "exitAt": "2026-05-05T17:45:00+08:00" }))
    .unwrap();
    let member: Member = serde_json::from_value(serde_json::json!({ "tier": "gold", "availablePoints": 58 })).unwrap();
    let f = p.parking_fee(&session, &member, 147950).unwrap();
    assert_eq!((f.minutes, f.gross_fen, f.fee_fen), (465, 6000, 2000));
    let saved: Vec<(&str, i64)> = f.waived.iter().map(|w| (w.kind.as_str(), w.fen)).collect();
    assert_eq!(saved, vec![("freeMinutes", 0), ("tier", 0), ("spend", 4000)]);
    let opt = f.pay_with_points.unwrap();
    assert_eq!((opt.points, opt.enough), (2000, Some(false)));
}
