//! Property and bad-input tests of the validation pillar: no input makes a validator panic or hang, huge inputs are
//! refused early, check characters detect every single-character error, and descriptor limits hold.
#![cfg(feature = "validation")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::validation::*;
use mallcare::Date;
use proptest::prelude::*;
use serde_json::{json, Value};

fn today() -> Option<Date> {
    Date::parse("2026-05-01").ok()
}

fn all_validators(s: &str) -> Vec<mallcare::Result<FieldValue>> {
    let o = FieldOptions { today: today(), ..FieldOptions::default() };
    Kind::ALL.iter().map(|k| validate_kind(*k, s, &o)).collect()
}

#[test]
fn one_megabyte_is_refused_early_by_every_validator() {
    let big = "１".repeat(1 << 20);
    let start = std::time::Instant::now();
    for (k, r) in Kind::ALL.iter().zip(all_validators(&big)) {
        let code = r.unwrap_err().code().to_string();
        assert!(code.ends_with("_TOO_LONG"), "{k:?}: {code}");
    }
    // not a timing assertion on speed, only a guard against accidental quadratic work: generous bound
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn mixed_scripts_get_precise_codes() {
    assert_eq!(validate_mobile("138００13８ООО", &MobileOptions::default()).unwrap_err().code(), "MOBILE_INVALID_CHAR");
    assert_eq!(validate_id_card("11010519491231002Х", None).unwrap_err().code(), "ID_CARD_FORMAT"); // Cyrillic Х
    assert_eq!(validate_uscc("911100006000З7341L").unwrap_err().code(), "USCC_FORMAT"); // Cyrillic З
    assert_eq!(validate_name("王Ivan").unwrap_err().code(), "NAME_MIXED_SCRIPT");
    assert_eq!(validate_name("Иван").unwrap_err().code(), "NAME_INVALID_CHAR");
}

/// GB 11643 check character computed independently here (weights 2^(17-i) mod 11).
fn reference_check(body: &str) -> char {
    let sum: u32 = body.chars().enumerate().map(|(i, c)| c.to_digit(10).unwrap() * ((1u32 << (17 - i)) % 11)).sum();
    ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        for r in all_validators(&s) {
            if let Err(e) = r {
                prop_assert!(!e.issues().is_empty());
                prop_assert!(e.issues().iter().all(|i| !i.code.is_empty() && !i.zh.is_empty() && !i.en.is_empty()));
            }
        }
    }

    #[test]
    fn digit_noise_never_panics(s in "[0-9xX +\\-]{0,40}") {
        let _ = all_validators(&s);
    }

    #[test]
    fn id_check_character_detects_every_single_digit_change(
        birth in 0u32..36500, seq in 0u32..1000, pos in 0usize..17, delta in 1u32..10
    ) {
        let d = Date::parse("1920-01-01").unwrap().add_days(i64::from(birth)).unwrap();
        let body = format!("440305{:04}{:02}{:02}{seq:03}", d.year(), d.month(), d.day());
        let good = format!("{body}{}", reference_check(&body));
        let id = validate_id_card(&good, today()).unwrap();
        prop_assert_eq!(id.birth_date, d);
        prop_assert_eq!(id.sex == Sex::Male, seq % 2 == 1);
        let mut chars: Vec<char> = good.chars().collect();
        let old = chars[pos].to_digit(10).unwrap();
        chars[pos] = char::from_digit((old + delta) % 10, 10).unwrap();
        let bad: String = chars.into_iter().collect();
        let e = validate_id_card(&bad, None).unwrap_err();
        prop_assert!(e.has_code("ID_CARD_CHECKSUM"), "{} accepted", bad);
    }

    #[test]
    fn gtin_check_digit_detects_single_digit_changes(body in "[0-9]{12}", pos in 0usize..13, delta in 1u8..10) {
        let sum: u32 = body.bytes().rev().enumerate()
            .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 }).sum();
        let code = format!("{body}{}", (10 - sum % 10) % 10);
        prop_assert!(validate_gtin(&code, &GtinOptions::default()).is_ok());
        let mut b = code.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let bad = String::from_utf8(b).unwrap();
        let e = validate_gtin(&bad, &GtinOptions::default()).unwrap_err();
        prop_assert_eq!(e.code(), "GTIN_CHECKSUM");
    }

    #[test]
    fn pattern_matching_is_linear(n in 1usize..2000) {
        // (a+)+$ is the classic catastrophic pattern for backtracking engines.
        let p = Pattern::compile("^(a+)+$").unwrap();
        let almost = format!("{}!", "a".repeat(n));
        prop_assert!(!p.is_match(&almost));
        prop_assert!(p.is_match(&"a".repeat(n)));
    }

    #[test]
    fn mobile_numbers_from_every_allocated_segment_round_trip(seg in prop::sample::select(vec![
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "172", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184",
        "185", "186", "187", "188", "189", "190", "191", "192", "193", "195", "196", "197", "198", "199"]),
        rest in "[0-9]{8}") {
        let n = format!("{seg}{rest}");
        let m = validate_mobile(&format!("+86 {n}"), &MobileOptions::default()).unwrap();
        prop_assert_eq!(m.national, n.clone());
        prop_assert_eq!(m.e164, format!("+86{n}"));
        prop_assert!(m.carrier.is_some());
    }
}

