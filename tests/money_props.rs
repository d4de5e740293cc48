//! Property tests of the money primitives.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, reason = "test code")]

use mallcare::money::{FormatOptions, MAX_FEN};
use mallcare::{split, Money};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn split_parts_always_sum_to_the_total(total in -MAX_FEN..=MAX_FEN, weights in prop::collection::vec(0i64..1_000_000_000, 1..20)) {
        prop_assume!(weights.iter().any(|w| *w > 0));
        let parts = split(total, &weights).unwrap();
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().map(|p| i128::from(*p)).sum::<i128>(), i128::from(total));
        let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        for (p, w) in parts.iter().zip(&weights) {
            // Each part is within one fen of its exact proportional share.
            let exact_num = i128::from(total) * i128::from(*w);
            let diff = (i128::from(*p) * sum - exact_num).abs();
            prop_assert!(diff < sum, "part {} weight {} off by more than a fen", p, w);
            if *w == 0 { prop_assert_eq!(*p, 0); }
        }
    }

    #[test]
    fn format_then_parse_round_trips(fen in -MAX_FEN..=MAX_FEN, symbol: bool, grouping: bool) {
        let m = Money::from_fen(fen).unwrap();
        let text = m.format_with(&FormatOptions { symbol, grouping });
        prop_assert_eq!(Money::parse(&text).unwrap(), m);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,40}") {
        let _ = Money::parse(&s);
        let _ = mallcare::Date::parse(&s);
        let _ = mallcare::Timestamp::parse(&s);
    }

    #[test]
    fn mul_ratio_matches_exact_rounding(fen in -1_000_000_000i64..1_000_000_000, num in 0i64..1000, den in 1i64..1000) {
        let got = Money::from_fen(fen).unwrap().mul_ratio(num, den).unwrap().fen();
        let exact = fen as f64 * num as f64 / den as f64; // test oracle only; values are small enough to be exact
        prop_assert!((got as f64 - exact).abs() <= 0.5 + 1e-9);
    }
}
