//! Decisions: the law and the store policy applied to one request.
//!
//! For every item two sets of rights are worked out independently, the statutory one and the store's, and the
//! customer gets their union: a store rule can give more than the law but never less. When a store rule would have
//! refused what the law grants, the decision carries `FLOOR_APPLIED` with that rule's id.

use super::category::{self, Category, Intact, LawClass};
use super::policy::{
    ApprovalLevel, ApprovalThresholds, Clock, ConditionKind, CouponBreakage, Effects, Exclusion, ExclusionKind,
    Fulfilment, GiftHandling, Payer, Resolution, ReturnReason, Unit, Warranty, Window,
};
use super::reason::{Reason, RuleId};
use super::request::{self, Checked, Condition, Item, Line, Proof, Request};
use super::ReturnPolicy;
use crate::error::Issue;
use crate::{Calendar, Date, Money, Result};
use serde::Serialize;

const LAW_NO_REASON: &str = "law:no-reason-7d";
const LAW_EXCLUSION: &str = "law:no-reason-exclusions";
const LAW_INTACT: &str = "law:intact";
const LAW_DEFECT: &str = "law:defect";
const LAW_THREE: &str = "law:three-guarantees";
const LAW_FREIGHT: &str = "law:freight";
const LAW_REFUND_7D: &str = "law:refund-within-7d";
const LAW_GIFT: &str = "law:gift";
const LAW_PROOF: &str = "law:proof";

/// Statutory 三包 warranty when the policy gives none (months). Product catalogues set their own; stores state theirs.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Resolution, DEFAULT_THREE_GUARANTEES_MONTHS};
/// assert_eq!(DEFAULT_THREE_GUARANTEES_MONTHS, 12);
/// // A phone (三包 goods) under the law alone: repair under warranty for 12 months from the invoice.
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-09-01T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "electronics/phone", "quantity": 1, "unitPriceFen": 399900 }],
///         "payments": [{ "method": "card", "amountFen": 399900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "repair" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!(d.items[0].warranty_until.unwrap().to_string(), "2027-05-01");
/// assert_eq!(d.items[0].allowed[0].resolution, Resolution::Repair);
/// ```
pub const DEFAULT_THREE_GUARANTEES_MONTHS: i64 = 12;

/// What grants a resolution.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Basis, ReturnPolicy};
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "thirty", "priority": 1,
///     "then": {"refund": {"days": 30}}}]}"#).unwrap();
/// let request = |now: &str| serde_json::json!({
///     "now": now,
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "alipay", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// });
/// let cal = mallcare::Calendar::default();
/// // Day 5 after sign-for: the law's seven days grant the refund.
/// let d = ReturnPolicy::statutory().evaluate_value(request("2026-05-07T10:00:00+08:00"), &cal).unwrap();
/// assert_eq!(d.items[0].allowed[0].basis, Basis::Law);
/// // Day 20: only the store's 30 days do.
/// let d = p.evaluate_value(request("2026-05-22T10:00:00+08:00"), &cal).unwrap();
/// assert_eq!(d.items[0].allowed[0].basis, Basis::Store);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// The law (seven-day no-reason, art. 24 defects).
    Law,
    /// The 三包 rules.
    ThreeGuarantees,
    /// The store policy.
    Store,
}

/// One allowed resolution and until when.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Basis, ReturnPolicy, Resolution};
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "alipay", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let a = &d.items[0].allowed[0];
/// assert_eq!((a.resolution, a.basis), (Resolution::Refund, Basis::Law));
/// // Signed for on 3 May: seven days counted from 4 May, through 24:00 on 10 May.
/// assert_eq!(a.until.unwrap().to_string(), "2026-05-10");
/// assert_eq!(a.rule.as_str(), "law:no-reason-7d");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allowed {
    /// The resolution.
    pub resolution: Resolution,
    /// Last day (through 24:00 China time); `null` when the period has not started (not yet signed for).
    pub until: Option<Date>,
    /// What grants it.
    pub basis: Basis,
    /// The rule.
    pub rule: RuleId,
}

/// Evidence still needed.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Status};
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "fresh-photo", "priority": 1,
///     "when": {"categories": ["food/fresh"]},
///     "then": {"evidence": {"photos": 1, "reasons": ["spoiled"]}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-01T18:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "food/fresh", "quantity": 1, "unitPriceFen": 2990 }],
///         "payments": [{ "method": "wechat", "amountFen": 2990 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "spoiled", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let e = &d.items[0].evidence_needed[0];
/// assert_eq!((e.kind, e.count, e.rule.as_str()), ("photo", 1, "fresh-photo"));
/// assert_eq!(d.status, Status::NeedsEvidence);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceNeeded {
    /// `photo`.
    pub kind: &'static str,
    /// How many more.
    pub count: u32,
    /// The rule asking.
    pub rule: RuleId,
}

/// Money of one item.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Two lines share a ¥20 coupon in proportion to what they cost: 60% / 40%.
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "A", "category": "toys", "quantity": 1, "unitPriceFen": 6000 },
///                   { "id": "B", "category": "toys", "quantity": 1, "unitPriceFen": 4000 }],
///         "discounts": [{ "kind": "coupon", "amountFen": 2000 }],
///         "payments": [{ "method": "wechat", "amountFen": 8000 }] },
///     "items": [{ "lineId": "B", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let m = &d.items[0].money;
/// assert_eq!((m.list_fen, m.discount_fen, m.paid_fen), (4000, 800, 3200));
/// assert_eq!(m.refund_fen, 3200);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemMoney {
    /// List price of these units.
    pub list_fen: i64,
    /// Paid after line promotions.
    pub line_paid_fen: i64,
    /// Order discounts and coupons apportioned to these units.
    pub discount_fen: i64,
    /// Points value apportioned to these units.
    pub points_value_fen: i64,
    /// Points apportioned to these units.
    pub points: i64,
    /// Cash paid for these units.
    pub paid_fen: i64,
    /// Deducted by a partial refund rate.
    pub rate_deduction_fen: i64,
    /// Restocking fee.
    pub restocking_fee_fen: i64,
    /// Cash refunded for the item (before order-level deductions).
    pub refund_fen: i64,
    /// Points given back.
    pub refund_points: i64,
}

