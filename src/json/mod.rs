//! Reading JSON into typed values with precise issues, and the pieces the crate's JSON readers and writers share.
//!
//! [`from_str`] and [`from_value`] read any serde type: a structural problem becomes an [`Issue`] whose `path`
//! points at the offending field (`lines[2].paidFen`), and domain types that reject a value during deserialization
//! (a [`Date`](crate::Date) that is not a real day) keep their own code (`DATE_INVALID`) instead of a generic one.
//! The library's own documents and requests (policies, programs, venues, calendars) are read by small hand-written
//! readers that give the same issues in the same words (smaller in wasm than serde's derived code); they share
//! this module's path rendering and value descriptions. [`fingerprint`] and [`canonical`] identify documents.

use crate::error::{Error, Issue};
use crate::Result;
use serde::de::DeserializeOwned;

#[cfg(any(
    feature = "validation",
    feature = "eligibility",
    feature = "points",
    all(feature = "finder", any(test, feature = "wasm"))
))]
pub(crate) mod escape;
pub(crate) mod tracked;
#[cfg(any(feature = "eligibility", feature = "points", feature = "validation"))]
pub(crate) mod write;

const SEP: char = '\u{1f}';

/// Encodes an [`Error`] as a serde error message so its code survives deserialization. Used by the
/// `Deserialize` impls of domain types; [`from_value`] decodes it again.
///
/// # Errors
/// None; it builds an error value.
///
/// # Example
/// ```
/// use serde::de::Error as _;
/// let e: serde_json::Error = mallcare::json::to_serde_error(mallcare::Error::from(
///     mallcare::Issue::new("DATE_INVALID", "", "日期无效", "invalid date")));
/// assert!(e.to_string().contains("DATE_INVALID"));
/// ```
pub fn to_serde_error<E: serde::de::Error>(err: Error) -> E {
    let first = err.issues().first().cloned().unwrap_or_else(|| Issue::new("INTERNAL", "", "", ""));
    E::custom(format!("{}{SEP}{}{SEP}{}", first.code, first.zh, first.en))
}

/// Malformed JSON text (`JSON_SYNTAX`) at `path` (the argument that held it; empty for a whole document), with
/// `detail` saying where. Every JSON reader of the crate reports syntax errors through it.
pub(crate) fn syntax_error(path: impl Into<String>, detail: &str) -> Error {
    Error::from(Issue::new(
        "JSON_SYNTAX",
        path,
        format!("JSON 格式错误：{detail}"),
        format!("malformed JSON: {detail}"),
    ))
}

/// A structural problem in a JSON input, at `path`: code `code`, the English text `en` (serde's words) and the same
/// text behind "数据格式错误：" in Chinese. Every JSON reader of the crate reports shape problems through it.
pub(crate) fn shape_issue(code: &str, path: impl Into<String>, en: &str) -> Issue {
    Issue::new(code, path, format!("数据格式错误：{en}"), en)
}

/// `invalid type: <what v is>, expected <expected>` at `path` (see [`shape_issue`]), worded as serde words it.
pub(crate) fn wrong_type(code: &str, path: impl Into<String>, v: &serde_json::Value, expected: &str) -> Error {
    Error::from(shape_issue(code, path, &format!("invalid type: {}, expected {expected}", tracked::describe_value(v))))
}

/// A domain type's error (a date that is not a real day) moved to `path` of the input being read: its first
/// issue's code and texts, as [`from_value`] reports a domain error met during deserialization.
pub(crate) fn domain_error_at(e: &Error, path: impl Into<String>) -> Error {
    let first = e.issues().first().cloned().unwrap_or_else(|| Issue::new("INTERNAL", "", "", ""));
    Error::from(Issue::new(&first.code, path, first.zh, first.en))
}

fn decode(path: String, message: &str, code: &str) -> Issue {
    let mut parts = message.split(SEP);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(c), Some(zh), Some(en_rest)) => {
            // serde_json may append " at line L column C" to custom messages.
            Issue::new(c, path, zh, en_rest.split(" at line ").next().unwrap_or(en_rest))
        }
        _ => shape_issue(code, path, message.split(" at line ").next().unwrap_or(message)),
    }
}

