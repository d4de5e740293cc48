//! Whole-form validation with async-validator descriptor semantics (the rules Ant Design and Element forms use),
//! plus mallcare's domain types and cross-field rules. Every issue is collected with its path (`items[1].reason`).
//!
//! A descriptor is JSON: either a plain async-validator descriptor `{ field: rule | [rule, …] }`, or a form document
//! `{ "name"?, "version"?, "about"?, "fields": { … }, "rules"?: [cross-field rule, …] }`. See `docs/validation.md`
//! for the full format and the porting guide.

use super::doc::{Doc, Val};
use super::{
    clip, err, json_type, validate_email, validate_gtin, validate_id_card, validate_mobile, validate_name,
    validate_postal_code, validate_uscc, GtinOptions, MobileOptions, Pattern,
};
use crate::error::{join_path, Error, Issue, Issues};
use crate::{Date, Money, Result, Timestamp};
use serde_json::{Map, Value};

/// Deepest nesting of `fields` / `defaultField` accepted in a descriptor: levels below the top-level rule (so a
/// chain of `MAX_DEPTH + 1` nested rules, counting the top one, loads, and one more is refused).
///
/// # Example
/// ```
/// use mallcare::validation::{form::MAX_DEPTH, FormSchema};
/// use serde_json::json;
/// // A top-level rule with `depth` levels of `fields` below it.
/// fn nested(depth: usize) -> serde_json::Value {
///     let mut rule = json!({"type": "string"});
///     for _ in 0..depth {
///         rule = json!({"type": "object", "fields": {"a": rule}});
///     }
///     json!({"a": rule})
/// }
/// assert!(FormSchema::load(&nested(MAX_DEPTH)).is_ok());
/// let e = FormSchema::load(&nested(MAX_DEPTH + 1)).unwrap_err();
/// assert_eq!(e.code(), "FORM_DESCRIPTOR_TOO_DEEP");
/// ```
pub const MAX_DEPTH: usize = 16;
/// Most rules accepted in one descriptor (all levels together).
///
/// # Example
/// ```
/// use mallcare::validation::{form::MAX_RULES, FormSchema};
/// // `n` fields of one rule each.
/// fn fields(n: usize) -> serde_json::Value {
///     (0..n).map(|i| (format!("f{i}"), serde_json::json!({"type": "string"}))).collect()
/// }
/// assert_eq!(FormSchema::load(&fields(MAX_RULES)).unwrap().rule_count(), MAX_RULES);
/// let e = FormSchema::load(&fields(MAX_RULES + 1)).unwrap_err();
/// assert_eq!(e.code(), "FORM_DESCRIPTOR_TOO_LARGE");
/// ```
pub const MAX_RULES: usize = 2000;
/// Longest string value checked; longer ones get `FORM_VALUE_TOO_LONG`.
///
/// # Example
/// ```
/// use mallcare::validation::{form::MAX_VALUE_CHARS, FormOptions, FormSchema};
/// use serde_json::json;
/// let schema = FormSchema::from_json(r#"{"note": {"type": "string"}}"#).unwrap();
/// let opts = FormOptions::default();
/// // Characters, not bytes: 10 000 Han characters are 30 000 bytes and still fine.
/// assert!(schema.validate(&json!({"note": "退".repeat(MAX_VALUE_CHARS)}), &opts).is_ok());
/// let e = schema.validate(&json!({"note": "退".repeat(MAX_VALUE_CHARS + 1)}), &opts).unwrap_err();
/// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("FORM_VALUE_TOO_LONG", "note"));
/// ```
pub const MAX_VALUE_CHARS: usize = 10_000;
/// [`MAX_VALUE_CHARS`] in messages.
const MAX_VALUE_TEXT: &str = "10000";

const DOC_KEYS: [&str; 6] = ["name", "version", "about", "title", "fields", "rules"];
#[cfg(test)]
const RULE_KEYS: [&str; 16] = [
    "type",
    "required",
    "pattern",
    "min",
    "max",
    "len",
    "enum",
    "whitespace",
    "fields",
    "defaultField",
    "message",
    "label",
    "trigger",
    "validateTrigger",
    "layout",
    "allowDataOnly",
];
#[cfg(test)]
const RULE_KEYS_MORE: [&str; 1] = ["allowIot"];
/// The rule keys and the type names, for messages (checked against `RULE_KEYS` and `TYPES` by a test).
const RULE_KEY_NAMES: &str = "type, required, pattern, min, max, len, enum, whitespace, fields, defaultField, message, label, trigger, validateTrigger, layout, allowDataOnly, allowIot";
const TYPE_NAMES: &str = "string, number, boolean, integer, float, array, object, enum, date, url, hex, email, any, mobile, idCard, uscc, gtin, amount, postalCode, name";
const TYPE_NAMES_ZH: &str = "string、number、boolean、integer、float、array、object、enum、date、url、hex、email、any、mobile、idCard、uscc、gtin、amount、postalCode、name";
const FUNCTION_KEYS: [&str; 4] = ["validator", "asyncValidator", "transform", "asyncValidate"];

/// A message in both languages (a descriptor's `message` / `label`: a string, or `{ "zh-CN": …, "en": … }`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Text {
    zh: String,
    en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Type {
    String,
    Number,
    Boolean,
    Integer,
    Float,
    Array,
    Object,
    Enum,
    Date,
    Url,
    Hex,
    Email,
    Any,
    Mobile,
    IdCard,
    Uscc,
    Gtin,
    Amount,
    PostalCode,
    Name,
}

const TYPES: [(&str, Type, &str, &str); 20] = [
    ("string", Type::String, "文本", "a string"),
    ("number", Type::Number, "数字", "a number"),
    ("boolean", Type::Boolean, "是或否", "true or false"),
    ("integer", Type::Integer, "整数", "an integer"),
    ("float", Type::Float, "小数", "a number with a fraction"),
    ("array", Type::Array, "列表", "a list"),
    ("object", Type::Object, "对象", "an object"),
    ("enum", Type::Enum, "可选值之一", "one of the allowed values"),
    ("date", Type::Date, "日期", "a date"),
    ("url", Type::Url, "网址", "a URL"),
    ("hex", Type::Hex, "十六进制颜色", "a hex colour"),
    ("email", Type::Email, "邮箱地址", "an e-mail address"),
    ("any", Type::Any, "任意值", "any value"),
    ("mobile", Type::Mobile, "手机号", "a mobile number"),
    ("idCard", Type::IdCard, "身份证号", "an ID number"),
    ("uscc", Type::Uscc, "统一社会信用代码", "a unified social credit code"),
    ("gtin", Type::Gtin, "商品条码", "a barcode"),
    ("amount", Type::Amount, "金额", "an amount"),
    ("postalCode", Type::PostalCode, "邮政编码", "a postal code"),
    ("name", Type::Name, "姓名", "a name"),
];

