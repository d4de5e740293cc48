//! Mainland China mobile numbers: 11 digits in a segment MIIT allocated for mobile service.

use super::{clip, err, prepare};
use crate::Result;
use serde::{Deserialize, Serialize};

/// The network operator a segment is allocated to.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_mobile, Carrier, MobileOptions};
/// assert_eq!(validate_mobile("19200000000", &MobileOptions::default()).unwrap().carrier, Some(Carrier::Broadnet));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Carrier {
    /// 中国移动
    ChinaMobile,
    /// 中国联通
    ChinaUnicom,
    /// 中国电信
    ChinaTelecom,
    /// 中国广电
    Broadnet,
}

impl Carrier {
    /// The carrier's Chinese name.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::Carrier::ChinaMobile.name_zh(), "中国移动");
    /// ```
    pub fn name_zh(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "中国移动",
            Carrier::ChinaUnicom => "中国联通",
            Carrier::ChinaTelecom => "中国电信",
            Carrier::Broadnet => "中国广电",
        }
    }
}

/// What a number segment is allocated for.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_mobile, MobileKind, MobileOptions};
/// let o = MobileOptions { allow_data_only: true, ..MobileOptions::default() };
/// assert_eq!(validate_mobile("14712345678", &o).unwrap().kind, MobileKind::DataOnly);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MobileKind {
    /// Public mobile service of a network operator.
    Mobile,
    /// A mobile virtual network operator (虚拟运营商: 162, 165, 167, 170, 171); `carrier` is the host network.
    Virtual,
    /// Satellite service (1349, 17400-17405).
    Satellite,
    /// Data-only cards (上网卡: 145, 147, 149). Rejected unless `allow_data_only`.
    DataOnly,
    /// Internet-of-things numbers (物联网: 140, 141, 144, 146, 148). Rejected unless `allow_iot`.
    Iot,
}

/// Options of [`validate_mobile`].
///
/// # Example
/// ```
/// let o: mallcare::validation::MobileOptions = serde_json::from_str(r#"{"allowIot": true}"#).unwrap();
/// assert!(o.allow_iot && !o.allow_data_only);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MobileOptions {
    /// Accept data-only segments (145, 147, 149).
    #[serde(default)]
    pub allow_data_only: bool,
    /// Accept IoT segments (140, 141, 144, 146, 148).
    #[serde(default)]
    pub allow_iot: bool,
}

/// A valid mobile number.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_mobile, Carrier, MobileOptions};
/// let m = validate_mobile("0086 139 1234 5678", &MobileOptions::default()).unwrap();
/// assert_eq!((m.national.as_str(), m.carrier), ("13912345678", Some(Carrier::ChinaMobile)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mobile {
    /// `+86` and the 11 digits: `+8613800138000`.
    pub e164: String,
    /// The 11 digits: `13800138000`.
    pub national: String,
    /// The operator, when the segment names one (satellite segments do not).
    pub carrier: Option<Carrier>,
    /// The carrier's Chinese name (`中国移动`), when known.
    pub carrier_name: Option<&'static str>,
    /// What the segment is for.
    pub kind: MobileKind,
    /// The segment: the first three (or four) digits that decided the carrier (`138`, `1703`).
    pub segment: String,
}

use Carrier::{Broadnet as B, ChinaMobile as M, ChinaTelecom as T, ChinaUnicom as U};
use MobileKind::{DataOnly as D, Iot as I, Mobile as P, Satellite as S, Virtual as V};

/// Four-digit segments that differ from their three-digit prefix (checked first).
const SEGMENTS4: [(u16, Option<Carrier>, MobileKind); 13] = [
    (1349, None, S),
    (1610, Some(B), P),
    (1700, Some(T), V),
    (1701, Some(T), V),
    (1702, Some(T), V),
    (1703, Some(M), V),
    (1704, Some(U), V),
    (1705, Some(M), V),
    (1706, Some(M), V),
    (1707, Some(U), V),
    (1708, Some(U), V),
    (1709, Some(U), V),
    (1740, Some(T), S),
];