/// The exchange price difference.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // A ¥99 toy exchanged for a ¥129 one under a 30-day exchange rule: the customer pays ¥30 more.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "swap", "priority": 1,
///     "then": {"exchange": {"days": 30}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "alipay", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "size", "want": "exchange",
///         "exchangeFor": { "sku": "TOY-2", "unitPriceFen": 12900 } }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let x = d.items[0].exchange.as_ref().unwrap();
/// assert_eq!((x.credit_fen, x.new_price_fen, x.difference_fen), (9900, 12900, 3000));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    /// What the returned units were paid (cash + points value).
    pub credit_fen: i64,
    /// Price of what the customer takes.
    pub new_price_fen: i64,
    /// `newPriceFen − creditFen`: positive, the customer pays; negative, the store refunds.
    pub difference_fen: i64,
}

/// The decision about one item.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Payer, ReturnPolicy, Resolution, ReturnReason};
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 2, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "alipay", "amountFen": 19800 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "wrongItem", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let item = &d.items[0];
/// assert_eq!((item.line_id.as_str(), item.quantity), ("L1", 1));
/// assert_eq!((item.reason, item.want), (ReturnReason::WrongItem, Resolution::Refund));
/// assert!(item.granted);
/// // The wrong item was sent: the merchant pays the return freight.
/// assert_eq!(item.freight_payer, Payer::Merchant);
/// assert_eq!(item.money.refund_fen, 9900);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemDecision {
    /// Order line.
    pub line_id: String,
    /// Units.
    pub quantity: i64,
    /// Reason given.
    pub reason: ReturnReason,
    /// Resolution wanted.
    pub want: Resolution,
    /// Whether the wanted resolution is allowed.
    pub granted: bool,
    /// Every allowed resolution.
    pub allowed: Vec<Allowed>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Rules that decided, in order.
    pub rules: Vec<RuleId>,
    /// Evidence still needed.
    pub evidence_needed: Vec<EvidenceNeeded>,
    /// Approval level.
    pub approval: ApprovalLevel,
    /// Who pays the return freight.
    pub freight_payer: Payer,
    /// The store picks up free of charge.
    pub free_pickup: bool,
    /// Money.
    pub money: ItemMoney,
    /// Exchange difference, when an exchange is wanted and allowed.
    pub exchange: Option<Exchange>,
    /// Warranty end (including extended warranty), for 三包 goods or goods with a warranty.
    pub warranty_until: Option<Date>,
}

/// Refund to one payment.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// let p = ReturnPolicy::load(r#"{"version": "1", "settings": {"refundOrder": ["storedValue", "wechat"],
///     "refundBusinessDays": {"wechat": 3}}}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 5900 }, { "method": "storedValue", "amountFen": 4000 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // Stored value is refilled first, then WeChat Pay.
/// let split: Vec<(&str, i64)> = d.refund.by_payment.iter().map(|r| (r.method.as_str(), r.amount_fen)).collect();
/// assert_eq!(split, [("storedValue", 4000), ("wechat", 5900)]);
/// assert!(d.refund.by_payment[1].credit_by.is_some());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRefund {
    /// Method.
    pub method: String,
    /// Amount.
    pub amount_fen: i64,
    /// Expected to reach the customer by (working days after the refund is issued), if the policy says.
    pub credit_by: Option<Date>,
}

/// The refund of the whole request.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 10000 }],
///         "points": { "points": 500, "valueFen": 500 },
///         "payments": [{ "method": "wechat", "amountFen": 9500 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // Cash back to the cash paid; the points spent go back as points.
/// assert_eq!((d.refund.total_fen, d.refund.points), (9500, 500));
/// assert_eq!(d.refund.by_payment.iter().map(|r| r.amount_fen).sum::<i64>(), d.refund.total_fen);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refund {
    /// Cash refunded in total.
    pub total_fen: i64,
    /// Points given back.
    pub points: i64,
    /// Sum of item refunds.
    pub items_fen: i64,
    /// Shipping refunded.
    pub shipping_fen: i64,
    /// Coupon-threshold breakage deducted.
    pub coupon_breakage_fen: i64,
    /// Gift value deducted.
    pub gift_deduction_fen: i64,
    /// Split over the payments, in the policy's order.
    pub by_payment: Vec<PaymentRefund>,
}

/// Overall status.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Status};
/// let decide = |reason: &str| ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": reason, "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().status;
/// // In store the law gives no no-reason return; a defect is refunded.
/// assert_eq!(decide("noReason"), Status::Rejected);
/// assert_eq!(decide("qualityDefect"), Status::Approved);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Every wanted resolution is allowed.
    Approved,
    /// Allowed once the missing evidence arrives.
    NeedsEvidence,
    /// Some items allowed, some not.
    Partial,
    /// Nothing allowed.
    Rejected,
}

/// Which policy decided.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// let p = ReturnPolicy::load(r#"{"version": "2026.05"}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // A server re-checking a client's decision compares these with its own policy.
/// assert_eq!(d.policy.version, p.version());
/// assert_eq!(d.policy.fingerprint, p.fingerprint());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRef {
    /// Version label.
    pub version: String,
    /// Fingerprint of the document.
    pub fingerprint: String,
}

/// The decision for a whole request.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Status};
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-20T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "alipay", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // Day 17 after sign-for: a decision that allows nothing is a value, with the reasons.
/// assert_eq!(d.status, Status::Rejected);
/// assert_eq!(d.items[0].reasons[0].code, "NO_REASON_WINDOW_CLOSED");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// Overall status.
    pub status: Status,
    /// The policy applied.
    pub policy: PolicyRef,
    /// Per item.
    pub items: Vec<ItemDecision>,
    /// The refund.
    pub refund: Refund,
    /// Approval level of the whole request.
    pub approval: ApprovalLevel,
    /// Review due by (working days), if the policy says.
    pub review_by: Option<Date>,
    /// Refund to be issued by (law: within 7 days of receiving the goods).
    pub refund_by: Option<Date>,
    /// Order-level reasons.
    pub reasons: Vec<Reason>,
    /// Every rule that decided.
    pub rules: Vec<RuleId>,
}

