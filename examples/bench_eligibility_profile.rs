//! A fixed loop for profiling one 10-line decision natively: the request of `bench_eligibility`'s order10 rows read
//! from its JSON text and decided under the example store policy, `MALLCARE_N` times (default 0: `scripts/bench.sh`
//! runs every bench example and this one prints no rows). `MALLCARE_PARSE_ONLY=1` reads without deciding.
//! Instructions per call: the callgrind totals of `MALLCARE_N=2000` minus `MALLCARE_N=0`, divided by 2000:
//! `MALLCARE_N=2000 valgrind --tool=callgrind target/release/examples/bench_eligibility_profile`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "profiling driver: fixed inputs")]

use mallcare::eligibility::{Request, ReturnPolicy};
use mallcare::Calendar;
use std::hint::black_box;

#[path = "common/eligibility_order.rs"]
mod eligibility_order;
use eligibility_order::ten_lines;

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
