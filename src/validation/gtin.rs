//! GTIN barcodes (EAN-8, UPC-A, EAN-13, GTIN-14) and GS1 in-store variable-measure codes (prefix 20-29).

use super::{clip, err, prepare};
use crate::Result;
use serde::{Deserialize, Serialize};

/// Where a scale puts the item code and the price or weight inside a 13-digit in-store code.
///
/// Written as 13 characters, one per digit: a digit must match literally; `X` is any digit; `I` the item code;
/// `P` the price in fen (or `W` the weight in grams, never both); `V` the GS1 price check digit over a 4- or 5-digit
/// price; `C` the final check digit (the 13th). The default is `2XIIIIIPPPPPC`: prefix 2, a store-chosen flag digit,
/// a 5-digit item code and the price in fen.
///
/// # Example
/// ```
/// use mallcare::validation::GtinLayout;
/// assert!(GtinLayout::parse("2XIIIIVPPPPC").is_err()); // 12 characters
/// assert!(GtinLayout::parse("28IIIIIWWWWWC").is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GtinLayout {
    spec: [u8; 13],
}

impl Default for GtinLayout {
    fn default() -> Self {
        GtinLayout { spec: *b"2XIIIIIPPPPPC" }
    }
}

impl GtinLayout {
    /// Reads a layout (see the type's documentation).
    ///
    /// # Errors
    /// `GTIN_LAYOUT_INVALID`: not 13 characters of `0-9 X I P W V C`, `C` not exactly the last, both `P` and `W`, a
    /// `V` without a 4- or 5-digit price, or a first digit other than 2.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::validation::GtinLayout::parse("2XIIIVPPPPPPC").is_err()); // V needs a 4/5-digit P field
    /// assert!(mallcare::validation::GtinLayout::parse("2XIIIIIVPPPPC").is_ok());
    /// ```
    pub fn parse(text: &str) -> Result<GtinLayout> {
        let bad = |why_zh: &str, why_en: &str| {
            Err(err(
                "GTIN_LAYOUT_INVALID",
                format!("条码布局 “{}” 无效：{why_zh}", clip(text)),
                format!("barcode layout \"{}\" is invalid: {why_en}", clip(text)),
            ))
        };
        let Ok(spec) = <[u8; 13]>::try_from(text.as_bytes()) else {
            return bad("应为 13 个字符", "it must have 13 characters");
        };
        if !spec.iter().all(|c| matches!(c, b'0'..=b'9' | b'X' | b'I' | b'P' | b'W' | b'V' | b'C')) {
            return bad("只能使用 0-9、X、I、P、W、V、C", "only 0-9, X, I, P, W, V and C may be used");
        }
        if spec.first() != Some(&b'2') {
            return bad("店内码以 2 开头", "in-store codes start with 2");
        }
        if spec.iter().filter(|&&c| c == b'C').count() != 1 || spec.last() != Some(&b'C') {
            return bad("C（校验位）必须且只能在最后一位", "C (the check digit) must be the last character, once");
        }
        let count = |ch: u8| spec.iter().filter(|&&c| c == ch).count();
        let (p, w, v) = (count(b'P'), count(b'W'), count(b'V'));
        if p > 0 && w > 0 {
            return bad("不能同时包含价格 P 和重量 W", "it cannot hold both a price P and a weight W");
        }
        for ch in [b'I', b'P', b'W'] {
            if !contiguous(&spec, ch) {
                return bad("I、P、W 字段必须连续", "the I, P and W fields must be contiguous");
            }
        }
        if v > 1 || (v == 1 && !(4..=5).contains(&p)) {
            return bad(
                "价格校验位 V 只能有一个，且需要 4 或 5 位价格 P",
                "a price check digit V needs a 4- or 5-digit price P",
            );
        }
        Ok(GtinLayout { spec })
    }

    fn field(&self, code: &[u8], ch: u8) -> Vec<u8> {
        self.spec.iter().zip(code).filter(|(s, _)| **s == ch).map(|(_, d)| *d).collect()
    }

    fn matches(&self, code: &[u8]) -> bool {
        self.spec.iter().zip(code).all(|(s, d)| !s.is_ascii_digit() || s.wrapping_sub(b'0') == *d)
    }
}

