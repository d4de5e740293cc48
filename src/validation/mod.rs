//! The validation pillar: Chinese identity, contact, company and barcode checks, and whole-form validation with
//! every problem reported at once.
//!
//! Field validators take the text a person typed and return a serde value with the normalised form and the facts
//! the number carries, or an [`Error`] with stable issue codes:
//!
//! | validator | JS | value |
//! |---|---|---|
//! | [`validate_mobile`] | `validateMobile` | [`Mobile`]: E.164, national form, carrier, segment kind |
//! | [`validate_id_card`] | `validateIdCard` | [`IdCard`]: 18-digit number, region, birth date, sex, age |
//! | [`validate_uscc`] | `validateUscc` | [`Uscc`]: the parts of a unified social credit code |
//! | [`validate_gtin`] | `validateGtin` | [`Gtin`]: GTIN-8/12/13/14, variable-measure item and price/weight |
//! | [`validate_email`] | `validateEmail` | [`Email`] |
//! | [`validate_name`] | `validateName` | [`PersonName`]: Han (with `·`) or Latin |
//! | [`validate_postal_code`] | `validatePostalCode` | [`PostalCode`]: six digits and the province zone |
//! | [`validate_invoice_title`] | `validateInvoiceTitle` | [`InvoiceTitle`]: company + USCC, or personal |
//! | [`FormSchema`] | `validateForm`, `FormSchema` | the normalised form value |
//!
//! ## What is normalised
//! Every validator folds full-width ASCII (`１３８`, `Ｘ`, `＠`) to ASCII and trims surrounding whitespace
//! ([`crate::text::normalize`]); mobile numbers also drop spaces, dashes and the `+86`/`0086`/`86` prefix; ID
//! cards, USCCs and barcodes drop inner spaces. Inputs longer than [`MAX_INPUT_CHARS`] characters are rejected
//! with a `…_TOO_LONG` issue before any other work, so a 1 MB string costs nothing.
//!
//! ```
//! use mallcare::validation::{validate_id_card, validate_mobile, MobileOptions};
//! let m = validate_mobile("+86 138-0013-8000", &MobileOptions::default()).unwrap();
//! assert_eq!(m.e164, "+8613800138000");
//! let today = mallcare::Date::parse("2026-05-01").ok();
//! let id = validate_id_card("11010519491231002X", today).unwrap();
//! assert_eq!(id.birth_date.to_string(), "1949-12-31");
//! ```

use crate::error::{Error, Issue};
use crate::Result;

mod batch;
pub(crate) mod doc;
mod email;
pub mod form;
mod gtin;
mod idcard;
mod invoice;
mod mobile;
mod name;
#[cfg(any(test, feature = "wasm"))]
pub(crate) mod packed;
mod postal;
mod regex;
mod regions;
mod uscc;

pub use batch::check_id_cards_json;
pub use email::{validate_email, Email};
pub use form::{form_descriptor, form_descriptor_names, validate_form, FormOptions, FormSchema};
pub use gtin::{validate_gtin, Gtin, GtinLayout, GtinOptions, VariableMeasure};
pub use idcard::{
    check_id_card, id_card_facts, id_check, validate_id_card, Code, IdCard, IdCardFacts, IdCardKind, Sex,
};
pub use invoice::{validate_invoice_title, InvoiceTitle, InvoiceTitleInput, InvoiceTitleKind, InvoiceType};
pub use mobile::{validate_mobile, Carrier, Mobile, MobileKind, MobileOptions};
pub use name::{validate_name, NameScript, PersonName};
pub use postal::{validate_postal_code, PostalCode};
pub use regex::Pattern;
pub use regions::{province_name, region_code_exists};
pub use uscc::{validate_uscc, Uscc};

/// The longest input any field validator reads, in characters; longer text gets a `…_TOO_LONG` issue at once.
///
/// # Example
/// ```
/// use mallcare::validation::{check_id_card, id_check, validate_mobile, MobileOptions, MAX_INPUT_CHARS};
/// // Characters, not bytes: 256 full-width digits (768 bytes) are still read (and are a malformed number)...
/// assert_eq!(check_id_card(&"１".repeat(MAX_INPUT_CHARS), None), id_check::FORMAT);
/// // ...one more is refused unread.
/// assert_eq!(check_id_card(&"１".repeat(MAX_INPUT_CHARS + 1), None), id_check::TOO_LONG);
/// let e = validate_mobile(&"1".repeat(MAX_INPUT_CHARS + 1), &MobileOptions::default()).unwrap_err();
/// assert_eq!(e.code(), "MOBILE_TOO_LONG");
/// ```
pub const MAX_INPUT_CHARS: usize = 256;

