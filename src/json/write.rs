//! The pieces every hand-written JSON writer in the crate needs, written once: integers in decimal, dates, and
//! strings escaped exactly as `serde_json` escapes them (so our text is byte for byte what serde would write).

/// `d` as a JSON string (`"2026-05-01"`, quotes included), written into `buf`: exactly what serde writes for a
/// [`crate::Date`] (its `Display`). A `Date` always has a four-digit year (0000-9999: every constructor checks it).
#[cfg(any(feature = "eligibility", feature = "points"))]
pub(crate) fn date_text(d: crate::Date, buf: &mut [u8; 12]) -> &str {
    let y = d.year().unsigned_abs();
    let digit = |v: u32| b'0' + u8::try_from(v % 10).unwrap_or(0);
    let (m, dd) = (d.month(), d.day());
    *buf = [
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(dd / 10),
        digit(dd),
        b'"',
    ];
    std::str::from_utf8(buf).unwrap_or_default()
}

/// `v` in decimal, written into `buf` (20 bytes hold every `i64`, sign included); returns the written text.
pub(crate) fn int_text(v: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    if v < 0 && i > 0 {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'-';
        }
    }
    std::str::from_utf8(buf.get(i..).unwrap_or_default()).unwrap_or_default()
}

/// Whether byte `c` must be escaped inside a JSON string (`"`, `\`, control characters).
#[cfg(any(feature = "eligibility", feature = "points"))]
pub(crate) fn needs_escape(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

/// Hands `s`, escaped as `serde_json` escapes it (without the surrounding quotes), to `put` in pieces: runs of
/// plain text and escape sequences. Text with nothing to escape is one piece.
pub(crate) fn escape_str(s: &str, mut put: impl FnMut(&str)) {
    let mut run = 0;
    for (i, c) in s.bytes().enumerate() {
        let esc: &str = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        put(s.get(run..i).unwrap_or_default());
        if esc.is_empty() {
            let hex = |d: u8| if d < 10 { b'0' + d } else { b'a' + d - 10 };
            let u = [b'\\', b'u', b'0', b'0', hex(c >> 4), hex(c & 0xf)];
            put(std::str::from_utf8(&u).unwrap_or_default());
        } else {
            put(esc);
        }
        run = i + 1;
    }
    put(s.get(run..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::{escape_str, int_text};

    #[test]
    fn integers_as_serde_writes_them() {
        for v in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            assert_eq!(int_text(v, &mut [0; 20]), serde_json::to_string(&v).unwrap());
        }
    }

    #[test]
    fn strings_as_serde_escapes_them() {
        for s in ["", "plain 中文", "q\"b\\s", "nl\nt\tcr\rbs\u{8}ff\u{c}", "\u{1}\u{1f}x", "end\""] {
            let mut out = String::from("\"");
            escape_str(s, |p| out.push_str(p));
            out.push('"');
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[cfg(any(feature = "eligibility", feature = "points"))]
    #[test]
    fn dates_as_serde_writes_them() {
        for (y, m, d) in [(2026, 5, 1), (1, 1, 1), (0, 12, 31), (999, 2, 28), (2024, 2, 29), (9999, 12, 31)] {
            let date = crate::Date::from_ymd(y, m, d).unwrap();
            assert_eq!(super::date_text(date, &mut [0; 12]), serde_json::to_string(&date).unwrap(), "{y}-{m}-{d}");
        }
    }
}
