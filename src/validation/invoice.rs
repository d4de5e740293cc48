//! Invoice titles (发票抬头): a company (name + unified social credit code, plus address, phone and bank account
//! for a VAT special invoice) or a person.

use super::{uscc::validate_uscc, Uscc};
use crate::error::{Issue, Issues};
use crate::Result;
use serde::{Deserialize, Serialize};

/// Company or personal title.
///
/// # Example
/// ```
/// let k: mallcare::validation::InvoiceTitleKind = serde_json::from_str("\"personal\"").unwrap();
/// assert_eq!(k, mallcare::validation::InvoiceTitleKind::Personal);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvoiceTitleKind {
    /// 单位: needs the tax id (USCC).
    Company,
    /// 个人.
    Personal,
}

/// Normal (增值税普通发票) or special (增值税专用发票, companies only; needs address, phone and bank account).
///
/// # Example
/// ```
/// let t: mallcare::validation::InvoiceType = serde_json::from_str("\"special\"").unwrap();
/// assert_eq!(t, mallcare::validation::InvoiceType::Special);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvoiceType {
    /// 普通发票 (the default).
    #[default]
    Normal,
    /// 专用发票.
    Special,
}

/// What a customer enters for an invoice title (JSON: `{ kind, name, taxId?, invoiceType?, address?, phone?, bank?,
/// account? }`).
///
/// # Example
/// ```
/// let i: mallcare::validation::InvoiceTitleInput =
///     serde_json::from_str(r#"{"kind": "personal", "name": "张三"}"#).unwrap();
/// assert_eq!(i.name, "张三");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceTitleInput {
    /// `company` or `personal`.
    pub kind: Option<InvoiceTitleKind>,
    /// The title: company name or the person's name.
    #[serde(default)]
    pub name: String,
    /// The company's unified social credit code (纳税人识别号).
    #[serde(default)]
    pub tax_id: Option<String>,
    /// `normal` (default) or `special`.
    #[serde(default)]
    pub invoice_type: Option<InvoiceType>,
    /// Registered address (special invoices).
    #[serde(default)]
    pub address: Option<String>,
    /// Registered phone (special invoices).
    #[serde(default)]
    pub phone: Option<String>,
    /// Bank name (special invoices).
    #[serde(default)]
    pub bank: Option<String>,
    /// Bank account number (special invoices).
    #[serde(default)]
    pub account: Option<String>,
}

impl InvoiceTitleInput {
    /// Reads an invoice title from JSON (`{ kind, name, taxId?, invoiceType?, address?, phone?, bank?, account? }`),
    /// with the same rules as its serde `Deserialize`: `null` is an absent optional field, unknown keys are
    /// refused. Walks the value by hand, which is much smaller in wasm than the derived deserializer.
    ///
    /// # Errors
    /// `INPUT_NOT_OBJECT` for a value that is not an object; `INVOICE_TITLE_INVALID` at the first key (in key
    /// order) that is unknown or holds a value of the wrong type.
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::InvoiceTitleInput;
    /// let i = InvoiceTitleInput::from_json(&serde_json::json!({"kind": "personal", "name": "张三"})).unwrap();
    /// assert_eq!(i.name, "张三");
    /// let e = InvoiceTitleInput::from_json(&serde_json::json!({"kind": "x"})).unwrap_err();
    /// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("INVOICE_TITLE_INVALID", "kind"));
    /// ```
    pub fn from_json(value: &serde_json::Value) -> Result<InvoiceTitleInput> {
        use serde_json::Value;
        let Some(map) = value.as_object() else {
            return Err(
                Issue::new("INPUT_NOT_OBJECT", "", "发票抬头应为对象", "an invoice title must be an object").into()
            );
        };
        let mut out = InvoiceTitleInput::default();
        for (key, v) in map {
            let bad = |zh: &str, en: &str| -> crate::Error {
                Issue::new("INVOICE_TITLE_INVALID", key, format!("{key}：{zh}"), format!("{key}: {en}")).into()
            };
            let text = || match v {
                Value::Null => Ok(None),
                Value::String(s) => Ok(Some(s.clone())),
                _ => Err(bad("应为字符串", "expected a string")),
            };
            match key.as_str() {
                "kind" => {
                    out.kind = match v.as_str() {
                        _ if v.is_null() => None,
                        Some("company") => Some(InvoiceTitleKind::Company),
                        Some("personal") => Some(InvoiceTitleKind::Personal),
                        _ => return Err(bad("应为 company 或 personal", "expected `company` or `personal`")),
                    }
                }
                "invoiceType" => {
                    out.invoice_type = match v.as_str() {
                        _ if v.is_null() => None,
                        Some("normal") => Some(InvoiceType::Normal),
                        Some("special") => Some(InvoiceType::Special),
                        _ => return Err(bad("应为 normal 或 special", "expected `normal` or `special`")),
                    }
                }
                "name" => match v {
                    Value::String(s) => out.name.clone_from(s),
                    _ => return Err(bad("应为字符串", "expected a string")),
                },
                "taxId" => out.tax_id = text()?,
                "address" => out.address = text()?,
                "phone" => out.phone = text()?,
                "bank" => out.bank = text()?,
                "account" => out.account = text()?,
                _ => return Err(bad("未知的字段", "unknown field")),
            }
        }
        Ok(out)
    }
}

