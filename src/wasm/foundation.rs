//! JS calls of the shared ground: version, locale, calendar, money.

use super::{
    default_locale, int_arg, js_or_throw, json_arg, locale_of, outcome, set_default_locale, string_arg, value_or_throw,
};
use crate::error::{Error, Issue, Issues, Locale};
use crate::money::FormatOptions;
use crate::{Calendar, Date, Money, Result, Timestamp};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CALENDAR: RefCell<Calendar> = RefCell::new(Calendar::embedded());
}

/// Runs `f` with the module's calendar (the embedded data plus whatever `loadCalendarYear` added).
pub(crate) fn with_calendar<T>(f: impl FnOnce(&Calendar) -> T) -> T {
    CALENDAR.with(|c| f(&c.borrow()))
}

type JsResult = std::result::Result<JsValue, JsValue>;

fn date_arg(v: &JsValue, path: &str) -> Result<Date> {
    Date::parse(&string_arg(v, path)?).map_err(|e| e.under(path))
}

/// The library version.
#[wasm_bindgen(js_name = "version")]
pub fn js_version() -> String {
    crate::version().to_string()
}

/// Sets the default language of messages: `"zh-CN"` (default) or `"en"`.
#[wasm_bindgen(js_name = "setLocale")]
pub fn js_set_locale(#[wasm_bindgen(unchecked_param_type = "\"zh-CN\" | \"en\"")] tag: JsValue) {
    set_default_locale(tag.as_string().map_or(Locale::ZhCn, |t| Locale::parse(&t)));
}

/// The default language of messages.
#[wasm_bindgen(js_name = "getLocale", unchecked_return_type = "\"zh-CN\" | \"en\"")]
pub fn js_get_locale() -> String {
    match default_locale() {
        Locale::ZhCn => "zh-CN".to_string(),
        Locale::En => "en".to_string(),
    }
}

/// Whether `date` (`YYYY-MM-DD`) is a working day in China. Throws `MallcareError`
/// (`DATE_INVALID`, `CALENDAR_YEAR_UNKNOWN`, `INPUT_NOT_STRING`).
#[wasm_bindgen(js_name = "isWorkday", unchecked_return_type = "boolean")]
pub fn js_is_workday(#[wasm_bindgen(unchecked_param_type = "DateString")] date: JsValue) -> JsResult {
    let r = date_arg(&date, "").and_then(|d| with_calendar(|c| c.is_workday(d)));
    js_or_throw(r.map(JsValue::from_bool), default_locale())
}

/// The kind of day: `"workday" | "makeupWorkday" | "weekend" | "holiday"`. Throws like `isWorkday`.
#[wasm_bindgen(js_name = "dayKind", unchecked_return_type = "DayKind")]
pub fn js_day_kind(#[wasm_bindgen(unchecked_param_type = "DateString")] date: JsValue) -> JsResult {
    let r = date_arg(&date, "").and_then(|d| with_calendar(|c| c.day_kind(d)));
    value_or_throw(r, default_locale())
}

/// The `n`-th working day after `date` (before, for negative `n`; `n = 0` returns `date`).
/// Throws `MallcareError` (`DATE_INVALID`, `INPUT_NOT_INTEGER`, `CALENDAR_YEAR_UNKNOWN`).
#[wasm_bindgen(js_name = "addBusinessDays", unchecked_return_type = "DateString")]
pub fn js_add_business_days(
    #[wasm_bindgen(unchecked_param_type = "DateString")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
) -> JsResult {
    let r = collect2(date_arg(&date, "date"), int_arg(&n, "n"))
        .and_then(|(d, n)| with_calendar(|c| c.add_business_days(d, n)))
        .map(|d| JsValue::from_str(&d.to_string()));
    js_or_throw(r, default_locale())
}

/// Working days `d` with `from < d <= to` (negative if `to` is before `from`). Throws like `isWorkday`.
#[wasm_bindgen(js_name = "businessDaysBetween", unchecked_return_type = "number")]
pub fn js_business_days_between(
    #[wasm_bindgen(unchecked_param_type = "DateString")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DateString")] to: JsValue,
) -> JsResult {
    let r = collect2(date_arg(&from, "from"), date_arg(&to, "to"))
        .and_then(|(a, b)| with_calendar(|c| c.business_days_between(a, b)));
    // |n| is at most a few thousand working days: exact as a JS number.
    #[allow(clippy::cast_precision_loss, reason = "small integers are exact in f64")]
    js_or_throw(r.map(|n| JsValue::from_f64(n as f64)), default_locale())
}

/// The first working day strictly after `date`. Throws like `isWorkday`.
#[wasm_bindgen(js_name = "nextWorkday", unchecked_return_type = "DateString")]
pub fn js_next_workday(#[wasm_bindgen(unchecked_param_type = "DateString")] date: JsValue) -> JsResult {
    let r = date_arg(&date, "").and_then(|d| with_calendar(|c| c.next_workday(d)));
    js_or_throw(r.map(|d| JsValue::from_str(&d.to_string())), default_locale())
}

/// Loads or replaces a year from a holiday-cn document (object or JSON text); returns the year.
/// Throws `MallcareError` (`CALENDAR_YEAR_EMPTY`, `CALENDAR_JSON_INVALID`, `JSON_SYNTAX`, ...); on error nothing changes.
#[wasm_bindgen(js_name = "loadCalendarYear", unchecked_return_type = "number")]
pub fn js_load_calendar_year(#[wasm_bindgen(unchecked_param_type = "HolidayYear | string")] doc: JsValue) -> JsResult {
    let r = json_arg(&doc, "").and_then(|v| CALENDAR.with(|c| c.borrow_mut().load_year_value(v)));
    value_or_throw(r, default_locale())
}

