//! Batch checks over the JSON text of an array (what `JSON.stringify` makes of a JS array): one crossing in, one
//! byte per item out, no tree of values and no allocation per valid item.

use super::idcard::{check_id_card, id_check};
use crate::error::{Error, Issue};
use crate::{Date, Result};

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index just past the string starting at the quote at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The index of the `,` or `]` ending the non-string value starting at `i`.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0u32;
    loop {
        match *b.get(i)? {
            b'"' => {
                i = skip_string(b, i)?;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth == 0 => return Some(i),
            b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return Some(i),
            _ => {}
        }
        i += 1;
    }
}

/// Decodes the JSON string whose quote is at `i` into `buf` (only called when it has escapes); returns the index
/// past it. A lone surrogate becomes U+FFFD, as a JS string converted to UTF-8 does.
fn decode_string(text: &str, i: usize, buf: &mut String) -> Option<usize> {
    let b = text.as_bytes();
    buf.clear();
    let mut j = i + 1;
    let mut run = j;
    loop {
        match *b.get(j)? {
            b'"' => {
                buf.push_str(text.get(run..j)?);
                return Some(j + 1);
            }
            b'\\' => {
                buf.push_str(text.get(run..j)?);
                let (ch, next) = crate::json::escape::decode_escape_lenient(b, j)?;
                j = next;
                buf.push(ch);
                run = j;
            }
            _ => j += 1,
        }
    }
}

/// Calls `f` for each item of the JSON text of an array, in order: `Some(text)` for a string (escapes decoded),
/// `None` for any other value. `None` overall when the text is not one JSON array.
pub(crate) fn for_each_item(text: &str, mut f: impl FnMut(Option<&str>)) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut count = 0usize;
    let mut buf = String::new();
    if b.get(i) == Some(&b']') {
        return (skip_ws(b, i + 1) == b.len()).then_some(0);
    }
    loop {
        i = skip_ws(b, i);
        if b.get(i) == Some(&b'"') {
            let end = skip_string(b, i)?;
            let raw = text.get(i + 1..end - 1)?;
            if raw.contains('\\') {
                decode_string(text, i, &mut buf)?;
                f(Some(&buf));
            } else {
                f(Some(raw));
            }
            i = end;
        } else {
            i = skip_value(b, i)?;
            f(None);
        }
        count += 1;
        i = skip_ws(b, i);
        match b.get(i)? {
            b',' => i += 1,
            b']' => break,
            _ => return None,
        }
    }
    (skip_ws(b, i + 1) == b.len()).then_some(count)
}

/// [`check_id_card`] over every item of the JSON text of an array (what `JSON.stringify` makes of a JS array): one
/// [`id_check`] byte per item, in order (`0` valid; [`id_check::NOT_STRING`] for an item that is not a string).
///
/// # Errors
/// `JSON_SYNTAX` when the text is not one JSON array.
///
/// # Example
/// ```
/// use mallcare::validation::{check_id_cards_json, id_check};
/// let codes = check_id_cards_json(r#"["11010519491231002X", "110105194912310021", 42]"#, None).unwrap();
/// assert_eq!(codes, [id_check::VALID, id_check::CHECKSUM, id_check::NOT_STRING]);
/// ```
pub fn check_id_cards_json(json_array: &str, today: Option<Date>) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(json_array.len() / 20 + 1);
    for_each_item(json_array, |item| {
        out.push(item.map_or(id_check::NOT_STRING, |s| check_id_card(s, today)));
    })
    .ok_or_else(|| {
        Error::from(Issue::new("JSON_SYNTAX", "", "应为 JSON 数组文本", "expected the JSON text of an array"))
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Option<Vec<Option<String>>> {
        let mut v = Vec::new();
        for_each_item(text, |s| v.push(s.map(str::to_string)))?;
        Some(v)
    }

    #[test]
    fn reads_strings_and_others() {
        let v =
            items(r#" [ "a", 1, null, {"x": ["]", ","]}, [1,[2]], "b\"c\\n\u00e9\ud83d\ude00\ud800", "" ] "#).unwrap();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(v, [s("a"), None, None, None, None, s("b\"c\\n\u{e9}\u{1F600}\u{FFFD}"), s("")]);
        assert_eq!(items("[]").unwrap(), Vec::<Option<String>>::new());
    }

    #[test]
    fn refuses_what_is_not_one_array() {
        for bad in ["", "{}", "[", "[1", "[\"a\"", "[1] 2", "[\"\\q\"]", "\"a\""] {
            assert!(items(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_random_arrays() {
        let values = serde_json::json!(["x\u{0}y", "\u{2028}", 1.5, [], {}, "11010519491231002X", true, "\t"]);
        let text = serde_json::to_string(&values).unwrap();
        let got = items(&text).unwrap();
        let want: Vec<Option<String>> =
            values.as_array().unwrap().iter().map(|v| v.as_str().map(str::to_string)).collect();
        assert_eq!(got, want);
    }
}
