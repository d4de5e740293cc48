//! Person names: Han characters (with `·` between the parts of a transliterated name) or Latin letters.

use super::{clip, err, prepare};
use crate::Result;
use serde::Serialize;

/// The script a name is written in.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_name, NameScript};
/// assert_eq!(validate_name("Zhang Wei").unwrap().script, NameScript::Latin);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NameScript {
    /// Han characters, optionally with `·`.
    Han,
    /// Latin letters (accented ones too), spaces, `-`, `'` and `.`.
    Latin,
}

/// A valid person name.
///
/// # Example
/// ```
/// let n = mallcare::validation::validate_name("买买提•艾力").unwrap();
/// assert_eq!(n.name, "买买提·艾力");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonName {
    /// The normalised name: dots unified to `·` and spaces removed (Han); single spaces (Latin).
    pub name: String,
    /// Han or Latin.
    pub script: NameScript,
    /// Length in characters of the normalised name.
    pub length: usize,
}

/// Whether `c` is a CJK unified or compatibility ideograph (basic block and extensions A-H), or `〇`.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{323AF}')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic())
}

/// Dots people type between the parts of a transliterated name; all become `·` (U+00B7).
fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧' | '∙' | '.' | '\u{FF65}')
}

/// Han names: 2 to 30 characters; Latin names: 2 to 64.
const HAN_LEN: (usize, usize) = (2, 30);
const LATIN_LEN: (usize, usize) = (2, 64);

/// Validates a person's name.
///
/// A Han name is Han characters with `·` separating the parts of a transliterated (e.g. Uyghur) name; the dots people
/// type (`•`, `・`, `.`, `．`) become `·` and stray spaces are removed; 2-30 characters. A Latin name is letters
/// (accents allowed) separated by single spaces, `-`, `'` or `.`; 2-64 characters. Han and Latin letters in one name,
/// digits, emoji and other scripts are rejected.
///
/// # Errors
/// `NAME_EMPTY`, `NAME_TOO_LONG`, `NAME_INVALID_CHAR`, `NAME_MIXED_SCRIPT`, `NAME_DOT_POSITION` (a `·` at either end
/// or doubled), `NAME_LENGTH`.
///
/// # Example
/// ```
/// use mallcare::validation::validate_name;
/// assert_eq!(validate_name(" 张 三 ").unwrap().name, "张三");
/// assert_eq!(validate_name("张San").unwrap_err().code(), "NAME_MIXED_SCRIPT");
/// assert_eq!(validate_name("张3").unwrap_err().code(), "NAME_INVALID_CHAR");
/// ```
pub fn validate_name(text: &str) -> Result<PersonName> {
    let s = prepare(text, "NAME", ("姓名", "name"))?;
    let (mut han, mut latin) = (false, false);
    for c in s.chars() {
        if is_han(c) {
            han = true;
        } else if is_latin_letter(c) {
            latin = true;
        } else if !(is_name_dot(c) || c == ' ' || c == '-' || c == '\'' || c == '’') {
            return Err(err(
                "NAME_INVALID_CHAR",
                format!("姓名中不能有字符 “{c}”"),
                format!("a name cannot contain \"{c}\""),
            ));
        }
    }
    if han && latin {
        return Err(err(
            "NAME_MIXED_SCRIPT",
            format!("姓名不能混用汉字和拉丁字母：“{}”", clip(text)),
            format!("a name cannot mix Han characters and Latin letters: \"{}\"", clip(text)),
        ));
    }
    let (name, script, bounds) = if han {
        let mut out = String::with_capacity(s.len());
        for c in s.chars().filter(|c| *c != ' ') {
            if c == '-' || c == '\'' || c == '’' {
                return Err(err(
                    "NAME_INVALID_CHAR",
                    format!("汉字姓名中不能有字符 “{c}”"),
                    format!("a Han name cannot contain \"{c}\""),
                ));
            }
            out.push(if is_name_dot(c) { '·' } else { c });
        }
        if out.starts_with('·') || out.ends_with('·') || super::find_bytes(&out, "··").is_some() {
            return Err(err(
                "NAME_DOT_POSITION",
                "间隔号 · 只能出现在姓名各部分之间",
                "the separator · may only stand between the parts of a name",
            ));
        }
        (out, NameScript::Han, HAN_LEN)
    } else if latin {
        let out = s.split_whitespace().collect::<Vec<_>>().join(" ").replace('’', "'");
        if !out.starts_with(is_latin_letter) {
            return Err(err("NAME_INVALID_CHAR", "姓名应以字母开头", "a name must start with a letter"));
        }
        (out, NameScript::Latin, LATIN_LEN)
    } else {
        return Err(err("NAME_INVALID_CHAR", "姓名中没有文字", "a name needs letters or Han characters"));
    };
    let length = name.chars().count();
    if length < bounds.0 || length > bounds.1 {
        return Err(err(
            "NAME_LENGTH",
            format!("姓名长度应为 {}-{} 个字符，实际为 {length}", bounds.0, bounds.1),
            format!("a name has {} to {} characters, got {length}", bounds.0, bounds.1),
        ));
    }
    Ok(PersonName { name, script, length })
}