/// Three-digit segments (MIIT allocations; see `data/validation/SOURCE`).
const SEGMENTS3: [(u16, Carrier, MobileKind); 57] = [
    (130, U, P),
    (131, U, P),
    (132, U, P),
    (133, T, P),
    (134, M, P),
    (135, M, P),
    (136, M, P),
    (137, M, P),
    (138, M, P),
    (139, M, P),
    (140, U, I),
    (141, T, I),
    (144, M, I),
    (145, U, D),
    (146, U, I),
    (147, M, D),
    (148, M, I),
    (149, T, D),
    (150, M, P),
    (151, M, P),
    (152, M, P),
    (153, T, P),
    (155, U, P),
    (156, U, P),
    (157, M, P),
    (158, M, P),
    (159, M, P),
    (162, T, V),
    (165, M, V),
    (166, U, P),
    (167, U, V),
    (171, U, V),
    (172, M, P),
    (173, T, P),
    (175, U, P),
    (176, U, P),
    (177, T, P),
    (178, M, P),
    (180, T, P),
    (181, T, P),
    (182, M, P),
    (183, M, P),
    (184, M, P),
    (185, U, P),
    (186, U, P),
    (187, M, P),
    (188, M, P),
    (189, T, P),
    (190, T, P),
    (191, T, P),
    (192, B, P),
    (193, T, P),
    (195, M, P),
    (196, U, P),
    (197, M, P),
    (198, M, P),
    (199, T, P),
];

fn segment_of(digits: &[u8; 11]) -> Option<(u16, Option<Carrier>, MobileKind)> {
    let d = |i: usize| u16::from(digits.get(i).copied().unwrap_or(0));
    let p3 = d(0) * 100 + d(1) * 10 + d(2);
    let p4 = p3 * 10 + d(3);
    if p3 == 161 || p3 == 174 {
        // Only 1610 and 17400-17405 (satellite; 17406-17412 are for emergency communication) are public service.
        if p4 == 1740 && d(4) > 5 {
            return None;
        }
        return SEGMENTS4.iter().find(|s| s.0 == p4).map(|s| (s.0, s.1, s.2));
    }
    if let Some(s) = SEGMENTS4.iter().find(|s| s.0 == p4) {
        return Some((s.0, s.1, s.2));
    }
    SEGMENTS3.iter().find(|s| s.0 == p3).map(|s| (s.0, Some(s.1), s.2))
}

