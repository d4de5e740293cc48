//! The JavaScript face of mallcare (feature `wasm`). Thin glue only: check the JS arguments, call the pillar,
//! convert the answer. No business logic lives here.
//!
//! ## The JS error convention (the same for every call)
//! * Calls named `parse*` / `validate*` answer `{ ok: true, value } | { ok: false, issues }` and never throw for bad
//!   input: a bad input is an expected outcome.
//! * Every other call returns its value directly and **throws a `MallcareError`** on bad input: an `Error` whose
//!   `name` is `"MallcareError"`, with `code` (the first issue's code) and `issues` (every issue).
//! * An issue is `{ code, path, message }`; `message` is in zh-CN unless `setLocale("en")` was called or the call's
//!   options say `{ locale: "en" }`.

use crate::error::{Error, Issue, Locale};
use crate::Result;
use serde::Serialize;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[cfg(feature = "eligibility")]
pub mod eligibility;
#[cfg(feature = "finder")]
pub mod finder;
pub mod foundation;
#[cfg(feature = "points")]
pub mod points;
#[cfg(feature = "validation")]
pub mod validation;

thread_local! {
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::ZhCn) };
}

thread_local! {
    /// Bytes the package's JS overlays write arguments into (see [`scratch`]).
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Overlay support (not a public call; hidden from the TypeScript types). The package's hand-written JS fast paths
/// (`scripts/pkg/overlay/*.js`) write short ASCII arguments straight into wasm memory instead of going through
/// wasm-bindgen's string passing: they ask for room for `len` bytes here, write at the returned address, and call a
/// raw export that reads them back with [`with_scratch`]. The address is only good until the next call into wasm.
/// The buffer only grows, and is not cleared: the raw call says how many bytes JS wrote, and only those are read
/// (clearing cost a memset of the whole buffer per call, up to megabytes for a ledger given as JSON text).
#[wasm_bindgen(js_name = "__mcScratch", skip_typescript)]
pub fn scratch(len: u32) -> u32 {
    SCRATCH.with(|s| {
        let mut v = s.borrow_mut();
        if v.len() < len as usize {
            v.resize(len as usize, 0);
        }
        addr32(v.as_mut_ptr() as usize)
    })
}

/// An address in wasm memory as the overlays receive it (wasm32 addresses are 32-bit).
pub(crate) fn addr32(a: usize) -> u32 {
    u32::try_from(a).unwrap_or(0)
}

/// Runs `f` over the first `len` bytes written into the scratch buffer (fewer if JS asked for less room).
#[cfg(any(feature = "validation", feature = "points", feature = "finder"))]
pub(crate) fn with_scratch<R>(len: u32, f: impl FnOnce(&[u8]) -> R) -> R {
    SCRATCH.with(|s| {
        let v = s.borrow();
        f(v.get(..len as usize).unwrap_or(v.as_slice()))
    })
}

/// The locale messages are written in unless a call says otherwise.
pub(crate) fn default_locale() -> Locale {
    LOCALE.with(Cell::get)
}

pub(crate) fn set_default_locale(locale: Locale) {
    LOCALE.with(|l| l.set(locale));
}

/// Reads `{ locale }` from an optional options object; falls back to the default locale.
pub(crate) fn locale_of(options: &JsValue) -> Locale {
    if options.is_object() {
        if let Ok(v) = js_sys::Reflect::get(options, &JsValue::from_str("locale")) {
            if let Some(tag) = v.as_string() {
                return Locale::parse(&tag);
            }
        }
    }
    default_locale()
}

/// Serializes a Rust value to a plain JS value (objects, arrays, numbers; never `Map` or `BigInt`): JSON text built in
/// wasm, then the host's `JSON.parse`. One crossing per answer and one serializer per type in the wasm (dropping
/// serde-wasm-bindgen's per-type code was most of the foundation's size cut). Large answers full of Chinese text pay
/// for `JSON.parse` (about 19 µs for a 2.8 KB route answer in Node): calls answering a primitive skip it
/// ([`js_or_throw`]).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> std::result::Result<JsValue, JsValue> {
    to_js_json(value)
}

/// The JSON text of an answer ([`to_js`] without the final `JSON.parse`).
pub(crate) fn to_json_text<T: Serialize + ?Sized>(value: &T) -> std::result::Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        throw(
            Error::from(Issue::new(
                "INTERNAL",
                "",
                format!("结果无法转换：{e}"),
                format!("cannot convert result: {e}"),
            )),
            default_locale(),
        )
    })
}

/// See [`to_js`].
pub(crate) fn to_js_json<T: Serialize + ?Sized>(value: &T) -> std::result::Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_json_text(value)?)
}