fn type_info(t: Type) -> (&'static str, &'static str, &'static str) {
    TYPES.iter().find(|x| x.1 == t).map_or(("any", "任意值", "any value"), |x| (x.0, x.2, x.3))
}

impl Type {
    /// Types whose empty value is `""` as well as null/absent.
    fn stringy(self) -> bool {
        !matches!(
            self,
            Type::Number | Type::Boolean | Type::Integer | Type::Float | Type::Array | Type::Object | Type::Any
        )
    }
}

#[derive(Clone, Debug)]
struct Rule {
    ty: Option<Type>,
    required: bool,
    pattern: Option<Pattern>,
    min: Option<f64>,
    max: Option<f64>,
    len: Option<f64>,
    enumeration: Option<Vec<Value>>,
    whitespace: bool,
    fields: Option<Vec<(String, Vec<Rule>)>>,
    default_field: Option<Vec<Rule>>,
    message: Option<Text>,
    label: Option<Text>,
    mobile: MobileOptions,
    layout: Option<String>,
}

#[derive(Clone, Debug)]
enum Cross {
    OneOfRequired { fields: Vec<String>, message: Option<Text> },
    DateNotBefore { field: String, other: String, message: Option<Text> },
    RequiredWhen { field: String, when: String, equals: Value, message: Option<Text> },
}

/// Options of [`FormSchema::validate`] (JS: `{ locale?, today? }`).
///
/// # Example
/// ```
/// let o: mallcare::validation::FormOptions = serde_json::from_str(r#"{"today": "2026-05-01"}"#).unwrap();
/// assert_eq!(o.today.unwrap().to_string(), "2026-05-01");
/// ```
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormOptions {
    /// Today, for `idCard` fields (age, birth date not in the future).
    #[serde(default)]
    pub today: Option<Date>,
    /// Message language (read by the JS glue; issues carry both languages in Rust).
    #[serde(default)]
    pub locale: Option<String>,
}

/// A descriptor checked once, ready to validate many values ("load once, query many").
///
/// # Example
/// ```
/// use mallcare::validation::{FormOptions, FormSchema};
/// let schema = FormSchema::from_json(r#"{
///   "mobile": {"type": "mobile", "required": true},
///   "items": {"type": "array", "min": 1, "defaultField": {"type": "object", "fields": {
///      "reason": {"type": "enum", "enum": ["quality", "other"], "required": true}}}}
/// }"#).unwrap();
/// let bad = serde_json::json!({"mobile": "12345", "items": [{"reason": "quality"}, {"reason": "late"}]});
/// let e = schema.validate(&bad, &FormOptions::default()).unwrap_err();
/// let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
/// assert_eq!(paths, ["items[1].reason", "mobile"]); // field-name order
/// let good = serde_json::json!({"mobile": "+86 138 0013 8000", "items": [{"reason": "quality"}]});
/// assert_eq!(schema.validate(&good, &FormOptions::default()).unwrap()["mobile"], "13800138000");
/// ```
#[derive(Clone, Debug)]
pub struct FormSchema {
    name: Option<String>,
    fields: Vec<(String, Vec<Rule>)>,
    cross: Vec<Cross>,
    fingerprint: String,
    rule_count: usize,
}

struct Loader {
    issues: Issues,
    rules: usize,
}

/// An issue whose messages are the concatenation of parts: one non-generic call, much smaller in wasm than a
/// `format!` per message (each builds its own argument table).
#[inline(never)]
fn issue(code: &str, path: &str, zh: &[&str], en: &[&str]) -> Issue {
    Issue::new(code, path, zh.concat(), en.concat())
}

impl Loader {
    fn bad(&mut self, path: &str, zh: &str, en: &str) {
        self.issues.push(issue("FORM_DESCRIPTOR_INVALID", path, &[zh], &[en]));
    }