fn contiguous(spec: &[u8], ch: u8) -> bool {
    let first = spec.iter().position(|&c| c == ch);
    let last = spec.iter().rposition(|&c| c == ch);
    match (first, last) {
        (Some(a), Some(b)) => spec.get(a..=b).is_some_and(|run| run.iter().all(|&c| c == ch)),
        _ => true,
    }
}

/// Options of [`validate_gtin`].
///
/// # Example
/// ```
/// let o: mallcare::validation::GtinOptions = serde_json::from_str(r#"{"layout": "2XIIIIIWWWWWC"}"#).unwrap();
/// assert_eq!(o.layout.as_deref(), Some("2XIIIIIWWWWWC"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GtinOptions {
    /// The store's in-store code layout (see [`GtinLayout`]); the default is `2XIIIIIPPPPPC`.
    #[serde(default)]
    pub layout: Option<String>,
}

/// The item and the embedded price or weight of an in-store variable-measure code.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_gtin, GtinOptions};
/// let g = validate_gtin("2212345012343", &GtinOptions::default()).unwrap();
/// assert_eq!(g.variable_measure.unwrap().price_fen, Some(1234));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableMeasure {
    /// The item code digits.
    pub item: String,
    /// The price in fen, when the layout has a `P` field.
    pub price_fen: Option<i64>,
    /// The weight in grams, when the layout has a `W` field.
    pub weight_grams: Option<i64>,
}

/// A valid GTIN.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_gtin, GtinOptions};
/// let g = validate_gtin("6901234567892", &GtinOptions::default()).unwrap();
/// assert_eq!((g.format, g.gtin14.as_str()), ("GTIN-13", "06901234567892"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gtin {
    /// The digits.
    pub code: String,
    /// `GTIN-8`, `GTIN-12`, `GTIN-13` or `GTIN-14`.
    pub format: &'static str,
    /// Zero-padded to 14 digits, the form to store and compare.
    pub gtin14: String,
    /// A GTIN-13 with prefix 20-29: a store's own code, meaningful only inside that store.
    pub in_store: bool,
    /// The decoded in-store variable-measure code, when `in_store` and the digits fit the layout.
    pub variable_measure: Option<VariableMeasure>,
}

/// The GS1 mod-10 check digit of `digits` (values 0-9, without the check digit).
fn mod10(digits: &[u8]) -> u8 {
    let sum: u32 = digits.iter().rev().enumerate().map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 3 } else { 1 }).sum();
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

/// GS1 General Specifications 7.9.3 weighting: products of the "2-", "3", "5+" and "5-" factors.
const W2MINUS: [u32; 10] = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const W3: [u32; 10] = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const W5PLUS: [u32; 10] = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const W5MINUS: [u32; 10] = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

fn w(table: &[u32; 10], d: u8) -> u32 {
    table.get(usize::from(d)).copied().unwrap_or(0)
}

/// The GS1 price check digit of a 4- or 5-digit price field.
fn price_check(price: &[u8]) -> Option<u8> {
    match price {
        [a, b, c, d] => {
            let sum = w(&W2MINUS, *a) + w(&W2MINUS, *b) + w(&W3, *c) + w(&W5MINUS, *d);
            u8::try_from((sum * 3) % 10).ok()
        }
        [a, b, c, d, e] => {
            let sum = w(&W5PLUS, *a) + w(&W2MINUS, *b) + w(&W5MINUS, *c) + w(&W5PLUS, *d) + w(&W2MINUS, *e);
            let target = (10 - sum % 10) % 10;
            W5MINUS.iter().position(|&p| p == target).and_then(|p| u8::try_from(p).ok())
        }
        _ => None,
    }
}

fn number(digits: &[u8]) -> i64 {
    digits.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d))
}