/// Why [`prepare_quiet`] refused a text.
pub(crate) enum Prep {
    /// Nothing left after trimming.
    Empty,
    /// Over [`MAX_INPUT_CHARS`] characters.
    TooLong,
}

/// [`prepare`] without messages (no allocation for plain ASCII input, nor for a refusal).
pub(crate) fn prepare_quiet(text: &str) -> std::result::Result<std::borrow::Cow<'_, str>, Prep> {
    // 4 bytes per char at most: more bytes than that means more characters than allowed, without counting.
    if text.len() > MAX_INPUT_CHARS && (text.len() > MAX_INPUT_CHARS * 4 || text.chars().count() > MAX_INPUT_CHARS) {
        return Err(Prep::TooLong);
    }
    let plain = text.is_ascii()
        && !text.starts_with(|c: char| c.is_ascii_whitespace())
        && !text.ends_with(|c: char| c.is_ascii_whitespace());
    let s =
        if plain { std::borrow::Cow::Borrowed(text) } else { std::borrow::Cow::Owned(crate::text::normalize(text)) };
    if s.is_empty() {
        return Err(Prep::Empty);
    }
    Ok(s)
}

/// Folds full-width characters, trims, and rejects empty or over-long input with `{prefix}_EMPTY` /
/// `{prefix}_TOO_LONG`. `what` is the field's name in (zh, en) for the messages. Plain ASCII without surrounding
/// whitespace (the common case) is borrowed, not copied.
pub(crate) fn prepare<'a>(text: &'a str, prefix: &str, what: (&str, &str)) -> Result<std::borrow::Cow<'a, str>> {
    prepare_quiet(text).map_err(|why| match why {
        Prep::TooLong => Error::from(Issue::new(
            &format!("{prefix}_TOO_LONG"),
            "",
            format!("{}过长（超过 {MAX_INPUT_CHARS} 个字符）", what.0),
            format!("{} is too long (more than {MAX_INPUT_CHARS} characters)", what.1),
        )),
        Prep::Empty => Error::from(Issue::new(
            &format!("{prefix}_EMPTY"),
            "",
            format!("{}不能为空", what.0),
            format!("{} is empty", what.1),
        )),
    })
}

/// Where `needle` first occurs in `hay` (a plain byte search: `str::find` with a `&str` pattern links core's
/// two-way string searcher, about 2 KB of wasm, for a few short needles).
pub(crate) fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(n.len()).position(|w| w == n)
}

/// The first 40 characters of `s`, for messages.
pub(crate) fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// One issue as an error.
pub(crate) fn err(code: &str, zh: impl Into<String>, en: impl Into<String>) -> Error {
    Error::from(Issue::new(code, "", zh, en))
}

/// The names of the kinds (as [`Kind::name`]), for messages.
#[cfg(any(test, feature = "wasm"))]
pub(crate) const KIND_NAMES: &str = "mobile, idCard, uscc, gtin, email, name, postalCode";
/// [`KIND_NAMES`] joined the Chinese way.
#[cfg(any(test, feature = "wasm"))]
pub(crate) const KIND_NAMES_ZH: &str = "mobile、idCard、uscc、gtin、email、name、postalCode";

/// The field validators by name, for batch calls ([`validate_many`]) and form rules.
///
/// # Example
/// ```
/// use mallcare::validation::Kind;
/// assert_eq!(Kind::parse("idCard"), Some(Kind::IdCard));
/// assert_eq!(Kind::parse("fax"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// [`validate_mobile`]
    Mobile,
    /// [`validate_id_card`]
    IdCard,
    /// [`validate_uscc`]
    Uscc,
    /// [`validate_gtin`]
    Gtin,
    /// [`validate_email`]
    Email,
    /// [`validate_name`]
    Name,
    /// [`validate_postal_code`]
    PostalCode,
}

