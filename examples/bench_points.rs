//! Native timings of the points pillar, one JSON line per case, for `make bench` (bench/points.mjs measures the same
//! inputs through the npm package; the harness prints the wasm/native ratio). Run:
//! `cargo run --release --no-default-features --features points --example bench_points`.
//!
//! The rows named like the JS rows do what the JS glue does: JSON text in, compute, JSON text out (`earn_json_text`
//! reads the order text in place and writes the answer; `read_json` + `serde_json::to_string` otherwise); the glue adds only `JSON.stringify`/`JSON.parse` on
//! the JS side. The `Packed` rows are what the npm package does for plain-object arguments (its overlay packs them,
//! see `src/points/packed.rs`): the same packed input, read and answered as JSON text. `pointsLedger*` rows are the ledger handle: read once (`program.ledger`), then `balance(at)`. The `Typed` rows
//! show the pure computation on already-parsed inputs.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "benchmark driver: fixed inputs")]

#[cfg(feature = "points")]
#[path = "common/timing.rs"]
mod timing;

/// The npm overlay's packing (shared with the test that checks it against the JSON path).
#[cfg(feature = "points")]
#[path = "../tests/points_packed.rs"]
#[allow(unused_imports, reason = "only the packing is used here")]
mod packed;

#[cfg(feature = "points")]
mod bench {
    use super::timing::{median_ns, row};
    use mallcare::points::{read_json, EarnDetail, Event, Member, Order, Program};
    use mallcare::{Locale, Timestamp};
    use serde_json::{json, Value};
    use std::hint::black_box;

    fn wanted(name: &str) -> bool {
        std::env::var("BENCH_ONLY").map_or(true, |o| o == name)
    }

    /// The 100-line order of bench/points.mjs (same generator).
    pub fn order100() -> Value {
        let cats = ["cosmetics", "apparel", "food", "giftCard", "shoes"];
        let lines: Vec<Value> = (0..100)
            .map(|i: i64| {
                json!({ "id": format!("L{i}"), "sku": format!("SKU{i}"), "category": cats[(i % 5) as usize],
                        "brand": format!("B{}", i % 7), "paidFen": 1990 + 137 * i })
            })
            .collect();
        json!({ "id": "SO-BENCH", "store": "SH-NJL", "channel": "pos", "lines": lines })
    }

    /// The 10,000-event ledger of bench/points.mjs (same generator): an event every hour from 2026-01-01, three
    /// earns of 100 then a redemption of 50.
    pub fn events10k() -> Value {
        let start = Timestamp::parse("2026-01-01T00:00:00+08:00").unwrap();
        let events: Vec<Value> = (0..10_000i64)
            .map(|i| {
                let at = start.add_seconds(i * 3600).unwrap().to_string();
                if i % 4 == 3 {
                    json!({ "type": "redeem", "at": at, "points": 50 })
                } else {
                    json!({ "type": "earn", "at": at, "points": 100, "ref": format!("O{i}") })
                }
            })
            .collect();
        Value::Array(events)
    }

