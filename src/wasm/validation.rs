//! JS calls of the validation pillar: field validators, batch validation, form validation and the `FormSchema` handle.
//!
//! Objects coming from JS (options, invoice titles, descriptors, form values) cross as JSON text
//! (`JSON.stringify`), so a cyclic object becomes an `INPUT_CYCLIC` issue instead of unbounded recursion, and deep
//! nesting is bounded by serde_json's recursion limit.

use super::{default_locale, outcome, string_arg, throw, to_js_json, value_or_throw};
use crate::error::{Error, Issue, LocalizedIssue};
use crate::validation::doc::{write_str, Doc, Val};
use crate::validation::{self as v, FieldOptions, FormOptions, FormSchema, InvoiceTitleInput, Kind};
use crate::{Locale, Result};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

/// Option names as JS strings, made once: creating a JS string from Rust costs a UTF-8 decode on every call.
const KEYS: [&str; 6] = ["today", "allowDataOnly", "allowIot", "layout", "locale", "compact"];

thread_local! {
    static KEY_VALUES: Vec<JsValue> = KEYS.iter().map(|k| JsValue::from_str(k)).collect();
}

/// `options[KEYS[i]]`, or `None` when absent, `undefined` or `null`.
fn option(options: &JsValue, i: usize) -> Option<JsValue> {
    KEY_VALUES
        .with(|keys| keys.get(i).and_then(|k| js_sys::Reflect::get(options, k).ok()))
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The locale of a call: `options.locale`, else the module default (as `super::locale_of`, with a cached key).
fn locale_of(options: &JsValue) -> Locale {
    if options.is_object() {
        if let Some(tag) = option(options, 4).and_then(|v| v.as_string()) {
            return Locale::parse(&tag);
        }
    }
    default_locale()
}

/// A JS value as JSON: objects and arrays through `JSON.stringify`, strings as JSON text when `text_is_json`.
fn js_json(val: &JsValue, path: &str, text_is_json: bool) -> Result<Value> {
    if val.is_undefined() || val.is_null() {
        return Ok(Value::Null);
    }
    if let Some(s) = val.as_string() {
        if text_is_json {
            return v::parse_json(&s).map_err(|e| e.under(path));
        }
        return Ok(Value::String(s));
    }
    json_value(&stringify(val, path)?, path)
}

/// `JSON.stringify(val)` (`""` for `undefined`), its throws as issues.
fn stringify(val: &JsValue, path: &str) -> Result<String> {
    let text = js_sys::JSON::stringify(val).map_err(|e| {
        // JSON.stringify throws a RangeError when the nesting exhausts the stack, a TypeError for cycles and BigInt.
        let issue = if e.is_instance_of::<js_sys::RangeError>() {
            Issue::new("INPUT_TOO_DEEP", path, "输入嵌套过深", "the input is nested too deeply")
        } else if js_sys::Error::from(e).message().as_string().is_some_and(|m| v::find_bytes(&m, "ircular").is_some()) {
            Issue::new("INPUT_CYCLIC", path, "输入含有循环引用", "the input refers to itself (a cyclic object)")
        } else {
            Issue::new(
                "INPUT_NOT_JSON",
                path,
                "输入无法转换为 JSON（例如含有 BigInt）",
                "the input cannot be converted to JSON (it holds a BigInt, for example)",
            )
        };
        Error::from(issue)
    })?;
    Ok(text.as_string().unwrap_or_default())
}

/// The value of `JSON.stringify`'s output (`""`, for `undefined`: null), with the issues of [`js_json`].
fn json_value(text: &str, path: &str) -> Result<Value> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    // JSON.stringify's output is JSON; serde_json still refuses nesting deeper than 128 and lone surrogates (\ud800).
    serde_json::from_str::<Value>(text).map_err(|e| {
        let issue = if v::find_bytes(&e.to_string(), "recursion limit").is_some() {
            Issue::new("INPUT_TOO_DEEP", path, "输入嵌套过深", "the input is nested too deeply")
        } else {
            Issue::new(
                "INPUT_NOT_JSON",
                path,
                format!("输入无法读取为 JSON：{e}"),
                format!("the input cannot be read as JSON: {e}"),
            )
        };
        Error::from(issue)
    })
}

/// Field options from the optional JS options object: the four keys are read property by property (cheaper per call
/// than converting the whole object) and checked in the order and with the issues of `FieldOptions::from_json`.
fn field_options(options: &JsValue) -> Result<FieldOptions> {
    let mut out = FieldOptions::default();
    if !options.is_object() {
        return Ok(out);
    }
    if let Some(t) = option(options, 0) {
        let text =
            t.as_string().ok_or_else(|| v::option_error("today", " YYYY-MM-DD 字符串", "a YYYY-MM-DD string"))?;
        out.today = Some(crate::Date::parse(&text).map_err(|e| e.under("options.today"))?);
    }
    for (i, key, slot) in
        [(1, "allowDataOnly", &mut out.mobile.allow_data_only), (2, "allowIot", &mut out.mobile.allow_iot)]
    {
        if let Some(b) = option(options, i) {
            *slot = b.as_bool().ok_or_else(|| v::option_error(key, " true 或 false", "true or false"))?;
        }
    }
    if let Some(l) = option(options, 3) {
        out.gtin.layout = Some(l.as_string().ok_or_else(|| v::option_error("layout", "字符串", "a string"))?);
    }
    Ok(out)
}

fn form_options(options: &JsValue) -> Result<FormOptions> {
    // The same rules as the field options (`today` only; `locale` is read by `locale_of`).
    let today = field_options(options)?.today;
    Ok(FormOptions { today, locale: None })
}