impl Kind {
    /// Every kind, in the order of [`Kind::name`].
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::Kind;
    /// // Every kind's JS name reads back as that kind.
    /// for kind in Kind::ALL {
    ///     assert_eq!(Kind::parse(kind.name()), Some(kind));
    /// }
    /// assert_eq!(Kind::ALL[1], Kind::IdCard);
    /// ```
    pub const ALL: [Kind; 7] =
        [Kind::Mobile, Kind::IdCard, Kind::Uscc, Kind::Gtin, Kind::Email, Kind::Name, Kind::PostalCode];

    /// The kind with this JS name (`mobile`, `idCard`, `uscc`, `gtin`, `email`, `name`, `postalCode`).
    ///
    /// # Errors
    /// None; `None` for unknown names.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::Kind::parse("uscc"), Some(mallcare::validation::Kind::Uscc));
    /// ```
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The JS name of this kind.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::Kind::PostalCode.name(), "postalCode");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Kind::Mobile => "mobile",
            Kind::IdCard => "idCard",
            Kind::Uscc => "uscc",
            Kind::Gtin => "gtin",
            Kind::Email => "email",
            Kind::Name => "name",
            Kind::PostalCode => "postalCode",
        }
    }
}

/// Options of the field validators, as one bag (the JS `options` argument of `validateMany` and form rules).
///
/// # Example
/// ```
/// let o: mallcare::validation::FieldOptions =
///     serde_json::from_value(serde_json::json!({"today": "2026-05-01", "allowIot": true})).unwrap();
/// assert!(o.mobile.allow_iot);
/// ```
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldOptions {
    /// Today's date, for ID-card age and future-birth checks.
    #[serde(default)]
    pub today: Option<crate::Date>,
    /// Mobile options (`allowDataOnly`, `allowIot`), flattened.
    #[serde(flatten)]
    pub mobile: MobileOptions,
    /// Barcode options (`layout`), flattened.
    #[serde(flatten)]
    pub gtin: GtinOptions,
}

impl FieldOptions {
    /// Reads the options object of the JS calls (`{ today?, allowDataOnly?, allowIot?, layout?, … }`); other keys
    /// (`locale`, `compact`) are ignored. The JS glue applies the same rules property by property.
    ///
    /// # Errors
    /// `OPTIONS_INVALID` at `options.<key>` for a value of the wrong type; `DATE_INVALID` at `options.today`.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::FieldOptions;
    /// let o = FieldOptions::from_json(&serde_json::json!({"today": "2026-05-01", "locale": "en"})).unwrap();
    /// assert_eq!(o.today.unwrap().to_string(), "2026-05-01");
    /// let e = FieldOptions::from_json(&serde_json::json!({"allowIot": "yes"})).unwrap_err();
    /// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("OPTIONS_INVALID", "options.allowIot"));
    /// ```
    pub fn from_json(options: &serde_json::Value) -> Result<FieldOptions> {
        let mut out = FieldOptions::default();
        let Some(map) = options.as_object() else { return Ok(out) };
        let bad = option_error;
        let get = |key: &str| map.get(key).filter(|v| !v.is_null());
        if let Some(t) = get("today") {
            let text = t.as_str().ok_or_else(|| bad("today", " YYYY-MM-DD 字符串", "a YYYY-MM-DD string"))?;
            out.today = Some(crate::Date::parse(text).map_err(|e| e.under("options.today"))?);
        }
        for (key, slot) in [("allowDataOnly", &mut out.mobile.allow_data_only), ("allowIot", &mut out.mobile.allow_iot)]
        {
            if let Some(b) = get(key) {
                *slot = b.as_bool().ok_or_else(|| bad(key, " true 或 false", "true or false"))?;
            }
        }
        if let Some(l) = get("layout") {
            out.gtin.layout = Some(l.as_str().ok_or_else(|| bad("layout", "字符串", "a string"))?.to_string());
        }
        Ok(out)
    }
}

/// The `OPTIONS_INVALID` issue of option `key`, which must be `zh` / `en` (shared with the wasm calls, which read the
/// options property by property).
pub(crate) fn option_error(key: &str, zh: &str, en: &str) -> Error {
    Error::from(Issue::new(
        "OPTIONS_INVALID",
        format!("options.{key}"),
        format!("选项 {key} 应为{zh}"),
        format!("option {key} must be {en}"),
    ))
}