/// Effects merged for one line: per field the winning value and the rule that set it.
struct Merged<'p> {
    refund: Option<(&'p Window, &'p RuleId)>,
    exchange: Option<(&'p Window, &'p RuleId)>,
    repair: Option<(&'p Window, &'p RuleId)>,
    requires: Option<(&'p Vec<ConditionKind>, &'p RuleId)>,
    waives: Option<(&'p Vec<ConditionKind>, &'p RuleId)>,
    exclusions: Option<(&'p Vec<Exclusion>, &'p RuleId)>,
    refund_percent: Option<(i64, &'p RuleId)>,
    restocking_fee: Option<(super::policy::Fee, &'p RuleId)>,
    freight: Option<(&'p super::policy::Freight, &'p RuleId)>,
    free_pickup: Option<(bool, &'p RuleId)>,
    evidence: Option<(&'p super::policy::EvidenceRule, &'p RuleId)>,
    approval: Option<(ApprovalLevel, &'p RuleId)>,
    warranty: Option<(Warranty, &'p RuleId)>,
    three: Option<(bool, &'p RuleId)>,
    defect_override: Option<(bool, &'p RuleId)>,
}

fn take<'p, T>(slot: &mut Option<(T, &'p RuleId)>, v: Option<T>, id: &'p RuleId) {
    if slot.is_none() {
        if let Some(v) = v {
            *slot = Some((v, id));
        }
    }
}

fn merge<'p>(policy: &'p ReturnPolicy, req: &Request, line: &Line) -> Merged<'p> {
    let mut m = Merged {
        refund: None,
        exchange: None,
        repair: None,
        requires: None,
        waives: None,
        exclusions: None,
        refund_percent: None,
        restocking_fee: None,
        freight: None,
        free_pickup: None,
        evidence: None,
        approval: None,
        warranty: None,
        three: None,
        defect_override: None,
    };
    for c in &policy.rules {
        let Some(rule) = policy.doc.rules.get(c.index) else { continue };
        if !matches(&rule.when, req, line) {
            continue;
        }
        let e: &Effects = &rule.then;
        let id = &c.id;
        take(&mut m.refund, e.refund.as_ref(), id);
        take(&mut m.exchange, e.exchange.as_ref(), id);
        take(&mut m.repair, e.repair.as_ref(), id);
        take(&mut m.requires, e.requires.as_ref(), id);
        take(&mut m.waives, e.waives.as_ref(), id);
        take(&mut m.exclusions, e.exclusions.as_ref(), id);
        take(&mut m.refund_percent, e.refund_percent, id);
        take(&mut m.restocking_fee, e.restocking_fee, id);
        take(&mut m.freight, e.freight.as_ref(), id);
        take(&mut m.free_pickup, e.free_pickup, id);
        take(&mut m.evidence, e.evidence.as_ref(), id);
        take(&mut m.approval, e.approval, id);
        take(&mut m.warranty, e.warranty, id);
        take(&mut m.three, e.three_guarantees, id);
        take(&mut m.defect_override, e.quality_defect_override, id);
    }
    m
}

/// The China-time date of a timestamp: one out-of-line copy of the conversion (inlined, ~10 copies of it).
#[inline(never)]
fn day(t: crate::Timestamp) -> Date {
    t.date()
}

fn fulfilment(req: &Request) -> Fulfilment {
    req.order.fulfilment.unwrap_or(if req.order.channel.is_distance() {
        Fulfilment::Delivery
    } else {
        Fulfilment::CarryOut
    })
}

fn matches(s: &super::policy::Selector, req: &Request, line: &Line) -> bool {
    let o = &req.order;
    if !s.channels.is_empty() && !s.channels.contains(&o.channel) {
        return false;
    }
    if !s.categories.is_empty() && !s.categories.iter().any(|c| category::is_under(&line.category, c)) {
        return false;
    }
    if !s.brands.is_empty() && !line.brand.as_ref().is_some_and(|b| s.brands.contains(b)) {
        return false;
    }
    if !s.skus.is_empty() && !line.sku.as_ref().is_some_and(|b| s.skus.contains(b)) {
        return false;
    }
    if !s.tags.is_empty() && !line.tags.iter().any(|t| s.tags.contains(t)) {
        return false;
    }
    if !s.member_tiers.is_empty()
        && !o.member.as_ref().and_then(|m| m.tier.as_ref()).is_some_and(|t| s.member_tiers.contains(t))
    {
        return false;
    }
    if let Some(p) = s.price {
        if p.min_fen.is_some_and(|x| line.unit_price_fen < x) || p.max_fen.is_some_and(|x| line.unit_price_fen > x) {
            return false;
        }
    }
    if let Some(r) = s.purchased {
        let d = day(o.sold_at);
        if r.from.is_some_and(|x| d < x) || r.to.is_some_and(|x| d > x) {
            return false;
        }
    }
    if !s.fulfilment.is_empty() && !s.fulfilment.contains(&fulfilment(req)) {
        return false;
    }
    true
}

/// Dates a window can count from.
struct Dates {
    sale: Date,
    invoice: Date,
    /// `None`: a delivery not signed for yet.
    received: Option<Date>,
    now: Date,
}

impl Dates {
    fn of(&self, clock: Clock) -> Option<Date> {
        match clock {
            Clock::Sale => Some(self.sale),
            Clock::Invoice => Some(self.invoice),
            Clock::Delivery => self.received,
        }
    }
}

/// Last day of a window starting at `start`, or `None` if it has not started.
fn window_end(w: &Window, start: Option<Date>, cal: &Calendar) -> Result<Option<Date>> {
    let Some(s) = start else { return Ok(None) };
    Ok(Some(match w.unit {
        Unit::Days => s.add_days(w.days)?,
        Unit::BusinessDays => cal.add_business_days(s, w.days)?,
    }))
}

/// Grants collected for one item: per resolution, the best (latest) grant.
#[derive(Default)]
struct Grants {
    slots: [Option<Allowed>; 3],
}

fn slot_of(r: Resolution) -> usize {
    match r {
        Resolution::Refund => 0,
        Resolution::Exchange => 1,
        Resolution::Repair => 2,
    }
}

fn later(a: Option<Date>, b: Option<Date>) -> bool {
    // `None` (not started) counts as the latest.
    match (a, b) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => x > y,
        _ => false,
    }
}

impl Grants {
    fn grant(&mut self, resolution: Resolution, until: Option<Date>, basis: Basis, rule: &RuleId) {
        let new = Allowed { resolution, until, basis, rule: rule.clone() };
        if let Some(slot) = self.slots.get_mut(slot_of(resolution)) {
            let replace = match slot {
                None => true,
                Some(old) => later(until, old.until),
            };
            if replace {
                *slot = Some(new);
            }
        }
    }
    fn has(&self, r: Resolution) -> bool {
        self.slots.get(slot_of(r)).is_some_and(Option::is_some)
    }
}

fn law_exclusion(line: &Line, cat: &Category, cond: &Condition) -> Option<&'static str> {
    if line.made_to_order {
        return Some("EXCLUDED_MADE_TO_ORDER");
    }
    if cat.law == LawClass::Perishable || line.tags.iter().any(|t| t == "perishable") {
        return Some("EXCLUDED_PERISHABLE");
    }
    if cat.law == LawClass::Media && (cond.seal_broken || cond.downloaded) {
        return Some("EXCLUDED_UNSEALED_MEDIA");
    }
    if cat.law == LawClass::Periodical {
        return Some("EXCLUDED_PERIODICAL");
    }
    if line.confirmed_non_returnable {
        return Some("EXCLUDED_CONFIRMED");
    }
    None
}

