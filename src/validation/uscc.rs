//! Unified social credit codes (统一社会信用代码, GB 32100-2015) with the embedded organisation code (GB 11714-1997).

use super::regions::province_name;
use super::{clip, prepare};
use crate::error::{Error, Issue};
use crate::Result;
use serde::Serialize;

/// The 31 characters of GB 32100 (no I, O, Z, S, V), in value order.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1-17: 3^(i) mod 31.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/// GB 11714 weights of the eight body characters.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Registration authorities (登记管理部门) and their organisation types (机构类别), GB 32100-2015 appendix A with the
/// later-assigned codes: (authority, name zh, name en, [(type, name zh)]).
type Authority = (u8, &'static str, &'static str, &'static [(u8, &'static str)]);
const AUTHORITIES: [Authority; 12] = [
    (
        b'1',
        "机构编制",
        "institutional establishment",
        &[(b'1', "机关"), (b'2', "事业单位"), (b'3', "中央编办直接管理机构编制的群众团体"), (b'9', "其他")],
    ),
    (b'2', "外交", "foreign affairs", &[(b'1', "外国常驻新闻机构"), (b'9', "其他")]),
    (
        b'3',
        "司法行政",
        "justice",
        &[
            (b'1', "律师执业机构"),
            (b'2', "公证处"),
            (b'3', "基层法律服务所"),
            (b'4', "司法鉴定机构"),
            (b'5', "仲裁委员会"),
            (b'9', "其他"),
        ],
    ),
    (b'4', "文化", "culture", &[(b'1', "外国在华文化中心"), (b'9', "其他")]),
    (b'5', "民政", "civil affairs", &[(b'1', "社会团体"), (b'2', "民办非企业单位"), (b'3', "基金会"), (b'9', "其他")]),
    (
        b'6',
        "旅游",
        "tourism",
        &[(b'1', "外国旅游部门常驻代表机构"), (b'2', "港澳台地区旅游部门常驻内地（大陆）代表机构"), (b'9', "其他")],
    ),
    (b'7', "宗教", "religious affairs", &[(b'1', "宗教活动场所"), (b'2', "宗教院校"), (b'9', "其他")]),
    (b'8', "工会", "trade unions", &[(b'1', "基层工会"), (b'9', "其他")]),
    (b'9', "工商", "market regulation", &[(b'1', "企业"), (b'2', "个体工商户"), (b'3', "农民专业合作社")]),
    (b'A', "中央军委改革和编制办公室", "military establishment", &[(b'1', "军队事业单位"), (b'9', "其他")]),
    (
        b'N',
        "农业",
        "agriculture",
        &[(b'1', "组级集体经济组织"), (b'2', "村级集体经济组织"), (b'3', "乡镇级集体经济组织"), (b'9', "其他")],
    ),
    (b'Y', "其他", "other", &[(b'1', "其他")]),
];

/// A valid unified social credit code, decoded.
///
/// # Example
/// ```
/// let u = mallcare::validation::validate_uscc("91110000600037341L").unwrap();
/// assert_eq!(u.organisation_code, "60003734-1");
/// assert_eq!(u.organisation_type, "企业");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Uscc {
    /// The 18 characters, upper case.
    pub code: String,
    /// Position 1: registration authority code (`9`).
    pub authority_code: String,
    /// The authority's name (`工商`).
    pub authority: &'static str,
    /// The authority's English name.
    pub authority_en: &'static str,
    /// Position 2: organisation type code (`1`).
    pub organisation_type_code: String,
    /// The organisation type (`企业`).
    pub organisation_type: &'static str,
    /// Positions 3-8: administrative division code of the registering authority.
    pub region_code: String,
    /// The province of the region code, when it names one (central registrations use `100000`).
    pub province: Option<&'static str>,
    /// Positions 9-17: the GB 11714 organisation code, written `XXXXXXXX-C`.
    pub organisation_code: String,
    /// Position 18: the check character.
    pub check: String,
}

/// ASCII byte → 1 + its value in `ALPHABET` (0: not in the alphabet), built at compile time.
#[allow(clippy::indexing_slicing, reason = "evaluated at compile time: an out-of-range index fails the build")]
const VALUES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < ALPHABET.len() {
        t[ALPHABET[i] as usize] = i as u8 + 1;
        i += 1;
    }
    t
};

fn value(c: u8) -> Option<u32> {
    VALUES.get(usize::from(c)).and_then(|v| v.checked_sub(1)).map(u32::from)
}

/// The GB 11714 check character of an 8-character organisation code body (digits and upper-case letters).
fn org_check(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (c, w) in body.iter().zip(ORG_WEIGHTS) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        d => b'0' + u8::try_from(d).unwrap_or(0),
    })
}

fn issue(code: &str, zh: impl Into<String>, en: impl Into<String>) -> Issue {
    Issue::new(code, "", zh, en)
}