/// Every field validator's JS call: one non-generic body (the value serialises through [`v::FieldValue`], which
/// writes the inner value), so the seven calls share one copy of the argument reading and the answer writing.
#[inline(never)]
fn field_call(kind: Kind, text: &JsValue, options: &JsValue) -> JsResult {
    let r = string_arg(text, "").and_then(|t| field_options(options).and_then(|o| v::validate_kind(kind, &t, &o)));
    outcome(r, locale_of(options))
}

/// Validates a mainland mobile number: `{ ok: true, value: Mobile } | { ok: false, issues }`.
/// Options: `allowDataOnly`, `allowIot`, `locale`.
#[wasm_bindgen(js_name = "validateMobile", unchecked_return_type = "Outcome<Mobile>")]
pub fn js_validate_mobile(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MobileOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::Mobile, &text, &options)
}

/// Validates a resident ID / residence permit number. Options: `today` (`YYYY-MM-DD`; without it `age` is null and
/// a future birth date is not detected), `locale`.
#[wasm_bindgen(js_name = "validateIdCard", unchecked_return_type = "Outcome<IdCard>")]
pub fn js_validate_id_card(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdCardOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::IdCard, &text, &options)
}

/// Validates a unified social credit code.
#[wasm_bindgen(js_name = "validateUscc", unchecked_return_type = "Outcome<Uscc>")]
pub fn js_validate_uscc(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::Uscc, &text, &options)
}

/// Validates a GTIN-8/12/13/14; decodes in-store variable-measure codes with `options.layout`.
#[wasm_bindgen(js_name = "validateGtin", unchecked_return_type = "Outcome<Gtin>")]
pub fn js_validate_gtin(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GtinOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::Gtin, &text, &options)
}

/// Validates an e-mail address.
#[wasm_bindgen(js_name = "validateEmail", unchecked_return_type = "Outcome<Email>")]
pub fn js_validate_email(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::Email, &text, &options)
}

/// Validates a person's name (Han with `·`, or Latin).
#[wasm_bindgen(js_name = "validateName", unchecked_return_type = "Outcome<PersonName>")]
pub fn js_validate_name(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::Name, &text, &options)
}

/// Validates a mainland postal code.
#[wasm_bindgen(js_name = "validatePostalCode", unchecked_return_type = "Outcome<PostalCode>")]
pub fn js_validate_postal_code(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    field_call(Kind::PostalCode, &text, &options)
}

/// Validates an invoice title `{ kind, name, taxId?, invoiceType?, address?, phone?, bank?, account? }`.
#[wasm_bindgen(js_name = "validateInvoiceTitle", unchecked_return_type = "Outcome<InvoiceTitle>")]
pub fn js_validate_invoice_title(
    #[wasm_bindgen(unchecked_param_type = "InvoiceTitleInput")] title: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: JsValue,
) -> JsResult {
    let r = invoice_input(&title).and_then(|i| v::validate_invoice_title(&i));
    outcome(r, locale_of(&options))
}

fn invoice_input(title: &JsValue) -> Result<InvoiceTitleInput> {
    if !title.is_object() {
        return Err(Error::from(Issue::new(
            "INPUT_NOT_OBJECT",
            "",
            "发票抬头应为对象",
            "an invoice title must be an object",
        )));
    }
    InvoiceTitleInput::from_json(&js_json(title, "", false)?)
}

/// `options.today` (or `today` given directly as a string) for the fast ID-card calls; `DATE_INVALID` thrown.
fn today_arg(today: &JsValue, locale: Locale) -> std::result::Result<Option<crate::Date>, JsValue> {
    let t = if today.is_object() { option(today, 0) } else { Some(today.clone()) };
    match t.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => Ok(None),
        Some(v) => string_arg(&v, "options.today")
            .and_then(|s| crate::Date::parse(&s).map_err(|e| e.under("options.today")))
            .map(Some)
            .map_err(|e| throw(e, locale)),
    }
}

/// The `IdCardCheck` flags of one JS value (`NOT_STRING` for a non-string).
fn check_one(text: &JsValue, today: Option<crate::Date>) -> u8 {
    text.as_string().map_or(v::id_check::NOT_STRING, |s| v::check_id_card(&s, today))
}

/// The `IdCardCheck` byte of every item of a JS array, crossing once (`JSON.stringify`).
fn check_all(values: &JsValue, today: Option<crate::Date>, locale: Locale) -> std::result::Result<Vec<u8>, JsValue> {
    if !js_sys::Array::is_array(values) {
        return Err(throw(
            Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "values 应为数组", "values must be an array")),
            locale,
        ));
    }
    let text = js_sys::JSON::stringify(values).ok().and_then(|t| t.as_string());
    match text {
        Some(t) => v::check_id_cards_json(&t, today).map_err(|e| throw(e, locale)),
        // not JSON-able as a whole (a BigInt item, say): item by item
        None => Ok(js_sys::Array::from(values).iter().map(|x| check_one(&x, today)).collect()),
    }
}

/// The verdict of `validateIdCard` as a number, with no value and no message: `0` valid, otherwise the OR of the
/// `IdCardCheck` flags (FORMAT 1, REGION 2, BIRTH_DATE_INVALID 4, BIRTH_DATE_FUTURE 8, CHECKSUM 16, EMPTY 32,
/// TOO_LONG 64, NOT_STRING 128). Options: `today`. Throws `MallcareError` only for a bad `today`.
#[wasm_bindgen(js_name = "checkIdCard", unchecked_return_type = "IdCardCheck")]
pub fn js_check_id_card(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdCardOptions")] options: JsValue,
) -> std::result::Result<u8, JsValue> {
    let today = if options.is_object() { today_arg(&options, locale_of(&options))? } else { None };
    Ok(check_one(&text, today))
}