/// JSON text of a document or request argument: a string is taken as JSON text; an object or array crosses as one
/// `JSON.stringify` string (much cheaper than walking it property by property).
#[cfg(any(feature = "eligibility", feature = "points"))]
pub(crate) fn json_text_arg(v: &JsValue, path: &str) -> Result<String> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if !v.is_object() {
        return Err(not_object(v, path));
    }
    js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).ok_or_else(|| {
        Error::from(Issue::new(
            "INPUT_NOT_JSON",
            path,
            "输入不是 JSON 兼容的值",
            "input is not a JSON-compatible value",
        ))
    })
}

/// `INPUT_NOT_OBJECT` at `path`: a document argument that is neither an object/array nor JSON text.
fn not_object(v: &JsValue, path: &str) -> Error {
    let t = if v.is_null() || v.is_undefined() { "null/undefined".to_string() } else { type_name(v) };
    Error::from(Issue::new(
        "INPUT_NOT_OBJECT",
        path,
        format!("应为对象或 JSON 文本，实际为 {t}"),
        format!("expected an object or JSON text, got {t}"),
    ))
}

/// Builds the `MallcareError` thrown to JS.
pub(crate) fn throw(err: Error, locale: Locale) -> JsValue {
    let issues: Vec<_> = err.issues().iter().map(|i| i.localized(locale)).collect();
    let first = err.issues().first().map(|i| i.message(locale).to_string()).unwrap_or_default();
    let e = js_sys::Error::new(&format!("{}: {}", err.code(), first));
    e.set_name("MallcareError");
    let obj: &JsValue = e.as_ref();
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str("code"), &JsValue::from_str(err.code()));
    if let Ok(list) = serde_json::to_string(&issues).map_err(|_| JsValue::NULL).and_then(|t| js_sys::JSON::parse(&t)) {
        let _ = js_sys::Reflect::set(obj, &JsValue::from_str("issues"), &list);
    }
    e.into()
}

/// A throwing call whose answer is already a JS value (a boolean, number or string: no JSON round trip).
pub(crate) fn js_or_throw(r: Result<JsValue>, locale: Locale) -> std::result::Result<JsValue, JsValue> {
    r.map_err(|e| throw(e, locale))
}

/// Converts a result for a throwing call: the value, or a thrown `MallcareError`.
pub(crate) fn value_or_throw<T: Serialize>(r: Result<T>, locale: Locale) -> std::result::Result<JsValue, JsValue> {
    match r {
        Ok(v) => to_js(&v),
        Err(e) => Err(throw(e, locale)),
    }
}

#[derive(Serialize)]
struct OkOutcome<'a, T: Serialize> {
    ok: bool,
    value: &'a T,
}

#[derive(Serialize)]
struct ErrOutcome<'a> {
    ok: bool,
    issues: Vec<crate::error::LocalizedIssue<'a>>,
}

/// Converts a result for a `parse*`/`validate*` call: `{ ok: true, value } | { ok: false, issues }` (through JSON
/// text, see [`to_js_json`]).
pub(crate) fn outcome<T: Serialize>(r: Result<T>, locale: Locale) -> std::result::Result<JsValue, JsValue> {
    match r {
        Ok(v) => to_js_json(&OkOutcome { ok: true, value: &v }),
        Err(e) => {
            to_js_json(&ErrOutcome { ok: false, issues: e.issues().iter().map(|i| i.localized(locale)).collect() })
        }
    }
}

pub(crate) fn type_name(v: &JsValue) -> String {
    v.js_typeof().as_string().unwrap_or_else(|| "unknown".to_string())
}

/// A JS string argument, or `INPUT_NOT_STRING` at `path`.
pub(crate) fn string_arg(v: &JsValue, path: &str) -> Result<String> {
    v.as_string().ok_or_else(|| {
        let t = if v.is_null() { "null".to_string() } else { type_name(v) };
        Error::from(Issue::new(
            "INPUT_NOT_STRING",
            path,
            format!("应为字符串，实际为 {t}"),
            format!("expected a string, got {t}"),
        ))
    })
}

/// A JS integer argument (a safe-integer `number`), or `INPUT_NOT_INTEGER` at `path`.
pub(crate) fn int_arg(v: &JsValue, path: &str) -> Result<i64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    match v.as_f64() {
        Some(x) if x.is_finite() && x.fract() == 0.0 && x.abs() <= MAX_SAFE =>
        {
            #[allow(clippy::cast_possible_truncation, reason = "checked above: an integer within ±2^53")]
            Ok(x as i64)
        }
        _ => {
            // The host formats the number (`String(x)`): no float formatting code in the wasm.
            let shown = v
                .as_f64()
                .and_then(|x| js_sys::Number::from(x).to_string_with_radix(10).ok())
                .map_or_else(|| type_name(v), String::from);
            Err(Error::from(Issue::new(
                "INPUT_NOT_INTEGER",
                path,
                format!("应为整数（安全整数范围内），实际为 {shown}"),
                format!("expected an integer within the safe range, got {shown}"),
            )))
        }
    }
}