/// Validates a mainland mobile number as people type it.
///
/// Accepted: full-width digits, surrounding whitespace, inner spaces, dashes and parentheses, and a `+86`, `0086`
/// or `86` country prefix (`86` only when 13 digits remain). The number must be 11 digits in an allocated segment.
///
/// # Errors
/// * `MOBILE_EMPTY`, `MOBILE_TOO_LONG` (over 256 characters).
/// * `MOBILE_INVALID_CHAR`: anything but digits and the separators above.
/// * `MOBILE_COUNTRY_CODE`: a country code other than +86.
/// * `MOBILE_LENGTH`: not 11 digits after the prefix.
/// * `MOBILE_SEGMENT_UNKNOWN`: not a mobile segment (`12…`, `154…`, landlines).
/// * `MOBILE_DATA_ONLY` / `MOBILE_IOT`: data-only or IoT segment, unless the options allow it.
///
/// # Example
/// ```
/// use mallcare::validation::{validate_mobile, MobileOptions};
/// let o = MobileOptions::default();
/// assert_eq!(validate_mobile("１３８００１３８０００", &o).unwrap().national, "13800138000");
/// assert_eq!(validate_mobile("15412345678", &o).unwrap_err().code(), "MOBILE_SEGMENT_UNKNOWN");
/// assert_eq!(validate_mobile("14012345678", &o).unwrap_err().code(), "MOBILE_IOT");
/// ```
pub fn validate_mobile(text: &str, options: &MobileOptions) -> Result<Mobile> {
    let s = prepare(text, "MOBILE", ("手机号", "mobile number"))?;
    let mut digits = [0u8; 16];
    let mut n = 0usize;
    let mut plus = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                if let Some(slot) = digits.get_mut(n) {
                    *slot = c as u8 - b'0';
                }
                n += 1;
            }
            '+' if n == 0 && !plus => plus = true,
            ' ' | '-' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}' => {}
            _ => {
                return Err(err(
                    "MOBILE_INVALID_CHAR",
                    format!("手机号只能包含数字（可带 +86、空格和短横线）：“{}”", clip(text)),
                    format!(
                        "a mobile number holds digits only (with an optional +86, spaces, dashes): \"{}\"",
                        clip(text)
                    ),
                ))
            }
        }
    }
    let all = digits.get(..n.min(16)).unwrap_or(&[]);
    let body: &[u8] = if plus {
        match all {
            [8, 6, rest @ ..] => rest,
            _ => {
                return Err(err(
                    "MOBILE_COUNTRY_CODE",
                    "仅支持中国大陆手机号（+86）",
                    "only mainland China mobile numbers (+86) are accepted",
                ))
            }
        }
    } else if n == 15 && all.starts_with(&[0, 0, 8, 6]) {
        all.get(4..).unwrap_or(&[])
    } else if n == 13 && all.starts_with(&[8, 6]) {
        all.get(2..).unwrap_or(&[])
    } else if n > 11 && all.starts_with(&[0, 0]) {
        return Err(err(
            "MOBILE_COUNTRY_CODE",
            "仅支持中国大陆手机号（+86）",
            "only mainland China mobile numbers (+86) are accepted",
        ));
    } else {
        all
    };
    let Ok(eleven) = <[u8; 11]>::try_from(body) else {
        let got = if n > 16 { n } else { body.len() };
        return Err(err(
            "MOBILE_LENGTH",
            format!("手机号应为 11 位数字，实际为 {got} 位"),
            format!("a mobile number has 11 digits, got {got}"),
        ));
    };
    let Some((segment, carrier, kind)) = segment_of(&eleven) else {
        return Err(err("MOBILE_SEGMENT_UNKNOWN", "不是已分配的手机号段", "not an allocated mobile number segment"));
    };
    if kind == MobileKind::DataOnly && !options.allow_data_only {
        return Err(err(
            "MOBILE_DATA_ONLY",
            format!("{segment} 号段为数据上网卡号段，不能用于短信或通话"),
            format!("segment {segment} is for data-only cards, not for calls or text messages"),
        ));
    }
    if kind == MobileKind::Iot && !options.allow_iot {
        return Err(err(
            "MOBILE_IOT",
            format!("{segment} 号段为物联网号段，不是个人手机号"),
            format!("segment {segment} is for internet-of-things devices, not personal phones"),
        ));
    }
    let mut e164 = String::with_capacity(14);
    e164.push_str("+86");
    e164.extend(eleven.iter().map(|d| char::from(b'0' + d)));
    let national = e164.get(3..).unwrap_or_default().to_string();
    // The segment is the first three digits, or four for the four-digit segments.
    let segment = national.get(..if segment >= 1000 { 4 } else { 3 }).unwrap_or_default().to_string();
    Ok(Mobile { e164, national, carrier, carrier_name: carrier.map(Carrier::name_zh), kind, segment })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_tables_have_no_duplicates() {
        let mut three: Vec<u16> = SEGMENTS3.iter().map(|s| s.0).collect();
        three.sort_unstable();
        three.dedup();
        assert_eq!(three.len(), SEGMENTS3.len());
        let mut four: Vec<u16> = SEGMENTS4.iter().map(|s| s.0).collect();
        four.sort_unstable();
        four.dedup();
        assert_eq!(four.len(), SEGMENTS4.len());
    }

    #[test]
    fn prefixes_and_separators() {
        let o = MobileOptions::default();
        for t in
            ["13800138000", "+8613800138000", "+86 138 0013 8000", "008613800138000", "8613800138000", "138-0013-8000"]
        {
            assert_eq!(validate_mobile(t, &o).map(|m| m.national).ok().as_deref(), Some("13800138000"), "{t}");
        }
        assert_eq!(validate_mobile("+85291234567", &o).unwrap_err().code(), "MOBILE_COUNTRY_CODE");
        assert_eq!(validate_mobile("1380013800", &o).unwrap_err().code(), "MOBILE_LENGTH");
        assert_eq!(validate_mobile("138OO138000", &o).unwrap_err().code(), "MOBILE_INVALID_CHAR");
        assert_eq!(validate_mobile(&"1".repeat(1 << 20), &o).unwrap_err().code(), "MOBILE_TOO_LONG");
    }
}