/// `checkIdCard` over an array, crossing once: a `Uint8Array` with one `IdCardCheck` code per item, in order.
/// Throws `MallcareError` for a non-array (`INPUT_NOT_ARRAY`) or a bad `today`.
#[wasm_bindgen(js_name = "checkIdCards", unchecked_return_type = "Uint8Array")]
pub fn js_check_id_cards(
    #[wasm_bindgen(unchecked_param_type = "unknown[]")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdCardOptions")] options: JsValue,
) -> std::result::Result<Vec<u8>, JsValue> {
    let locale = locale_of(&options);
    let today = if options.is_object() { today_arg(&options, locale)? } else { None };
    check_all(&values, today, locale)
}

/// Overlay fast path of `checkIdCard` (hidden; see `scripts/pkg/overlay/validation.js`): the number is the first
/// `text_len` bytes of the scratch buffer and `today` the next `today_len` (0: none). Answers the `IdCardCheck`
/// code, or 255 when `today` is not a date (the overlay then calls `checkIdCard` itself, which throws).
#[wasm_bindgen(js_name = "__mcCheckIdCard", skip_typescript)]
pub fn scratch_check_id_card(text_len: u32, today_len: u32) -> u8 {
    super::with_scratch(text_len.saturating_add(today_len), |b| {
        let (text, today) = b.split_at(b.len().min(text_len as usize));
        let today = if today.is_empty() {
            None
        } else {
            match std::str::from_utf8(today).ok().and_then(|t| crate::Date::parse(t).ok()) {
                Some(d) => Some(d),
                None => return 255,
            }
        };
        std::str::from_utf8(text).map_or(v::id_check::FORMAT, |t| v::check_id_card(t, today))
    })
}