    /// `FORM_DESCRIPTOR_INVALID` for a key holding a value of the wrong type (`{key} 应为{zh}` / `{key} must be {en}`).
    fn bad_key(&mut self, path: &str, key: &str, zh: &str, en: &str) {
        self.issues.push(issue("FORM_DESCRIPTOR_INVALID", path, &[key, " 应为", zh], &[key, " must be ", en]));
    }

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::String(s) => Some(Text { zh: s.clone(), en: s.clone() }),
            Value::Object(m) => {
                let zh = m.get("zh-CN").or_else(|| m.get("zh")).and_then(Value::as_str);
                let en = m.get("en").and_then(Value::as_str);
                match (zh, en) {
                    (Some(z), Some(e)) => Some(Text { zh: z.to_string(), en: e.to_string() }),
                    (Some(one), None) | (None, Some(one)) => Some(Text { zh: one.to_string(), en: one.to_string() }),
                    (None, None) => {
                        self.bad(
                            path,
                            "文本应为字符串或 {\"zh-CN\", \"en\"}",
                            "text must be a string or {\"zh-CN\", \"en\"}",
                        );
                        None
                    }
                }
            }
            _ => {
                self.bad(path, "文本应为字符串或 {\"zh-CN\", \"en\"}", "text must be a string or {\"zh-CN\", \"en\"}");
                None
            }
        }
    }

    fn fields(&mut self, v: &Value, path: &str, depth: usize) -> Vec<(String, Vec<Rule>)> {
        let Some(map) = v.as_object() else {
            self.bad(path, "字段描述应为对象 { 字段名: 规则 }", "a descriptor must be an object { field: rule }");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(map.len());
        for (k, rv) in map {
            let p = join_path(path, k);
            let rules = self.rules(rv, &p, depth);
            out.push((k.clone(), rules));
        }
        out
    }

    fn rules(&mut self, v: &Value, path: &str, depth: usize) -> Vec<Rule> {
        match v {
            Value::Array(list) => {
                list.iter().enumerate().filter_map(|(i, r)| self.rule(r, &indexed(path, i), depth)).collect()
            }
            other => self.rule(other, path, depth).into_iter().collect(),
        }
    }

    fn rule(&mut self, v: &Value, path: &str, depth: usize) -> Option<Rule> {
        self.rules += 1;
        if self.rules > MAX_RULES || depth > MAX_DEPTH {
            if self.issues.is_empty() || (self.rules == MAX_RULES + 1 || depth == MAX_DEPTH + 1) {
                let (code, zh, en) = if depth > MAX_DEPTH {
                    ("FORM_DESCRIPTOR_TOO_DEEP", "表单描述嵌套超过 16 层", "the descriptor nests deeper than 16 levels")
                } else {
                    ("FORM_DESCRIPTOR_TOO_LARGE", "表单描述超过 2000 条规则", "the descriptor has more than 2000 rules")
                };
                self.issues.push(issue(code, path, &[zh], &[en]));
            }
            return None;
        }
        let Some(m) = v.as_object() else {
            self.bad(path, "规则应为对象", "a rule must be an object");
            return None;
        };
        let mut rule = Rule {
            ty: None,
            required: false,
            pattern: None,
            min: None,
            max: None,
            len: None,
            enumeration: None,
            whitespace: false,
            fields: None,
            default_field: None,
            message: None,
            label: None,
            mobile: MobileOptions::default(),
            layout: None,
        };
        for (k, val) in m {
            let p = join_path(path, k);
            match k.as_str() {
                "type" => match val.as_str().and_then(|t| TYPES.iter().find(|x| x.0 == t)) {
                    Some(t) => rule.ty = Some(t.1),
                    None => {
                        let shown = clip(&shown(val));
                        self.issues.push(issue(
                            "FORM_TYPE_UNKNOWN",
                            &p,
                            &["未知的类型 “", &shown, "”，可用：", TYPE_NAMES_ZH],
                            &["unknown type \"", &shown, "\"; known: ", TYPE_NAMES],
                        ));
                    }
                },
                "required" | "whitespace" | "allowDataOnly" | "allowIot" => match val.as_bool() {
                    Some(b) => match k.as_str() {
                        "required" => rule.required = b,
                        "whitespace" => rule.whitespace = b,
                        "allowDataOnly" => rule.mobile.allow_data_only = b,
                        _ => rule.mobile.allow_iot = b,
                    },
                    None => self.bad_key(&p, k, " true 或 false", "true or false"),
                },
                "pattern" => match val.as_str() {
                    Some(s) => match Pattern::compile(s) {
                        Ok(pat) => rule.pattern = Some(pat),
                        Err(e) => self.issues.take::<()>(Err(e), &p).unwrap_or(()),
                    },
                    None => self.bad(&p, "pattern 应为正则表达式字符串", "pattern must be a regular expression string"),
                },
                "min" | "max" | "len" => match val.as_f64() {
                    Some(x) => match k.as_str() {
                        "min" => rule.min = Some(x),
                        "max" => rule.max = Some(x),
                        _ => rule.len = Some(x),
                    },
                    None => self.bad_key(&p, k, "数字", "a number"),
                },
                "enum" => match val.as_array() {
                    Some(list) => rule.enumeration = Some(list.clone()),
                    None => self.bad(&p, "enum 应为数组", "enum must be an array"),
                },
                "fields" => rule.fields = Some(self.fields(val, &p, depth + 1)),
                "defaultField" => rule.default_field = Some(self.rules(val, &p, depth + 1)),
                "message" => rule.message = self.text(val, &p),
                "label" => rule.label = self.text(val, &p),
                "layout" => match val.as_str() {
                    Some(l) => match super::GtinLayout::parse(l) {
                        Ok(_) => rule.layout = Some(l.to_string()),
                        Err(e) => self.issues.take::<()>(Err(e), &p).unwrap_or(()),
                    },
                    None => self.bad(&p, "layout 应为字符串", "layout must be a string"),
                },
                "trigger" | "validateTrigger" => {}
                k if FUNCTION_KEYS.contains(&k) => self.issues.push(issue(
                    "FORM_RULE_UNSUPPORTED",
                    &p,
                    &["不支持 ", k, "：JSON 描述中不能包含函数，请改用 pattern、enum 或领域类型"],
                    &[k, " is not supported: a JSON descriptor holds no functions; use pattern, enum or a domain type"],
                )),
                k => {
                    let k = clip(k);
                    self.issues.push(issue(
                        "FORM_RULE_UNKNOWN_KEY",
                        &p,
                        &["规则中有未知的键 “", &k, "”（可用：", RULE_KEY_NAMES, "）"],
                        &["unknown rule key \"", &k, "\" (known: ", RULE_KEY_NAMES, ")"],
                    ));
                }
            }
        }
        Some(rule)
    }

    fn path_field(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match m.get(key).and_then(Value::as_str) {
            Some(s) if !s.is_empty() => Some(s.to_string()),
            _ => {
                self.bad_key(&join_path(path, key), key, "字段名字符串", "a field name");
                None
            }
        }
    }

    fn cross(&mut self, v: &Value, path: &str) -> Option<Cross> {
        self.rules += 1;
        let Some(m) = v.as_object() else {
            self.bad(path, "跨字段规则应为对象", "a cross-field rule must be an object");
            return None;
        };
        let message = match m.get("message") {
            Some(t) => self.text(t, &join_path(path, "message")),
            None => None,
        };
        match m.get("type").and_then(Value::as_str) {
            Some("oneOfRequired") => {
                let fields: Option<Vec<String>> = m
                    .get("fields")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(|f| f.as_str().map(str::to_string)).collect());
                match fields {
                    Some(f) if f.len() >= 2 => Some(Cross::OneOfRequired { fields: f, message }),
                    _ => {
                        self.bad(
                            &join_path(path, "fields"),
                            "fields 应为至少两个字段名的数组",
                            "fields must list at least two field names",
                        );
                        None
                    }
                }
            }
            Some("dateNotBefore") => {
                let field = self.path_field(m, "field", path);
                let other = self.path_field(m, "other", path);
                Some(Cross::DateNotBefore { field: field?, other: other?, message })
            }
            Some("requiredWhen") => {
                let field = self.path_field(m, "field", path);
                let when = self.path_field(m, "when", path);
                let Some(equals) = m.get("equals").cloned() else {
                    self.bad(&join_path(path, "equals"), "缺少 equals", "equals is missing");
                    return None;
                };
                Some(Cross::RequiredWhen { field: field?, when: when?, equals, message })
            }
            other => {
                let shown = clip(other.unwrap_or("(none)"));
                self.issues.push(issue(
                    "FORM_TYPE_UNKNOWN",
                    &join_path(path, "type"),
                    &["未知的跨字段规则 “", &shown, "”，可用：oneOfRequired、dateNotBefore、requiredWhen"],
                    &["unknown cross-field rule \"", &shown, "\"; known: oneOfRequired, dateNotBefore, requiredWhen"],
                ));
                None
            }
        }
    }
}