/// Statutory "intact" for the category; `None` if intact, else the reason code.
fn law_not_intact(cat: &Category, c: &Condition) -> Option<&'static str> {
    if c.accessories_missing {
        return Some("NOT_INTACT_ACCESSORIES");
    }
    match cat.intact {
        Intact::Seal if c.seal_broken => Some("NOT_INTACT_SEAL"),
        Intact::Activation if c.activated || c.privately_repaired || c.serial_defaced => Some("NOT_INTACT_ACTIVATED"),
        Intact::Tags if c.tags_removed || c.soiled || c.damaged => Some("NOT_INTACT_TAGS"),
        _ if c.damaged => Some("NOT_INTACT_DAMAGED"),
        _ => None,
    }
}

fn store_exclusion_applies(x: &Exclusion, line: &Line, cat: &Category, c: &Condition) -> bool {
    let fact = match x.kind {
        ExclusionKind::MadeToOrder => line.made_to_order,
        ExclusionKind::Perishable | ExclusionKind::Periodical | ExclusionKind::FinalSale => true,
        ExclusionKind::UnsealedMedia | ExclusionKind::Hygiene => c.seal_broken || c.downloaded,
        ExclusionKind::Activated => c.activated,
        ExclusionKind::NearExpiry => line.near_expiry || line.tags.iter().any(|t| t == "nearExpiry"),
        ExclusionKind::Flawed => line.flawed,
    };
    let _ = cat;
    fact && (!x.needs_confirmation || line.confirmed_non_returnable)
}

fn waived(m: &Merged<'_>, k: ConditionKind) -> bool {
    m.waives.is_some_and(|(w, _)| w.contains(&k))
}

/// Store condition for no-fault returns: the category's intactness (unless waived) plus what the rules require.
fn store_condition_fails(m: &Merged<'_>, cat: &Category, c: &Condition) -> bool {
    let base = match cat.intact {
        Intact::Seal => !waived(m, ConditionKind::Seal) && (c.seal_broken || c.downloaded),
        Intact::Activation => {
            !waived(m, ConditionKind::NotActivated) && (c.activated || c.privately_repaired || c.serial_defaced)
        }
        Intact::Tags => !waived(m, ConditionKind::Tags) && (c.tags_removed || c.soiled || c.damaged),
        Intact::General => c.damaged,
    };
    let acc = !waived(m, ConditionKind::Accessories) && c.accessories_missing;
    let req = m.requires.is_some_and(|(list, _)| {
        list.iter().any(|k| {
            !waived(m, *k)
                && match k {
                    ConditionKind::Tags => c.tags_removed || c.soiled,
                    ConditionKind::Seal => c.seal_broken,
                    ConditionKind::Accessories => c.accessories_missing,
                    ConditionKind::Packaging => c.packaging_missing,
                    ConditionKind::Unused => c.used || c.soiled,
                    ConditionKind::NotActivated => c.activated,
                }
        })
    });
    base || acc || req
}

struct Ctx<'a> {
    reasons: Vec<Reason>,
    rules: Vec<RuleId>,
    law: &'a LawIds,
}

impl Ctx<'_> {
    /// Records a reason once per (code, rule) and the rule in the trace.
    fn say(&mut self, code: &'static str, rule: &RuleId) {
        if !self.rules.contains(rule) {
            self.rules.push(rule.clone());
        }
        if !self.reasons.iter().any(|r| r.code == code && r.rule == *rule) {
            self.reasons.push(Reason::new(code, rule));
        }
    }
}

/// The statutory rule ids, allocated once per policy.
#[derive(Debug)]
pub(crate) struct LawIds {
    no_reason: RuleId,
    exclusion: RuleId,
    intact: RuleId,
    defect: RuleId,
    three: RuleId,
    freight: RuleId,
    refund_7d: RuleId,
    gift: RuleId,
    proof: RuleId,
}

impl Default for LawIds {
    fn default() -> Self {
        LawIds {
            no_reason: RuleId::law(LAW_NO_REASON),
            exclusion: RuleId::law(LAW_EXCLUSION),
            intact: RuleId::law(LAW_INTACT),
            defect: RuleId::law(LAW_DEFECT),
            three: RuleId::law(LAW_THREE),
            freight: RuleId::law(LAW_FREIGHT),
            refund_7d: RuleId::law(LAW_REFUND_7D),
            gift: RuleId::law(LAW_GIFT),
            proof: RuleId::law(LAW_PROOF),
        }
    }
}

fn warranty_end(w: &Warranty, d: &Dates) -> Result<(Option<Date>, Option<Date>)> {
    let start = d.of(w.clock).unwrap_or(d.sale);
    let main = start.add_months(w.months)?;
    let ext = if w.extended_months > 0 { Some(start.add_months(w.months + w.extended_months)?) } else { None };
    Ok((Some(main), ext))
}

struct ItemOutcome {
    decision: ItemDecision,
    /// A refund was granted.
    refund_granted: bool,
    /// The approval level a rule set for the line.
    rule_approval: Option<ApprovalLevel>,
}