thread_local! {
    /// The codes of the last tape checked by `__mcCheckIdCards` / `IdCardChecker.__mcCheckMany`.
    static TAPE_CODES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The codes of the `count` items on the tape in the scratch buffer after its first `skip` bytes, up to byte `end`
/// (see `crate::validation::packed`): the address of `count` code bytes, or 0 when the tape is not well formed.
fn tape_codes(today: Option<crate::Date>, skip: u32, count: u32, end: u32) -> u32 {
    super::with_scratch(end, |b| {
        TAPE_CODES.with(|c| {
            let mut out = c.borrow_mut();
            let tape = b.get(skip as usize..).unwrap_or_default();
            match v::packed::check_id_card_tape(tape, count as usize, today, &mut out) {
                Some(()) => super::addr32(out.as_ptr() as usize),
                None => 0,
            }
        })
    })
}

/// Overlay fast path of `checkIdCards` (hidden; see `scripts/pkg/overlay/validation.js`): `today` is the first
/// `today_len` bytes of the scratch buffer (0: none), the item tape of `count` items the next `len` bytes. Answers
/// the address of the `count` codes (good until the next call into wasm), or 0 when `today` is not a date or the
/// tape is not well formed (the overlay then calls the generated `checkIdCards`, which throws or answers).
#[wasm_bindgen(js_name = "__mcCheckIdCards", skip_typescript)]
pub fn scratch_check_id_cards(today_len: u32, count: u32, len: u32) -> u32 {
    let today = if today_len == 0 {
        None
    } else {
        let parsed =
            super::with_scratch(today_len, |b| std::str::from_utf8(b).ok().and_then(|t| crate::Date::parse(t).ok()));
        match parsed {
            Some(d) => Some(d),
            None => return 0,
        }
    };
    tape_codes(today, today_len, count, today_len.saturating_add(len))
}

thread_local! {
    static FACT_WORDS: [JsValue; 6] = ["male", "female", "resident", "hongKongPermit", "macaoPermit", "taiwanPermit"]
        .map(JsValue::from_str);
}

fn fact_word(i: usize) -> JsValue {
    FACT_WORDS.with(|w| w.get(i).cloned().unwrap_or(JsValue::NULL))
}

/// ID-card checks with a fixed `today` and no allocation per call: `check` / `isValid` answer a number / boolean,
/// and after a valid `check` the getters hold the number's facts (numbers; `sex` and `kind` as strings).
#[wasm_bindgen(js_name = "IdCardChecker")]
pub struct JsIdCardChecker {
    today: Option<crate::Date>,
    facts: Option<v::IdCardFacts>,
    /// The facts of the last `check` as numbers, for the overlay's getters to read from wasm memory in one place
    /// (see `__mcFacts`): valid (0/1), region code, province code, birth date `yyyymmdd`, male (0/1), age (-1:
    /// none), kind (0 resident, 1 Hong Kong, 2 Macao, 3 Taiwan permit), upgraded (0/1).
    words: [i32; 8],
}

impl JsIdCardChecker {
    /// Records the outcome of a `check` (the getters and the words the overlay reads); answers its code.
    fn set(&mut self, r: std::result::Result<v::IdCardFacts, u8>) -> u8 {
        self.facts = r.ok();
        self.words = match self.facts {
            None => [0; 8],
            Some(f) => {
                let n = |x: u32| i32::try_from(x).unwrap_or(-1);
                let kind = match f.kind {
                    v::IdCardKind::Resident => 0,
                    v::IdCardKind::HongKongPermit => 1,
                    v::IdCardKind::MacaoPermit => 2,
                    v::IdCardKind::TaiwanPermit => 3,
                };
                let age = f.age.map_or(-1, n);
                [
                    1,
                    n(f.region_code),
                    n(f.province_code),
                    n(f.birth_date),
                    i32::from(f.male),
                    age,
                    kind,
                    i32::from(f.upgraded),
                ]
            }
        };
        r.err().unwrap_or(0)
    }
}

#[wasm_bindgen(js_class = "IdCardChecker")]
impl JsIdCardChecker {
    /// A checker for this `today` (`YYYY-MM-DD`; omitted: no age and no future-birth check). Throws
    /// `MallcareError` (`DATE_INVALID`) for a bad date.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "DateString")] today: JsValue,
    ) -> std::result::Result<JsIdCardChecker, JsValue> {
        Ok(JsIdCardChecker { today: today_arg(&today, default_locale())?, facts: None, words: [0; 8] })
    }

    /// `0` for a valid number (its facts are then in the getters), else the `IdCardCheck` flags (as `checkIdCard`).
    #[wasm_bindgen(js_name = "check")]
    pub fn check(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> u8 {
        let r = match text.as_string() {
            Some(s) => v::id_card_facts(&s, self.today),
            None => Err(v::id_check::NOT_STRING),
        };
        self.set(r)
    }

    /// Whether the number is valid (the same full check as `check`; the getters are not changed).
    #[wasm_bindgen(js_name = "isValid")]
    pub fn is_valid(&self, #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> bool {
        check_one(&text, self.today) == 0
    }

    /// Overlay fast path of `check` (hidden): the number is the first `len` bytes of the scratch buffer.
    #[wasm_bindgen(js_name = "__mcCheck", skip_typescript)]
    pub fn scratch_check(&mut self, len: u32) -> u8 {
        let r = super::with_scratch(len, |b| match std::str::from_utf8(b) {
            Ok(t) => v::id_card_facts(t, self.today),
            Err(_) => Err(v::id_check::FORMAT),
        });
        self.set(r)
    }

    /// Overlay support (hidden): the address of the eight `i32` words holding the last `check`'s facts (stable for
    /// the checker's lifetime), so the overlay's getters read them from memory instead of one call each.
    #[wasm_bindgen(js_name = "__mcFacts", skip_typescript)]
    pub fn facts_address(&self) -> u32 {
        super::addr32(self.words.as_ptr() as usize)
    }

    /// Overlay fast path of `isValid` (hidden): the number is the first `len` bytes of the scratch buffer.
    #[wasm_bindgen(js_name = "__mcIsValid", skip_typescript)]
    pub fn scratch_is_valid(&self, len: u32) -> bool {
        super::with_scratch(len, |b| std::str::from_utf8(b).is_ok_and(|t| v::check_id_card(t, self.today) == 0))
    }

    /// Overlay fast path of `checkMany` (hidden): the item tape of `count` items is the first `len` bytes of the
    /// scratch buffer (see `__mcCheckIdCards`); answers the address of the codes, or 0 for a malformed tape.
    #[wasm_bindgen(js_name = "__mcCheckMany", skip_typescript)]
    pub fn scratch_check_many(&self, count: u32, len: u32) -> u32 {
        tape_codes(self.today, 0, count, len)
    }

    /// `check` over an array, crossing once: a `Uint8Array` of codes (as `checkIdCards`).
    #[wasm_bindgen(js_name = "checkMany", unchecked_return_type = "Uint8Array")]
    pub fn check_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "unknown[]")] values: JsValue,
    ) -> std::result::Result<Vec<u8>, JsValue> {
        check_all(&values, self.today, default_locale())
    }

    /// Whether the last `check` found a valid number (the getters below are then set, else `undefined`).
    #[wasm_bindgen(getter, js_name = "valid")]
    pub fn valid(&self) -> bool {
        self.facts.is_some()
    }

    /// Six-digit region code, e.g. `110105`.
    #[wasm_bindgen(getter, js_name = "regionCode")]
    pub fn region_code(&self) -> Option<u32> {
        self.facts.map(|f| f.region_code)
    }

    /// Province code, e.g. `11` (`71` Taiwan, `81` Hong Kong, `82` Macao).
    #[wasm_bindgen(getter, js_name = "provinceCode")]
    pub fn province_code(&self) -> Option<u32> {
        self.facts.map(|f| f.province_code)
    }

    /// Birth date as the number `yyyymmdd`, e.g. `19491231`.
    #[wasm_bindgen(getter, js_name = "birthDate")]
    pub fn birth_date(&self) -> Option<u32> {
        self.facts.map(|f| f.birth_date)
    }

    /// Full years at `today` (`undefined` without `today`).
    #[wasm_bindgen(getter, js_name = "age")]
    pub fn age(&self) -> Option<u32> {
        self.facts.and_then(|f| f.age)
    }

    /// `"male"` or `"female"`.
    #[wasm_bindgen(getter, js_name = "sex", unchecked_return_type = "\"male\" | \"female\" | undefined")]
    pub fn sex(&self) -> JsValue {
        self.facts.map_or(JsValue::UNDEFINED, |f| fact_word(if f.male { 0 } else { 1 }))
    }

    /// `"resident" | "hongKongPermit" | "macaoPermit" | "taiwanPermit"`.
    #[wasm_bindgen(getter, js_name = "kind", unchecked_return_type = "IdCardKind | undefined")]
    pub fn kind(&self) -> JsValue {
        self.facts.map_or(JsValue::UNDEFINED, |f| {
            fact_word(match f.kind {
                v::IdCardKind::Resident => 2,
                v::IdCardKind::HongKongPermit => 3,
                v::IdCardKind::MacaoPermit => 4,
                v::IdCardKind::TaiwanPermit => 5,
            })
        })
    }

    /// Whether the number was a 15-digit legacy number.
    #[wasm_bindgen(getter, js_name = "upgraded")]
    pub fn upgraded(&self) -> Option<bool> {
        self.facts.map(|f| f.upgraded)
    }
}

