//! Instruction counting helper for the finder route (callgrind is steady on a loaded machine, wall clock is not):
//! loads the generated 8,000-node venue and runs `ROUNDS` (env, default 1) rounds of the benchmark's 400 queries.
//! Compare `valgrind --tool=callgrind` totals at two round counts: the difference is the routes' own count.
//! Run: `cargo build --release --no-default-features --features finder --example bench_finder_cg`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "benchmark")]

use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::sample::{grid_doc, GridOptions};
use mallcare::finder::Venue;

fn main() {
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let o = GridOptions::default();
    let v = Venue::from_doc(&grid_doc(&o)).unwrap();
    let n = v.graph_size().0;
    let per = o.cols * o.rows;
    let id = |k: usize| format!("{}-{}-{}", k / per, (k % per) / o.rows, k % o.rows);
    let mut s: u64 = 7;
    let mut next = move || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((s >> 33) as usize) % n
    };
    let qs: Vec<(Endpoint, Endpoint)> =
        (0..400).map(|_| (Endpoint::Node(id(next())), Endpoint::Node(id(next())))).collect();
    let opts = RouteOptions::default();
    let mut total = 0.0;
    for _ in 0..rounds {
        for (a, b) in &qs {
            total += std::hint::black_box(v.route(a, b, &opts)).map(|r| r.metres).unwrap_or(0.0);
        }
    }
    println!("{total}");
}
