//! The category taxonomy: the category paths a policy and an order may use, and what each means in law.
//!
//! A category path is one or more lowercase segments joined by `/` (`food/fresh`, `electronics/phone`). A selector
//! `"categories": ["food"]` matches `food` and everything under it (`food/fresh`, `food/packaged`), never `foodcourt`.
//! An unknown path is an issue (`POLICY_CATEGORY_UNKNOWN`, `REQUEST_CATEGORY_UNKNOWN`), never a silent miss.

/// What "intact" (完好) means for a category, per the online seven-day no-reason return measures.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::{lookup, Intact};
/// assert_eq!(lookup("food/fresh").unwrap().intact, Intact::Seal);
/// assert_eq!(lookup("electronics/phone").unwrap().intact, Intact::Activation);
/// // Shoes with the tags removed are no longer intact: no seven-day no-reason return.
/// let d = mallcare::eligibility::ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900 }],
///         "payments": [{ "method": "wechat", "amountFen": 39900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund",
///         "condition": { "tagsRemoved": true } }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert!(!d.items[0].granted);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intact {
    /// Food, cosmetics, medical devices, media: not intact once the one-time seal is broken.
    Seal,
    /// Electronics and appliances: not intact once activated, privately repaired or the serial defaced.
    Activation,
    /// Clothing, shoes, bags, toys, home textiles: not intact with tags removed, soiled or damaged.
    Tags,
    /// Everything else: not intact when damaged.
    General,
}

/// What the law itself says about a category.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::{lookup, LawClass};
/// assert_eq!(lookup("food/fresh").unwrap().law, LawClass::Perishable);
/// assert_eq!(lookup("toys").unwrap().law, LawClass::None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LawClass {
    /// No category-wide rule.
    None,
    /// Fresh, live and perishable goods: excluded from no-reason returns by law.
    Perishable,
    /// Audio-visual products and software: excluded once unsealed or downloaded.
    Media,
    /// Newspapers and periodicals: excluded once delivered.
    Periodical,
}

/// One entry of the taxonomy.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::lookup;
/// let phone = lookup("electronics/phone").unwrap();
/// assert_eq!((phone.path, phone.zh), ("electronics/phone", "手机"));
/// assert!(phone.three_guarantees);
/// assert!(!lookup("toys").unwrap().three_guarantees);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// The path, `food/fresh`.
    pub path: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// What "intact" means.
    pub intact: Intact,
    /// Category-wide statutory rule.
    pub law: LawClass,
    /// Listed goods under the 三包 rules (repair, exchange, return for performance faults).
    pub three_guarantees: bool,
}

const fn c(path: &'static str, zh: &'static str, intact: Intact, law: LawClass, three: bool) -> Category {
    Category { path, zh, intact, law, three_guarantees: three }
}

use Intact::{Activation, General, Seal, Tags};
use LawClass::{Media, Periodical, Perishable};

