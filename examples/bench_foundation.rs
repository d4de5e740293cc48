//! Native timings of the foundation calls, one JSON line per case, for `make bench` (bench/run.mjs compares them
//! with the same calls through the npm package). Run: `cargo run --release --example bench_foundation`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "benchmark driver: fixed inputs")]

#[path = "common/timing.rs"]
mod timing;
use timing::{median_ns, row};

use mallcare::{Calendar, Date, Money};
use std::hint::black_box;

fn main() {
    let cal = Calendar::default();
    let dates: Vec<String> =
        (0..365).map(|i| Date::parse("2026-01-01").unwrap().add_days(i).unwrap().to_string()).collect();
    // Each native case includes parsing the date text, as the JS call does.
    row(
        "isWorkday",
        median_ns(200_000, |i| {
            black_box(cal.is_workday(Date::parse(&dates[(i % 365) as usize]).unwrap()).unwrap());
        }),
    );
    row(
        "addBusinessDays10",
        median_ns(200_000, |i| {
            black_box(cal.add_business_days(Date::parse(&dates[(i % 300) as usize]).unwrap(), 10).unwrap().to_string());
        }),
    );
    row(
        "businessDaysBetweenYear",
        median_ns(5_000, |_| {
            black_box(
                cal.business_days_between(Date::parse("2025-06-01").unwrap(), Date::parse("2026-06-01").unwrap())
                    .unwrap(),
            );
        }),
    );
    row(
        "parseAmount",
        median_ns(500_000, |_| {
            black_box(Money::parse(black_box("¥1,234.50")).unwrap());
        }),
    );
    row(
        "formatAmount",
        median_ns(500_000, |_| {
            black_box(Money::from_fen(black_box(123_450)).unwrap().format());
        }),
    );
    let w: Vec<i64> = (0..10).map(|i| 1000 + i * 37).collect();
    row(
        "split10",
        median_ns(500_000, |_| {
            black_box(mallcare::split(black_box(9999), &w).unwrap());
        }),
    );
}
