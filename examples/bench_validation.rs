//! Native timings of the validation pillar, one JSON line per case, for `make bench` (bench/run.mjs compares them
//! with the same calls through the npm package). Run: `cargo run --release --example bench_validation`.
//! Target: at least 5 million ID-card checks per second on one core.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "benchmark driver: fixed inputs")]

#[cfg(feature = "validation")]
fn main() {
    use mallcare::validation::*;
    use std::hint::black_box;
    use std::time::Instant;

    /// On-CPU time of this process in ns (Linux `/proc/self/schedstat`), so that a shared, loaded machine does not
    /// inflate the numbers; `None` elsewhere.
    fn cpu_ns() -> Option<f64> {
        std::fs::read_to_string("/proc/self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
    }

    /// (median wall-clock ns per call, median on-CPU ns per call) over 7 rounds.
    fn median_ns(iterations: u32, mut f: impl FnMut(u32)) -> (f64, Option<f64>) {
        for i in 0..iterations / 10 {
            f(i);
        }
        let mut wall = Vec::new();
        let mut cpu = Vec::new();
        for _ in 0..7 {
            let (t, c) = (Instant::now(), cpu_ns());
            for i in 0..iterations {
                f(i);
            }
            wall.push(t.elapsed().as_nanos() as f64 / f64::from(iterations));
            if let (Some(a), Some(b)) = (c, cpu_ns()) {
                cpu.push((b - a) / f64::from(iterations));
            }
        }
        wall.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        (wall[3], cpu.get(cpu.len() / 2).copied())
    }

    fn row(name: &str, (ns, cpu): (f64, Option<f64>)) {
        match cpu {
            Some(c) => println!(
                "{{\"name\":\"{name}\",\"median_ns\":{ns:.1},\"per_sec\":{:.0},\"cpu_ns\":{c:.1},\"per_cpu_sec\":{:.0}}}",
                1e9 / ns,
                1e9 / c
            ),
            None => println!("{{\"name\":\"{name}\",\"median_ns\":{ns:.1},\"per_sec\":{:.0}}}", 1e9 / ns),
        }
    }

    // 100k ID numbers, deterministic (LCG), three in four valid: the same recipe as bench/validation.mjs.
    let ids = sample_ids(100_000);
    let today = mallcare::Date::parse("2026-05-01").ok();
    row(
        "validateIdCard",
        median_ns(1_000_000, |i| {
            let _ = black_box(validate_id_card(black_box(&ids[(i % 100_000) as usize]), today));
        }),
    );
    let valid: Vec<&String> = ids.iter().filter(|s| validate_id_card(s, today).is_ok()).collect();
    row(
        "validateIdCardValidOnly",
        median_ns(1_000_000, |i| {
            let _ = black_box(validate_id_card(black_box(valid[i as usize % valid.len()]), today));
        }),
    );
    row(
        "checkIdCard",
        median_ns(1_000_000, |i| {
            let _ = black_box(check_id_card(black_box(&ids[(i % 100_000) as usize]), today));
        }),
    );
    // One ID over and over: the check alone, without the cache misses of walking 100k strings.
    row(
        "checkIdCardSameId",
        median_ns(1_000_000, |_| {
            let _ = black_box(check_id_card(black_box("11010519491231002X"), today));
        }),
    );
    row(
        "idCardFacts",
        median_ns(1_000_000, |i| {
            let _ = black_box(id_card_facts(black_box(&ids[(i % 100_000) as usize]), today));
        }),
    );
    // The batch as the JS glue receives it: the JSON text of the array (per ID).
    let json = serde_json::to_string(&ids).unwrap();
    let (ns, cpu) = median_ns(10, |_| {
        let _ = black_box(check_id_cards_json(black_box(&json), today));
    });
    row("checkIdCardsJson", (ns / 100_000.0, cpu.map(|c| c / 100_000.0)));
    let mobiles: Vec<String> = (0..1000u32).map(|i| format!("1{}{:09}", 3 + i % 7, i * 7919)).collect();
    row(
        "validateMobile",
        median_ns(1_000_000, |i| {
            let _ = black_box(validate_mobile(black_box(&mobiles[(i % 1000) as usize]), &MobileOptions::default()));
        }),
    );
    row(
        "validateUscc",
        median_ns(1_000_000, |_| {
            let _ = black_box(validate_uscc(black_box("91110000600037341L")));
        }),
    );
    row(
        "validateGtin",
        median_ns(1_000_000, |_| {
            let _ = black_box(validate_gtin(black_box("6901234567892"), &GtinOptions::default()));
        }),
    );
    let schema = FormSchema::builtin("returnApplication").unwrap();
    let value: serde_json::Value = serde_json::from_str(RETURN_VALUE).unwrap();
    let opts = FormOptions { today, ..FormOptions::default() };
    assert!(schema.validate(&value, &opts).is_ok());
    row(
        "validateFormReturnApplication",
        median_ns(50_000, |_| {
            let _ = black_box(schema.validate(black_box(&value), &opts));
        }),
    );
    row(
        "validateFormReturnApplicationFromJson",
        median_ns(20_000, |_| {
            let v: serde_json::Value = serde_json::from_str(black_box(RETURN_VALUE)).unwrap();
            let _ = black_box(schema.validate_owned(v, &opts));
        }),
    );
}

/// The return-application value of bench/validation.mjs.
#[cfg(feature = "validation")]
const RETURN_VALUE: &str = r#"{"orderNo":"SO-20260428-0001","purchaseDate":"2026-04-28","requestDate":"2026-05-01",
"contactName":"李雷","mobile":"13800138000","kind":"return","refundMethod":"original",
"items":[{"gtin":"6901234567892","quantity":1,"paidAmount":"199.00","reason":"quality"},
{"gtin":"6901234567892","quantity":2,"paidAmount":"12.34","reason":"other","note":"包装破损"}]}"#;

/// `n` ID numbers from a fixed linear congruential generator: valid ones (check computed) and, every fourth, one with
/// a wrong check character.
#[cfg(feature = "validation")]
fn sample_ids(n: usize) -> Vec<String> {
    const REGIONS: [&str; 8] = ["110105", "310115", "440305", "330106", "510107", "420106", "320102", "370202"];
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let mut x: u64 = 12345;
    let mut next = |m: u64| {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) % m
    };
    (0..n)
        .map(|i| {
            let body = format!(
                "{}{}{:02}{:02}{:03}",
                REGIONS[next(8) as usize],
                1950 + next(70),
                1 + next(12),
                1 + next(28),
                next(1000)
            );
            let sum: u32 = body.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
            let mut check = b"10X98765432"[(sum % 11) as usize];
            if i % 4 == 3 {
                check = if check == b'0' { b'1' } else { b'0' };
            }
            format!("{body}{}", char::from(check))
        })
        .collect()
}

#[cfg(not(feature = "validation"))]
fn main() {
    eprintln!("this example needs the `validation` feature");
}