/// Every known category path, sorted by path (for binary search). Documented in `docs/eligibility.md`.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::{lookup, TAXONOMY};
/// // Sorted by path, and every entry is what `lookup` finds.
/// assert!(TAXONOMY.windows(2).all(|w| w[0].path < w[1].path));
/// assert!(TAXONOMY.iter().all(|c| lookup(c.path) == Some(c)));
/// assert!(TAXONOMY.iter().any(|c| c.path == "food/fresh"));
/// ```
pub const TAXONOMY: &[Category] = &[
    c("appliance", "家用电器", Activation, LawClass::None, true),
    c("appliance/kitchen", "厨房电器", Activation, LawClass::None, true),
    c("appliance/large", "大家电", Activation, LawClass::None, true),
    c("appliance/small", "小家电", Activation, LawClass::None, true),
    c("baby", "母婴", Seal, LawClass::None, false),
    c("bags", "箱包", Tags, LawClass::None, false),
    c("clothing", "服装", Tags, LawClass::None, false),
    c("clothing/accessory", "服饰配件", Tags, LawClass::None, false),
    c("clothing/apparel", "服饰", Tags, LawClass::None, false),
    c("clothing/shoes", "鞋", Tags, LawClass::None, false),
    c("clothing/underwear", "内衣", Tags, LawClass::None, false),
    c("cosmetics", "化妆品", Seal, LawClass::None, false),
    c("cosmetics/fragrance", "香水", Seal, LawClass::None, false),
    c("cosmetics/makeup", "彩妆", Seal, LawClass::None, false),
    c("cosmetics/skincare", "护肤", Seal, LawClass::None, false),
    c("electronics", "数码电子", Activation, LawClass::None, true),
    c("electronics/accessory", "数码配件", General, LawClass::None, false),
    c("electronics/audio", "音响耳机", Activation, LawClass::None, true),
    c("electronics/camera", "相机", Activation, LawClass::None, true),
    c("electronics/computer", "电脑", Activation, LawClass::None, true),
    c("electronics/phone", "手机", Activation, LawClass::None, true),
    c("electronics/tablet", "平板", Activation, LawClass::None, true),
    c("electronics/wearable", "智能穿戴", Activation, LawClass::None, true),
    c("food", "食品", Seal, LawClass::None, false),
    c("food/bakery", "烘焙（短保）", Seal, Perishable, false),
    c("food/beverage", "饮料酒水", Seal, LawClass::None, false),
    c("food/fresh", "生鲜", Seal, Perishable, false),
    c("food/frozen", "冷冻食品", Seal, LawClass::None, false),
    c("food/health", "保健食品", Seal, LawClass::None, false),
    c("food/live", "活鲜", Seal, Perishable, false),
    c("food/packaged", "预包装食品", Seal, LawClass::None, false),
    c("home", "家居", General, LawClass::None, false),
    c("home-textile", "家纺", Tags, LawClass::None, false),
    c("home/furniture", "家具", General, LawClass::None, false),
    c("home/kitchenware", "厨具", General, LawClass::None, false),
    c("jewelry", "珠宝首饰", General, LawClass::None, false),
    c("jewelry/gold", "黄金", General, LawClass::None, false),
    c("jewelry/watch", "钟表", General, LawClass::None, false),
    c("media", "音像制品与软件", Seal, LawClass::None, false),
    c("media/audio-visual", "音像制品", Seal, Media, false),
    c("media/book", "图书", General, LawClass::None, false),
    c("media/periodical", "报纸期刊", Seal, Periodical, false),
    c("media/software", "计算机软件", Seal, Media, false),
    c("medical", "医疗用品", Seal, LawClass::None, false),
    c("medical/device", "医疗器械", Seal, LawClass::None, false),
    c("other", "其他", General, LawClass::None, false),
    c("personal-care", "个人护理", Seal, LawClass::None, false),
    c("sports", "运动户外", Tags, LawClass::None, false),
    c("toys", "玩具", Tags, LawClass::None, false),
];

/// Looks up a category path.
///
/// # Errors
/// None: `None` for an unknown path.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::{lookup, Intact};
/// assert_eq!(lookup("clothing/shoes").map(|c| c.intact), Some(Intact::Tags));
/// assert!(lookup("clothing/hats").is_none());
/// ```
pub fn lookup(path: &str) -> Option<&'static Category> {
    // The entries that start with the path's first byte (a few: `food`, `food/bakery`, ...), then the one of the
    // same length and text: no binary search of string comparisons (a `memcmp` call per probe).
    let b = usize::from(*path.as_bytes().first()?);
    let from = usize::from(*START.get(b)?);
    let to = usize::from(*START.get(b + 1)?);
    TAXONOMY.get(from..to)?.iter().find(|c| c.path.len() == path.len() && c.path == path)
}

const fn first_byte(s: &str) -> usize {
    match s.as_bytes().first() {
        Some(b) => *b as usize,
        None => 0,
    }
}

/// `START[b]`: the index of the first taxonomy entry whose first byte is `b` or more (the table is sorted), so
/// the entries starting with `b` are `START[b]..START[b + 1]`. Computed at compile time.
#[allow(clippy::indexing_slicing, reason = "const evaluation: an index out of bounds fails the build")]
static START: [u8; 257] = {
    assert!(TAXONOMY.len() < 256);
    let mut out = [0u8; 257];
    let mut b = 0;
    let mut i = 0;
    while b < 257 {
        while i < TAXONOMY.len() && first_byte(TAXONOMY[i].path) < b {
            i += 1;
        }
        out[b] = i as u8;
        b += 1;
    }
    out
};

/// String equality that tests the lengths and last bytes before the text: line ids of one order (`L1`, `L2`)
/// share their length, where `==` calls `memcmp` every time.
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// Whether `path` is `prefix` or lies under it (`food/fresh` is under `food`; `foodcourt` is not).
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::eligibility::category::is_under;
/// assert!(is_under("food/fresh", "food"));
/// assert!(is_under("food", "food"));
/// assert!(!is_under("foodcourt", "food"));
/// ```
pub fn is_under(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn taxonomy_is_sorted_and_every_path_is_found() {
        for pair in super::TAXONOMY.windows(2) {
            if let [a, b] = pair {
                assert!(a.path < b.path, "{} must sort before {}", a.path, b.path);
            }
        }
        for c in super::TAXONOMY {
            assert_eq!(super::lookup(c.path).map(|x| x.path), Some(c.path));
        }
    }
}