#[derive(Serialize)]
struct Compact<'a> {
    total: usize,
    valid: usize,
    invalid: Vec<CompactItem<'a>>,
}

#[derive(Serialize)]
struct CompactItem<'a> {
    index: usize,
    issues: Vec<LocalizedIssue<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Out<'a, T: Serialize> {
    Ok { ok: bool, value: &'a T },
    Err { ok: bool, issues: Vec<LocalizedIssue<'a>> },
}

fn outcomes<T: Serialize>(results: &[Result<T>], locale: Locale) -> Vec<Out<'_, T>> {
    results
        .iter()
        .map(|r| match r {
            Ok(v) => Out::Ok { ok: true, value: v },
            Err(e) => Out::Err { ok: false, issues: e.issues().iter().map(|i| i.localized(locale)).collect() },
        })
        .collect()
}

fn compact<T>(results: &[Result<T>], locale: Locale) -> Compact<'_> {
    let invalid: Vec<CompactItem<'_>> = results
        .iter()
        .enumerate()
        .filter_map(|(index, r)| {
            r.as_ref()
                .err()
                .map(|e| CompactItem { index, issues: e.issues().iter().map(|i| i.localized(locale)).collect() })
        })
        .collect();
    Compact { total: results.len(), valid: results.len() - invalid.len(), invalid }
}

fn is_compact(options: &JsValue) -> bool {
    options.is_object() && option(options, 5).is_some_and(|c| c.as_bool() == Some(true))
}

/// Batch validation for bulk work. `kind` is `"mobile" | "idCard" | "uscc" | "gtin" | "email" | "name" |
/// "postalCode"`; `values` an array. Returns one `Outcome` per input, or with `{ compact: true }`
/// `{ total, valid, invalid: [{ index, issues }] }` (values are not returned: much less to copy back).
/// Throws `MallcareError` for a bad `kind` (`VALIDATION_KIND_UNKNOWN`), a non-array (`INPUT_NOT_ARRAY`) or bad options.
#[wasm_bindgen(js_name = "validateMany", unchecked_return_type = "Outcome<unknown>[] | BatchSummary")]
pub fn js_validate_many(
    #[wasm_bindgen(unchecked_param_type = "ValidationKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown[]")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateManyOptions")] options: JsValue,
) -> JsResult {
    let locale = locale_of(&options);
    let kind = match string_arg(&kind, "kind").and_then(|k| kind_of(&k)) {
        Ok(k) => k,
        Err(e) => return Err(throw(e, locale)),
    };
    if !js_sys::Array::is_array(&values) {
        return Err(throw(
            Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "values 应为数组", "values must be an array")),
            locale,
        ));
    }
    let opts = field_options(&options).map_err(|e| throw(e, locale))?;
    // One JSON.stringify of the whole array crosses far faster than one boundary call per item. (An item JSON cannot
    // hold, such as undefined or a function, arrives as null: INPUT_NOT_STRING either way.)
    let items = match js_json(&values, "values", false) {
        Ok(Value::Array(items)) => items,
        Ok(_) => Vec::new(),
        // e.g. a lone surrogate in one string: fall back to reading item by item (JS replaces it with U+FFFD)
        Err(_) => js_sys::Array::from(&values)
            .iter()
            .map(|item| item.as_string().map_or(Value::Null, Value::String))
            .collect(),
    };
    let results = v::validate_many(kind, &items, &opts);
    if is_compact(&options) {
        to_js_json(&compact(&results, locale))
    } else {
        to_js_json(&outcomes(&results, locale))
    }
}

fn kind_of(name: &str) -> Result<Kind> {
    Kind::parse(name).ok_or_else(|| {
        Error::from(Issue::new(
            "VALIDATION_KIND_UNKNOWN",
            "kind",
            format!("未知的校验类型 “{name}”（可用：{}）", v::KIND_NAMES_ZH),
            format!("unknown validation kind \"{name}\" (known: {})", v::KIND_NAMES),
        ))
    })
}

/// Validates a form value against a descriptor (object, JSON text, or the name of a ready descriptor):
/// `{ ok: true, value }` with the normalised value, or `{ ok: false, issues }` with every issue and its path.
/// A broken descriptor also answers `{ ok: false }`, with `FORM_DESCRIPTOR_*` / `FORM_TYPE_UNKNOWN` codes.
/// Options: `today` (`YYYY-MM-DD`, for idCard fields), `locale`.
#[wasm_bindgen(js_name = "validateForm", unchecked_return_type = "Outcome<Record<string, unknown>>")]
pub fn js_validate_form(
    #[wasm_bindgen(unchecked_param_type = "FormDescriptor | string")] descriptor: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FormOptions")] options: JsValue,
) -> JsResult {
    let r = load_schema(&descriptor).and_then(|s| validate_with(&s, &value, &options));
    form_outcome(&r, locale_of(&options))
}

