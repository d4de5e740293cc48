//! Native adapters: map a vector's JS call name and JSON args onto the Rust API, following the JS convention
//! (`parse*`/`validate*` return `{ok, value}|{ok, issues}`; other calls return a value or an error = issue list).
//! Each pillar owns one file here.
#![allow(dead_code, reason = "shared by several test crates")]

use mallcare::{Error, Locale};
use serde_json::{json, Value};

#[cfg(feature = "eligibility")]
pub mod eligibility;
#[cfg(feature = "finder")]
pub mod finder;
pub mod foundation;
#[cfg(feature = "points")]
pub mod points;
#[cfg(feature = "validation")]
pub mod validation;

/// A call's answer: the returned value, or the thrown error's issues (`[{code, path, message}]`).
pub type CallResult = Result<Value, Vec<Value>>;

/// Lists vector files (relative to tests/vectors/) with their text, embedded at compile time so the same list runs
/// natively and under wasm-bindgen-test.
#[macro_export]
macro_rules! vector_files {
    ($($name:literal),* $(,)?) => {
        pub const FILES: &[(&str, &str)] = &[$(($name, include_str!(concat!("../vectors/", $name)))),*];
    };
}

/// Resets per-runtime state (the module calendar) before each case, as the JS runners do.
pub fn reset() {
    foundation::reset();
}

/// Dispatches one vector call; `None` if no pillar knows the name.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    if let Some(r) = foundation::call(name, args, locale) {
        return Some(r);
    }
    #[cfg(feature = "validation")]
    if let Some(r) = validation::call(name, args, locale) {
        return Some(r);
    }
    #[cfg(feature = "eligibility")]
    if let Some(r) = eligibility::call(name, args, locale) {
        return Some(r);
    }
    #[cfg(feature = "points")]
    if let Some(r) = points::call(name, args, locale) {
        return Some(r);
    }
    #[cfg(feature = "finder")]
    if let Some(r) = finder::call(name, args, locale) {
        return Some(r);
    }
    None
}

/// Every vector file with its text: each pillar lists its own in its adapter's `FILES`.
pub fn files() -> Vec<(&'static str, &'static str)> {
    #[allow(unused_mut, reason = "extended only when pillar features are on")]
    let mut all: Vec<(&'static str, &'static str)> = foundation::FILES.to_vec();
    #[cfg(feature = "validation")]
    all.extend_from_slice(validation::FILES);
    #[cfg(feature = "eligibility")]
    all.extend_from_slice(eligibility::FILES);
    #[cfg(feature = "points")]
    all.extend_from_slice(points::FILES);
    #[cfg(feature = "finder")]
    all.extend_from_slice(finder::FILES);
    all
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
    v.and_then(|v| {
        v.as_i64().or_else(|| {
            v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= 9.007_199_254_740_991e15).map(|f| f as i64)
        })
    })
    .ok_or_else(|| arg_error("INPUT_NOT_INTEGER", path, locale))
}

/// The locale of a call: `args[i].locale` if the call passed options, else the step's locale.
pub fn opt_locale(args: &[Value], i: usize, default: Locale) -> Locale {
    args.get(i).and_then(|o| o.get("locale")).and_then(Value::as_str).map_or(default, Locale::parse)
}