fn is_form_document(m: &Map<String, Value>) -> bool {
    m.get("fields").is_some_and(Value::is_object) && m.keys().all(|k| DOC_KEYS.contains(&k.as_str()))
}

impl FormSchema {
    /// Checks a descriptor (plain async-validator descriptor or form document) once.
    ///
    /// # Errors
    /// Every problem in the descriptor, with its path inside it: `FORM_DESCRIPTOR_INVALID` (wrong shape),
    /// `FORM_TYPE_UNKNOWN`, `FORM_RULE_UNKNOWN_KEY`, `FORM_RULE_UNSUPPORTED` (function keys such as `validator`),
    /// `FORM_PATTERN_INVALID` / `FORM_PATTERN_UNSUPPORTED` / `FORM_PATTERN_TOO_COMPLEX`, `GTIN_LAYOUT_INVALID`,
    /// `FORM_DESCRIPTOR_TOO_DEEP` (over 16 levels), `FORM_DESCRIPTOR_TOO_LARGE` (over 2000 rules).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::FormSchema;
    /// let e = FormSchema::load(&serde_json::json!({"a": {"type": "phone"}})).unwrap_err();
    /// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("FORM_TYPE_UNKNOWN", "a.type"));
    /// ```
    pub fn load(descriptor: &Value) -> Result<FormSchema> {
        let mut l = Loader { issues: Issues::default(), rules: 0 };
        let Some(top) = descriptor.as_object() else {
            let t = json_type(descriptor);
            return Err(Error::from(issue(
                "FORM_DESCRIPTOR_INVALID",
                "",
                &["表单描述应为对象，实际为 ", t],
                &["a form descriptor must be an object, got ", t],
            )));
        };
        let (name, fields, cross) = if is_form_document(top) {
            let fields = top.get("fields").map(|f| l.fields(f, "fields", 0)).unwrap_or_default();
            let mut cross = Vec::new();
            match top.get("rules") {
                None => {}
                Some(Value::Array(list)) => {
                    for (i, r) in list.iter().enumerate() {
                        if let Some(c) = l.cross(r, &indexed("rules", i)) {
                            cross.push(c);
                        }
                    }
                }
                Some(_) => l.bad("rules", "rules 应为数组", "rules must be an array"),
            }
            (top.get("name").and_then(Value::as_str).map(str::to_string), fields, cross)
        } else {
            (None, l.fields(descriptor, "", 0), Vec::new())
        };
        let rule_count = l.rules;
        l.issues.finish(FormSchema {
            name,
            fields,
            cross,
            fingerprint: crate::json::fingerprint(descriptor),
            rule_count,
        })
    }

    /// [`FormSchema::load`] from JSON text.
    ///
    /// # Errors
    /// `JSON_SYNTAX`, or as [`FormSchema::load`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::FormSchema::from_json("{").unwrap_err().code(), "JSON_SYNTAX");
    /// ```
    pub fn from_json(text: &str) -> Result<FormSchema> {
        let v = super::parse_json(text)?;
        FormSchema::load(&v)
    }

    /// One of the ready descriptors shipped with mallcare (see [`form_descriptor_names`]).
    ///
    /// # Errors
    /// `FORM_UNKNOWN` for other names.
    ///
    /// # Example
    /// ```
    /// let s = mallcare::validation::FormSchema::builtin("deliveryAddress").unwrap();
    /// assert_eq!(s.name(), Some("deliveryAddress"));
    /// ```
    pub fn builtin(name: &str) -> Result<FormSchema> {
        FormSchema::from_json(form_descriptor(name)?)
    }

    /// The form's name (form documents only).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::FormSchema::from_json("{}").unwrap().name(), None);
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The fingerprint of the descriptor JSON ([`crate::json::fingerprint`]), so a server can tell which rules a
    /// client applied.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::FormSchema::from_json("{}").unwrap().fingerprint().len(), 16);
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// How many rules the descriptor holds (all levels, cross-field rules included).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let s = mallcare::validation::FormSchema::from_json(r#"{"a": [{"required": true}, {"type": "email"}]}"#).unwrap();
    /// assert_eq!(s.rule_count(), 2);
    /// ```
    pub fn rule_count(&self) -> usize {
        self.rule_count
    }

    /// Validates a form value: every issue with its path, or the normalised value (domain types replaced by their
    /// normal form: mobile → 11 digits, idCard → 18 characters, uscc/gtin/email/name/postalCode normalised, amount →
    /// integer fen, date → `YYYY-MM-DD`; other values untouched).
    ///
    /// # Errors
    /// Every issue found (see `docs/validation.md` for the codes), each with its path.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{FormOptions, FormSchema};
    /// let s = FormSchema::from_json(r#"{"price": {"type": "amount", "required": true, "min": 0.01}}"#).unwrap();
    /// let v = s.validate(&serde_json::json!({"price": "¥12.50"}), &FormOptions::default()).unwrap();
    /// assert_eq!(v["price"], 1250);
    /// let e = s.validate(&serde_json::json!({}), &FormOptions::default()).unwrap_err();
    /// assert_eq!(e.code(), "FORM_REQUIRED");
    /// ```
    pub fn validate(&self, value: &Value, options: &FormOptions) -> Result<Value> {
        let mut doc = Doc::from_value(value);
        self.check(&mut doc, 0, options)?;
        Ok(doc.to_value(0))
    }

