//! Imports the real PolyMap IMDF venue (tests/data/imdf/polymap, an extract of the IMDF files the importer reads)
//! and routes between rooms on different levels of one building.
#![cfg(feature = "finder")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::finder::imdf::{import_texts, ImportOptions};
use mallcare::finder::route::{Endpoint, RouteOptions};
use mallcare::finder::search::{MatchKind, SearchIndex, SearchOptions};
use mallcare::finder::Venue;
use std::collections::BTreeMap;

fn polymap() -> BTreeMap<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/imdf/polymap");
    let mut files = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".geojson") || name.ends_with(".json") {
            files.insert(name, std::fs::read_to_string(e.path()).unwrap());
        }
    }
    files
}

#[test]
fn polymap_counts_and_report() {
    let out = import_texts(&polymap(), &ImportOptions::default()).unwrap();
    let r = &out.report;
    assert_eq!(out.doc.levels.len(), 8);
    assert_eq!(r.used["level"], 8);
    assert_eq!(r.used["unit"], 443);
    assert_eq!(r.used["opening"], 472);
    assert_eq!(r.used["occupant"], 264);
    assert_eq!(r.used["amenity"], 37);
    assert!(out.doc.places.len() >= 200, "{}", out.doc.places.len());
    assert_eq!(out.doc.places.len() + r.skipped.get("IMDF_PLACE_UNREACHABLE").copied().unwrap_or(0), 264);
    assert_eq!(out.doc.nodes.iter().filter(|n| n.id.len() == 36).count(), 472, "every opening is a door node");
    // Two buildings share ordinals 1 and 2: the report says how they were spread.
    assert!(r.notes.iter().any(|n| n.contains("share ordinals")), "{:?}", r.notes);
    let mut ordinals: Vec<i32> = out.doc.levels.iter().map(|l| l.ordinal).collect();
    ordinals.sort_unstable();
    ordinals.dedup();
    assert_eq!(ordinals.len(), 8);
    // What was skipped is counted per reason and listed with paths.
    let listed: usize = r.skipped.values().sum();
    assert_eq!(listed, r.issues.len());
    assert!(!r.ignored_files.contains_key("unit.geojson"));
}

#[test]
fn polymap_routes_across_levels_of_one_building() {
    let out = import_texts(&polymap(), &ImportOptions::default()).unwrap();
    let venue = Venue::from_doc(&out.doc).unwrap();
    let doc = &out.doc;
    let place = |name: &str| doc.places.iter().find(|p| p.name_en.as_deref() == Some(name) || p.name == name);
    // Academic building No. 3: Level 1 (IMDF ordinal 1) to Level 5 (ordinal 5).
    let from = place("Classroom 104").expect("Classroom 104");
    let level5 = "20b79a99-9bb2-4de1-b094-aae44795706f";
    let mut routed = 0;
    for to in doc.places.iter().filter(|p| p.level == level5).take(5) {
        let r = venue
            .route(&Endpoint::Place(from.id.clone()), &Endpoint::Place(to.id.clone()), &RouteOptions::default())
            .unwrap_or_else(|e| panic!("{} -> {}: {e}", from.name, to.name));
        assert!(r.metres > 0.0 && r.metres < 2000.0, "{}", r.metres);
        assert!(!r.connectors.is_empty(), "a cross-level route rides a connector");
        let levels: std::collections::HashSet<&str> = r.legs.iter().map(|l| l.level.as_str()).collect();
        assert!(levels.contains(from.level.as_str()) && levels.contains(level5));
        routed += 1;
    }
    assert_eq!(routed, 5);
}

#[test]
fn polymap_is_searchable() {
    let out = import_texts(&polymap(), &ImportOptions::default()).unwrap();
    let idx = SearchIndex::from_doc(&out.doc).unwrap();
    let hits = idx.search("Classroom 104", &SearchOptions::default());
    assert_eq!(hits[0].matched, MatchKind::Exact);
    let fuzzy = idx.search("clasroom 104", &SearchOptions::default());
    assert!(!fuzzy.is_empty());
}
