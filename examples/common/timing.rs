//! Timing helpers shared by the native benchmark examples (`examples/bench_*.rs`), included with
//! `#[path = "common/timing.rs"] mod timing;`. Rows are JSON lines that bench/run.mjs pairs with the npm rows.

use std::time::Instant;

/// Median nanoseconds per call of `f` over 7 rounds of `iterations` calls, after a warm-up of a tenth as many.
pub fn median_ns(iterations: u32, mut f: impl FnMut(u32)) -> f64 {
    for i in 0..iterations.div_ceil(10) {
        f(i);
    }
    let mut rounds: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            for i in 0..iterations {
                f(i);
            }
            t.elapsed().as_nanos() as f64 / f64::from(iterations)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds.get(3).copied().unwrap_or(f64::NAN)
}

/// Prints one benchmark row: `{"name", "median_ns", "per_sec"}`.
pub fn row(name: &str, ns: f64) {
    println!("{{\"name\":\"{name}\",\"median_ns\":{ns:.1},\"per_sec\":{:.0}}}", 1e9 / ns);
}