/// Restores the embedded 2007-2026 calendar, dropping years loaded at run time.
#[wasm_bindgen(js_name = "resetCalendar")]
pub fn js_reset_calendar() {
    CALENDAR.with(|c| *c.borrow_mut() = Calendar::embedded());
}

/// The years the calendar has data for, ascending.
#[wasm_bindgen(js_name = "calendarYears", unchecked_return_type = "number[]")]
pub fn js_calendar_years() -> JsResult {
    value_or_throw(Ok(with_calendar(Calendar::known_years)), default_locale())
}

/// Parses an amount as people type it (`"¥1,234.50"`, `"12.3"`, `"１２元"`) into integer fen:
/// `{ ok: true, value: fen } | { ok: false, issues }` (`AMOUNT_EMPTY`, `AMOUNT_INVALID`, `AMOUNT_TOO_PRECISE`,
/// `AMOUNT_OUT_OF_RANGE`, `INPUT_NOT_STRING`).
#[wasm_bindgen(js_name = "parseAmount", unchecked_return_type = "Outcome<number>")]
pub fn js_parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    let r = string_arg(&text, "").and_then(|t| Money::parse(&t)).map(Money::fen);
    outcome(r, locale_of(&options))
}

/// Parses an RFC 3339 timestamp and normalises it to +08:00: `{ ok: true, value: "2026-05-01T10:30:00+08:00" }`
/// or `{ ok: false, issues }` (`TIMESTAMP_INVALID`, `TIMESTAMP_OFFSET_MISSING`, `INPUT_NOT_STRING`).
#[wasm_bindgen(js_name = "parseTimestamp", unchecked_return_type = "Outcome<string>")]
pub fn js_parse_timestamp(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    let r = string_arg(&text, "").and_then(|t| Timestamp::parse(&t)).map(|t| t.to_string());
    outcome(r, locale_of(&options))
}

/// Formats fen as `"¥1,234.50"`. Throws `MallcareError` (`INPUT_NOT_INTEGER`, `AMOUNT_OUT_OF_RANGE`).
#[wasm_bindgen(js_name = "formatAmount", unchecked_return_type = "string")]
pub fn js_format_amount(
    #[wasm_bindgen(unchecked_param_type = "number")] fen: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FormatAmountOptions")] options: JsValue,
) -> JsResult {
    let opts = if options.is_object() {
        json_arg(&options, "options").and_then(|v| FormatOptions::from_json(&v, "INPUT_INVALID"))
    } else {
        Ok(FormatOptions::default())
    };
    let r = collect2(int_arg(&fen, "fen").and_then(Money::from_fen), opts).map(|(m, o)| m.format_with(&o));
    js_or_throw(r.map(|t| JsValue::from_str(&t)), default_locale())
}

/// Splits `totalFen` over `weights` by largest remainder; the parts add up to the total exactly.
/// Throws `MallcareError` (`SPLIT_WEIGHTS_EMPTY`, `SPLIT_WEIGHT_NEGATIVE`, `SPLIT_WEIGHT_NOT_INTEGER`,
/// `SPLIT_WEIGHTS_ZERO`, `INPUT_NOT_INTEGER`, `INPUT_NOT_ARRAY`).
#[wasm_bindgen(js_name = "splitAmount", unchecked_return_type = "number[]")]
pub fn js_split_amount(
    #[wasm_bindgen(unchecked_param_type = "number")] total_fen: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number[]")] weights: JsValue,
) -> JsResult {
    let r = collect2(int_arg(&total_fen, "totalFen"), weights_arg(&weights)).and_then(|(t, w)| crate::split(t, &w));
    // Parts are within ±MAX_FEN (2^53 - 1): exact as JS numbers; built directly, no JSON round trip.
    #[allow(clippy::cast_precision_loss, reason = "|part| <= 2^53 - 1 is exact in f64")]
    let r = r.map(|parts| parts.iter().map(|p| JsValue::from_f64(*p as f64)).collect::<js_sys::Array>().into());
    js_or_throw(r, default_locale())
}

fn weights_arg(v: &JsValue) -> Result<Vec<i64>> {
    if !js_sys::Array::is_array(v) {
        return Err(Error::from(Issue::new(
            "INPUT_NOT_ARRAY",
            "weights",
            "权重应为数字数组",
            "weights must be an array of numbers",
        )));
    }
    let arr = js_sys::Array::from(v);
    let mut issues = Issues::default();
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (i, w) in arr.iter().enumerate() {
        match int_arg(&w, &format!("weights[{i}]")) {
            Ok(x) => out.push(x),
            Err(e) => {
                for mut issue in e.into_issues() {
                    issue.code = "SPLIT_WEIGHT_NOT_INTEGER".to_string();
                    issues.push(issue);
                }
            }
        }
    }
    issues.finish(out)
}

/// Both results, or every issue of both.
fn collect2<A, B>(a: Result<A>, b: Result<B>) -> Result<(A, B)> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut issues = Issues::default();
            let _ = issues.take(a, "");
            let _ = issues.take(b, "");
            Err(Error::new(issues.into_vec()))
        }
    }
}
