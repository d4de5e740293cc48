//! Mainland China postal codes (邮政编码): six digits whose first two name a postal zone.

use super::{clip, err, prepare};
use crate::Result;
use serde::Serialize;

/// Postal zones by the first two digits: (first, last, province zh, province en). China Post's allocation.
const ZONES: [(u8, u8, &str, &str); 31] = [
    (1, 2, "内蒙古自治区", "Inner Mongolia"),
    (3, 4, "山西省", "Shanxi"),
    (5, 7, "河北省", "Hebei"),
    (10, 10, "北京市", "Beijing"),
    (11, 12, "辽宁省", "Liaoning"),
    (13, 13, "吉林省", "Jilin"),
    (15, 16, "黑龙江省", "Heilongjiang"),
    (20, 20, "上海市", "Shanghai"),
    (21, 22, "江苏省", "Jiangsu"),
    (23, 24, "安徽省", "Anhui"),
    (25, 27, "山东省", "Shandong"),
    (30, 30, "天津市", "Tianjin"),
    (31, 32, "浙江省", "Zhejiang"),
    (33, 34, "江西省", "Jiangxi"),
    (35, 36, "福建省", "Fujian"),
    (40, 40, "重庆市", "Chongqing"),
    (41, 42, "湖南省", "Hunan"),
    (43, 44, "湖北省", "Hubei"),
    (45, 47, "河南省", "Henan"),
    (51, 52, "广东省", "Guangdong"),
    (53, 54, "广西壮族自治区", "Guangxi"),
    (55, 56, "贵州省", "Guizhou"),
    (57, 57, "海南省", "Hainan"),
    (61, 64, "四川省", "Sichuan"),
    (65, 67, "云南省", "Yunnan"),
    (71, 72, "陕西省", "Shaanxi"),
    (73, 74, "甘肃省", "Gansu"),
    (75, 75, "宁夏回族自治区", "Ningxia"),
    (81, 81, "青海省", "Qinghai"),
    (83, 84, "新疆维吾尔自治区", "Xinjiang"),
    (85, 85, "西藏自治区", "Tibet"),
];

/// A valid postal code.
///
/// # Example
/// ```
/// let p = mallcare::validation::validate_postal_code("518000").unwrap();
/// assert_eq!(p.province, "广东省");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalCode {
    /// The six digits.
    pub code: String,
    /// The province of the postal zone.
    pub province: &'static str,
    /// Its English name.
    pub province_en: &'static str,
}

/// Validates a mainland postal code: six digits in an allocated postal zone. Full-width digits and surrounding
/// whitespace are normalised. Hong Kong, Macao and Taiwan have no mainland postal codes.
///
/// # Errors
/// `POSTAL_CODE_EMPTY`, `POSTAL_CODE_TOO_LONG`, `POSTAL_CODE_FORMAT` (not six digits),
/// `POSTAL_CODE_ZONE_UNKNOWN` (first two digits are no postal zone, e.g. `99`).
///
/// # Example
/// ```
/// use mallcare::validation::validate_postal_code;
/// assert_eq!(validate_postal_code("10001").unwrap_err().code(), "POSTAL_CODE_FORMAT");
/// assert_eq!(validate_postal_code("990000").unwrap_err().code(), "POSTAL_CODE_ZONE_UNKNOWN");
/// ```
pub fn validate_postal_code(text: &str) -> Result<PostalCode> {
    let s = prepare(text, "POSTAL_CODE", ("邮政编码", "postal code"))?;
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(
            "POSTAL_CODE_FORMAT",
            format!("邮政编码应为 6 位数字：“{}”", clip(text)),
            format!("a postal code has six digits: \"{}\"", clip(text)),
        ));
    }
    let zone = s.bytes().take(2).fold(0u8, |acc, b| acc * 10 + (b - b'0'));
    let Some(z) = ZONES.iter().find(|z| (z.0..=z.1).contains(&zone)) else {
        return Err(err(
            "POSTAL_CODE_ZONE_UNKNOWN",
            format!("邮政编码 {s} 的前两位不是已分配的邮区"),
            format!("postal code {s} does not start with an allocated postal zone"),
        ));
    };
    Ok(PostalCode { code: s.into_owned(), province: z.2, province_en: z.3 })
}
