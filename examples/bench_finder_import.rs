//! Native timings of the finder's import and search half, one JSON line per case, for `make bench`
//! (bench/finder-import.mjs measures the same through the npm package). Run:
//! `cargo run --release --example bench_finder_import` (reads the PolyMap extract in tests/data/imdf/polymap).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "benchmark driver: fixed inputs")]

#[path = "common/timing.rs"]
mod timing;
use timing::{median_ns, row};

use mallcare::finder::hours::OpeningHours;
use mallcare::finder::imdf::{import_texts, ImportOptions};
use mallcare::finder::search::{SearchIndex, SearchOptions};
use mallcare::finder::VenueDoc;
use mallcare::Timestamp;
use std::collections::BTreeMap;
use std::hint::black_box;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/imdf/polymap");
    let mut files = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with("json") {
            files.insert(name, std::fs::read_to_string(e.path()).unwrap());
        }
    }
    let opts = ImportOptions::default();
    row(
        "imdfImportPolymap",
        median_ns(5, |_| {
            black_box(import_texts(black_box(&files), &opts).unwrap());
        }),
    );

    let doc: VenueDoc = serde_json::from_str(include_str!("../data/finder/sample-mall.json")).unwrap();
    row(
        "searchIndexBuildSample",
        median_ns(50, |_| {
            black_box(SearchIndex::from_doc(black_box(&doc)).unwrap());
        }),
    );
    let idx = SearchIndex::from_doc(&doc).unwrap();
    let queries =
        ["xbk", "xingbake", "星巴克", "starbuks", "chongqing", "hot pot", "xinbake", "yuegao", "咖啡", "qqqq"];
    let o = SearchOptions::default();
    if std::env::var("PER_QUERY").is_ok() {
        for q in queries {
            let ns = median_ns(200, |_| {
                black_box(idx.search(q, &o));
            });
            println!("{{\"name\":\"search {q}\",\"median_ns\":{ns:.1}}}");
        }
    }
    row(
        "searchSample",
        median_ns(2000, |i| {
            black_box(idx.search(queries[i as usize % queries.len()], &o));
        }),
    );
    let at = Timestamp::parse("2026-05-02T12:00:00+08:00").unwrap();
    let open = SearchOptions { at: Some(at), open_first: true, ..SearchOptions::default() };
    row(
        "searchSampleOpenFirst",
        median_ns(2000, |i| {
            black_box(idx.search(queries[i as usize % queries.len()], &open));
        }),
    );
    row(
        "openingHoursParse",
        median_ns(20000, |_| {
            black_box(OpeningHours::parse(black_box("Mo-Fr 10:00-22:00; Sa,Su 09:00-22:30; PH off")).unwrap());
        }),
    );
    let h = OpeningHours::parse("Mo-Fr 10:00-22:00; Sa,Su 09:00-22:30; PH off").unwrap();
    row(
        "openingHoursIsOpen",
        median_ns(100000, |_| {
            black_box(h.is_open(black_box(at)));
        }),
    );
}