/// Validates a unified social credit code.
///
/// Checks, reporting every problem at once: 18 characters from the 31-character alphabet; a known registration
/// authority (position 1) and organisation type for it (position 2); a region code of six digits whose first two
/// name a province (or `10`, central registration); the embedded organisation code's own GB 11714 check character
/// (position 17); and the final GB 32100 check character. Full-width characters, spaces and dashes are ignored and
/// letters upper-cased.
///
/// This is stricter than python-stdnum's `cn.uscc`, which checks only the alphabet and the final check character.
///
/// # Errors
/// * `USCC_EMPTY`, `USCC_TOO_LONG`, `USCC_FORMAT` (length or alphabet).
/// * `USCC_AUTHORITY_UNKNOWN`, `USCC_TYPE_UNKNOWN`, `USCC_REGION_INVALID`.
/// * `USCC_ORGANISATION_CODE_CHECKSUM`: the embedded organisation code's check character is wrong.
/// * `USCC_CHECKSUM`: the final check character is wrong.
///
/// # Example
/// ```
/// use mallcare::validation::validate_uscc;
/// assert_eq!(validate_uscc("9111 0000 6000 3734 1l").unwrap().code, "91110000600037341L");
/// assert_eq!(validate_uscc("91110000600037341M").unwrap_err().code(), "USCC_CHECKSUM");
/// ```
pub fn validate_uscc(text: &str) -> Result<Uscc> {
    let s = prepare(text, "USCC", ("统一社会信用代码", "unified social credit code"))?;
    let code: Vec<u8> = s.bytes().filter(|b| !matches!(b, b' ' | b'-')).map(|b| b.to_ascii_uppercase()).collect();
    let Ok(code) = <[u8; 18]>::try_from(code.as_slice()) else {
        return Err(Error::from(issue(
            "USCC_FORMAT",
            format!("统一社会信用代码应为 18 位：“{}”", clip(text)),
            format!("a unified social credit code has 18 characters: \"{}\"", clip(text)),
        )));
    };
    let mut values = [0u32; 18];
    for (slot, &c) in values.iter_mut().zip(&code) {
        let Some(v) = value(c) else {
            return Err(Error::from(issue(
                "USCC_FORMAT",
                format!("统一社会信用代码含有不允许的字符 “{}”（不使用 I、O、Z、S、V）", char::from(c)),
                format!(
                    "character \"{}\" is not allowed in a unified social credit code (no I, O, Z, S, V)",
                    char::from(c)
                ),
            )));
        };
        *slot = v;
    }
    let at = |i: usize| code.get(i).copied().unwrap_or(b'?');
    let mut issues = Vec::new();
    let authority = AUTHORITIES.iter().find(|a| a.0 == at(0));
    let org_type = authority.and_then(|a| a.3.iter().find(|t| t.0 == at(1)));
    match (authority, org_type) {
        (None, _) => issues.push(issue(
            "USCC_AUTHORITY_UNKNOWN",
            format!("登记管理部门代码 “{}” 不存在", char::from(at(0))),
            format!("registration authority code \"{}\" does not exist", char::from(at(0))),
        )),
        (Some(a), None) => issues.push(issue(
            "USCC_TYPE_UNKNOWN",
            format!("登记管理部门“{}”没有机构类别代码 “{}”", a.1, char::from(at(1))),
            format!("organisation type code \"{}\" does not exist for authority {}", char::from(at(1)), a.2),
        )),
        _ => {}
    }
    let region = code.get(2..8).unwrap_or(&[]);
    let region_ok = region.iter().all(u8::is_ascii_digit);
    let province_code = u32::from(at(2).wrapping_sub(b'0')) * 10 + u32::from(at(3).wrapping_sub(b'0'));
    let province = province_name(province_code).map(|p| p.0);
    if !region_ok || (province.is_none() && province_code != 10) {
        issues.push(issue(
            "USCC_REGION_INVALID",
            format!("登记管理机关行政区划码 “{}” 无效", String::from_utf8_lossy(region)),
            format!("region code \"{}\" is not a valid division code", String::from_utf8_lossy(region)),
        ));
    }
    let org_body = code.get(8..16).unwrap_or(&[]);
    if org_check(org_body) != Some(at(16)) {
        issues.push(issue(
            "USCC_ORGANISATION_CODE_CHECKSUM",
            "统一社会信用代码中的组织机构代码（第 9-17 位）校验码错误",
            "the embedded organisation code (characters 9-17) has a wrong check character",
        ));
    }
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let expected = ALPHABET.get(((31 - sum % 31) % 31) as usize).copied();
    if expected != Some(at(17)) {
        issues.push(issue("USCC_CHECKSUM", "统一社会信用代码校验码错误", "the check character is wrong"));
    }
    let (Some(authority), Some(org_type), true) = (authority, org_type, issues.is_empty()) else {
        return Err(Error::new(issues));
    };
    let text_of = |a: usize, b: usize| String::from_utf8_lossy(code.get(a..b).unwrap_or(&[])).into_owned();
    Ok(Uscc {
        code: text_of(0, 18),
        authority_code: text_of(0, 1),
        authority: authority.1,
        authority_en: authority.2,
        organisation_type_code: text_of(1, 2),
        organisation_type: org_type.1,
        region_code: text_of(2, 8),
        province,
        organisation_code: format!("{}-{}", text_of(8, 16), text_of(16, 17)),
        check: text_of(17, 18),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb11714_examples() {
        // GB 11714-1997 worked example: D2143569 → check digit X.
        assert_eq!(org_check(b"D2143569"), Some(b'X'));
        assert_eq!(org_check(b"60003734"), Some(b'1'));
    }

    #[test]
    fn embedded_code_is_checked() {
        // The final check character is right (recomputed) but the organisation code's is not.
        let body = *b"91110000600037342";
        let sum: u32 = body.iter().zip(WEIGHTS).map(|(c, w)| value(*c).unwrap() * w).sum();
        let last = ALPHABET[((31 - sum % 31) % 31) as usize];
        let mut s = String::from_utf8(body.to_vec()).unwrap();
        s.push(char::from(last));
        let e = validate_uscc(&s).unwrap_err();
        assert_eq!(e.code(), "USCC_ORGANISATION_CODE_CHECKSUM");
        assert_eq!(e.issues().len(), 1);
    }
}