/// Deserializes a `serde_json::Value` into `T`; a failure becomes one issue with code `code` (or the domain code
/// embedded by [`to_serde_error`]) and the path of the offending field.
///
/// # Errors
/// One issue describing the first structural problem, with its path.
///
/// # Example
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Line { #[allow(dead_code, reason = "example")] qty: u32 }
/// let v = serde_json::json!({ "qty": "two" });
/// let e = mallcare::json::from_value::<Line>(v, "REQUEST_INVALID").unwrap_err();
/// assert_eq!(e.issues()[0].code, "REQUEST_INVALID");
/// assert_eq!(e.issues()[0].path, "qty");
/// ```
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value, code: &str) -> Result<T> {
    from_value_ref(&value, code)
}

/// [`from_value`] over a borrowed value.
///
/// # Errors
/// As [`from_value`].
///
/// # Example
/// ```
/// let v = serde_json::json!({ "a": [1, 2, "x"] });
/// let e = mallcare::json::from_value_ref::<std::collections::BTreeMap<String, Vec<u8>>>(&v, "BAD").unwrap_err();
/// assert_eq!(e.issues()[0].path, "a[2]");
/// ```
pub fn from_value_ref<T: DeserializeOwned>(value: &serde_json::Value, code: &str) -> Result<T> {
    tracked::deserialize(value).map_err(|(e, path)| Error::from(decode(path, &e.to_string(), code)))
}

/// Parses JSON text into `T`, with the same error shape as [`from_value`]. Syntax errors get code `JSON_SYNTAX`.
///
/// # Errors
/// `JSON_SYNTAX` for malformed JSON; otherwise as [`from_value`].
///
/// # Example
/// ```
/// let e = mallcare::json::from_str::<Vec<u8>>("[1,", "DOC_INVALID").unwrap_err();
/// assert_eq!(e.code(), "JSON_SYNTAX");
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str, code: &str) -> Result<T> {
    from_value(parse_text(text)?, code)
}

/// Parses JSON text into a value; malformed text is `JSON_SYNTAX` (with serde_json's line and column).
pub(crate) fn parse_text(text: &str) -> Result<serde_json::Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde::Deserialize::deserialize(&mut de).and_then(|v| de.end().map(|()| v)) {
        Ok(v) => Ok(v),
        Err(e) => Err(syntax_error("", &e.to_string())),
    }
}

/// A stable fingerprint of a JSON document: FNV-1a 64 over its canonical form (object keys sorted, no
/// whitespace), written as 16 hex digits. Two documents that differ only in key order or spacing share it.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use serde_json::json;
/// let a = mallcare::json::fingerprint(&json!({"b": 1, "a": [1, 2]}));
/// let b = mallcare::json::fingerprint(&json!({"a": [1, 2], "b": 1}));
/// assert_eq!(a, b);
/// assert_eq!(a.len(), 16);
/// ```
pub fn fingerprint(value: &serde_json::Value) -> String {
    let mut canon = String::new();
    canonical(value, &mut canon);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canon.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Writes `value` in canonical form (sorted keys, no whitespace) to `out`.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let mut s = String::new();
/// mallcare::json::canonical(&serde_json::json!({"b": 1, "a": "x"}), &mut s);
/// assert_eq!(s, r#"{"a":"x","b":1}"#);
/// ```
pub fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            // serde_json's map is ordered already unless a dependency turns on `preserve_order`; the sort makes the
            // form independent of that (the shared heapsort: no extra sort instantiation in the wasm).
            let mut keys: Vec<&String> = map.keys().collect();
            crate::sort::heap_sort_by(&mut keys, |a, b| a < b);
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                // serde_json's own writer, not `Display` (which pulls in the formatting machinery)
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                if let Some(v) = map.get(*k) {
                    canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap_or_default()),
    }
}