fn decide_item(
    policy: &ReturnPolicy,
    req: &Request,
    item: &Item,
    line: &Line,
    money: &request::LineMoney,
    cat: &Category,
    cal: &Calendar,
) -> Result<ItemOutcome> {
    let law = &policy.law;
    let m = merge(policy, req, line);
    let o = &req.order;
    let dates = Dates {
        sale: day(o.sold_at),
        invoice: day(o.invoiced_at.unwrap_or(o.sold_at)),
        received: match (o.signed_at, fulfilment(req)) {
            (Some(t), _) => Some(day(t)),
            (None, Fulfilment::Delivery) => None,
            (None, _) => Some(day(o.sold_at)),
        },
        now: day(req.now),
    };
    let mut cx = Ctx { reasons: Vec::with_capacity(4), rules: Vec::with_capacity(4), law };
    let mut law_g = Grants::default();
    let mut store_g = Grants::default();
    let fault = item.reason.is_fault();
    let cond = &item.condition;
    let mut store_refusal: Option<RuleId> = None;
    let mut warranty_until = None;

    // Proof of purchase (in store; distance orders have their order record).
    let proof_ok = o.channel.is_distance()
        || match o.proof {
            Proof::Receipt | Proof::OrderRecord => true,
            Proof::MemberLookup => policy.doc.settings.accept_member_lookup,
            Proof::None => false,
        };
    if !proof_ok {
        let code = if o.proof == Proof::MemberLookup { "PROOF_MEMBER_LOOKUP_NOT_ACCEPTED" } else { "PROOF_MISSING" };
        cx.say(code, &law.proof);
    } else if !o.channel.is_distance() && o.proof == Proof::MemberLookup {
        cx.say("PROOF_MEMBER_LOOKUP", &law.proof);
    }

    if proof_ok && !fault {
        // Statutory seven-day no-reason right for distance sales.
        if o.channel.is_distance() {
            if let Some(code) = law_exclusion(line, cat, cond) {
                cx.say(code, &cx.law.exclusion.clone());
            } else if let Some(code) = law_not_intact(cat, cond) {
                cx.say(code, &cx.law.intact.clone());
            } else {
                match dates.received {
                    None => {
                        law_g.grant(Resolution::Refund, None, Basis::Law, &law.no_reason);
                        cx.say("NO_REASON_NOT_YET_SIGNED", &law.no_reason);
                    }
                    Some(start) => {
                        let end = start.add_days(7)?;
                        if dates.now <= end {
                            law_g.grant(Resolution::Refund, Some(end), Basis::Law, &law.no_reason);
                            cx.say("NO_REASON_WINDOW_OPEN", &law.no_reason);
                        } else {
                            cx.say("NO_REASON_WINDOW_CLOSED", &law.no_reason);
                        }
                    }
                }
            }
        }
        // The store's own windows.
        let excluded = m.exclusions.and_then(|(list, id)| {
            list.iter().find(|x| store_exclusion_applies(x, line, cat, cond)).map(|_| id.clone())
        });
        if let Some(id) = excluded {
            cx.say("EXCLUDED_BY_STORE", &id);
            store_refusal = Some(id);
        } else if (m.refund.is_some() || m.exchange.is_some()) && store_condition_fails(&m, cat, cond) {
            let id = m.requires.map(|(_, id)| id.clone()).unwrap_or_else(|| law.intact.clone());
            cx.say("CONDITION_NOT_MET", &id);
            store_refusal = m.refund.or(m.exchange).map(|(_, id)| id.clone());
        } else {
            for (res, w) in [(Resolution::Refund, m.refund), (Resolution::Exchange, m.exchange)] {
                if let Some((w, id)) = w {
                    let end = window_end(w, dates.of(w.clock), cal)?;
                    if end.is_none_or(|e| dates.now <= e) {
                        store_g.grant(res, end, Basis::Store, id);
                        cx.say("STORE_WINDOW_OPEN", id);
                    } else {
                        cx.say("STORE_WINDOW_CLOSED", id);
                        if res == Resolution::Refund {
                            store_refusal = Some(id.clone());
                        }
                    }
                }
            }
        }
        if !o.channel.is_distance() && !store_g.has(Resolution::Refund) && !store_g.has(Resolution::Exchange) {
            cx.say("NO_STATUTORY_NO_REASON_RIGHT", &law.no_reason);
        }
    }

    if proof_ok && fault {
        let excluded_law = law_exclusion(line, cat, cond).is_some();
        let excluded_store = m.exclusions.and_then(|(list, id)| {
            list.iter().find(|x| store_exclusion_applies(x, line, cat, cond)).map(|_| id.clone())
        });
        if excluded_law || excluded_store.is_some() {
            cx.say("DEFECT_OVERRIDES_EXCLUSION", &law.defect);
            if let Some((false, id)) = m.defect_override {
                cx.say("FLOOR_APPLIED", id);
            }
        }
        let performance = matches!(item.reason, ReturnReason::QualityDefect | ReturnReason::Spoiled);
        // A policy can add goods to 三包 but never take listed goods out of it.
        let three = cat.three_guarantees || m.three.is_some_and(|(v, _)| v);
        if cat.three_guarantees {
            if let Some((false, id)) = m.three {
                cx.say("FLOOR_APPLIED", id);
            }
        }
        if three && performance {
            let w = m.warranty.map_or(
                Warranty { months: DEFAULT_THREE_GUARANTEES_MONTHS, extended_months: 0, clock: Clock::Invoice },
                |(w, _)| w,
            );
            let (main_end, ext_end) = warranty_end(&w, &dates)?;
            warranty_until = ext_end.or(main_end);
            if cond.privately_repaired || cond.serial_defaced {
                cx.say("THREE_GUARANTEES_VOID", &law.three);
            } else {
                let base = dates.invoice;
                let fault_d = item.fault_at.map_or(dates.now, day);
                let d7 = base.add_days(7)?;
                let d15 = base.add_days(15)?;
                let main_end = main_end.unwrap_or(d15).max(d15);
                let t = &law.three;
                if fault_d <= d7 {
                    law_g.grant(Resolution::Refund, Some(d7), Basis::ThreeGuarantees, t);
                    law_g.grant(Resolution::Exchange, Some(d15), Basis::ThreeGuarantees, t);
                    law_g.grant(Resolution::Repair, Some(main_end), Basis::ThreeGuarantees, t);
                    cx.say("THREE_GUARANTEES_7D", t);
                } else if fault_d <= d15 {
                    law_g.grant(Resolution::Exchange, Some(d15), Basis::ThreeGuarantees, t);
                    law_g.grant(Resolution::Repair, Some(main_end), Basis::ThreeGuarantees, t);
                    cx.say("THREE_GUARANTEES_15D", t);
                } else if fault_d <= main_end {
                    law_g.grant(Resolution::Repair, Some(main_end), Basis::ThreeGuarantees, t);
                    if item.failed_repairs >= 2 {
                        law_g.grant(Resolution::Exchange, Some(main_end), Basis::ThreeGuarantees, t);
                        law_g.grant(Resolution::Refund, Some(main_end), Basis::ThreeGuarantees, t);
                        cx.say("THREE_GUARANTEES_REPAIRS_FAILED", t);
                    } else {
                        cx.say("THREE_GUARANTEES_REPAIR", t);
                    }
                } else if let (Some(ext), Some((_, id))) = (ext_end, m.warranty) {
                    if fault_d <= ext {
                        store_g.grant(Resolution::Repair, Some(ext), Basis::Store, id);
                        cx.say("WARRANTY_EXTENDED", id);
                    } else {
                        cx.say("THREE_GUARANTEES_EXPIRED", t);
                    }
                } else {
                    cx.say("THREE_GUARANTEES_EXPIRED", t);
                }
            }
        } else {
            // Consumer Rights Protection Law art. 24: seven days from receipt to return, then exchange or repair;
            // quality objections within two years of receipt (Civil Code art. 621).
            let r = dates.received.unwrap_or(dates.sale);
            let d7 = r.add_days(7)?;
            let limit = r.add_months(24)?;
            let d = &law.defect;
            if dates.now <= d7 {
                law_g.grant(Resolution::Refund, Some(d7), Basis::Law, d);
                law_g.grant(Resolution::Exchange, Some(limit), Basis::Law, d);
                law_g.grant(Resolution::Repair, Some(limit), Basis::Law, d);
                cx.say("DEFECT_RETURN_7D", d);
            } else if dates.now <= limit {
                law_g.grant(Resolution::Exchange, Some(limit), Basis::Law, d);
                law_g.grant(Resolution::Repair, Some(limit), Basis::Law, d);
                cx.say("DEFECT_EXCHANGE_REPAIR", d);
            } else {
                cx.say("DEFECT_PERIOD_EXPIRED", d);
            }
            if let Some((w, id)) = m.warranty {
                let (main_end, ext_end) = warranty_end(&w, &dates)?;
                warranty_until = ext_end.or(main_end);
                if let Some(end) = warranty_until {
                    if dates.now <= end {
                        store_g.grant(Resolution::Repair, Some(end), Basis::Store, id);
                        cx.say("WARRANTY_STORE", id);
                    }
                }
            }
        }
        // Store windows apply to faults too, without conditions or exclusions.
        for (res, w) in
            [(Resolution::Refund, m.refund), (Resolution::Exchange, m.exchange), (Resolution::Repair, m.repair)]
        {
            if let Some((w, id)) = w {
                let end = window_end(w, dates.of(w.clock), cal)?;
                if end.is_none_or(|e| dates.now <= e) {
                    store_g.grant(res, end, Basis::Store, id);
                    cx.say("STORE_WINDOW_OPEN", id);
                }
            }
        }
    }

    // Union: the law, then the store where it gives more.
    let mut allowed: Vec<Allowed> = Vec::with_capacity(3);
    for res in [Resolution::Refund, Resolution::Exchange, Resolution::Repair] {
        let a = law_g.slots.get(slot_of(res)).cloned().flatten();
        let b = store_g.slots.get(slot_of(res)).cloned().flatten();
        let best = match (a, b) {
            (Some(a), Some(b)) => Some(if later(b.until, a.until) { b } else { a }),
            (a, b) => a.or(b),
        };
        if let Some(x) = best {
            allowed.push(x);
        }
    }
    let law_refund = law_g.has(Resolution::Refund);
    if law_refund && !store_g.has(Resolution::Refund) {
        if let Some(id) = &store_refusal {
            cx.say("FLOOR_APPLIED", id);
        }
    }
    let granted = allowed.iter().any(|a| a.resolution == item.want);
    if !granted {
        // The trace names the rule that refused: a store rule if one did, else the last rule that spoke.
        let by = store_refusal.clone().or_else(|| cx.reasons.last().map(|r| r.rule.clone()));
        let by = by.unwrap_or_else(|| law.no_reason.clone());
        cx.say("RESOLUTION_NOT_ALLOWED", &by);
    }

    // Freight.
    let law_payer = if fault { Payer::Merchant } else { Payer::Customer };
    let mut freight_payer = law_payer;
    if let Some((map, id)) = m.freight {
        if let Some(p) = map.get(item.reason) {
            if fault && p == Payer::Customer {
                cx.say("FLOOR_FREIGHT", id);
            } else if granted {
                freight_payer = p;
                if !cx.rules.contains(id) {
                    cx.rules.push(id.clone());
                }
            }
        }
    }
    if fault && !cx.rules.contains(&law.freight) && granted && item.want != Resolution::Repair {
        cx.rules.push(law.freight.clone());
    }
    let free_pickup = m.free_pickup.is_some_and(|(v, _)| v) && granted;
    if free_pickup {
        freight_payer = Payer::Merchant;
        if let Some((_, id)) = m.free_pickup {
            cx.say("FREE_PICKUP", id);
        }
    }

    // Evidence.
    let mut evidence_needed = Vec::new();
    if let Some((ev, id)) = m.evidence {
        if granted && (ev.reasons.is_empty() || ev.reasons.contains(&item.reason)) && item.evidence.photos < ev.photos {
            evidence_needed.push(EvidenceNeeded {
                kind: "photo",
                count: ev.photos - item.evidence.photos,
                rule: id.clone(),
            });
            cx.say("EVIDENCE_NEEDED", id);
        }
    }

    // Money of these units.
    let qty = line.quantity;
    let from = line.returned_quantity;
    let k = item.quantity;
    // Nested cumulative shares (cash ⊂ cash + points ⊂ paid) keep every part non-negative and exact.
    let share = |total: i64| request::unit_share(total, qty, from, k);
    let cash = share(money.cash);
    let cash_points = share(money.cash + money.points_value);
    let sub = share(money.sub);
    let mut mon = ItemMoney {
        list_fen: share(crate::money::saturating_mul_i64(line.unit_price_fen, qty)),
        line_paid_fen: sub,
        discount_fen: sub - cash_points,
        points_value_fen: cash_points - cash,
        points: share(money.points),
        paid_fen: cash,
        ..ItemMoney::default()
    };
    let refund_granted = granted && item.want == Resolution::Refund;
    if refund_granted {
        let mut cash = mon.paid_fen;
        let store_only = !law_refund && !fault;
        if let Some((pct, id)) = m.refund_percent.filter(|(p, _)| *p < 100) {
            if store_only {
                let kept = Money::from_fen(cash)?.mul_ratio(pct, 100)?.fen();
                mon.rate_deduction_fen = cash - kept;
                cash = kept;
                cx.say("PARTIAL_REFUND_RATE", id);
            } else {
                cx.say("FLOOR_FEE_WAIVED", id);
            }
        }
        if let Some((fee, id)) = m.restocking_fee.filter(|(f, _)| f.fixed_fen > 0 || f.percent > 0) {
            if store_only {
                let pct = Money::from_fen(mon.paid_fen)?.mul_ratio(fee.percent, 100)?.fen();
                let f = fee.fixed_fen.saturating_add(pct).min(cash);
                mon.restocking_fee_fen = f;
                cash -= f;
                cx.say("RESTOCKING_FEE", id);
            } else if !cx.reasons.iter().any(|r| r.code == "FLOOR_FEE_WAIVED") {
                cx.say("FLOOR_FEE_WAIVED", id);
            }
        }
        mon.refund_fen = cash;
        mon.refund_points = mon.points;
    }

    let exchange = if granted && item.want == Resolution::Exchange {
        let credit = mon.paid_fen + mon.points_value_fen;
        let new_price = match &item.exchange_for {
            Some(x) => crate::money::saturating_mul_i64(x.unit_price_fen, k),
            None => credit,
        };
        Some(Exchange { credit_fen: credit, new_price_fen: new_price, difference_fen: new_price - credit })
    } else {
        None
    };

    let rule_approval = m.approval.map(|(a, id)| {
        if !cx.rules.contains(id) {
            cx.rules.push(id.clone());
        }
        a
    });
    let decision = ItemDecision {
        line_id: line.id.clone(),
        quantity: k,
        reason: item.reason,
        want: item.want,
        granted,
        allowed,
        reasons: cx.reasons,
        rules: cx.rules,
        evidence_needed,
        approval: rule_approval.unwrap_or(ApprovalLevel::Auto),
        freight_payer,
        free_pickup,
        money: mon,
        exchange,
        warranty_until,
    };
    Ok(ItemOutcome { decision, refund_granted, rule_approval })
}

