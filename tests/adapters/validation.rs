//! Vector adapters of the validation pillar: the same argument handling as `src/wasm/validation.rs`.
use super::{issues, opt_locale, outcome, thrown, CallResult};
use mallcare::validation::{self as v, FieldOptions, FormOptions, FormSchema, InvoiceTitleInput, Kind};
use mallcare::{Error, Issue, Locale};
use serde_json::{json, Value};

crate::vector_files![
    "validation-fields.json",
    "validation-forms.json",
    "validation-batch.json",
    "validation-check.json"
];

fn not_string(v: Option<&Value>) -> Error {
    let t = match v {
        None | Some(Value::Null) => "null/undefined",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::Array(_)) | Some(Value::Object(_)) => "object",
        Some(Value::String(_)) => "string",
    };
    Error::from(Issue::new("INPUT_NOT_STRING", "", t, t))
}

/// Field options as the JS glue reads them (`FieldOptions::from_json`: JS `undefined` is JSON `null`/absent).
fn field_options(args: &[Value], i: usize) -> mallcare::Result<FieldOptions> {
    args.get(i).map_or(Ok(FieldOptions::default()), FieldOptions::from_json)
}

/// Form options as the JS glue reads them: `today` with the field-option rules.
fn form_options(args: &[Value], i: usize) -> mallcare::Result<FormOptions> {
    Ok(FormOptions { today: field_options(args, i)?.today, locale: None })
}

fn text_then<T: serde::Serialize>(
    args: &[Value],
    locale: Locale,
    f: impl FnOnce(&str, FieldOptions) -> mallcare::Result<T>,
) -> CallResult {
    let locale = opt_locale(args, 1, locale);
    let r = match args.first() {
        Some(Value::String(s)) => field_options(args, 1).and_then(|o| f(s, o)),
        other => Err(not_string(other)),
    };
    outcome(r, locale)
}

/// A descriptor argument: an object, JSON text, or the name of a ready descriptor (as the JS glue reads it).
fn schema(d: Option<&Value>) -> mallcare::Result<FormSchema> {
    match d {
        Some(Value::String(s)) if !s.trim_start().starts_with('{') => FormSchema::builtin(s),
        Some(Value::String(s)) => FormSchema::from_json(s),
        Some(d) => FormSchema::load(d),
        None => FormSchema::load(&Value::Null),
    }
}

fn form_value(v: Option<&Value>) -> mallcare::Result<Value> {
    match v {
        Some(Value::String(s)) => mallcare::json::from_str(s, "INPUT_NOT_JSON"),
        Some(v) => Ok(v.clone()),
        None => Ok(Value::Null),
    }
}

fn outcomes<T: serde::Serialize>(results: Vec<mallcare::Result<T>>, locale: Locale) -> Value {
    Value::Array(
        results
            .into_iter()
            .map(|r| match r {
                Ok(v) => json!({"ok": true, "value": v}),
                Err(e) => json!({"ok": false, "issues": issues(&e, locale)}),
            })
            .collect(),
    )
}

/// `today` as the fast ID-card calls read it: absent/null, or a `YYYY-MM-DD` string (`DATE_INVALID` at
/// `options.today`).
fn today_of(v: Option<&Value>) -> mallcare::Result<Option<mallcare::Date>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => mallcare::Date::parse(s).map(Some).map_err(|e| e.under("options.today")),
        Some(_) => Err(Error::from(Issue::new("INPUT_NOT_STRING", "options.today", "", ""))),
    }
}

fn check_one(v: Option<&Value>, today: Option<mallcare::Date>) -> u8 {
    v.and_then(Value::as_str).map_or(v::id_check::NOT_STRING, |s| v::check_id_card(s, today))
}

/// The batch codes as the JS glue computes them: the array's JSON text, checked in one pass.
fn check_all(values: Option<&Value>, today: Option<mallcare::Date>) -> mallcare::Result<Value> {
    let Some(a @ Value::Array(_)) = values else {
        return Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "", "")));
    };
    let text = serde_json::to_string(a).unwrap_or_default();
    v::check_id_cards_json(&text, today).map(|codes| json!(codes))
}

/// The fast ID-card calls (`checkIdCard`, `checkIdCards`, `IdCardChecker.*`).
fn id_check_call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    let opt_today = |i: usize| today_of(args.get(i).and_then(|o| o.get("today")));
    Some(match name {
        "checkIdCard" => thrown(opt_today(1).map(|t| check_one(args.first(), t)), opt_locale(args, 1, locale)),
        "checkIdCards" => thrown(opt_today(1).and_then(|t| check_all(args.first(), t)), opt_locale(args, 1, locale)),
        "IdCardChecker.check" => thrown(
            today_of(args.first()).map(|t| {
                let r = match args.get(1).and_then(Value::as_str) {
                    Some(s) => v::id_card_facts(s, t),
                    None => Err(v::id_check::NOT_STRING),
                };
                match r {
                    Ok(f) => json!({"code": 0, "valid": true, "regionCode": f.region_code,
                        "provinceCode": f.province_code, "birthDate": f.birth_date, "age": f.age,
                        "sex": if f.male { "male" } else { "female" },
                        "kind": serde_json::to_value(f.kind).unwrap_or(Value::Null), "upgraded": f.upgraded}),
                    Err(code) => json!({"code": code, "valid": false}),
                }
            }),
            locale,
        ),
        "IdCardChecker.isValid" => thrown(today_of(args.first()).map(|t| check_one(args.get(1), t) == 0), locale),
        "IdCardChecker.checkMany" => thrown(today_of(args.first()).and_then(|t| check_all(args.get(1), t)), locale),
        _ => return None,
    })
}

