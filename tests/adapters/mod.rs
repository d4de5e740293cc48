//! Native adapters: map a vector's JS call name and JSON args onto the Rust API, following the JS convention
//! (`parse*`/`validate*` return `{ok, value}|{ok, issues}`; other calls return a value or an error = issue list).
//! Each pillar owns one file here.
#![allow(dead_code, reason = "shared by several test crates")]

use mallcare::{Error, Locale};
use serde_json::{json, Value};

mod foundation;

/// A call's answer: the returned value, or the thrown error's issues (`[{code, path, message}]`).
pub type CallResult = Result<Value, Vec<Value>>;

/// Resets per-runtime state (the module calendar) before each case, as the JS runners do.
pub fn reset() {
    foundation::reset();
}

/// Dispatches one vector call; `None` if no pillar knows the name.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    foundation::call(name, args, locale)
}

/// Issues of an error in `locale`, as JSON.
pub fn issues(e: &Error, locale: Locale) -> Vec<Value> {
    e.issues().iter().map(|i| serde_json::to_value(i.localized(locale)).unwrap_or(Value::Null)).collect()
}

/// A throwing call's answer.
pub fn thrown<T: serde::Serialize>(r: mallcare::Result<T>, locale: Locale) -> CallResult {
    match r {
        Ok(v) => Ok(serde_json::to_value(v).unwrap_or(Value::Null)),
        Err(e) => Err(issues(&e, locale)),
    }
}

/// A `parse*`/`validate*` call's answer.
pub fn outcome<T: serde::Serialize>(r: mallcare::Result<T>, locale: Locale) -> CallResult {
    Ok(match r {
        Ok(v) => json!({ "ok": true, "value": v }),
        Err(e) => json!({ "ok": false, "issues": issues(&e, locale) }),
    })
}

/// An error of one issue, for argument-type checks that JS performs at the boundary.
pub fn arg_error(code: &str, path: &str, locale: Locale) -> CallResult {
    Err(issues(&Error::from(mallcare::Issue::new(code, path, code, code)), locale))
}

/// A string argument (or an `INPUT_NOT_STRING` error at `path`).
pub fn str_arg<'a>(args: &'a [Value], i: usize, path: &str, locale: Locale) -> Result<&'a str, CallResult> {
    args.get(i).and_then(Value::as_str).ok_or_else(|| arg_error("INPUT_NOT_STRING", path, locale))
}

/// An integer argument (or an `INPUT_NOT_INTEGER` error at `path`).
pub fn int_arg(args: &[Value], i: usize, path: &str, locale: Locale) -> Result<i64, CallResult> {
    let v = args.get(i);
    v.and_then(|v| v.as_i64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= 9.007_199_254_740_991e15).map(|f| f as i64)))
        .ok_or_else(|| arg_error("INPUT_NOT_INTEGER", path, locale))
}

/// The locale of a call: `args[i].locale` if the call passed options, else the step's locale.
pub fn opt_locale(args: &[Value], i: usize, default: Locale) -> Locale {
    args.get(i).and_then(|o| o.get("locale")).and_then(Value::as_str).map_or(default, Locale::parse)
}
