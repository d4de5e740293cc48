//! Reason codes of decisions and lint findings, with their zh-CN and English messages.

use serde::{Serialize, Serializer};
use std::sync::Arc;

/// A rule id in a decision trace: a store rule's `id`, or `law:...` for a statutory rule.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, RuleId};
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // Statutory rules are `law:…`; a rule id serializes as its plain text.
/// let ids: Vec<&RuleId> = d.rules.iter().collect();
/// assert!(ids.iter().all(|id| id.as_str().starts_with("law:")));
/// assert_eq!(serde_json::to_string(&d.items[0].allowed[0].rule).unwrap(), r#""law:no-reason-7d""#);
/// ```
#[derive(Clone, Debug, Eq, PartialOrd, Ord)]
pub struct RuleId(pub(crate) Arc<str>);

impl std::hash::Hash for RuleId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq for RuleId {
    fn eq(&self, other: &RuleId) -> bool {
        // Ids are shared: the pointer test settles almost every comparison without reading the text.
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl RuleId {
    /// The id text.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "thirty", "priority": 1,
    ///     "then": {"refund": {"days": 30}}}]}"#).unwrap();
    /// let d = p.evaluate_value(serde_json::json!({
    ///     "now": "2026-05-20T10:00:00+08:00",
    ///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
    ///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
    ///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
    ///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
    /// }), &mallcare::Calendar::default()).unwrap();
    /// assert_eq!(d.items[0].allowed[0].rule.as_str(), "thirty");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn law(id: &'static str) -> RuleId {
        RuleId(Arc::from(id))
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Why a decision came out as it did: a stable code, the rule that said so, and messages in both languages.
///
/// # Example
/// ```
/// let json = serde_json::to_value(mallcare::eligibility::reason::text("FLOOR_APPLIED")).unwrap();
/// assert!(json[1].as_str().unwrap().contains("floor"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable code (`NO_REASON_WINDOW_OPEN`, `FLOOR_APPLIED`, ...).
    pub code: &'static str,
    /// The rule that decided (`law:no-reason-7d`, or a store rule id).
    pub rule: RuleId,
    /// Message in simplified Chinese.
    pub zh: &'static str,
    /// Message in English.
    pub en: &'static str,
}

impl Reason {
    pub(crate) fn new(code: &'static str, rule: &RuleId) -> Reason {
        let (zh, en) = text(code);
        Reason { code, rule: rule.clone(), zh, en }
    }
}

/// The messages of a reason code; `("", "")` for an unknown code.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let (zh, en) = mallcare::eligibility::reason::text("FLOOR_APPLIED");
/// assert!(zh.contains("法定"));
/// assert!(en.contains("law"));
/// ```
pub fn text(code: &str) -> (&'static str, &'static str) {
    TEXTS.iter().find(|t| t.0 == code).map_or(("", ""), |t| (t.1, t.2))
}

/// Every reason code with its zh-CN and English messages (a table, not a `match`: the same lookup in a fraction of
/// the code).
static TEXTS: [(&str, &str, &str); 46] = [
    ("NO_REASON_WINDOW_OPEN",
        "远程购物七日无理由退货期内（自签收次日起算七日，至第七日 24 时止）",
        "within the statutory seven-day no-reason period for distance sales (counted from the day after sign-for, ending 24:00 of day 7)",
    ),
    ("NO_REASON_NOT_YET_SIGNED",
        "商品尚未签收，七日无理由退货期尚未起算，可拒收或退货",
        "not signed for yet: the seven-day period has not started; the customer may refuse or return",
    ),
    ("NO_REASON_WINDOW_CLOSED",
        "已超过七日无理由退货期",
        "the statutory seven-day no-reason period has ended",
    ),
    ("NO_STATUTORY_NO_REASON_RIGHT",
        "门店现场购物不适用法定七日无理由退货，按门店政策处理",
        "in-store purchases have no statutory no-reason right; the store policy applies",
    ),
    ("EXCLUDED_MADE_TO_ORDER",
        "消费者定作的商品，依法不适用无理由退货",
        "made to the customer's order: excluded from no-reason returns by law",
    ),
    ("EXCLUDED_PERISHABLE",
        "鲜活易腐商品，依法不适用无理由退货",
        "fresh, live or perishable goods: excluded from no-reason returns by law",
    ),
    ("EXCLUDED_UNSEALED_MEDIA",
        "已拆封或已下载的音像制品、计算机软件等数字化商品，依法不适用无理由退货",
        "audio-visual products or software once unsealed or downloaded: excluded by law",
    ),
    ("EXCLUDED_PERIODICAL",
        "已交付的报纸、期刊，依法不适用无理由退货",
        "delivered newspapers and periodicals: excluded by law",
    ),
    ("EXCLUDED_CONFIRMED",
        "消费者购买时已确认该商品不宜无理由退货",
        "the customer confirmed at purchase that this item is not returnable without reason",
    ),
    ("EXCLUDED_BY_STORE", "门店政策将该商品排除在无理由退换之外", "the store policy excludes this item from no-reason returns"),
    ("NOT_INTACT_SEAL", "一次性密封已拆，商品不再完好", "the one-time seal is broken: the goods are no longer intact"),
    ("NOT_INTACT_ACTIVATED",
        "商品已激活、私自维修或序列号被涂改，不再完好",
        "activated, privately repaired or serial defaced: the goods are no longer intact",
    ),
    ("NOT_INTACT_TAGS",
        "吊牌已拆、商品污损或损坏，不再完好",
        "tags removed, soiled or damaged: the goods are no longer intact",
    ),
    ("NOT_INTACT_DAMAGED", "商品损坏，不再完好", "the goods are damaged: no longer intact"),
    ("NOT_INTACT_ACCESSORIES", "配件不全，商品不再完好", "accessories are missing: the goods are not intact"),
    ("CONDITION_NOT_MET", "不满足门店政策要求的商品状态", "the goods do not meet the condition the store policy requires"),
    ("STORE_WINDOW_OPEN", "在门店政策的退换期内", "within the store policy's window"),
    ("STORE_WINDOW_CLOSED", "已超过门店政策的退换期", "the store policy's window has ended"),
    ("FLOOR_APPLIED",
        "门店规则低于法定标准，本次按法定标准处理",
        "a store rule falls below the law; the statutory floor applies to this decision",
    ),
    ("FLOOR_FEE_WAIVED",
        "依法退货不得打折或收取手续费，门店的折扣退款或手续费不适用",
        "a return granted by law is refunded in full: the store's partial rate or fee does not apply",
    ),
    ("FLOOR_FREIGHT",
        "商品质量问题的退货运费依法由经营者承担",
        "return freight for a quality problem is the merchant's by law",
    ),
    ("DEFECT_OVERRIDES_EXCLUSION",
        "商品存在质量问题，不受“不退不换”或无理由退货排除的限制",
        "a quality problem overrides final-sale and no-reason exclusions",
    ),
    ("DEFECT_RETURN_7D",
        "商品不符合质量要求，自收到商品之日起七日内可退货（消费者权益保护法第二十四条）",
        "goods not up to quality may be returned within seven days of receipt (Consumer Rights Protection Law art. 24)",
    ),
    ("DEFECT_EXCHANGE_REPAIR",
        "收货七日后，质量问题可要求更换或修理",
        "after seven days from receipt, a quality problem entitles to exchange or repair",
    ),
    ("DEFECT_PERIOD_EXPIRED",
        "已超过质量异议期（自收货起两年）",
        "the period for raising quality problems (two years from receipt) has ended",
    ),
    ("THREE_GUARANTEES_7D",
        "三包：售出之日起七日内出现性能故障，可选择退货、换货或修理",
        "三包: a performance fault within 7 days of sale: return, exchange or repair at the customer's choice",
    ),
    ("THREE_GUARANTEES_15D",
        "三包：售出之日起十五日内出现性能故障，可选择换货或修理",
        "三包: a performance fault within 15 days of sale: exchange or repair",
    ),
    ("THREE_GUARANTEES_REPAIR", "三包：保修期内出现性能故障，免费修理", "三包: a fault within the warranty period: free repair"),
    ("THREE_GUARANTEES_REPAIRS_FAILED",
        "三包：保修期内两次修理仍不能正常使用，可选择换货或退货",
        "三包: two failed repairs within the warranty: exchange or return",
    ),
    ("THREE_GUARANTEES_EXPIRED", "三包有效期已过", "the 三包 warranty period has ended"),
    ("THREE_GUARANTEES_VOID",
        "私自拆修或涂改序列号，不享受三包",
        "privately repaired or serial defaced: no 三包 rights",
    ),
    ("WARRANTY_EXTENDED", "在门店延保期内，可免费修理", "within the store's extended warranty: free repair"),
    ("WARRANTY_STORE", "在门店保修期内，可修理", "within the store's warranty: repair"),
    ("PROOF_MISSING", "无购物凭证，无法受理", "no proof of purchase"),
    ("PROOF_MEMBER_LOOKUP", "无小票，已通过会员系统查到订单，按门店政策受理", "no receipt; the order was found by the member system"),
    ("PROOF_MEMBER_LOOKUP_NOT_ACCEPTED",
        "门店政策不接受以会员查询代替购物凭证",
        "the store policy does not accept a member-system lookup instead of a receipt",
    ),
    ("EVIDENCE_NEEDED", "需要补充照片等凭证", "evidence (photos) is still needed"),
    ("PARTIAL_REFUND_RATE", "按门店政策部分退款", "partial refund under the store policy"),
    ("RESTOCKING_FEE", "按门店政策扣除手续费", "restocking fee under the store policy"),
    ("COUPON_BREAKAGE",
        "退货后剩余商品不再满足满减门槛，扣回留存商品分摊的优惠",
        "what is kept no longer meets the coupon threshold: its share of the coupon is clawed back",
    ),
    ("GIFT_NOT_RETURNED", "赠品未一并退回，按赠品标价扣除", "the gift was not returned: its stated value is deducted"),
    ("SHIPPING_REFUNDED", "整单因质量问题退货，退还运费", "whole order returned for a quality problem: shipping refunded"),
    ("FREE_PICKUP", "门店免费上门取件", "the store picks the goods up free of charge"),
    ("RESOLUTION_NOT_ALLOWED", "所要求的处理方式不被允许", "the resolution asked for is not allowed"),
    ("REFUND_WITHIN_7_DAYS",
        "经营者应自收到退回商品之日起七日内退款",
        "the merchant refunds within seven days of receiving the returned goods",
    ),
    ("DEADLINE_CALENDAR_UNKNOWN",
        "日历中没有相关年份的节假日数据，按工作日计算的期限暂无法给出；请加载当年日历",
        "the calendar has no holiday data for that year, so deadlines in working days are left empty; load that year's calendar",
    ),
];
