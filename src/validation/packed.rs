//! The item tape of the package's batch ID-card fast path (the overlaid `checkIdCards` and
//! `IdCardChecker.checkMany`): the JS writes the array's items straight into wasm memory instead of
//! `JSON.stringify`-ing the whole array, and this reads them back.
//!
//! The tape holds one little-endian `u16` header per item, then the text of the string items, one after the other
//! (the JS joins and encodes a chunk's strings in one call). A header says:
//! - `0..=`[`TAPE_MAX_BYTES`]: a string of that many bytes of UTF-8, the next ones of the text (a lone surrogate
//!   written as U+FFFD, as `JSON.stringify` + the JSON reader make of it);
//! - [`TAPE_NOT_STRING`]: an item `JSON.stringify` writes as something else than a string (a number, a boolean,
//!   `null`, `undefined`, a hole, a function, a symbol): [`id_check::NOT_STRING`];
//! - [`TAPE_LONG`]: a string of more than [`TAPE_MAX_UNITS`] UTF-16 units, which is more than
//!   [`MAX_INPUT_CHARS`] characters: [`id_check::TOO_LONG`] (its text is not written).

use super::idcard::{check_id_card, id_check};
use super::MAX_INPUT_CHARS;
use crate::Date;

/// Header of an item that is not a string.
pub(crate) const TAPE_NOT_STRING: u16 = 0xFFFF;
/// Header of a string longer than [`TAPE_MAX_UNITS`] UTF-16 units.
pub(crate) const TAPE_LONG: u16 = 0xFFFE;
/// The longest string (in UTF-16 units) the tape carries: every character takes one or two units, so a longer
/// string has more than [`MAX_INPUT_CHARS`] characters (the JS side uses this number: 512).
pub(crate) const TAPE_MAX_UNITS: usize = 2 * MAX_INPUT_CHARS;
/// The most bytes a carried string takes (three UTF-8 bytes per UTF-16 unit at most).
pub(crate) const TAPE_MAX_BYTES: usize = 3 * TAPE_MAX_UNITS;

/// [`check_id_card`] of each of the `count` items on `tape`, appended to `out` (cleared first). `None` (and `out`
/// unspecified) when the tape does not hold exactly `count` well-formed items.
pub(crate) fn check_id_card_tape(tape: &[u8], count: usize, today: Option<Date>, out: &mut Vec<u8>) -> Option<()> {
    out.clear();
    let (heads, mut text) = tape.split_at_checked(count.checked_mul(2)?)?;
    out.reserve(count); // no more than the tape holds headers for
    for head in heads.chunks_exact(2) {
        let code = match u16::from_le_bytes([*head.first()?, *head.get(1)?]) {
            TAPE_NOT_STRING => id_check::NOT_STRING,
            TAPE_LONG => id_check::TOO_LONG,
            n if usize::from(n) <= TAPE_MAX_BYTES => {
                let (item, rest) = text.split_at_checked(usize::from(n))?;
                text = rest;
                check_id_card(std::str::from_utf8(item).ok()?, today)
            }
            _ => return None,
        };
        out.push(code);
    }
    text.is_empty().then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tape(items: &[Option<&str>]) -> Vec<u8> {
        let mut t = Vec::new();
        let mut text = Vec::new();
        for item in items {
            match item {
                None => t.extend_from_slice(&TAPE_NOT_STRING.to_le_bytes()),
                Some(s) if s.encode_utf16().count() > TAPE_MAX_UNITS => t.extend_from_slice(&TAPE_LONG.to_le_bytes()),
                Some(s) => {
                    t.extend_from_slice(&u16::try_from(s.len()).unwrap().to_le_bytes());
                    text.extend_from_slice(s.as_bytes());
                }
            }
        }
        t.extend_from_slice(&text);
        t
    }

    #[test]
    fn answers_as_check_id_card_per_item() {
        let today = Date::parse("2026-05-01").ok();
        let long = "1".repeat(TAPE_MAX_UNITS + 1);
        let wide = "１".repeat(MAX_INPUT_CHARS);
        let items = [
            Some("11010519491231002X"),
            None,
            Some("110105194912310021"),
            Some(""),
            Some(" １１０１０５１９４９１２３１００２ｘ "),
            Some(long.as_str()),
            Some(wide.as_str()),
            Some("身份证"),
            Some("11010520300101001X"),
        ];
        let mut out = Vec::new();
        check_id_card_tape(&tape(&items), items.len(), today, &mut out).unwrap();
        let want: Vec<u8> = items.iter().map(|i| i.map_or(id_check::NOT_STRING, |s| check_id_card(s, today))).collect();
        assert_eq!(out, want);
        assert_eq!(out[0], id_check::VALID);
        assert_eq!(out[5], id_check::TOO_LONG);
        assert_eq!(out[6], id_check::FORMAT);
    }

    #[test]
    fn refuses_a_tape_that_does_not_hold_count_items() {
        let t = tape(&[Some("11010519491231002X"), None]);
        let mut out = Vec::new();
        assert!(check_id_card_tape(&t, 1, None, &mut out).is_none(), "bytes left over");
        assert!(check_id_card_tape(&t, 3, None, &mut out).is_none(), "too few items");
        assert!(check_id_card_tape(&t[..t.len() - 1], 2, None, &mut out).is_none(), "cut short");
        assert!(check_id_card_tape(&[0xFF, 0x7F], 1, None, &mut out).is_none(), "length over the bound");
        assert!(check_id_card_tape(&[1, 0, 0xFF], 1, None, &mut out).is_none(), "not UTF-8");
        assert!(check_id_card_tape(&[1, 0], usize::MAX, None, &mut out).is_none(), "count past the tape");
        assert!(check_id_card_tape(&[], 0, None, &mut out).is_some());
    }
}