/// Validates a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 and decodes in-store variable-measure codes.
///
/// Full-width digits, spaces and dashes are ignored. A GTIN-13 starting with 20-29 is a store's own code: when its
/// digits fit the layout (`options.layout`, default `2XIIIIIPPPPPC`) the item code and price or weight are decoded
/// and a price check digit `V`, if the layout has one, is verified.
///
/// # Errors
/// * `GTIN_EMPTY`, `GTIN_TOO_LONG`, `GTIN_FORMAT` (not 8, 12, 13 or 14 digits).
/// * `GTIN_CHECKSUM`: wrong check digit.
/// * `GTIN_PRICE_CHECKSUM`: wrong price check digit in an in-store code.
/// * `GTIN_LAYOUT_INVALID`: a bad `options.layout`.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_gtin, GtinOptions};
/// let o = GtinOptions::default();
/// assert_eq!(validate_gtin("9787111213826", &o).unwrap().format, "GTIN-13");
/// assert_eq!(validate_gtin("9787111213824", &o).unwrap_err().code(), "GTIN_CHECKSUM");
/// ```
pub fn validate_gtin(text: &str, options: &GtinOptions) -> Result<Gtin> {
    let layout = match &options.layout {
        Some(l) => GtinLayout::parse(l)?,
        None => GtinLayout::default(),
    };
    let s = prepare(text, "GTIN", ("条码", "barcode"))?;
    let mut digits = Vec::with_capacity(14);
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '-' => {}
            _ => {
                return Err(err(
                    "GTIN_FORMAT",
                    format!("条码只能包含数字：“{}”", clip(text)),
                    format!("a barcode holds digits only: \"{}\"", clip(text)),
                ))
            }
        }
    }
    let format = match digits.len() {
        8 => "GTIN-8",
        12 => "GTIN-12",
        13 => "GTIN-13",
        14 => "GTIN-14",
        n => {
            return Err(err(
                "GTIN_FORMAT",
                format!("条码应为 8、12、13 或 14 位数字，实际为 {n} 位"),
                format!("a GTIN has 8, 12, 13 or 14 digits, got {n}"),
            ))
        }
    };
    let Some((&check, body)) = digits.split_last() else {
        return Err(err("GTIN_FORMAT", "条码为空", "empty barcode"));
    };
    if mod10(body) != check {
        return Err(err(
            "GTIN_CHECKSUM",
            format!("条码校验位错误，应为 {}", mod10(body)),
            format!("wrong check digit, expected {}", mod10(body)),
        ));
    }
    let in_store = digits.len() == 13 && digits.first() == Some(&2);
    let mut variable_measure = None;
    if in_store && layout.matches(&digits) {
        let price = layout.field(&digits, b'P');
        let weight = layout.field(&digits, b'W');
        if let Some(v) = layout.field(&digits, b'V').first() {
            if price_check(&price) != Some(*v) {
                return Err(err(
                    "GTIN_PRICE_CHECKSUM",
                    "店内码中的价格校验位错误",
                    "the price check digit of the in-store code is wrong",
                ));
            }
        }
        let text_of = |d: &[u8]| d.iter().map(|x| char::from(b'0' + x)).collect::<String>();
        variable_measure = Some(VariableMeasure {
            item: text_of(&layout.field(&digits, b'I')),
            price_fen: (!price.is_empty()).then(|| number(&price)),
            weight_grams: (!weight.is_empty()).then(|| number(&weight)),
        });
    }
    // gtin14: the code left-padded with zeros to 14 digits (8 to 14 digits here, so the slice always exists).
    let mut gtin14 = *b"00000000000000";
    let pad = 14usize.saturating_sub(digits.len());
    for (slot, d) in gtin14.iter_mut().skip(pad).zip(&digits) {
        *slot = b'0' + d;
    }
    let gtin14: String = gtin14.iter().map(|&b| char::from(b)).collect();
    let code = gtin14.get(pad..).unwrap_or_default().to_string();
    Ok(Gtin { gtin14, code, format, in_store, variable_measure })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gs1_price_check_examples() {
        // GS1 General Specifications, 7.9.3 worked examples: price 2875 → 9; price 14685 → 6.
        assert_eq!(price_check(&[2, 8, 7, 5]), Some(9));
        assert_eq!(price_check(&[1, 4, 6, 8, 5]), Some(6));
    }

    #[test]
    fn five_minus_table_is_a_permutation() {
        let mut t = W5MINUS;
        t.sort_unstable();
        assert_eq!(t, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
}
