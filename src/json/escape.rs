//! JSON string escapes (`\n`, `\"`, `\uXXXX`, surrogate pairs), decoded once for every hand-written text reader in
//! the crate: the eligibility and points readers, the finder's JSON text reader and the validation batch reader.

/// serde_json's words for an escape it cannot read.
pub(crate) const INVALID_ESCAPE: &str = "invalid escape";
/// serde_json's words for a leading surrogate not followed by `\u`.
pub(crate) const UNEXPECTED_END: &str = "unexpected end of hex escape";
/// serde_json's words for a surrogate without its partner.
pub(crate) const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";

/// An escape that is not valid JSON (strictly: a lone surrogate is not valid either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadEscape {
    /// One of [`INVALID_ESCAPE`], [`UNEXPECTED_END`], [`LONE_SURROGATE`].
    pub(crate) what: &'static str,
    /// The byte index where reading stopped: the first byte that is not a hex digit; the byte after the escape
    /// letter for an unknown letter; the end of the leading surrogate when no `\u` follows it or when it is a
    /// trailing surrogate on its own; the end of the pair when its second half is not a trailing surrogate.
    pub(crate) at: usize,
}

/// The four hex digits at `at`, or the index of the first byte that is not one.
fn hex4(b: &[u8], at: usize) -> Result<u32, usize> {
    let mut v = 0;
    for i in at..at + 4 {
        let d = b.get(i).and_then(|c| char::from(*c).to_digit(16)).ok_or(i)?;
        v = v * 16 + d;
    }
    Ok(v)
}

/// Decodes the escape whose backslash is at `at` in `b`: the character, and the index just past the escape (a
/// surrogate pair is one character, both escapes consumed).
///
/// # Errors
/// A [`BadEscape`] for an unknown escape letter or end of input after the backslash, fewer than four hex digits,
/// or a surrogate without its partner (as serde_json: strict).
pub(crate) fn decode_escape(b: &[u8], at: usize) -> Result<(char, usize), BadEscape> {
    let bad = |what, at| BadEscape { what, at };
    let c = match b.get(at + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let hi = hex4(b, at + 2).map_err(|i| bad(INVALID_ESCAPE, i))?;
            if !(0xD800..0xDC00).contains(&hi) {
                return char::from_u32(hi).map(|c| (c, at + 6)).ok_or(bad(LONE_SURROGATE, at + 6));
            }
            if b.get(at + 6) != Some(&b'\\') || b.get(at + 7) != Some(&b'u') {
                return Err(bad(UNEXPECTED_END, at + 6));
            }
            let lo = hex4(b, at + 8).map_err(|i| bad(INVALID_ESCAPE, i))?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(bad(LONE_SURROGATE, at + 12));
            }
            let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
            return c.map(|c| (c, at + 12)).ok_or(bad(LONE_SURROGATE, at + 12));
        }
        _ => return Err(bad(INVALID_ESCAPE, at + 2)),
    };
    Ok((c, at + 2))
}

/// As [`decode_escape`], but a surrogate without its partner becomes U+FFFD and reading goes on after it (a
/// following escape is read on its own), as when a JS string holding one is converted to UTF-8. `None` for the
/// other malformed escapes.
#[cfg(feature = "validation")]
pub(crate) fn decode_escape_lenient(b: &[u8], at: usize) -> Option<(char, usize)> {
    match decode_escape(b, at) {
        Ok(decoded) => Some(decoded),
        Err(e) if e.what == INVALID_ESCAPE => None,
        // A lone surrogate: the one escape that held it is replaced.
        Err(_) => Some(('\u{FFFD}', at + 6)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    fn strict(s: &str) -> Result<(char, usize), BadEscape> {
        decode_escape(s.as_bytes(), 0)
    }

    #[test]
    fn decodes_every_escape_and_pairs() {
        for (text, c) in [
            ("\\\"", '"'),
            ("\\\\", '\\'),
            ("\\/", '/'),
            ("\\b", '\u{8}'),
            ("\\f", '\u{c}'),
            ("\\n", '\n'),
            ("\\r", '\r'),
            ("\\t", '\t'),
        ] {
            assert_eq!(strict(text), Ok((c, 2)), "{text}");
        }
        assert_eq!(strict("\\u4e2dx"), Ok(('中', 6)));
        assert_eq!(strict("\\u00E9"), Ok(('é', 6)));
        assert_eq!(strict("\\ud83d\\ude00!"), Ok(('😀', 12)));
        // Decoding starts at the backslash given, anywhere in the text.
        assert_eq!(decode_escape(b"ab\\n", 2), Ok(('\n', 4)));
    }

    #[test]
    fn malformed_escapes_say_what_and_where() {
        let bad = |what, at| Err(BadEscape { what, at });
        assert_eq!(strict("\\x"), bad(INVALID_ESCAPE, 2));
        assert_eq!(strict("\\"), bad(INVALID_ESCAPE, 2));
        assert_eq!(strict("\\u12g4"), bad(INVALID_ESCAPE, 4));
        assert_eq!(strict("\\u12"), bad(INVALID_ESCAPE, 4));
        assert_eq!(strict("\\ud83d"), bad(UNEXPECTED_END, 6));
        assert_eq!(strict("\\ud83dx"), bad(UNEXPECTED_END, 6));
        assert_eq!(strict("\\ud83d\\n"), bad(UNEXPECTED_END, 6));
        assert_eq!(strict("\\ud83d\\u00zz"), bad(INVALID_ESCAPE, 10));
        assert_eq!(strict("\\ud83d\\u0041"), bad(LONE_SURROGATE, 12));
        assert_eq!(strict("\\ud83d\\ud83d"), bad(LONE_SURROGATE, 12));
        assert_eq!(strict("\\ude00"), bad(LONE_SURROGATE, 6));
    }

    #[cfg(feature = "validation")]
    #[test]
    fn lenient_replaces_lone_surrogates_only() {
        let lenient = |s: &str| decode_escape_lenient(s.as_bytes(), 0);
        assert_eq!(lenient("\\ud83d\\ude00"), Some(('😀', 12)));
        assert_eq!(lenient("\\ude00"), Some(('\u{FFFD}', 6)));
        assert_eq!(lenient("\\ud83d"), Some(('\u{FFFD}', 6)));
        // The second escape is read on its own afterwards.
        assert_eq!(lenient("\\ud83d\\u0041"), Some(('\u{FFFD}', 6)));
        assert_eq!(decode_escape_lenient(b"\\ud83d\\u0041", 6), Some(('A', 12)));
        assert_eq!(lenient("\\x"), None);
        assert_eq!(lenient("\\u12g4"), None);
        assert_eq!(lenient("\\ud83d\\u00zz"), None);
    }
}
