//! The embedded calendar against every day of the holiday-cn files it was built from (2007-2026), read here
//! directly as JSON with an independent, deliberately simple rule: listed days as listed, else weekends off.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
#![cfg(not(target_arch = "wasm32"))]

use mallcare::calendar::DayKind;
use mallcare::{Calendar, Date};
use std::collections::HashMap;

fn overrides() -> HashMap<String, bool> {
    let mut map = HashMap::new();
    for year in 2007..=2027 {
        let path = format!("{}/data/holiday-cn/{year}.json", env!("CARGO_MANIFEST_DIR"));
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for d in doc["days"].as_array().unwrap() {
            map.insert(d["date"].as_str().unwrap().to_string(), d["isOffDay"].as_bool().unwrap());
        }
    }
    map
}

#[test]
fn every_day_2007_to_2026_matches_the_data() {
    let ov = overrides();
    let cal = Calendar::default();
    let mut d = Date::parse("2007-01-01").unwrap();
    let end = Date::parse("2026-12-31").unwrap();
    let (mut days, mut listed) = (0, 0);
    while d <= end {
        let weekend = d.weekday().number_from_monday() >= 6;
        let expected_work = match ov.get(&d.to_string()) {
            Some(off) => {
                listed += 1;
                !off
            }
            None => !weekend,
        };
        assert_eq!(cal.is_workday(d).unwrap(), expected_work, "{d}");
        let kind = cal.day_kind(d).unwrap();
        assert_eq!(kind.is_workday(), expected_work, "{d} {kind:?}");
        if expected_work && weekend {
            assert_eq!(kind, DayKind::MakeupWorkday, "{d}");
        }
        if !expected_work && !weekend {
            assert_eq!(kind, DayKind::Holiday, "{d}");
        }
        days += 1;
        d = d.add_days(1).unwrap();
    }
    assert_eq!(days, 7305);
    // Every listed day inside 2007-2026 was checked (2006-12-30/31 from 2007.json fall outside).
    assert!(listed > 650, "only {listed} listed days seen");
}

#[test]
fn the_placeholder_2027_file_is_refused_and_2027_stays_unknown() {
    let mut cal = Calendar::default();
    let text = std::fs::read_to_string(format!("{}/data/holiday-cn/2027.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(cal.load_year_json(&text).unwrap_err().code(), "CALENDAR_YEAR_EMPTY");
    assert_eq!(cal.is_workday(Date::parse("2027-06-01").unwrap()).unwrap_err().code(), "CALENDAR_YEAR_UNKNOWN");
}

#[test]
fn reloading_a_year_from_its_own_file_changes_nothing() {
    let base = Calendar::default();
    let mut cal = Calendar::default();
    for year in [2008, 2019, 2026] {
        let text =
            std::fs::read_to_string(format!("{}/data/holiday-cn/{year}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(cal.load_year_json(&text).unwrap(), year);
    }
    assert_eq!(cal, base);
}

#[test]
fn business_day_arithmetic_is_consistent() {
    let cal = Calendar::default();
    let mut d = Date::parse("2019-12-20").unwrap();
    for _ in 0..200 {
        if cal.is_workday(d).unwrap() {
            for n in [1, 2, 5, 17] {
                let later = cal.add_business_days(d, n).unwrap();
                assert_eq!(cal.business_days_between(d, later).unwrap(), n, "{d} + {n}");
                assert_eq!(cal.add_business_days(later, -n).unwrap(), d, "{later} - {n}");
            }
        }
        d = d.add_days(1).unwrap();
    }
}