/// A small JSON argument (options, a holiday year): a JS object/array, walked in place, or a string holding JSON
/// text (parsed by the host's `JSON.parse`). Large documents go through [`json_text_arg`] instead.
/// Malformed text is `JSON_SYNTAX`; a value JSON cannot hold is `INPUT_NOT_JSON`; a non-object is `INPUT_NOT_OBJECT`.
pub(crate) fn json_arg(v: &JsValue, path: &str) -> Result<serde_json::Value> {
    let parsed;
    let v = if let Some(text) = v.as_string() {
        parsed = js_sys::JSON::parse(&text).map_err(|e| {
            let detail = js_sys::Error::from(e).message().as_string().unwrap_or_default();
            crate::json::syntax_error(path, &detail)
        })?;
        &parsed
    } else {
        v
    };
    if !v.is_object() {
        return Err(not_object(v, path));
    }
    let mut at = path.to_string();
    js_to_value(v, &mut at, 0).map_err(|at| {
        Error::from(Issue::new(
            "INPUT_NOT_JSON",
            at,
            "输入含有 JSON 无法表示的值（函数、Symbol、BigInt、非有限数、循环或过深的嵌套）",
            "input holds a value JSON cannot represent (function, symbol, BigInt, non-finite number, cycle or too deep nesting)",
        ))
    })
}

/// Converts a plain JS value to JSON; `Err` carries the path of the first value JSON cannot hold.
fn js_to_value(v: &JsValue, at: &mut String, depth: u32) -> std::result::Result<serde_json::Value, String> {
    use serde_json::Value;
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    if let Some(x) = v.as_f64() {
        #[allow(clippy::cast_possible_truncation, reason = "only when x is an integer within ±2^53")]
        let n = if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 {
            Some(serde_json::Number::from(x as i64))
        } else {
            serde_json::Number::from_f64(x)
        };
        return n.map(Value::Number).ok_or_else(|| at.clone());
    }
    if depth >= 64 || !v.is_object() || v.is_function() {
        return Err(at.clone());
    }
    let len = at.len();
    if js_sys::Array::is_array(v) {
        let arr = js_sys::Array::from(v);
        let mut out = Vec::with_capacity(arr.length() as usize);
        for (i, item) in arr.iter().enumerate() {
            if item.is_undefined() || item.is_function() || item.is_symbol() {
                out.push(Value::Null); // as JSON.stringify does
                continue;
            }
            at.push('[');
            at.push_str(&i.to_string());
            at.push(']');
            out.push(js_to_value(&item, at, depth + 1)?);
            at.truncate(len);
        }
        return Ok(Value::Array(out));
    }
    let mut map = serde_json::Map::new();
    for (key, item) in json_entries(v) {
        if !at.is_empty() {
            at.push('.');
        }
        at.push_str(&key);
        let value = js_to_value(&item, at, depth + 1)?;
        at.truncate(len);
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

/// The own enumerable string-keyed entries of the JS object `v` that `JSON.stringify` would write: members whose
/// value is `undefined`, a function or a symbol are left out, as JSON.stringify leaves them out.
pub(crate) fn json_entries(v: &JsValue) -> impl Iterator<Item = (String, JsValue)> {
    js_sys::Object::entries(&js_sys::Object::from(v.clone())).into_iter().filter_map(|entry| {
        let pair = js_sys::Array::from(&entry);
        let key = pair.get(0).as_string()?;
        let item = pair.get(1);
        (!(item.is_undefined() || item.is_function() || item.is_symbol())).then_some((key, item))
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &'static str = r#"
/** One problem in an input: stable `code`, `path` into the input (`lines[2].paidFen`), message in the chosen locale. */
export interface Issue { code: string; path: string; message: string }
/** Answer of every `parse*` / `validate*` call. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
/** What every other call throws on bad input: `err.name === "MallcareError"`. */
export interface MallcareError extends Error { name: "MallcareError"; code: string; issues: Issue[] }
/** Per-call options accepted by calls that produce messages. */
export interface LocaleOptions { locale?: "zh-CN" | "en" }
/** A civil date, `YYYY-MM-DD`. */
export type DateString = string;
/** What kind of day a date is on China's calendar. */
export type DayKind = "workday" | "makeupWorkday" | "weekend" | "holiday";
/** Options of `formatAmount`. */
export interface FormatAmountOptions { symbol?: boolean; grouping?: boolean }
/** A holiday-cn year document, as published each November. */
export interface HolidayYear { year: number; days: { name?: string; date: DateString; isOffDay: boolean }[] }
"#;

/// The allocator of the wasm build: talc instead of std's dlmalloc (smaller and no slower; measured in Cargo.toml's
/// comment). Only the `wasm` feature sets it, so a Rust user who builds the crate for wasm keeps their own.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