/// A valid invoice title.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_invoice_title, InvoiceTitleInput};
/// let i: InvoiceTitleInput = serde_json::from_str(r#"{"kind":"company","name":"某某商贸有限公司","taxId":"91110000600037341L"}"#).unwrap();
/// assert_eq!(validate_invoice_title(&i).unwrap().tax_id.as_deref(), Some("91110000600037341L"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTitle {
    /// `company` or `personal`.
    pub kind: InvoiceTitleKind,
    /// The normalised title.
    pub name: String,
    /// The normalised tax id (companies).
    pub tax_id: Option<String>,
    /// The decoded tax id.
    pub uscc: Option<Uscc>,
    /// Normal or special.
    pub invoice_type: InvoiceType,
    /// Address (normalised), when given.
    pub address: Option<String>,
    /// Phone (normalised), when given.
    pub phone: Option<String>,
    /// Bank name, when given.
    pub bank: Option<String>,
    /// Bank account digits (spaces removed), when given.
    pub account: Option<String>,
}

fn required(issues: &mut Issues, path: &str, zh: &str, en: &str) {
    issues.push(Issue::new("INVOICE_FIELD_REQUIRED", path, format!("请填写{zh}"), format!("{en} is required")));
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(crate::text::normalize).filter(|s| !s.is_empty())
}

/// Validates an invoice title, reporting every problem at once with its field path.
///
/// A company title needs a name (2-100 characters) and a valid unified social credit code in `taxId`; a special
/// (VAT) invoice also needs `address`, `phone`, `bank` and `account` (digits, spaces allowed). A personal title needs
/// a name (1-100 characters) and may carry no tax id and no special invoice. Full-width characters and surrounding
/// spaces are normalised.
///
/// # Errors
/// * `INVOICE_KIND_REQUIRED` at `kind`; `INVOICE_FIELD_REQUIRED` at the missing field.
/// * `INVOICE_NAME_LENGTH` at `name`.
/// * `USCC_*` issues at `taxId`; `INVOICE_TAX_ID_NOT_ALLOWED`, `INVOICE_SPECIAL_NOT_ALLOWED` for personal titles.
/// * `INVOICE_ACCOUNT_INVALID` at `account`.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_invoice_title, InvoiceTitleInput};
/// let i: InvoiceTitleInput = serde_json::from_str(r#"{"kind":"company","name":"某某商贸有限公司","invoiceType":"special"}"#).unwrap();
/// let e = validate_invoice_title(&i).unwrap_err();
/// assert_eq!(e.issues().len(), 5); // taxId, address, phone, bank, account
/// ```
pub fn validate_invoice_title(input: &InvoiceTitleInput) -> Result<InvoiceTitle> {
    let mut issues = Issues::default();
    let name = crate::text::normalize(&input.name);
    let invoice_type = input.invoice_type.unwrap_or_default();
    let Some(kind) = input.kind else {
        issues.push(Issue::new(
            "INVOICE_KIND_REQUIRED",
            "kind",
            "请选择抬头类型（单位或个人）",
            "choose the title kind (company or personal)",
        ));
        return Err(crate::Error::new(issues.into_vec()));
    };
    let len = name.chars().count();
    let min = if kind == InvoiceTitleKind::Company { 2 } else { 1 };
    if len == 0 {
        required(&mut issues, "name", "发票抬头", "the title");
    } else if len < min || len > 100 {
        issues.push(Issue::new(
            "INVOICE_NAME_LENGTH",
            "name",
            format!("发票抬头应为 {min}-100 个字符"),
            format!("the title must have {min} to 100 characters"),
        ));
    }
    let tax_id = clean(&input.tax_id);
    let mut uscc = None;
    match (kind, &tax_id) {
        (InvoiceTitleKind::Company, None) => {
            required(&mut issues, "taxId", "纳税人识别号（统一社会信用代码）", "the tax id (USCC)")
        }
        (InvoiceTitleKind::Company, Some(t)) => uscc = issues.take(validate_uscc(t), "taxId"),
        (InvoiceTitleKind::Personal, Some(_)) => issues.push(Issue::new(
            "INVOICE_TAX_ID_NOT_ALLOWED",
            "taxId",
            "个人抬头不填写纳税人识别号",
            "a personal title has no tax id",
        )),
        (InvoiceTitleKind::Personal, None) => {}
    }
    let (address, phone, bank) = (clean(&input.address), clean(&input.phone), clean(&input.bank));
    let account = clean(&input.account).map(|a| a.replace([' ', '-'], ""));
    if invoice_type == InvoiceType::Special {
        if kind == InvoiceTitleKind::Personal {
            issues.push(Issue::new(
                "INVOICE_SPECIAL_NOT_ALLOWED",
                "invoiceType",
                "个人不能开具增值税专用发票",
                "a VAT special invoice cannot be issued to a person",
            ));
        } else {
            for (v, path, zh, en) in [
                (&address, "address", "注册地址", "the registered address"),
                (&phone, "phone", "注册电话", "the registered phone"),
                (&bank, "bank", "开户银行", "the bank"),
                (&account, "account", "银行账号", "the bank account"),
            ] {
                if v.is_none() {
                    required(&mut issues, path, zh, en);
                }
            }
        }
    }
    if let Some(a) = &account {
        if !(6..=32).contains(&a.len()) || !a.bytes().all(|b| b.is_ascii_digit()) {
            issues.push(Issue::new(
                "INVOICE_ACCOUNT_INVALID",
                "account",
                "银行账号应为 6-32 位数字",
                "a bank account number has 6 to 32 digits",
            ));
        }
    }
    issues.finish(InvoiceTitle {
        kind,
        name,
        tax_id: uscc.as_ref().map(|u: &Uscc| u.code.clone()),
        uscc,
        invoice_type,
        address,
        phone,
        bank,
        account,
    })
}
