//! Quick native timing of the return-application form alone (the `validateFormReturnApplication` rows of
//! `bench_validation`), for iterating on the form engine: `cargo run --release --example bench_validation_form`.
#![allow(clippy::unwrap_used, reason = "benchmark driver: fixed inputs")]

#[cfg(feature = "validation")]
fn main() {
    use mallcare::validation::{FormOptions, FormSchema};
    use std::hint::black_box;
    use std::time::Instant;
    let schema = FormSchema::builtin("returnApplication").unwrap();
    let text = std::fs::read_to_string("/dev/null").unwrap_or_default() + RETURN_VALUE;
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let opts = FormOptions { today: mallcare::Date::parse("2026-05-01").ok(), ..FormOptions::default() };
    assert!(schema.validate(&value, &opts).is_ok());
    if let Some(n) = std::env::args().skip_while(|a| a != "--ids").nth(1).and_then(|n| n.parse::<u32>().ok()) {
        let today = mallcare::Date::parse("2026-05-01").ok();
        for i in 0..n {
            let id = if i % 2 == 0 { "11010519491231002X" } else { "440305199001011234" };
            let _ = black_box(mallcare::validation::check_id_card(black_box(id), today));
        }
        return;
    }
    if let Some(n) = std::env::args().skip_while(|a| a != "--profile").nth(1).and_then(|n| n.parse::<u32>().ok()) {
        for _ in 0..n {
            let _ = black_box(schema.validate(black_box(&value), &opts));
        }
        return;
    }
    let time = |name: &str, n: u32, f: &mut dyn FnMut()| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            best = best.min(t.elapsed().as_nanos() as f64 / f64::from(n));
        }
        println!("{name}: {best:.0} ns (best of 5)");
    };
    time("validate (clone + validate_owned)", 50_000, &mut || {
        let _ = black_box(schema.validate(black_box(&value), &opts));
    });
    time("clone only", 50_000, &mut || {
        let _ = black_box(black_box(&value).clone());
    });
    time("from_str + validate_owned", 50_000, &mut || {
        let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
        let _ = black_box(schema.validate_owned(v, &opts));
    });
    time("from_str only", 50_000, &mut || {
        let _ = black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
    });
    use mallcare::validation::*;
    time("mobile", 200_000, &mut || {
        let _ = black_box(validate_mobile(black_box("13800138000"), &MobileOptions::default()));
    });
    time("gtin", 200_000, &mut || {
        let _ = black_box(validate_gtin(black_box("6901234567892"), &GtinOptions::default()));
    });
    time("name", 200_000, &mut || {
        let _ = black_box(validate_name(black_box("李雷")));
    });
    time("date parse+to_string", 200_000, &mut || {
        let _ = black_box(mallcare::Date::parse(black_box("2026-04-28")).unwrap().to_string());
    });
    time("money", 200_000, &mut || {
        let _ = black_box(mallcare::Money::parse(black_box("199.00")));
    });
    let pat = Pattern::compile("^[A-Za-z0-9-]{6,32}$").unwrap();
    time("pattern", 200_000, &mut || {
        let _ = black_box(pat.is_match(black_box("SO-20260428-0001")));
    });
    time("validate + to_string", 50_000, &mut || {
        let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
        let r = schema.validate_owned(v, &opts).unwrap();
        let _ = black_box(serde_json::to_string(&r).unwrap());
    });
}

/// The return-application value of bench/validation.mjs.
#[cfg(feature = "validation")]
const RETURN_VALUE: &str = r#"{"orderNo":"SO-20260428-0001","purchaseDate":"2026-04-28","requestDate":"2026-05-01",
"contactName":"李雷","mobile":"13800138000","kind":"return","refundMethod":"original",
"items":[{"gtin":"6901234567892","quantity":1,"paidAmount":"199.00","reason":"quality"},
{"gtin":"6901234567892","quantity":2,"paidAmount":"12.34","reason":"other","note":"包装破损"}]}"#;

#[cfg(not(feature = "validation"))]
fn main() {
    eprintln!("this example needs the `validation` feature");
}