/// The value of any field validator (serialises as the inner value).
///
/// # Example
/// ```
/// use mallcare::validation::{validate_kind, FieldOptions, FieldValue, Kind};
/// let v = validate_kind(Kind::Email, "a@b.cn", &FieldOptions::default()).unwrap();
/// assert!(matches!(v, FieldValue::Email(_)));
/// assert_eq!(serde_json::to_value(&v).unwrap()["domain"], "b.cn");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// [`validate_mobile`]
    Mobile(Mobile),
    /// [`validate_id_card`]
    IdCard(IdCard),
    /// [`validate_uscc`]
    Uscc(Uscc),
    /// [`validate_gtin`]
    Gtin(Gtin),
    /// [`validate_email`]
    Email(Email),
    /// [`validate_name`]
    Name(PersonName),
    /// [`validate_postal_code`]
    PostalCode(PostalCode),
}

/// Runs the validator of `kind` on one text.
///
/// # Errors
/// The validator's issues.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_kind, FieldOptions, Kind};
/// let v = validate_kind(Kind::PostalCode, "１００００１", &FieldOptions::default()).unwrap();
/// assert_eq!(serde_json::to_value(v).unwrap()["code"], "100001");
/// ```
pub fn validate_kind(kind: Kind, text: &str, options: &FieldOptions) -> Result<FieldValue> {
    Ok(match kind {
        Kind::Mobile => FieldValue::Mobile(validate_mobile(text, &options.mobile)?),
        Kind::IdCard => FieldValue::IdCard(validate_id_card(text, options.today)?),
        Kind::Uscc => FieldValue::Uscc(validate_uscc(text)?),
        Kind::Gtin => FieldValue::Gtin(validate_gtin(text, &options.gtin)?),
        Kind::Email => FieldValue::Email(validate_email(text)?),
        Kind::Name => FieldValue::Name(validate_name(text)?),
        Kind::PostalCode => FieldValue::PostalCode(validate_postal_code(text)?),
    })
}

/// Batch validation: one result per input, in order (for a server re-checking a day's sign-ups).
/// A value that is not a string gets `INPUT_NOT_STRING`.
///
/// # Errors
/// None at the batch level: each item carries its own result.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_many, FieldOptions, Kind};
/// let items = vec![serde_json::json!("13800138000"), serde_json::json!(42)];
/// let out = validate_many(Kind::Mobile, &items, &FieldOptions::default());
/// assert!(out[0].is_ok());
/// assert_eq!(out[1].as_ref().unwrap_err().code(), "INPUT_NOT_STRING");
/// ```
pub fn validate_many(kind: Kind, values: &[serde_json::Value], options: &FieldOptions) -> Vec<Result<FieldValue>> {
    values
        .iter()
        .map(|v| match v.as_str() {
            Some(s) => validate_kind(kind, s, options),
            None => Err(not_string(v)),
        })
        .collect()
}

/// Parses JSON text into a `serde_json::Value` directly (no typed pass over the tree).
///
/// # Errors
/// `JSON_SYNTAX` with serde_json's message (also for nesting deeper than 128 levels).
///
/// # Example
/// ```
/// assert_eq!(mallcare::validation::parse_json("[1,").unwrap_err().code(), "JSON_SYNTAX");
/// assert_eq!(mallcare::validation::parse_json(r#"{"a": 1}"#).unwrap()["a"], 1);
/// ```
pub fn parse_json(text: &str) -> Result<serde_json::Value> {
    crate::json::parse_text(text)
}

/// The `INPUT_NOT_STRING` error for a JSON value.
pub(crate) fn not_string(v: &serde_json::Value) -> Error {
    let t = json_type(v);
    err("INPUT_NOT_STRING", format!("应为字符串，实际为 {t}"), format!("expected a string, got {t}"))
}

/// The JS type name of a JSON value (`null`, `boolean`, `number`, `string`, `array`, `object`).
pub(crate) fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn kind_names_list_every_kind() {
        let names: Vec<&str> = super::Kind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(super::KIND_NAMES, names.join(", "));
        assert_eq!(super::KIND_NAMES_ZH, names.join("、"));
        assert_eq!(super::find_bytes("http://x", "://"), Some(4));
        assert_eq!(super::find_bytes("李··雷", "··"), Some(3));
        assert_eq!(super::find_bytes("ab", "abc"), None);
    }
}
