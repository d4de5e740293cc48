//! Native benchmark of the finder core: routes on a generated 8,000-node venue (and a 50,000-node one), nearest and
//! route on the sample mall. Prints one JSON object per line: `{"name", "median_ns", "per_sec"}`.
//! Run: `cargo run --release --no-default-features --features finder --example bench_finder`.
//! With `--write-grid PATH` it also writes the 8,000-node venue document as JSON (for other routers).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "benchmark")]

use mallcare::finder::graph::{Filter, Metric, Scratch};
use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::sample::{grid_doc, GridOptions};
use mallcare::finder::Venue;
use mallcare::finder::VenueDoc;
use std::time::Instant;

fn doc_xy(doc: &VenueDoc, k: u32) -> (f64, f64) {
    let n = &doc.nodes[k as usize];
    (n.x, n.y)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn report(name: &str, ns: f64) {
    println!("{{\"name\": \"{name}\", \"median_ns\": {ns:.1}, \"per_sec\": {:.0}}}", 1e9 / ns);
}

/// Deterministic query pairs (node ids) across the whole venue.
fn pairs(n: usize, count: usize, o: &GridOptions, seed: u64) -> Vec<(String, String)> {
    let mut s = seed;
    let mut next = move || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((s >> 33) as usize) % n
    };
    let per = o.cols * o.rows;
    let id = |k: usize| format!("{}-{}-{}", k / per, (k % per) / o.rows, k % o.rows);
    (0..count).map(|_| (id(next()), id(next()))).collect()
}

fn bench_grid(o: &GridOptions, label: &str) {
    let t = Instant::now();
    let doc = grid_doc(o);
    let v = Venue::from_doc(&doc).unwrap();
    let load_ns = t.elapsed().as_nanos() as f64;
    let (n, arcs) = v.graph_size();
    eprintln!("{label}: {n} nodes, {arcs} arcs, generated + loaded in {:.1} ms", load_ns / 1e6);
    let qs = pairs(n, 400, o, 7);
    let opts = RouteOptions::default();
    let mut rounds = Vec::new();
    let mut means = Vec::new();
    for _ in 0..5 {
        let mut times = Vec::with_capacity(qs.len());
        for (a, b) in &qs {
            let (a, b) = (Endpoint::Node(a.clone()), Endpoint::Node(b.clone()));
            let t = Instant::now();
            let r = v.route(&a, &b, &opts);
            times.push(t.elapsed().as_nanos() as f64);
            std::hint::black_box(r.ok());
        }
        means.push(times.iter().sum::<f64>() / times.len() as f64);
        rounds.push(median(times));
    }
    report(&format!("finder route {label} (A*, full answer)"), median(rounds));
    // What bench/run.mjs measures for the npm package: the mean per call over a round of these queries (median of
    // rounds). Route times are skewed (long cross-level queries), so the mean is well above the median per query.
    report(&format!("finder route {label} (A*, full answer, mean per query)"), median(means));
    // The search alone (A* over the CSR arrays), and Dijkstra for comparison.
    let g = v.graph();
    let ids: Vec<(u32, u32)> = qs.iter().map(|(a, b)| (v.node_id(a).unwrap(), v.node_id(b).unwrap())).collect();
    let filter = Filter::default();
    let mut scratch = Scratch::default();
    for astar in [true, false] {
        let mut times = Vec::with_capacity(ids.len());
        for &(a, b) in &ids {
            let goal = if astar { Some((doc_xy(&doc, b).0, doc_xy(&doc, b).1)) } else { None };
            let t = Instant::now();
            let f = g.shortest(&filter, Metric::Distance, &[(a, 0)], &[(b, 0)], goal, &mut scratch);
            times.push(t.elapsed().as_nanos() as f64);
            std::hint::black_box(f);
        }
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        report(&format!("finder search only {label} ({})", if astar { "A*" } else { "Dijkstra" }), median(times));
        report(
            &format!("finder search only {label} ({}, mean per query)", if astar { "A*" } else { "Dijkstra" }),
            mean,
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write-grid") {
        let doc = grid_doc(&GridOptions::default());
        std::fs::write(&args[i + 1], serde_json::to_string(&doc).unwrap()).unwrap();
        // The costs of the first queries, for checking other routers: [[from, to, millimetres]].
        let v = Venue::from_doc(&doc).unwrap();
        let costs: Vec<(String, String, u64)> = pairs(v.graph_size().0, 200, &GridOptions::default(), 7)
            .into_iter()
            .map(|(a, b)| {
                let r = v.route(&Endpoint::Node(a.clone()), &Endpoint::Node(b.clone()), &RouteOptions::default());
                let mm = r.map(|r| (r.metres * 1000.0).round() as u64).unwrap_or(u64::MAX);
                (a, b, mm)
            })
            .collect();
        std::fs::write(format!("{}.costs.json", &args[i + 1]), serde_json::to_string(&costs).unwrap()).unwrap();
        return;
    }
    bench_grid(&GridOptions::default(), "8k-node grid");
    // For profiling one part: `FINDER_BENCH_ONLY=8k perf record ...`.
    if std::env::var("FINDER_BENCH_ONLY").is_ok_and(|v| v == "8k") {
        return;
    }
    bench_grid(&GridOptions { levels: 8, cols: 80, rows: 78, ..GridOptions::default() }, "50k-node grid");
    let mall = Venue::sample().unwrap();
    let opts = RouteOptions::default();
    let (a, b) = (Endpoint::Parking("B2-A-001".into()), Endpoint::Id("s-6-10".into()));
    let mut times = Vec::new();
    for _ in 0..2000 {
        let t = Instant::now();
        std::hint::black_box(mall.route(&a, &b, &opts).ok());
        times.push(t.elapsed().as_nanos() as f64);
    }
    report("finder route sample mall B2 parking -> 7F store", median(times));
    let mut times = Vec::new();
    let what = vec!["restroom".to_string()];
    for _ in 0..2000 {
        let t = Instant::now();
        std::hint::black_box(mall.nearest(&b, &what, &opts).ok());
        times.push(t.elapsed().as_nanos() as f64);
    }
    report("finder nearest restroom sample mall", median(times));
    let t = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(Venue::load(mallcare::finder::sample::SAMPLE_MALL_JSON).ok());
    }
    report("finder load sample mall", t.elapsed().as_nanos() as f64 / 20.0);
}