    /// [`FormSchema::validate`] taking the value by value.
    ///
    /// # Errors
    /// As [`FormSchema::validate`].
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::{FormOptions, FormSchema};
    /// let s = FormSchema::from_json(r#"{"m": {"type": "mobile"}}"#).unwrap();
    /// let v = s.validate_owned(serde_json::json!({"m": "+86 13800138000"}), &FormOptions::default()).unwrap();
    /// assert_eq!(v["m"], "13800138000");
    /// ```
    pub fn validate_owned(&self, value: Value, options: &FormOptions) -> Result<Value> {
        self.validate(&value, options)
    }

    /// Validates the value at token `at` of `doc`, normalising it in place.
    pub(crate) fn check(&self, doc: &mut Doc<'_>, at: usize, options: &FormOptions) -> Result<()> {
        let mut issues = Vec::new();
        if !matches!(doc.val(at), Val::Obj) {
            let t = doc.type_name(at);
            return Err(Error::from(issue(
                "FORM_VALUE_NOT_OBJECT",
                "",
                &["表单值应为对象，实际为 ", t],
                &["a form value must be an object, got ", t],
            )));
        }
        let ctx = Ctx { today: options.today, root: at };
        let mut path = String::with_capacity(64);
        ctx.object(doc, &self.fields, at, &mut path, &mut issues);
        for c in &self.cross {
            ctx.cross(doc, c, &mut issues);
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(Error::new(issues))
        }
    }
}

struct Ctx {
    today: Option<Date>,
    /// The form value's token (cross-field rules name fields from there).
    root: usize,
}

/// A field's name in messages, borrowed: the rule's `label`, else the path.
struct Label<'a> {
    zh: &'a str,
    en: &'a str,
}

fn label_of<'a>(rule: &'a Rule, path: &'a str) -> Label<'a> {
    rule.label.as_ref().map_or(Label { zh: path, en: path }, |t| Label { zh: &t.zh, en: &t.en })
}

fn empty(doc: &Doc<'_>, v: Option<usize>, ty: Option<Type>, is_array_rule: bool) -> bool {
    let Some(i) = v else { return true };
    match doc.val(i) {
        Val::Null => true,
        Val::Str(s) => s.is_empty() && ty.is_none_or(Type::stringy),
        Val::Arr => doc.children(i).next().is_none() && is_array_rule,
        _ => false,
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation, reason = "integral and small, checked above")]
        let i = x as i64;
        let text = uint_text(i.unsigned_abs());
        if i < 0 {
            ["-", &text].concat()
        } else {
            text
        }
    } else {
        // serde_json's float writer (already linked for JSON output) rather than `f64`'s Display, which would link
        // core's float formatting (~6 KB of wasm) for this one message.
        serde_json::Number::from_f64(x).map_or_else(|| "NaN".to_string(), |n| shown(&Value::Number(n)))
    }
}

/// A JSON value in a message: a string as itself, anything else as compact JSON (through the JSON writer already
/// linked for answers, not `Value`'s `Display`, which pulls in a second, pretty-printing copy of it).
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Reads a date or RFC 3339 timestamp (a JS `Date` arrives as a UTC timestamp) as a China civil date.
fn date_value(s: &str) -> Result<Date> {
    let t = if s.is_ascii() && s.trim() == s {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(crate::text::normalize(s))
    };
    if t.len() > 10 {
        if let Ok(ts) = Timestamp::parse(&t) {
            return Ok(ts.date());
        }
    }
    Date::parse(&t)
}

fn money_value(v: &Val<'_>) -> Result<Money> {
    match v {
        Val::Str(s) => Money::parse(s),
        Val::Num(n) => Money::parse(&serde_json::to_string(n).unwrap_or_default()),
        _ => Err(err("AMOUNT_INVALID", "金额应为文本或数字", "an amount must be text or a number")),
    }
}

/// Appends `.key` (or `key` at the root) to `path`; returns the length to truncate back to.
fn push_key(path: &mut String, key: &str) -> usize {
    let len = path.len();
    if len > 0 {
        path.push('.');
    }
    path.push_str(key);
    len
}

/// Appends `[i]` to `path`; returns the length to truncate back to.
fn push_index(path: &mut String, i: usize) -> usize {
    let len = path.len();
    path.push('[');
    push_uint(path, i as u64);
    path.push(']');
    len
}