fn load_schema(descriptor: &JsValue) -> Result<FormSchema> {
    if let Some(s) = descriptor.as_string() {
        if !s.trim_start().starts_with('{') {
            return FormSchema::builtin(&s);
        }
    }
    FormSchema::load(&js_json(descriptor, "", true)?)
}

/// Validates a JS form value (`many`: an array of them): objects and arrays through their `JSON.stringify` text, a
/// string as JSON text, null / undefined as null. The text is read as tokens; text the token reader leaves to
/// serde_json (a syntax error, deep nesting, a lone surrogate, an escape) is read by serde_json, which answers its
/// error or a `Value` whose tokens are taken. Answers the JSON text of each normalised value (keys in the value's
/// own order), or its issues.
#[inline(never)]
fn validate_js(schema: &FormSchema, value: &JsValue, options: &JsValue, many: bool) -> Result<Vec<Result<Vec<u8>>>> {
    let opts = form_options(options)?;
    let path = if many { "values" } else { "" };
    let string = value.as_string();
    let is_string = string.is_some();
    let text = match string {
        Some(s) => s,
        None if value.is_undefined() || value.is_null() => String::from("null"),
        None => stringify(value, path)?,
    };
    let held;
    let mut doc = match Doc::parse(&text) {
        Some(d) => d,
        None => {
            held = if is_string { v::parse_json(&text).map_err(|e| e.under(path))? } else { json_value(&text, path)? };
            Doc::from_value(&held)
        }
    };
    let answer = |doc: &mut Doc<'_>, at: usize| {
        schema.check(doc, at, &opts).map(|()| {
            let mut out = Vec::with_capacity(text.len() + 16);
            doc.write_json(at, &mut out);
            out
        })
    };
    if !many {
        return Ok(vec![answer(&mut doc, 0)]);
    }
    if !matches!(doc.val(0), Val::Arr) {
        return Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "values 应为数组", "values must be an array")));
    }
    let items: Vec<usize> = doc.children(0).collect();
    Ok(items.into_iter().map(|c| answer(&mut doc, c)).collect())
}

/// [`validate_js`] for one form value.
fn validate_with(schema: &FormSchema, value: &JsValue, options: &JsValue) -> Result<Vec<u8>> {
    validate_js(schema, value, options, false).and_then(|mut all| all.pop().unwrap_or(Ok(Vec::new())))
}