    pub fn run() {
        let program = Program::load(include_str!("../data/points/example-program.json")).unwrap();
        let order = order100();
        let member = json!({ "tier": "gold" });
        let order_text = order.to_string();
        let member_text = member.to_string();
        let at = "2026-05-05T19:30:00+08:00";
        if wanted("pointsEarn100") {
            row(
                "pointsEarn100",
                median_ns(2000, |_| {
                    let m: Member = read_json(&member_text, "member").unwrap();
                    let t = Timestamp::parse(at).unwrap();
                    black_box(
                        program.earn_json_text(black_box(&order_text), &m, t, Locale::ZhCn, EarnDetail::Full).unwrap(),
                    );
                }),
            );
        }
        for (name, detail) in [("pointsEarn100Lines", EarnDetail::Lines), ("pointsEarn100Total", EarnDetail::Total)] {
            if wanted(name) {
                row(
                    name,
                    median_ns(2000, |_| {
                        let m: Member = read_json(&member_text, "member").unwrap();
                        let t = Timestamp::parse(at).unwrap();
                        black_box(program.earn_json_text(black_box(&order_text), &m, t, Locale::ZhCn, detail).unwrap());
                    }),
                );
            }
        }
        // What the npm overlay sends for a plain-object order (`detail: "total"`): packed slots and the text the answer
        // depends on (`pack::order_leaving`, as the overlay leaves the rest out), read without
        // JSON (the packing, JS work in the npm row, is done once here outside the timing); the answer's JSON text.
        for (name, detail) in
            [("pointsEarn100Packed", 0), ("pointsEarn100LinesPacked", 1), ("pointsEarn100TotalPacked", 2)]
        {
            if wanted(name) {
                let p = super::packed::pack::order_leaving(&order, &member, at, detail, None, program.earn_fields())
                    .unwrap();
                let bytes = p.bytes();
                row(
                    name,
                    median_ns(2000, |_| {
                        black_box(program.earn_packed(black_box(&bytes), &p.text, Locale::ZhCn).unwrap());
                    }),
                );
            }
        }
        let typed_order: Order = serde_json::from_value(order.clone()).unwrap();
        let typed_member: Member = serde_json::from_value(member.clone()).unwrap();
        let t = Timestamp::parse(at).unwrap();
        if wanted("pointsEarn100Typed") {
            row(
                "pointsEarn100Typed",
                median_ns(2000, |_| {
                    black_box(program.earn(black_box(&typed_order), &typed_member, t).unwrap());
                }),
            );
        }
        let events = events10k();
        let as_of = "2027-03-01T00:00:00+08:00";
        let events_text = events.to_string();
        if wanted("pointsBalance10k") {
            row(
                "pointsBalance10k",
                median_ns(50, |_| {
                    let e: Vec<Event> = read_json(black_box(&events_text), "events").unwrap();
                    let b = program.balance(&e, Timestamp::parse(as_of).unwrap()).unwrap();
                    black_box(serde_json::to_string(&b).unwrap());
                }),
            );
        }
        // What the npm overlay sends for an array of plain-object events: packed slots and text (the packing itself,
        // JS work in the npm row, is done once here, outside the timing); answer as JSON text as the glue returns it.
        if wanted("pointsBalance10kPacked") {
            let (p, refs) = super::packed::pack::events(&events).unwrap();
            let bytes = p.bytes();
            row(
                "pointsBalance10kPacked",
                median_ns(50, |_| {
                    let t = Timestamp::parse(as_of).unwrap();
                    let b = program.balance_packed(black_box(&bytes), &p.text, &refs, t).unwrap();
                    black_box(serde_json::to_string(&b).unwrap());
                }),
            );
        }
        // The ledger handle: read and checked once (`program.ledger(events)`), then queried.
        if wanted("pointsLedgerLoad10k") {
            row(
                "pointsLedgerLoad10k",
                median_ns(50, |_| {
                    let e: Vec<Event> = read_json(black_box(&events_text), "events").unwrap();
                    black_box(program.ledger(e).unwrap());
                }),
            );
        }
        let ledger = program.ledger(read_json(&events_text, "events").unwrap()).unwrap();
        if wanted("pointsLedgerBalance10k") {
            row(
                "pointsLedgerBalance10k",
                median_ns(50, |_| {
                    let b = ledger.balance(Timestamp::parse(black_box(as_of)).unwrap()).unwrap();
                    black_box(serde_json::to_string(&b).unwrap());
                }),
            );
        }
        let typed_events: Vec<Event> = serde_json::from_value(events.clone()).unwrap();
        let t = Timestamp::parse(as_of).unwrap();
        if wanted("pointsBalance10kTyped") {
            row(
                "pointsBalance10kTyped",
                median_ns(50, |_| {
                    black_box(program.balance(black_box(&typed_events), t).unwrap());
                }),
            );
        }
    }
}

fn main() {
    #[cfg(feature = "points")]
    bench::run();
}