/// Dispatches the validation pillar's calls; `None` for names it does not know.
pub fn call(name: &str, args: &[Value], locale: Locale) -> Option<CallResult> {
    if let Some(r) = id_check_call(name, args, locale) {
        return Some(r);
    }
    Some(match name {
        "validateMobile" => text_then(args, locale, |t, o| v::validate_mobile(t, &o.mobile)),
        "validateIdCard" => text_then(args, locale, |t, o| v::validate_id_card(t, o.today)),
        "validateUscc" => text_then(args, locale, |t, _| v::validate_uscc(t)),
        "validateGtin" => text_then(args, locale, |t, o| v::validate_gtin(t, &o.gtin)),
        "validateEmail" => text_then(args, locale, |t, _| v::validate_email(t)),
        "validateName" => text_then(args, locale, |t, _| v::validate_name(t)),
        "validatePostalCode" => text_then(args, locale, |t, _| v::validate_postal_code(t)),
        "validateInvoiceTitle" => {
            let r = match args.first() {
                Some(o @ Value::Object(_)) => {
                    InvoiceTitleInput::from_json(o).and_then(|i| v::validate_invoice_title(&i))
                }
                _ => Err(Error::from(Issue::new("INPUT_NOT_OBJECT", "", "", ""))),
            };
            outcome(r, opt_locale(args, 1, locale))
        }
        "validateMany" => {
            let locale = opt_locale(args, 2, locale);
            let kind = match args.first().and_then(Value::as_str) {
                Some(k) => match Kind::parse(k) {
                    Some(k) => k,
                    None => {
                        return Some(thrown::<()>(
                            Err(Error::from(Issue::new("VALIDATION_KIND_UNKNOWN", "kind", "", ""))),
                            locale,
                        ))
                    }
                },
                None => {
                    return Some(thrown::<()>(Err(Error::from(Issue::new("INPUT_NOT_STRING", "kind", "", ""))), locale))
                }
            };
            let Some(Value::Array(values)) = args.get(1) else {
                return Some(thrown::<()>(Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "", ""))), locale));
            };
            let opts = match field_options(args, 2) {
                Ok(o) => o,
                Err(e) => return Some(thrown::<()>(Err(e), locale)),
            };
            let results = v::validate_many(kind, values, &opts);
            let compact = args.get(2).and_then(|o| o.get("compact")).and_then(Value::as_bool) == Some(true);
            if compact {
                let invalid: Vec<Value> = results
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| r.as_ref().err().map(|e| json!({"index": i, "issues": issues(e, locale)})))
                    .collect();
                Ok(json!({"total": results.len(), "valid": results.len() - invalid.len(), "invalid": invalid}))
            } else {
                Ok(outcomes(results, locale))
            }
        }
        "validateForm" => {
            let locale = opt_locale(args, 2, locale);
            let r = schema(args.first()).and_then(|s| {
                let o = form_options(args, 2)?;
                s.validate(&form_value(args.get(1))?, &o)
            });
            outcome(r, locale)
        }
        "formDescriptor" => {
            let r = match args.first() {
                Some(Value::String(n)) => {
                    v::form_descriptor(n).and_then(|t| mallcare::json::from_str::<Value>(t, "INTERNAL"))
                }
                other => Err(not_string(other)),
            };
            thrown(r, locale)
        }
        "formDescriptorNames" => Ok(json!(v::form_descriptor_names())),
        "FormSchema.load" => thrown(
            schema(args.first())
                .map(|s| json!({"name": s.name(), "fingerprint": s.fingerprint(), "ruleCount": s.rule_count()})),
            locale,
        ),
        "FormSchema.validate" => {
            let s = match schema(args.first()) {
                Ok(s) => s,
                Err(e) => return Some(thrown::<()>(Err(e), locale)),
            };
            let locale = opt_locale(args, 2, locale);
            let r = form_options(args, 2).and_then(|o| s.validate(&form_value(args.get(1))?, &o));
            outcome(r, locale)
        }
        "FormSchema.validateMany" => {
            let s = match schema(args.first()) {
                Ok(s) => s,
                Err(e) => return Some(thrown::<()>(Err(e), locale)),
            };
            let locale = opt_locale(args, 2, locale);
            let o = match form_options(args, 2) {
                Ok(o) => o,
                Err(e) => return Some(thrown::<()>(Err(e), locale)),
            };
            let Some(Value::Array(values)) = args.get(1) else {
                return Some(thrown::<()>(Err(Error::from(Issue::new("INPUT_NOT_ARRAY", "values", "", ""))), locale));
            };
            Ok(outcomes(values.iter().map(|x| s.validate(x, &o)).collect(), locale))
        }
        _ => return None,
    })
}