static FALLBACK: Category =
    Category { path: "other", zh: "其他", intact: Intact::General, law: LawClass::None, three_guarantees: false };

fn level_for(amount: i64, t: &ApprovalThresholds) -> ApprovalLevel {
    if amount <= t.auto_max_fen {
        ApprovalLevel::Auto
    } else if amount <= t.staff_max_fen {
        ApprovalLevel::Staff
    } else {
        ApprovalLevel::Manager
    }
}

pub(crate) fn evaluate(policy: &ReturnPolicy, req: &Request, cal: &Calendar) -> Result<Decision> {
    let checked: Checked = request::check(req)?;
    let o = &req.order;
    let settings = &policy.doc.settings;
    let law = &policy.law;
    let mut items = Vec::with_capacity(req.items.len());
    let mut rule_levels = Vec::with_capacity(req.items.len());
    let mut returned_after: Vec<i64> = o.lines.iter().map(|l| l.returned_quantity).collect();
    let mut any_no_fault_refund = false;
    let mut all_refunds_fault = true;
    let mut any_refund = false;
    for (item, li) in req.items.iter().zip(&checked.item_line) {
        let (Some(line), Some(money)) = (o.lines.get(*li), checked.money.get(*li)) else {
            return Err(Issue::new("INTERNAL", "items", "内部错误", "internal error").into());
        };
        let cat = checked.categories.get(*li).copied().flatten().unwrap_or(&FALLBACK);
        let out = decide_item(policy, req, item, line, money, cat, cal)?;
        if out.refund_granted {
            any_refund = true;
            if let Some(r) = returned_after.get_mut(*li) {
                *r += item.quantity;
            }
            if item.reason.is_fault() {
                // keeps all_refunds_fault
            } else {
                any_no_fault_refund = true;
                all_refunds_fault = false;
            }
        }
        rule_levels.push(out.rule_approval);
        items.push(out.decision);
    }
    let mut reasons = Vec::with_capacity(2);
    let mut rules: Vec<RuleId> = Vec::with_capacity(8);
    let items_fen: i64 = items.iter().map(|d| d.money.refund_fen).sum();
    let points: i64 = items.iter().map(|d| d.money.refund_points).sum();

    // Coupon-threshold breakage.
    let mut breakage = 0i64;
    if settings.coupon_breakage == CouponBreakage::ClawBack && any_no_fault_refund {
        for (d, disc) in o.discounts.iter().enumerate() {
            let Some(t) = disc.threshold_fen else { continue };
            let mut kept_before = 0i64;
            let mut kept_after = 0i64;
            let mut kept_share = 0i64;
            let n = o.lines.len();
            for (li, (line, m)) in o.lines.iter().zip(&checked.money).enumerate() {
                let share = checked.disc_share.get(d * n + li).copied().unwrap_or(0);
                let eligible = disc.lines.as_ref().is_none_or(|ids| ids.contains(&line.id));
                if !eligible {
                    continue;
                }
                let after = returned_after.get(li).copied().unwrap_or(0);
                kept_before += m.sub - request::unit_share(m.sub, line.quantity, 0, line.returned_quantity);
                kept_after += m.sub - request::unit_share(m.sub, line.quantity, 0, after);
                kept_share += share - request::unit_share(share, line.quantity, 0, after);
            }
            if kept_before >= t && kept_after < t && kept_after > 0 {
                breakage += kept_share;
            }
        }
    }
    // Gifts not returned with their goods.
    let mut gift = 0i64;
    if settings.gift_not_returned == GiftHandling::DeductValue {
        for (g, gl) in o.lines.iter().enumerate() {
            let Some(main) = &gl.gift_of else { continue };
            let Some(mi) = o.lines.iter().position(|l| &l.id == main) else { continue };
            let main_refunded_now = req.items.iter().zip(&items).any(|(it, d)| {
                it.line_id == *main && d.granted && d.want == Resolution::Refund && !it.reason.is_fault()
            });
            let main_line_done = o.lines.get(mi).is_some_and(|l| returned_after.get(mi).copied() == Some(l.quantity));
            let gift_after = returned_after.get(g).copied().unwrap_or(0);
            if main_refunded_now && main_line_done && gift_after < gl.quantity {
                gift += request::unit_share(gl.gift_value_fen, gl.quantity, gift_after, gl.quantity - gift_after);
            }
        }
    }
    // Shipping: refunded when the whole order comes back for the merchant's fault.
    let all_back = o.lines.iter().zip(&returned_after).all(|(l, r)| *r == l.quantity);
    let shipping = if any_refund && all_back && all_refunds_fault { o.shipping_fen } else { 0 };
    let gross = items_fen + shipping;
    let breakage = breakage.min(gross);
    let gift = gift.min(gross - breakage);
    if breakage > 0 {
        reasons.push(Reason::new("COUPON_BREAKAGE", &law.gift));
    }
    if gift > 0 {
        reasons.push(Reason::new("GIFT_NOT_RETURNED", &law.gift));
    }
    if shipping > 0 {
        reasons.push(Reason::new("SHIPPING_REFUNDED", &law.freight));
    }
    let total = gross - breakage - gift;

    // Deadlines.
    let now_d = day(req.now);
    let mut calendar_gap = false;
    let mut deadline = |r: Result<Date>| match r {
        Ok(d) => Some(d),
        Err(_) => {
            calendar_gap = true;
            None
        }
    };
    let review_by = settings.review_business_days.and_then(|d| deadline(cal.add_business_days(now_d, d)));
    let refund_by = if any_refund {
        let received = day(req.items.iter().map(|i| i.returned_at.unwrap_or(req.now)).max().unwrap_or(req.now));
        let days = settings.refund_issue_days.map_or(7, |d| d.min(7));
        reasons.push(Reason::new("REFUND_WITHIN_7_DAYS", &law.refund_7d));
        Some(received.add_days(days)?)
    } else {
        None
    };

    // Split back to the payments in the policy's order: the listed methods first, in the policy's order, then the
    // others in order-listing order (no sort: refund orders are short).
    let mut order: Vec<usize> = Vec::with_capacity(o.payments.len());
    for (j, m) in settings.refund_order.iter().enumerate() {
        if settings.refund_order.iter().take(j).any(|x| x == m) {
            continue;
        }
        order.extend(o.payments.iter().enumerate().filter(|(_, p)| p.method == *m).map(|(i, _)| i));
    }
    let listed = |m: &str| settings.refund_order.iter().any(|x| x == m);
    order.extend(o.payments.iter().enumerate().filter(|(_, p)| !listed(&p.method)).map(|(i, _)| i));
    let mut left = total;
    let mut by_payment = Vec::with_capacity(o.payments.len());
    for i in order {
        if left <= 0 {
            break;
        }
        let Some(p) = o.payments.get(i) else { continue };
        let take = (p.amount_fen - p.refunded_fen).min(left);
        if take <= 0 {
            continue;
        }
        left -= take;
        let credit_by =
            match (refund_by, settings.refund_business_days.iter().find(|(m, _)| *m == p.method).map(|(_, d)| d)) {
                (Some(d), Some(n)) => deadline(cal.add_business_days(d, *n)),
                _ => None,
            };
        by_payment.push(PaymentRefund { method: p.method.clone(), amount_fen: take, credit_by });
    }
    if calendar_gap {
        reasons.push(Reason::new("DEADLINE_CALENDAR_UNKNOWN", &law.refund_7d));
    }
    if left > 0 {
        return Err(Issue::new(
            "REQUEST_REFUND_EXCEEDS_PAYMENTS",
            "order.payments",
            format!("应退 {total} 分，但各支付方式剩余可退金额不足（差 {left} 分）；请核对 refundedFen"),
            format!("{total} fen to refund but the payments have only {} fen left; check refundedFen", total - left),
        )
        .into());
    }

    // Approval: a rule's level, else the amount thresholds; risk raises it.
    let thresholds = settings.approval.unwrap_or_default();
    let amount_level = level_for(total, &thresholds);
    let risky = !req.risk_flags.is_empty() || (!o.channel.is_distance() && o.proof == Proof::MemberLookup);
    let mut approval = ApprovalLevel::Auto;
    for (d, rule_level) in items.iter_mut().zip(&rule_levels) {
        let mut level = rule_level.unwrap_or(amount_level);
        if risky {
            level = level.max(thresholds.risk);
        }
        d.approval = level;
        if d.granted {
            approval = approval.max(level);
        }
    }
    if items.iter().all(|d| !d.granted) {
        approval = if risky { thresholds.risk } else { amount_level };
    }

    for d in &items {
        for r in &d.rules {
            if !rules.contains(r) {
                rules.push(r.clone());
            }
        }
    }
    for r in &reasons {
        if !rules.contains(&r.rule) {
            rules.push(r.rule.clone());
        }
    }
    let granted = items.iter().filter(|d| d.granted).count();
    let status = if granted == 0 {
        Status::Rejected
    } else if granted < items.len() {
        Status::Partial
    } else if items.iter().any(|d| !d.evidence_needed.is_empty()) {
        Status::NeedsEvidence
    } else {
        Status::Approved
    };
    Ok(Decision {
        status,
        policy: PolicyRef { version: policy.doc.version.clone(), fingerprint: policy.fingerprint.clone() },
        items,
        refund: Refund {
            total_fen: total,
            points,
            items_fen,
            shipping_fen: shipping,
            coupon_breakage_fen: breakage,
            gift_deduction_fen: gift,
            by_payment,
        },
        approval,
        review_by,
        refund_by,
        reasons,
        rules,
    })
}