/// Appends `n` in decimal.
fn push_uint(out: &mut String, n: u64) {
    if n >= 10 {
        push_uint(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// `n` in decimal, without the formatting machinery (`Display` for integers pulls in `fmt::Formatter` padding).
fn uint_text(mut n: u64) -> String {
    let mut digits = Vec::with_capacity(20);
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// `path[i]`.
fn indexed(path: &str, i: usize) -> String {
    let mut p = path.to_string();
    push_index(&mut p, i);
    p
}

fn lookup(doc: &Doc<'_>, root: usize, dotted: &str) -> Option<usize> {
    let mut cur = root;
    for p in dotted.split('.') {
        cur = doc.get(cur, p)?;
    }
    Some(cur)
}

/// Whether the value at `i` equals `b` (numbers by value, as f64; anything else as `Value`'s `==`).
fn json_eq(doc: &Doc<'_>, i: usize, b: &Value) -> bool {
    match (doc.val(i), b) {
        (Val::Num(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => doc.eq_value(i, b),
    }
}

impl Ctx {
    fn object(
        &self,
        doc: &mut Doc<'_>,
        fields: &[(String, Vec<Rule>)],
        obj: usize,
        path: &mut String,
        issues: &mut Vec<Issue>,
    ) {
        // Each field's member, found in one pass over the members (fields are in key order: they come from a JSON
        // map), the last of a repeated key winning as in serde_json; a rule only replaces scalars, so the members
        // stay where they are. Forms of more than 32 fields look each one up.
        let mut found = [usize::MAX; 32];
        let one_pass = fields.len() <= found.len();
        if one_pass {
            for c in doc.children(obj) {
                if let Ok(k) = fields.binary_search_by(|(name, _)| name.as_str().cmp(doc.key(c))) {
                    if let Some(slot) = found.get_mut(k) {
                        *slot = c;
                    }
                }
            }
        }
        for (k, (name, rules)) in fields.iter().enumerate() {
            let len = push_key(path, name);
            let at = if one_pass { found.get(k).copied().filter(|&c| c != usize::MAX) } else { doc.get(obj, name) };
            for rule in rules {
                self.rule(doc, rule, at, path, issues);
            }
            path.truncate(len);
        }
    }

    fn rule(&self, doc: &mut Doc<'_>, rule: &Rule, value: Option<usize>, path_buf: &mut String, out: &mut Vec<Issue>) {
        let mut own: Vec<Issue> = Vec::new();
        let descend = self.own_issues(doc, rule, value, path_buf, &mut own);
        // One `finish` for every way out (a custom message replaces the rule's own issues, not nested ones).
        self.finish(rule, own, path_buf, out);
        if let Some(v) = descend {
            self.nested(doc, rule, v, path_buf, out);
        }
    }

    /// The rule's own issues at `value`; answers the value to descend into when its type is right.
    fn own_issues(
        &self,
        doc: &mut Doc<'_>,
        rule: &Rule,
        value: Option<usize>,
        path: &str,
        own: &mut Vec<Issue>,
    ) -> Option<usize> {
        let label = label_of(rule, path);
        let is_array = rule.ty == Some(Type::Array);
        if empty(doc, value, rule.ty, is_array) {
            if rule.required {
                own.push(issue("FORM_REQUIRED", path, &["请填写", label.zh], &[label.en, " is required"]));
            }
            return None;
        }
        let v = value?;
        if let Some(s) = doc.str(v) {
            if s.len() > MAX_VALUE_CHARS * 4 || s.chars().count() > MAX_VALUE_CHARS {
                own.push(issue(
                    "FORM_VALUE_TOO_LONG",
                    path,
                    &[label.zh, "过长（超过 ", MAX_VALUE_TEXT, " 个字符）"],
                    &[label.en, " is too long (more than ", MAX_VALUE_TEXT, " characters)"],
                ));
                return None;
            }
            if rule.whitespace && s.trim().is_empty() {
                own.push(issue("FORM_WHITESPACE", path, &[label.zh, "不能只有空白"], &[label.en, " cannot be blank"]));
                return None;
            }
        }
        if !self.check_type(doc, rule, v, path, &label, own) {
            return None;
        }
        self.range(doc, rule, v, path, &label, own);
        if let (Some(p), Some(s)) = (&rule.pattern, doc.str(v)) {
            if !p.is_match(s) {
                own.push(issue(
                    "FORM_PATTERN",
                    path,
                    &[label.zh, "格式不正确"],
                    &[label.en, " does not match the pattern ", p.source()],
                ));
            }
        }
        if let Some(list) = &rule.enumeration {
            if !list.iter().any(|e| json_eq(doc, v, e)) {
                let shown: Vec<String> = list.iter().map(shown).collect();
                own.push(issue(
                    "FORM_ENUM",
                    path,
                    &[label.zh, "应为以下之一：", &shown.join("、")],
                    &[label.en, " must be one of ", &shown.join(", ")],
                ));
            }
        }
        Some(v)
    }

    /// Applies the rule's custom message to its own issues (not to nested ones), then adds them.
    fn finish(&self, rule: &Rule, own: Vec<Issue>, path: &str, out: &mut Vec<Issue>) {
        match (&rule.message, own.first()) {
            (Some(m), Some(first)) => out.push(Issue::new(&first.code, path, m.zh.clone(), m.en.clone())),
            _ => out.extend(own),
        }
    }

    fn nested(&self, doc: &mut Doc<'_>, rule: &Rule, v: usize, path: &mut String, out: &mut Vec<Issue>) {
        if rule.fields.is_none() && rule.default_field.is_none() {
            return;
        }
        let specific = |key: &str| rule.fields.as_ref().and_then(|f| f.iter().find(|(k, _)| k == key)).map(|(_, r)| r);
        match doc.val(v) {
            Val::Arr => {
                let items: Vec<usize> = doc.children(v).collect();
                for (i, item) in items.iter().enumerate() {
                    let by_index = if rule.fields.is_some() { specific(&uint_text(i as u64)) } else { None };
                    if let Some(rules) = by_index.or(rule.default_field.as_ref()) {
                        let len = push_index(path, i);
                        for r in rules {
                            self.rule(doc, r, Some(*item), path, out);
                        }
                        path.truncate(len);
                    }
                }
                // fields naming indices past the end: required ones are missing
                if let Some(f) = &rule.fields {
                    for (k, rules) in f {
                        if k.parse::<usize>().is_ok_and(|i| i >= items.len()) {
                            let len = path.len();
                            path.push('[');
                            path.push_str(k);
                            path.push(']');
                            for r in rules {
                                self.rule(doc, r, None, path, out);
                            }
                            path.truncate(len);
                        }
                    }
                }
            }
            Val::Obj => {
                if let Some(d) = &rule.default_field {
                    // the members in key order (as issues are listed), each key once
                    let mut after = None;
                    while let Some(c) = doc.next_member(v, after.map(|a| doc.key(a))) {
                        after = Some(c);
                        if specific(doc.key(c)).is_some() {
                            continue;
                        }
                        let len = push_key(path, doc.key(c));
                        for r in d {
                            self.rule(doc, r, Some(c), path, out);
                        }
                        path.truncate(len);
                    }
                }
                if let Some(f) = &rule.fields {
                    self.object(doc, f, v, path, out);
                }
            }
            _ => {}
        }
    }

    fn check_type(
        &self,
        doc: &mut Doc<'_>,
        rule: &Rule,
        v: usize,
        path: &str,
        label: &Label<'_>,
        own: &mut Vec<Issue>,
    ) -> bool {
        let Some(ty) = rule.ty else { return true };
        let (_, tzh, ten) = type_info(ty);
        let mismatch = |own: &mut Vec<Issue>, doc: &Doc<'_>| {
            let t = doc.type_name(v);
            own.push(issue(
                "FORM_TYPE",
                path,
                &[label.zh, "应为", tzh, "，实际为 ", t],
                &[label.en, " must be ", ten, ", got ", t],
            ));
            false
        };
        let domain = |own: &mut Vec<Issue>, r: Result<String>| match r {
            Ok(n) => Some(n),
            Err(e) => {
                own.extend(e.under(path).into_issues());
                None
            }
        };
        let val = doc.val(v);
        match ty {
            Type::Any => true,
            Type::String => matches!(val, Val::Str(_)) || mismatch(own, doc),
            Type::Number => matches!(val, Val::Num(_)) || mismatch(own, doc),
            Type::Boolean => matches!(val, Val::Bool(_)) || mismatch(own, doc),
            Type::Integer => doc.f64(v).is_some_and(|x| x.fract() == 0.0) || mismatch(own, doc),
            Type::Float => doc.f64(v).is_some_and(|x| x.fract() != 0.0) || mismatch(own, doc),
            Type::Array => matches!(val, Val::Arr) || mismatch(own, doc),
            Type::Object => matches!(val, Val::Obj) || mismatch(own, doc),
            Type::Enum => true,
            Type::Url => doc.str(v).is_some_and(is_url) || mismatch(own, doc),
            Type::Hex => doc.str(v).is_some_and(is_hex) || mismatch(own, doc),
            Type::Amount => {
                if !matches!(val, Val::Str(_) | Val::Num(_)) {
                    return mismatch(own, doc);
                }
                match money_value(val) {
                    Ok(m) => {
                        doc.set(v, Val::Num(m.fen().into()));
                        true
                    }
                    Err(e) => {
                        own.extend(e.under(path).into_issues());
                        false
                    }
                }
            }
            _ => {
                let Some(s) = doc.str(v) else { return mismatch(own, doc) };
                if ty == Type::Date && Date::parse(s).is_ok() {
                    return true; // already `YYYY-MM-DD`: nothing to normalise
                }
                let r = match ty {
                    Type::Date => date_value(s).map(|d| d.to_string()),
                    Type::Email => validate_email(s).map(|e| e.address),
                    Type::Mobile => validate_mobile(s, &rule.mobile).map(|m| m.national),
                    Type::IdCard => validate_id_card(s, self.today).map(|i| i.number.to_string()),
                    Type::Uscc => validate_uscc(s).map(|u| u.code),
                    Type::Gtin => validate_gtin(s, &GtinOptions { layout: rule.layout.clone() }).map(|g| g.code),
                    Type::PostalCode => validate_postal_code(s).map(|p| p.code),
                    _ => validate_name(s).map(|n| n.name),
                };
                match domain(own, r) {
                    Some(n) => {
                        if s != n {
                            doc.set(v, Val::Str(n.into()));
                        }
                        true
                    }
                    None => false,
                }
            }
        }
    }

    fn range(&self, doc: &Doc<'_>, rule: &Rule, v: usize, path: &str, label: &Label<'_>, own: &mut Vec<Issue>) {
        if rule.min.is_none() && rule.max.is_none() && rule.len.is_none() {
            return;
        }
        let (measure, unit_zh, unit_en, scale) = match (rule.ty, doc.val(v)) {
            (Some(Type::Amount), Val::Num(n)) => (n.as_f64(), "元", " yuan", 100.0),
            (_, Val::Str(s)) => (Some(s.chars().count() as f64), "个字符", " characters", 1.0),
            (_, Val::Arr) => (Some(doc.children(v).count() as f64), "项", " items", 1.0),
            (_, Val::Num(n)) => (n.as_f64(), "", "", 1.0),
            _ => (None, "", "", 1.0),
        };
        let Some(x) = measure else { return };
        let x = x / scale;
        let (lo, hi, len) = (rule.min, rule.max, rule.len);
        if let Some(l) = len {
            if x != l {
                let l = fmt_num(l);
                own.push(issue(
                    "FORM_LEN",
                    path,
                    &[label.zh, "应为 ", &l, " ", unit_zh],
                    &[label.en, " must be exactly ", &l, unit_en],
                ));
            }
        } else if lo.is_some_and(|lo| x < lo) || hi.is_some_and(|hi| x > hi) {
            let (lo_s, hi_s) = (lo.map(fmt_num).unwrap_or_default(), hi.map(fmt_num).unwrap_or_default());
            own.push(match (lo, hi) {
                (Some(_), Some(_)) => issue(
                    "FORM_RANGE",
                    path,
                    &[label.zh, "应在 ", &lo_s, " 到 ", &hi_s, " ", unit_zh, "之间"],
                    &[label.en, " must be between ", &lo_s, " and ", &hi_s, unit_en],
                ),
                (Some(_), None) => issue(
                    "FORM_MIN",
                    path,
                    &[label.zh, "不能少于 ", &lo_s, " ", unit_zh],
                    &[label.en, " must be at least ", &lo_s, unit_en],
                ),
                _ => issue(
                    "FORM_MAX",
                    path,
                    &[label.zh, "不能超过 ", &hi_s, " ", unit_zh],
                    &[label.en, " must be at most ", &hi_s, unit_en],
                ),
            });
        }
    }

    fn cross(&self, doc: &Doc<'_>, c: &Cross, out: &mut Vec<Issue>) {
        let custom = |m: &Option<Text>, code: &str, path: &str, zh: &[&str], en: &[&str]| match m {
            Some(t) => Issue::new(code, path, t.zh.clone(), t.en.clone()),
            None => issue(code, path, zh, en),
        };
        match c {
            Cross::OneOfRequired { fields, message } => {
                if fields.iter().all(|f| empty(doc, lookup(doc, self.root, f), None, true)) {
                    let first = fields.first().map_or("", String::as_str);
                    out.push(custom(
                        message,
                        "FORM_ONE_OF_REQUIRED",
                        first,
                        &[&fields.join("、"), " 至少填写一项"],
                        &["fill in at least one of ", &fields.join(", ")],
                    ));
                }
            }
            Cross::DateNotBefore { field, other, message } => {
                let get = |f: &str| lookup(doc, self.root, f).and_then(|i| doc.str(i)).and_then(|s| date_value(s).ok());
                if let (Some(a), Some(b)) = (get(field), get(other)) {
                    if a < b {
                        let (a, b) = (a.to_string(), b.to_string());
                        out.push(custom(
                            message,
                            "FORM_DATE_ORDER",
                            field,
                            &[field, "（", &a, "）不能早于 ", other, "（", &b, "）"],
                            &[field, " (", &a, ") cannot be before ", other, " (", &b, ")"],
                        ));
                    }
                }
            }
            Cross::RequiredWhen { field, when, equals, message } => {
                if lookup(doc, self.root, when).is_some_and(|w| json_eq(doc, w, equals))
                    && empty(doc, lookup(doc, self.root, field), None, true)
                {
                    let shown = shown(equals);
                    out.push(custom(
                        message,
                        "FORM_REQUIRED",
                        field,
                        &[when, " 为 ", &shown, " 时必须填写 ", field],
                        &[field, " is required when ", when, " is ", &shown],
                    ));
                }
            }
        }
    }
}

fn is_url(s: &str) -> bool {
    let Some(at) = super::find_bytes(s, "://") else { return false };
    let (scheme, rest) = (s.get(..at).unwrap_or_default(), s.get(at + 3..).unwrap_or_default());
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "ftp")
        && !host.is_empty()
        && !s.chars().any(char::is_whitespace)
        && (host == "localhost" || host.contains('.'))
        && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

fn is_hex(s: &str) -> bool {
    let h = s.strip_prefix('#').unwrap_or(s);
    (h.len() == 3 || h.len() == 6) && h.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The ready descriptors shipped with mallcare, by name.
const BUILTIN: [(&str, &str); 4] = [
    ("returnApplication", include_str!("../../data/validation/forms/returnApplication.json")),
    ("memberSignUp", include_str!("../../data/validation/forms/memberSignUp.json")),
    ("invoiceRequest", include_str!("../../data/validation/forms/invoiceRequest.json")),
    ("deliveryAddress", include_str!("../../data/validation/forms/deliveryAddress.json")),
];

/// The JSON text of a ready descriptor: `returnApplication`, `memberSignUp`, `invoiceRequest`, `deliveryAddress`.
///
/// # Errors
/// `FORM_UNKNOWN` for other names.
///
/// # Example
/// ```
/// let text = mallcare::validation::form_descriptor("invoiceRequest").unwrap();
/// assert!(text.contains("taxId"));
/// assert_eq!(mallcare::validation::form_descriptor("x").unwrap_err().code(), "FORM_UNKNOWN");
/// ```
pub fn form_descriptor(name: &str) -> Result<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).ok_or_else(|| {
        let (names, name) = (form_descriptor_names().join(", "), clip(name));
        Error::from(issue(
            "FORM_UNKNOWN",
            "",
            &["没有名为 “", &name, "” 的表单（可用：", &names, "）"],
            &["no form named \"", &name, "\" (known: ", &names, ")"],
        ))
    })
}

/// The names of the ready descriptors.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// assert_eq!(mallcare::validation::form_descriptor_names().len(), 4);
/// ```
pub fn form_descriptor_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}

/// Loads `descriptor` and validates `value` in one go (use [`FormSchema`] to load once and validate many values).
///
/// # Errors
/// The descriptor's problems (as [`FormSchema::load`]), else the value's issues (as [`FormSchema::validate`]).
///
/// # Example
/// ```
/// use serde_json::json;
/// let d = json!({"fields": {"a": {"type": "date"}, "b": {"type": "date"}},
///                "rules": [{"type": "dateNotBefore", "field": "b", "other": "a"}]});
/// let e = mallcare::validation::validate_form(&d, &json!({"a": "2026-05-02", "b": "2026-05-01"}), &Default::default());
/// assert_eq!(e.unwrap_err().code(), "FORM_DATE_ORDER");
/// ```
pub fn validate_form(descriptor: &Value, value: &Value, options: &FormOptions) -> Result<Value> {
    FormSchema::load(descriptor)?.validate(value, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_in_key_order() {
        // Ctx::object finds members by binary search over the fields: they must be sorted, as a JSON map gives them.
        for name in form_descriptor_names() {
            let s = FormSchema::builtin(name).unwrap();
            let mut stack: Vec<&[(String, Vec<Rule>)]> = vec![&s.fields];
            while let Some(fields) = stack.pop() {
                assert!(fields.windows(2).all(|w| w[0].0 < w[1].0), "{name}");
                for (_, rules) in fields {
                    stack.extend(rules.iter().filter_map(|r| r.fields.as_deref()));
                    for d in rules.iter().filter_map(|r| r.default_field.as_ref()) {
                        stack.extend(d.iter().filter_map(|r| r.fields.as_deref()));
                    }
                }
            }
        }
        let s = FormSchema::from_json(r#"{"b": {}, "a": {}, "10": {}, "9": {}, "é": {}}"#).unwrap();
        assert!(s.fields.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn message_lists_match_the_tables() {
        let keys: Vec<&str> = RULE_KEYS.iter().chain(RULE_KEYS_MORE.iter()).copied().collect();
        assert_eq!(RULE_KEY_NAMES, keys.join(", "));
        let types: Vec<&str> = TYPES.iter().map(|t| t.0).collect();
        assert_eq!(TYPE_NAMES, types.join(", "));
        assert_eq!(TYPE_NAMES_ZH, types.join("、"));
        assert_eq!(MAX_VALUE_TEXT, MAX_VALUE_CHARS.to_string());
        assert_eq!((MAX_DEPTH, MAX_RULES), (16, 2000), "the TOO_DEEP / TOO_LARGE messages spell these out");
    }

    /// The JS fast path's work on the benchmark's return application (token read, check, edits written), looped
    /// for a profiler: `valgrind --tool=callgrind <lib test binary> --ignored --exact
    /// validation::form::tests::profile_text_path` (instruction counts stay stable under load). Checks the answer.
    #[test]
    #[ignore = "a profiling loop, run by hand"]
    fn profile_text_path() {
        let text = r#"{"orderNo":"SO-20260428-0001","purchaseDate":"2026-04-28","requestDate":"2026-05-01","contactName":"李雷","mobile":"13800138000","kind":"return","refundMethod":"original","items":[{"gtin":"6901234567892","quantity":1,"paidAmount":"199.00","reason":"quality"},{"gtin":"6901234567892","quantity":2,"paidAmount":"12.34","reason":"other","note":"包装破损"}]}"#;
        let schema = FormSchema::builtin("returnApplication").unwrap();
        let opts = FormOptions { today: Date::parse("2026-05-01").ok(), locale: None };
        let n: usize = std::env::var("PROFILE_N").ok().and_then(|n| n.parse().ok()).unwrap_or(2000);
        let mut out = Vec::new();
        for _ in 0..n {
            let mut doc = Doc::parse(std::hint::black_box(text)).unwrap();
            schema.check(&mut doc, 0, &opts).unwrap();
            out.clear();
            doc.write_edits(&mut out);
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"[["items",0,"paidAmount",19900],["items",1,"paidAmount",1234]]"#
        );
    }
}