thread_local! {
    /// The answer of the last `__mcValidate`: its length (u32, little-endian), then its JSON text, ASCII only.
    static FORM_OUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One scratch-buffer part of `__mcValidate`: `n` = 0 for an absent option, else 1 + its length in bytes.
fn part(b: &[u8], n: u32) -> (Option<&str>, &[u8]) {
    let len = (n.saturating_sub(1) as usize).min(b.len());
    let (head, rest) = b.split_at(len);
    (if n == 0 { None } else { Some(std::str::from_utf8(head).unwrap_or("\u{FFFD}")) }, rest)
}

/// The outcome `validate` answers, as the JSON text `outcome` writes (non-ASCII escaped). Not inlined: one copy
/// serves the fast path and the generated calls.
#[inline(never)]
fn put_outcome(r: &Result<Vec<u8>>, locale: Locale, out: &mut Vec<u8>) {
    match r {
        Ok(v) => {
            out.extend_from_slice(b"{\"ok\":true,\"value\":");
            out.extend_from_slice(v);
        }
        Err(e) => {
            out.extend_from_slice(b"{\"ok\":false,\"issues\":[");
            for (i, issue) in e.issues().iter().enumerate() {
                out.extend_from_slice(if i > 0 { b",{\"code\":" } else { b"{\"code\":" });
                write_str(&issue.code, out);
                out.extend_from_slice(b",\"path\":");
                write_str(&issue.path, out);
                out.extend_from_slice(b",\"message\":");
                write_str(issue.message(locale), out);
                out.push(b'}');
            }
            out.push(b']');
        }
    }
    out.push(b'}');
}

/// JSON text written by `put_doc` / `put_outcome` (ASCII), parsed by the host.
fn parse_ascii(text: &[u8]) -> JsResult {
    js_sys::JSON::parse(std::str::from_utf8(text).unwrap_or("null"))
}

/// A form answer (`{ ok: true, value } | { ok: false, issues }`), written by the same `put_outcome` as the overlay's
/// fast path reads, so both paths answer from one writer.
fn form_outcome(r: &Result<Vec<u8>>, locale: Locale) -> JsResult {
    let mut out = Vec::new();
    put_outcome(r, locale, &mut out);
    parse_ascii(&out)
}

#[wasm_bindgen(js_class = "FormSchema")]
impl JsFormSchema {
    /// Overlay fast path of `validate` (hidden; see `scripts/pkg/overlay/validation.js`): the scratch buffer holds
    /// the `JSON.stringify` text of the overlay's plain copy of the value (`value_len` bytes, UTF-8), then
    /// `options.today` and `options.locale` (each 0 when absent, else 1 + its length). The text is read as tokens
    /// (no `Value` tree) and validated by the same `FormSchema::check` as every other route. Answers 0 when the
    /// text is one the token reader leaves to serde_json (the overlay then takes the generated call), else the
    /// address of the answer (see `FORM_OUT`): on success the edits, a JSON array of `[step, …, new value]` (steps
    /// are keys and indices; the overlay applies them to its copy), otherwise the `{ ok: false, issues }` outcome
    /// `validate` answers, by the same writer.
    #[wasm_bindgen(js_name = "__mcValidate", skip_typescript)]
    pub fn scratch_validate(&self, value_len: u32, today: u32, locale: u32) -> u32 {
        let total = value_len.saturating_add(today.saturating_sub(1)).saturating_add(locale.saturating_sub(1));
        FORM_OUT.with(|cell| {
            let mut out = cell.borrow_mut();
            out.clear();
            out.extend_from_slice(&[0; 4]);
            let handled = super::with_scratch(total, |b| {
                let (text, rest) = part(b, value_len.saturating_add(1));
                let (today, rest) = part(rest, today);
                let locale = part(rest, locale).0.map_or_else(default_locale, Locale::parse);
                // `FieldOptions::from_json`'s rule for a string `today` (the overlay sends only strings).
                let opts = match today {
                    None => Ok(FormOptions::default()),
                    Some(t) => crate::Date::parse(t)
                        .map(|d| FormOptions { today: Some(d), locale: None })
                        .map_err(|e| e.under("options.today")),
                };
                let Some(mut doc) = Doc::parse(text.unwrap_or_default()) else { return false };
                match opts.and_then(|o| self.inner.check(&mut doc, 0, &o)) {
                    Ok(()) => doc.write_edits(&mut out),
                    Err(e) => put_outcome(&Err(e), locale, &mut out),
                }
                true
            });
            if !handled {
                return 0;
            }
            let len = u32::try_from(out.len().saturating_sub(4)).unwrap_or(0).to_le_bytes();
            if let Some(head) = out.get_mut(..4) {
                head.copy_from_slice(&len);
            }
            super::addr32(out.as_ptr() as usize)
        })
    }
}

/// The JSON of a ready descriptor (`"returnApplication" | "memberSignUp" | "invoiceRequest" | "deliveryAddress"`),
/// as an object to copy, extend or pass to `validateForm`. Throws `MallcareError` (`FORM_UNKNOWN`).
#[wasm_bindgen(js_name = "formDescriptor", unchecked_return_type = "FormDocument")]
pub fn js_form_descriptor(#[wasm_bindgen(unchecked_param_type = "ReadyFormName")] name: JsValue) -> JsResult {
    match string_arg(&name, "").and_then(|n| v::form_descriptor(&n)).and_then(v::parse_json) {
        Ok(v) => {
            let mut out = Vec::new();
            Doc::from_value(&v).write_json(0, &mut out); // members in key order, as the `Value` holds them
            parse_ascii(&out)
        }
        Err(e) => Err(throw(e, default_locale())),
    }
}

/// The names of the ready descriptors.
#[wasm_bindgen(js_name = "formDescriptorNames", unchecked_return_type = "ReadyFormName[]")]
pub fn js_form_descriptor_names() -> JsResult {
    value_or_throw(Ok(v::form_descriptor_names()), default_locale())
}

/// A form descriptor checked once ("load once, validate many").
#[wasm_bindgen(js_name = "FormSchema")]
pub struct JsFormSchema {
    inner: FormSchema,
}

#[wasm_bindgen(js_class = "FormSchema")]
impl JsFormSchema {
    /// Loads a descriptor (object, JSON text, or the name of a ready descriptor). Throws `MallcareError` with every
    /// problem of the descriptor (`FORM_DESCRIPTOR_INVALID`, `FORM_TYPE_UNKNOWN`, `FORM_RULE_UNKNOWN_KEY`,
    /// `FORM_PATTERN_*`, `FORM_DESCRIPTOR_TOO_DEEP`, `FORM_DESCRIPTOR_TOO_LARGE`, `INPUT_CYCLIC`, ...).
    #[wasm_bindgen(js_name = "load")]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "FormDescriptor | string")] descriptor: JsValue,
    ) -> std::result::Result<JsFormSchema, JsValue> {
        load_schema(&descriptor).map(|inner| JsFormSchema { inner }).map_err(|e| throw(e, default_locale()))
    }

    /// Validates one form value: `{ ok: true, value } | { ok: false, issues }`. Options: `today`, `locale`.
    #[wasm_bindgen(js_name = "validate", unchecked_return_type = "Outcome<Record<string, unknown>>")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] value: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "FormOptions")] options: JsValue,
    ) -> JsResult {
        form_outcome(&validate_with(&self.inner, &value, &options), locale_of(&options))
    }

    /// Validates many form values (an array): one `Outcome` per value.
    #[wasm_bindgen(js_name = "validateMany", unchecked_return_type = "Outcome<Record<string, unknown>>[]")]
    pub fn validate_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>[]")] values: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "FormOptions")] options: JsValue,
    ) -> JsResult {
        let locale = locale_of(&options);
        let r = validate_js(&self.inner, &values, &options, true);
        match r {
            Ok(results) => {
                let mut out = vec![b'['];
                for (i, r) in results.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    put_outcome(r, locale, &mut out);
                }
                out.push(b']');
                parse_ascii(&out)
            }
            Err(e) => Err(throw(e, locale)),
        }
    }

    /// The form's name (form documents), or `null`.
    #[wasm_bindgen(getter, js_name = "name")]
    pub fn name(&self) -> Option<String> {
        self.inner.name().map(str::to_string)
    }

    /// The descriptor's fingerprint (16 hex digits).
    #[wasm_bindgen(getter, js_name = "fingerprint")]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// The number of rules in the descriptor.
    #[wasm_bindgen(getter, js_name = "ruleCount")]
    pub fn rule_count(&self) -> usize {
        self.inner.rule_count()
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_VALIDATION: &'static str = r#"
/** Segment kinds of mainland mobile numbers. */
export type MobileKind = "mobile" | "virtual" | "satellite" | "dataOnly" | "iot";
/** Network operators. */
export type Carrier = "chinaMobile" | "chinaUnicom" | "chinaTelecom" | "broadnet";
/** Options of `validateMobile`: data-only (145/147/149) and IoT (140/141/144/146/148) segments are rejected unless allowed. */
export interface MobileOptions extends LocaleOptions { allowDataOnly?: boolean; allowIot?: boolean }
/** A valid mobile number. */
export interface Mobile { e164: string; national: string; carrier: Carrier | null; carrierName: string | null; kind: MobileKind; segment: string }
/** Options of `validateIdCard`: `today` enables the age and the not-in-the-future check. */
export interface IdCardOptions extends LocaleOptions { today?: DateString }
/** Kinds of identity documents with an ID-card number. */
export type IdCardKind = "resident" | "hongKongPermit" | "macaoPermit" | "taiwanPermit";
/** Flags of `checkIdCard` / `IdCardChecker.check` (0 = valid; otherwise OR-ed): FORMAT 1, REGION 2,
 * BIRTH_DATE_INVALID 4, BIRTH_DATE_FUTURE 8, CHECKSUM 16, EMPTY 32, TOO_LONG 64, NOT_STRING 128. */
export type IdCardCheck = number;
/** A valid resident ID / residence permit number. */
export interface IdCard {
  number: string; kind: IdCardKind; regionCode: string;
  province: string; provinceEn: string; birthDate: DateString; sex: "male" | "female"; age: number | null;
  upgradedFrom: string | null;
}
/** A valid unified social credit code, decoded. */
export interface Uscc {
  code: string; authorityCode: string; authority: string; authorityEn: string; organisationTypeCode: string;
  organisationType: string; regionCode: string; province: string | null; organisationCode: string; check: string;
}
/** Options of `validateGtin`: the store's in-store code layout, 13 characters of 0-9 X I P W V C (default "2XIIIIIPPPPPC"). */
export interface GtinOptions extends LocaleOptions { layout?: string }
/** A valid GTIN. */
export interface Gtin {
  code: string; format: "GTIN-8" | "GTIN-12" | "GTIN-13" | "GTIN-14"; gtin14: string; inStore: boolean;
  variableMeasure: { item: string; priceFen: number | null; weightGrams: number | null } | null;
}
/** A valid e-mail address. */
export interface Email { address: string; local: string; domain: string }
/** A valid person name. */
export interface PersonName { name: string; script: "han" | "latin"; length: number }
/** A valid postal code. */
export interface PostalCode { code: string; province: string; provinceEn: string }
/** What a customer enters for an invoice title. */
export interface InvoiceTitleInput {
  kind: "company" | "personal"; name: string; taxId?: string; invoiceType?: "normal" | "special";
  address?: string; phone?: string; bank?: string; account?: string;
}
/** A valid invoice title. */
export interface InvoiceTitle {
  kind: "company" | "personal"; name: string; taxId: string | null; uscc: Uscc | null; invoiceType: "normal" | "special";
  address: string | null; phone: string | null; bank: string | null; account: string | null;
}
/** Field validators usable in `validateMany`. */
export type ValidationKind = "mobile" | "idCard" | "uscc" | "gtin" | "email" | "name" | "postalCode";
/** Options of `validateMany`: the field options plus `compact`. */
export interface ValidateManyOptions extends LocaleOptions {
  today?: DateString; allowDataOnly?: boolean; allowIot?: boolean; layout?: string; compact?: boolean;
}
/** The compact answer of `validateMany(kind, values, { compact: true })`. */
export interface BatchSummary { total: number; valid: number; invalid: { index: number; issues: Issue[] }[] }
/** A message or label in one language for both, or per language. */
export type FormText = string | { "zh-CN"?: string; en?: string };
/** Types of form rules: async-validator's plus mallcare's domain types. */
export type FormRuleType =
  | "string" | "number" | "boolean" | "integer" | "float" | "array" | "object" | "enum" | "date" | "url" | "hex"
  | "email" | "any" | "mobile" | "idCard" | "uscc" | "gtin" | "amount" | "postalCode" | "name";
/** One rule of a field (async-validator semantics; see docs/validation.md). */
export interface FormRule {
  type?: FormRuleType; required?: boolean; pattern?: string; min?: number; max?: number; len?: number;
  enum?: (string | number | boolean | null)[]; whitespace?: boolean; fields?: Record<string, FormRule | FormRule[]>;
  defaultField?: FormRule | FormRule[]; message?: FormText; label?: FormText; trigger?: string | string[];
  layout?: string; allowDataOnly?: boolean; allowIot?: boolean;
}
/** A plain async-validator descriptor. */
export type FormRules = Record<string, FormRule | FormRule[]>;
/** Cross-field rules of a form document. */
export type FormCrossRule =
  | { type: "oneOfRequired"; fields: string[]; message?: FormText }
  | { type: "dateNotBefore"; field: string; other: string; message?: FormText }
  | { type: "requiredWhen"; field: string; when: string; equals: unknown; message?: FormText };
/** A form document: rules plus cross-field rules. */
export interface FormDocument { name?: string; version?: number; about?: string; title?: string; fields: FormRules; rules?: FormCrossRule[] }
/** Either shape of descriptor. */
export type FormDescriptor = FormDocument | FormRules;
/** Options of `validateForm` / `FormSchema.validate`. */
export interface FormOptions extends LocaleOptions { today?: DateString }
/** The ready descriptors shipped with mallcare. */
export type ReadyFormName = "returnApplication" | "memberSignUp" | "invoiceRequest" | "deliveryAddress";
"#;
