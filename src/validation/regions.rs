//! Administrative division codes (GB/T 2260): province names written out here, county-level codes embedded from
//! `data/validation/regions.bin` (see `data/validation/SOURCE`).

use std::sync::OnceLock;

/// Province-level divisions: (two-digit code, name in Chinese, name in English).
const PROVINCES: [(u8, &str, &str); 34] = [
    (11, "北京市", "Beijing"),
    (12, "天津市", "Tianjin"),
    (13, "河北省", "Hebei"),
    (14, "山西省", "Shanxi"),
    (15, "内蒙古自治区", "Inner Mongolia"),
    (21, "辽宁省", "Liaoning"),
    (22, "吉林省", "Jilin"),
    (23, "黑龙江省", "Heilongjiang"),
    (31, "上海市", "Shanghai"),
    (32, "江苏省", "Jiangsu"),
    (33, "浙江省", "Zhejiang"),
    (34, "安徽省", "Anhui"),
    (35, "福建省", "Fujian"),
    (36, "江西省", "Jiangxi"),
    (37, "山东省", "Shandong"),
    (41, "河南省", "Henan"),
    (42, "湖北省", "Hubei"),
    (43, "湖南省", "Hunan"),
    (44, "广东省", "Guangdong"),
    (45, "广西壮族自治区", "Guangxi"),
    (46, "海南省", "Hainan"),
    (50, "重庆市", "Chongqing"),
    (51, "四川省", "Sichuan"),
    (52, "贵州省", "Guizhou"),
    (53, "云南省", "Yunnan"),
    (54, "西藏自治区", "Tibet"),
    (61, "陕西省", "Shaanxi"),
    (62, "甘肃省", "Gansu"),
    (63, "青海省", "Qinghai"),
    (64, "宁夏回族自治区", "Ningxia"),
    (65, "新疆维吾尔自治区", "Xinjiang"),
    (71, "台湾省", "Taiwan"),
    (81, "香港特别行政区", "Hong Kong"),
    (82, "澳门特别行政区", "Macao"),
];

static REGIONS_BIN: &[u8] = include_bytes!("../../data/validation/regions.bin");

/// Two-digit code → 1 + index into `PROVINCES` (0: no province), built at compile time.
#[allow(clippy::indexing_slicing, reason = "evaluated at compile time: an out-of-range index fails the build")]
const PROVINCE_INDEX: [u8; 100] = {
    let mut t = [0u8; 100];
    let mut i = 0;
    while i < PROVINCES.len() {
        t[PROVINCES[i].0 as usize] = i as u8 + 1;
        i += 1;
    }
    t
};

fn province_entry(code: u32) -> Option<&'static (u8, &'static str, &'static str)> {
    let slot = PROVINCE_INDEX.get(usize::try_from(code).ok()?).copied().unwrap_or(0);
    PROVINCES.get(usize::from(slot.checked_sub(1)?))
}

/// The Chinese and English names of the province-level division with this two-digit code (`11` → 北京市).
///
/// # Errors
/// None; `None` for codes that are no province.
///
/// # Example
/// ```
/// assert_eq!(mallcare::validation::province_name(44), Some(("广东省", "Guangdong")));
/// assert_eq!(mallcare::validation::province_name(10), None);
/// ```
pub fn province_name(code: u32) -> Option<(&'static str, &'static str)> {
    province_entry(code).map(|p| (p.1, p.2))
}

/// The sorted codes, and for each two-digit province the range of its codes in that list.
struct Counties {
    codes: Vec<u32>,
    starts: [u32; 101],
}

fn counties() -> &'static Counties {
    static CODES: OnceLock<Counties> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = Vec::with_capacity(7000);
        let (mut prev, mut acc, mut shift) = (0u32, 0u32, 0u32);
        for &b in REGIONS_BIN {
            acc |= u32::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                prev = prev.saturating_add(acc);
                codes.push(prev);
                acc = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
        let mut starts = [0u32; 101];
        for (p, slot) in starts.iter_mut().enumerate() {
            let first = u32::try_from(p).unwrap_or(100) * 10_000;
            *slot = u32::try_from(codes.partition_point(|&c| c < first)).unwrap_or(u32::MAX);
        }
        Counties { codes, starts }
    })
}

/// Whether a six-digit division code ever existed (county, prefecture or province level), as used in the first six
/// digits of ID numbers. Abolished codes count: an ID number keeps the code it was issued with.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::validation::region_code_exists;
/// assert!(region_code_exists(110105)); // 北京市朝阳区
/// assert!(region_code_exists(110103)); // 北京市崇文区, merged in 2010
/// assert!(!region_code_exists(110199));
/// ```
pub fn region_code_exists(code: u32) -> bool {
    let c = counties();
    let p = (code / 10_000) as usize;
    let (Some(&a), Some(&b)) = (c.starts.get(p), c.starts.get(p + 1)) else { return false };
    c.codes.get(a as usize..b as usize).is_some_and(|slice| slice.binary_search(&code).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_decodes_sorted_and_complete() {
        let c = &counties().codes;
        assert!(c.len() > 6000, "{}", c.len());
        assert!(c.windows(2).all(|w| w.first() < w.get(1)));
        assert!(
            PROVINCES.windows(2).all(|w| w.first().map(|p| p.0) < w.get(1).map(|p| p.0)),
            "sorted for binary search"
        );
        // every province code appears as NN0000
        for p in PROVINCES {
            assert!(region_code_exists(u32::from(p.0) * 10000), "{}", p.0);
        }
        // and every code sits under a known province
        assert!(c.iter().all(|code| province_name(code / 10000).is_some()), "a code outside the province table");
    }
}
