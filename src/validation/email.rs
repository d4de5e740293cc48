//! E-mail addresses: the practical subset every mail provider in China accepts (RFC 5321 dot-atom, ASCII domain).

use super::{clip, err, prepare};
use crate::Result;
use serde::Serialize;

/// A valid e-mail address.
///
/// # Example
/// ```
/// let e = mallcare::validation::validate_email(" Li.Lei@Example.COM ").unwrap();
/// assert_eq!((e.address.as_str(), e.domain.as_str()), ("Li.Lei@example.com", "example.com"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// The address with the domain lower-cased (the local part is kept as typed: it may be case-sensitive).
    pub address: String,
    /// The part before `@`.
    pub local: String,
    /// The domain, lower case.
    pub domain: String,
}

fn atom_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// Validates an e-mail address.
///
/// Accepted: a dot-atom local part (letters, digits, ``!#$%&'*+/=?^_`{|}~-``, single dots not at either end) of at
/// most 64 characters; `@`; a domain of at least two labels (letters, digits, inner hyphens, at most 63 characters
/// each) whose last label is alphabetic or `xn--…`; at most 254 characters overall. Full-width characters (`＠`) are
/// folded and surrounding whitespace trimmed. Quoted local parts, IP-literal domains and non-ASCII (unconverted IDN)
/// domains are rejected.
///
/// # Errors
/// `EMAIL_EMPTY`, `EMAIL_TOO_LONG`, `EMAIL_INVALID` (with the reason in the message).
///
/// # Example
/// ```
/// use mallcare::validation::validate_email;
/// assert!(validate_email("service@mall.com.cn").is_ok());
/// assert_eq!(validate_email("a..b@x.cn").unwrap_err().code(), "EMAIL_INVALID");
/// ```
pub fn validate_email(text: &str) -> Result<Email> {
    let s = prepare(text, "EMAIL", ("邮箱地址", "e-mail address"))?;
    let invalid = |zh: &str, en: &str| {
        Err(err(
            "EMAIL_INVALID",
            format!("邮箱地址无效（{zh}）：“{}”", clip(text)),
            format!("invalid e-mail address ({en}): \"{}\"", clip(text)),
        ))
    };
    if s.len() > 254 {
        return invalid("超过 254 个字符", "longer than 254 characters");
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return invalid("缺少 @", "no @");
    };
    if local.is_empty() || local.len() > 64 {
        return invalid("@ 前的部分应为 1-64 个字符", "the part before @ must have 1-64 characters");
    }
    if local.split('.').any(|part| part.is_empty() || !part.chars().all(atom_char)) {
        return invalid(
            "@ 前的部分含有不允许的字符或多余的点",
            "the part before @ has a character or dot that is not allowed",
        );
    }
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return invalid("域名至少两级", "the domain needs at least two labels");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !labels.iter().all(|l| label_ok(l)) {
        return invalid("域名格式错误", "the domain is malformed");
    }
    let tld = labels.last().copied().unwrap_or("");
    if !(tld.len() >= 2 && (tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--"))) {
        return invalid("顶级域名无效", "the top-level domain is invalid");
    }
    Ok(Email { address: format!("{local}@{domain}"), local: local.to_string(), domain })
}