#[test]
fn oversized_descriptor_is_refused() {
    let mut fields = serde_json::Map::new();
    for i in 0..(form::MAX_RULES + 5) {
        fields.insert(format!("f{i}"), json!({"type": "string"}));
    }
    let e = FormSchema::load(&Value::Object(fields)).unwrap_err();
    assert!(e.has_code("FORM_DESCRIPTOR_TOO_LARGE"), "{e}");
    assert!(e.issues().len() < 5, "one issue for the overflow, not thousands: {}", e.issues().len());
}

#[test]
fn deep_value_and_huge_strings_in_forms() {
    let s =
        FormSchema::from_json(r#"{"note": {"type": "string", "pattern": "x$"}, "tags": {"type": "array"}}"#).unwrap();
    let e = s.validate(&json!({"note": "a".repeat(1 << 20)}), &FormOptions::default()).unwrap_err();
    assert_eq!(e.code(), "FORM_VALUE_TOO_LONG");
    // 9,999 characters are still checked (the pattern runs in linear time)
    let e = s.validate(&json!({"note": "a".repeat(9_999)}), &FormOptions::default()).unwrap_err();
    assert_eq!(e.code(), "FORM_PATTERN");
}

#[test]
fn every_ready_descriptor_loads() {
    for name in form_descriptor_names() {
        let s = FormSchema::builtin(name).unwrap();
        assert_eq!(s.name(), Some(name));
        assert!(s.rule_count() > 5, "{name}");
        // an empty value reports at least one required field, never a panic
        assert!(s.validate(&json!({}), &FormOptions::default()).is_err(), "{name}");
    }
}

/// The `id_check` flags `check_id_card` should give for what `validate_id_card` reports.
fn flags_of(r: &mallcare::Result<IdCard>) -> u8 {
    let Err(e) = r else { return id_check::VALID };
    e.issues().iter().fold(0, |acc, i| {
        acc | match i.code.as_str() {
            "ID_CARD_FORMAT" => id_check::FORMAT,
            "ID_CARD_REGION_UNKNOWN" => id_check::REGION,
            "ID_CARD_BIRTH_DATE_INVALID" => id_check::BIRTH_DATE_INVALID,
            "ID_CARD_BIRTH_DATE_FUTURE" => id_check::BIRTH_DATE_FUTURE,
            "ID_CARD_CHECKSUM" => id_check::CHECKSUM,
            "ID_CARD_EMPTY" => id_check::EMPTY,
            "ID_CARD_TOO_LONG" => id_check::TOO_LONG,
            other => panic!("unexpected code {other}"),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// The fast verdict, the facts and the batch agree with the full validator on near-IDs and arbitrary text.
    #[test]
    fn fast_id_checks_agree_with_validate_id_card(
        s in prop_oneof![
            "[1-9][0-9]{5}(19|20)[0-9]{2}(0[0-9]|1[0-3])[0-3][0-9][0-9]{3}[0-9xX]",
            // real regions and the residence permits, so the region, date and check paths all get valid input
            "(110105|310115|440305|810000|820000|830000)(19|20)[0-9]{2}(0[1-9]|1[0-2])[0-2][0-9][0-9]{3}[0-9xX]",
            "[0-9]{15}",
            "[0-9xX ]{0,20}",
            "\\PC{0,30}",
        ],
        with_today in any::<bool>(),
    ) {
        let t = if with_today { today() } else { None };
        let full = validate_id_card(&s, t);
        let flags = check_id_card(&s, t);
        prop_assert_eq!(flags, flags_of(&full), "{:?}", s);
        match (&full, id_card_facts(&s, t)) {
            (Ok(id), Ok(f)) => {
                prop_assert_eq!(f.region_code.to_string(), id.region_code.to_string());
                let b = id.birth_date;
                prop_assert_eq!(f.birth_date, (b.year() * 10_000) as u32 + b.month() * 100 + b.day());
                prop_assert_eq!(f.age, id.age);
                prop_assert_eq!(f.male, id.sex == Sex::Male);
                prop_assert_eq!(f.kind, id.kind);
                prop_assert_eq!(f.upgraded, id.upgraded_from.is_some());
            }
            (Err(_), Err(code)) => prop_assert_eq!(code, flags),
            (a, b) => prop_assert!(false, "validate {:?} vs facts {:?}", a.is_ok(), b.is_ok()),
        }
        let batch = check_id_cards_json(&serde_json::to_string(&json!([s, 1, s])).unwrap(), t).unwrap();
        prop_assert_eq!(batch, vec![flags, id_check::NOT_STRING, flags]);
    }
}
