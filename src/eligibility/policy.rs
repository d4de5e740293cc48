//! The policy document a store's operations team writes: versioned JSON with ordered, prioritised rules.
//!
//! ```json
//! { "version": "2026.05",
//!   "settings": { "approval": { "autoMaxFen": 50000, "staffMaxFen": 500000 } },
//!   "rules": [
//!     { "id": "members-30d", "priority": 20,
//!       "when": { "memberTiers": ["gold"], "categories": ["clothing"] },
//!       "then": { "refund": { "days": 30, "clock": "delivery" }, "exchange": { "days": 30 } } } ] }
//! ```
//!
//! Every matching rule contributes the effects it sets; for each effect the matching rule with the highest priority
//! wins. Two rules with equal priority whose selectors can match the same line are a load error
//! (`POLICY_PRIORITY_CONFLICT`): the document, not the order it was edited in, decides.

use super::category;
use super::put;
use super::reason::RuleId;
use crate::error::Issues;
use crate::{Date, Result};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Sales channel. Everything but `store` is a distance sale (online, TV, phone, mail order).
///
/// # Example
/// ```
/// use mallcare::eligibility::{Channel, ReturnPolicy};
/// assert_eq!(serde_json::from_str::<Channel>(r#""tv""#).unwrap(), Channel::Tv);
/// // A store rule for counter sales only: 15 days in store (where the law gives no no-reason return).
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "counter-15d", "priority": 1,
///     "when": {"channels": ["store"]}, "then": {"refund": {"days": 15}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-10T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert!(d.items[0].granted);
/// assert_eq!(d.items[0].allowed[0].rule.as_str(), "counter-15d");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    /// Web shop, app, mini-program.
    Online,
    /// TV shopping.
    Tv,
    /// Telephone sales.
    Phone,
    /// Mail order.
    Mail,
    /// Bought at the counter.
    Store,
}

impl Channel {
    /// Whether this is a distance sale, where the seven-day no-reason right applies.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::Channel;
    /// assert!(Channel::Online.is_distance());
    /// assert!(!Channel::Store.is_distance());
    /// ```
    pub fn is_distance(self) -> bool {
        !matches!(self, Channel::Store)
    }
}

/// How the goods reached the customer.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Fulfilment, ReturnPolicy};
/// assert_eq!(serde_json::from_str::<Fulfilment>(r#""carryOut""#).unwrap(), Fulfilment::CarryOut);
/// // Orders picked up in store get 30 days from the pick-up; delivered ones keep the law's seven.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "pickup-30d", "priority": 1,
///     "when": {"fulfilment": ["pickup"]}, "then": {"refund": {"days": 30}}}]}"#).unwrap();
/// let until = |fulfilment: &str| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-04T10:00:00+08:00",
///     "order": { "channel": "online", "fulfilment": fulfilment, "soldAt": "2026-05-01T10:00:00+08:00",
///         "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].allowed[0].until.unwrap().to_string();
/// assert_eq!(until("pickup"), "2026-06-01");
/// assert_eq!(until("delivery"), "2026-05-09");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Fulfilment {
    /// Delivered; the customer signed for it.
    Delivery,
    /// Picked up at a store or locker.
    Pickup,
    /// Carried out of the store at the till.
    CarryOut,
}

/// The event a window counts from.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Sold 1 May, invoiced 3 May; a 10-day store window ends 10 days after the event it counts from.
/// let until = |clock: &str| {
///     let p = ReturnPolicy::load(&format!(r#"{{"version": "1", "rules": [{{"id": "ten", "priority": 1,
///         "then": {{"refund": {{"days": 10, "clock": "{clock}"}}}}}}]}}"#)).unwrap();
///     p.evaluate_value(serde_json::json!({
///         "now": "2026-05-05T10:00:00+08:00",
///         "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///             "invoicedAt": "2026-05-03T09:00:00+08:00",
///             "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///             "payments": [{ "method": "cash", "amountFen": 9900 }] },
///         "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
///     }), &mallcare::Calendar::default()).unwrap().items[0].allowed[0].until.unwrap().to_string()
/// };
/// assert_eq!(until("sale"), "2026-05-11");
/// assert_eq!(until("invoice"), "2026-05-13");
/// // A carry-out sale has no delivery: the window counts from the sale.
/// assert_eq!(until("delivery"), "2026-05-11");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Clock {
    /// The sale.
    Sale,
    /// The invoice (falls back to the sale).
    Invoice,
    /// The delivery sign-for (falls back to the sale for carry-out).
    #[default]
    Delivery,
}

/// The unit a window counts in.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Sold Thursday 30 April 2026, in store; a 5-day window in each unit.
/// let until = |unit: &str| {
///     let p = ReturnPolicy::load(&format!(r#"{{"version": "1", "rules": [{{"id": "five", "priority": 1,
///         "then": {{"refund": {{"days": 5, "unit": "{unit}"}}}}}}]}}"#)).unwrap();
///     p.evaluate_value(serde_json::json!({
///         "now": "2026-05-02T10:00:00+08:00",
///         "order": { "channel": "store", "soldAt": "2026-04-30T10:00:00+08:00",
///             "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///             "payments": [{ "method": "cash", "amountFen": 9900 }] },
///         "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
///     }), &mallcare::Calendar::default()).unwrap().items[0].allowed[0].until.unwrap().to_string()
/// };
/// assert_eq!(until("days"), "2026-05-05");
/// // 1-5 May is the Labour Day holiday and Saturday 9 May a make-up working day:
/// // working days 6, 7, 8, 9 and 11 May.
/// assert_eq!(until("businessDays"), "2026-05-11");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Calendar days (Civil Code art. 201: start day not counted, ends 24:00 of the last day).
    #[default]
    Days,
    /// Working days on the business-day calendar.
    BusinessDays,
}

/// A window: `days` counted in `unit` from `clock`.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Clock, Unit, policy::Window};
/// let w: Window = serde_json::from_str(r#"{"days": 7}"#).unwrap();
/// assert_eq!((w.unit, w.clock), (Unit::Days, Clock::Delivery));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Window {
    /// Length; 0 means "only the start day".
    pub days: i64,
    /// Unit of `days`.
    #[serde(default)]
    pub unit: Unit,
    /// What it counts from.
    #[serde(default)]
    pub clock: Clock,
}

/// A condition the goods must meet for a return under the store's own windows.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ConditionKind, ReturnPolicy};
/// assert_eq!(serde_json::from_str::<ConditionKind>(r#""notActivated""#).unwrap(), ConditionKind::NotActivated);
/// // A 15-day store window for goods with their tags on.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "tags-on", "priority": 1,
///     "then": {"refund": {"days": 15}, "requires": ["tags"]}}]}"#).unwrap();
/// let granted = |tags_removed: bool| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-10T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "clothing", "quantity": 1, "unitPriceFen": 29900 }],
///         "payments": [{ "method": "card", "amountFen": 29900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund",
///         "condition": { "tagsRemoved": tags_removed } }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].granted;
/// assert!(granted(false));
/// assert!(!granted(true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConditionKind {
    /// Tags attached, not soiled or damaged.
    Tags,
    /// One-time seal unbroken.
    Seal,
    /// Accessories complete.
    Accessories,
    /// Original packaging present.
    Packaging,
    /// Not used (beyond trying on / inspecting).
    Unused,
    /// Not activated.
    NotActivated,
}

/// A kind of exclusion from no-reason returns.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ExclusionKind, ReturnPolicy, Status};
/// assert_eq!(serde_json::from_str::<ExclusionKind>(r#""finalSale""#).unwrap(), ExclusionKind::FinalSale);
/// // A store with 15-day returns that excludes final-sale goods at its counters.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [
///     {"id": "base", "priority": 1, "then": {"refund": {"days": 15}}},
///     {"id": "clearance", "priority": 2, "when": {"tags": ["clearance"]},
///      "then": {"exclusions": [{"kind": "finalSale"}]}}]}"#).unwrap();
/// let status = |tags: serde_json::Value| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "clothing", "tags": tags, "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().status;
/// assert_eq!(status(serde_json::json!([])), Status::Approved);
/// assert_eq!(status(serde_json::json!(["clearance"])), Status::Rejected);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExclusionKind {
    /// Made to the customer's order (statutory).
    MadeToOrder,
    /// Fresh, live, perishable (statutory).
    Perishable,
    /// Audio-visual or software once unsealed or downloaded (statutory).
    UnsealedMedia,
    /// Delivered newspapers and periodicals (statutory).
    Periodical,
    /// Opening affects safety or health (needs purchase-time confirmation online).
    Hygiene,
    /// Value drops sharply once activated (needs confirmation online).
    Activated,
    /// Disclosed near-expiry goods (needs confirmation online).
    NearExpiry,
    /// Disclosed flawed goods (needs confirmation online).
    Flawed,
    /// Store "final sale" (needs confirmation online).
    FinalSale,
}

impl ExclusionKind {
    /// Whether the law itself excludes this kind (no purchase-time confirmation needed).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ExclusionKind;
    /// assert!(ExclusionKind::Perishable.is_statutory());
    /// assert!(!ExclusionKind::FinalSale.is_statutory());
    /// ```
    pub fn is_statutory(self) -> bool {
        matches!(self, Self::MadeToOrder | Self::Perishable | Self::UnsealedMedia | Self::Periodical)
    }
}

/// One exclusion a rule declares.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Exclusion, ExclusionKind, ReturnPolicy};
/// let e: Exclusion = serde_json::from_str(r#"{"kind": "hygiene", "needsConfirmation": true}"#).unwrap();
/// assert_eq!((e.kind, e.needs_confirmation), (ExclusionKind::Hygiene, true));
/// // Online, that exclusion only bites when the customer confirmed it at purchase.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "underwear", "priority": 1,
///     "when": {"categories": ["clothing/underwear"]},
///     "then": {"exclusions": [{"kind": "hygiene", "needsConfirmation": true}]}}]}"#).unwrap();
/// let granted = |confirmed: bool| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "clothing/underwear", "quantity": 1, "unitPriceFen": 9900,
///             "confirmedNonReturnable": confirmed }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund",
///         "condition": { "sealBroken": true } }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].granted;
/// assert!(granted(false));
/// assert!(!granted(true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exclusion {
    /// What is excluded.
    pub kind: ExclusionKind,
    /// Applies only if the customer confirmed it at purchase (`confirmedNonReturnable` on the line).
    #[serde(default)]
    pub needs_confirmation: bool,
}

/// Why the customer brings the goods back.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Payer, ReturnPolicy, ReturnReason};
/// assert_eq!(serde_json::from_str::<ReturnReason>(r#""noReason""#).unwrap(), ReturnReason::NoReason);
/// // The reason decides who pays the return freight: the customer without a reason, the merchant for a fault.
/// let payer = |reason: &str| ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": reason, "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].freight_payer;
/// assert_eq!(payer("noReason"), Payer::Customer);
/// assert_eq!(payer("notAsDescribed"), Payer::Merchant);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReturnReason {
    /// No reason (七天无理由).
    NoReason,
    /// Changed mind.
    ChangedMind,
    /// Wrong size or fit.
    Size,
    /// Performance fault or quality defect.
    QualityDefect,
    /// Food spoiled on arrival.
    Spoiled,
    /// Wrong item sent.
    WrongItem,
    /// Damaged in transit.
    DamagedInTransit,
    /// Not as described.
    NotAsDescribed,
}

impl ReturnReason {
    /// Whether the merchant is at fault (quality defect, spoiled, wrong item, transit damage, not as described).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnReason;
    /// assert!(ReturnReason::Spoiled.is_fault());
    /// assert!(!ReturnReason::Size.is_fault());
    /// ```
    pub fn is_fault(self) -> bool {
        matches!(
            self,
            Self::QualityDefect | Self::Spoiled | Self::WrongItem | Self::DamagedInTransit | Self::NotAsDescribed
        )
    }
}

/// What the customer wants.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Resolution};
/// // A store with 30-day exchanges but only the law's refunds: on day 20 only the exchange is left.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "swap-30d", "priority": 1,
///     "then": {"exchange": {"days": 30}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-20T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "size", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let allowed: Vec<Resolution> = d.items[0].allowed.iter().map(|a| a.resolution).collect();
/// assert_eq!(allowed, [Resolution::Exchange]);
/// assert!(!d.items[0].granted); // a refund was wanted
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Resolution {
    /// Money back.
    Refund,
    /// Another unit (or another size / a fresher batch).
    Exchange,
    /// Repair.
    Repair,
}

/// Who pays the return freight.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Payer, ReturnPolicy};
/// assert_eq!(serde_json::from_str::<Payer>(r#""merchant""#).unwrap(), Payer::Merchant);
/// // By default a customer returning for size pays the freight; this store pays it instead.
/// let payer = |policy: &ReturnPolicy| policy.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900 }],
///         "payments": [{ "method": "wechat", "amountFen": 39900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "size", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].freight_payer;
/// let store = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "size-free", "priority": 1,
///     "then": {"freight": {"size": "merchant"}}}]}"#).unwrap();
/// assert_eq!(payer(&ReturnPolicy::statutory()), Payer::Customer);
/// assert_eq!(payer(&store), Payer::Merchant);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Payer {
    /// The customer.
    Customer,
    /// The merchant.
    Merchant,
}

/// Who must approve.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ApprovalLevel, ReturnPolicy};
/// assert!(ApprovalLevel::Auto < ApprovalLevel::Staff && ApprovalLevel::Staff < ApprovalLevel::Manager);
/// // Refunds up to ¥500 are automatic, up to ¥3,000 need staff, above that a manager.
/// let p = ReturnPolicy::load(r#"{"version": "1",
///     "settings": {"approval": {"autoMaxFen": 50000, "staffMaxFen": 300000}}}"#).unwrap();
/// let level = |fen: i64| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": fen }],
///         "payments": [{ "method": "wechat", "amountFen": fen }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().approval;
/// assert_eq!(level(39900), ApprovalLevel::Auto);
/// assert_eq!(level(129900), ApprovalLevel::Staff);
/// assert_eq!(level(399900), ApprovalLevel::Manager);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ApprovalLevel {
    /// Automatic.
    Auto,
    /// A staff member.
    #[default]
    Staff,
    /// A manager.
    Manager,
}

/// A restocking fee on returns granted under the store's own (beyond-law) windows.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Fee, ReturnPolicy};
/// let fee: Fee = serde_json::from_str(r#"{"fixedFen": 500, "percent": 10}"#).unwrap();
/// assert_eq!((fee.fixed_fen, fee.percent), (500, 10));
/// // In store (no statutory no-reason right) a 30-day store return costs ¥5 plus 10% of the ¥100 paid.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "thirty", "priority": 1,
///     "then": {"refund": {"days": 30}, "restockingFee": {"fixedFen": 500, "percent": 10}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-10T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 10000 }],
///         "payments": [{ "method": "cash", "amountFen": 10000 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!((d.items[0].money.restocking_fee_fen, d.refund.total_fen), (1500, 8500));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fee {
    /// Fixed fee per returned item line.
    #[serde(default)]
    pub fixed_fen: i64,
    /// Percent of the refundable amount.
    #[serde(default)]
    pub percent: i64,
}

/// Evidence a rule asks for.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::EvidenceRule, ReturnPolicy, ReturnReason};
/// let e: EvidenceRule = serde_json::from_str(r#"{"photos": 2, "reasons": ["qualityDefect"]}"#).unwrap();
/// assert_eq!((e.photos, e.reasons.as_slice()), (2, &[ReturnReason::QualityDefect][..]));
/// // Two photos for a claimed defect; one is attached, so one more is needed.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "photos", "priority": 1,
///     "then": {"evidence": {"photos": 2, "reasons": ["qualityDefect"]}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "refund",
///         "evidence": { "photos": 1 } }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!(d.items[0].evidence_needed[0].count, 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceRule {
    /// Photos needed.
    pub photos: u32,
    /// For these reasons (all reasons if empty).
    #[serde(default)]
    pub reasons: Vec<ReturnReason>,
}

/// Warranty terms.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Warranty, Clock, ReturnPolicy};
/// let w: Warranty = serde_json::from_str(r#"{"months": 12, "extendedMonths": 24}"#).unwrap();
/// assert_eq!(w.clock, Clock::Invoice); // the default
/// // Appliances: 1 year plus 2 years extended from the invoice (1 May 2026): repair until 1 May 2029.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "appliance-3y", "priority": 1,
///     "when": {"categories": ["appliance"]},
///     "then": {"warranty": {"months": 12, "extendedMonths": 24}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2027-08-01T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00", "invoicedAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "appliance/kitchen", "quantity": 1, "unitPriceFen": 199900 }],
///         "payments": [{ "method": "card", "amountFen": 199900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "repair" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert!(d.items[0].granted);
/// assert_eq!(d.items[0].warranty_until.unwrap().to_string(), "2029-05-01");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Warranty {
    /// Warranty months (三包 repair period).
    pub months: i64,
    /// Extended warranty months after it (repair only).
    #[serde(default)]
    pub extended_months: i64,
    /// Counting from (default invoice).
    #[serde(default = "invoice_clock")]
    pub clock: Clock,
}

fn invoice_clock() -> Clock {
    Clock::Invoice
}

/// Price band on the line's unit price.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // 30-day returns in store for items of ¥5,000 and more.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "premium", "priority": 1,
///     "when": {"price": {"minFen": 500000}}, "then": {"refund": {"days": 30}}}]}"#).unwrap();
/// let granted = |fen: i64| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-10T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "jewelry", "quantity": 1, "unitPriceFen": fen }],
///         "payments": [{ "method": "card", "amountFen": fen }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].granted;
/// assert!(granted(500000)); // inclusive
/// assert!(!granted(499999));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriceBand {
    /// At least (inclusive).
    #[serde(default)]
    pub min_fen: Option<i64>,
    /// At most (inclusive).
    #[serde(default)]
    pub max_fen: Option<i64>,
}

/// Purchase-date range (inclusive).
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::DateRange, ReturnPolicy};
/// let r: DateRange = serde_json::from_str(r#"{"from": "2026-11-15"}"#).unwrap();
/// assert!(r.from.is_some() && r.to.is_none());
/// // Holiday gifts bought 15 Nov - 31 Dec: 45 days from the sale.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "holiday-gifts", "priority": 1,
///     "when": {"purchased": {"from": "2026-11-15", "to": "2026-12-31"}},
///     "then": {"refund": {"days": 45, "clock": "sale"}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2027-01-10T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-12-20T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!(d.items[0].allowed[0].until.unwrap().to_string(), "2027-02-03");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateRange {
    /// From (inclusive).
    #[serde(default)]
    pub from: Option<Date>,
    /// To (inclusive).
    #[serde(default)]
    pub to: Option<Date>,
}

/// Which lines a rule applies to. Every field given must match; an empty list or absent field matches all.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Selector, ReturnPolicy};
/// let s: Selector = serde_json::from_str(r#"{"categories": ["clothing"], "memberTiers": ["gold"]}"#).unwrap();
/// assert_eq!((s.categories.len(), s.channels.len()), (1, 0)); // no channel listed: every channel
/// // Gold members get 30 days on clothing; everyone else has only the law.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "gold-30d", "priority": 1,
///     "when": {"categories": ["clothing"], "memberTiers": ["gold"]}, "then": {"refund": {"days": 30}}}]}"#).unwrap();
/// let granted = |tier: &str| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-20T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00", "member": { "tier": tier },
///         "lines": [{ "id": "L1", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900 }],
///         "payments": [{ "method": "card", "amountFen": 39900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].granted;
/// assert!(granted("gold"));
/// assert!(!granted("silver"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Selector {
    /// Channels.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Category path prefixes.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Brands.
    #[serde(default)]
    pub brands: Vec<String>,
    /// SKUs.
    #[serde(default)]
    pub skus: Vec<String>,
    /// Tags: the line must carry at least one.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Member tiers.
    #[serde(default)]
    pub member_tiers: Vec<String>,
    /// Unit price band.
    #[serde(default)]
    pub price: Option<PriceBand>,
    /// Purchase dates.
    #[serde(default)]
    pub purchased: Option<DateRange>,
    /// Fulfilment.
    #[serde(default)]
    pub fulfilment: Vec<Fulfilment>,
}

/// What a rule sets. Every field is optional; the highest-priority matching rule that sets a field wins it.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Effects, ReturnPolicy};
/// let e: Effects = serde_json::from_str(r#"{"refund": {"days": 30}, "freePickup": true}"#).unwrap();
/// assert_eq!((e.refund.unwrap().days, e.free_pickup, e.exchange), (30, Some(true), None));
/// // Only the effects a rule sets take part: this one sets free pick-up for large items and nothing else.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "large-pickup", "priority": 1,
///     "when": {"tags": ["large"]}, "then": {"freePickup": true}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "home", "tags": ["large"], "quantity": 1, "unitPriceFen": 129900 }],
///         "payments": [{ "method": "alipay", "amountFen": 129900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert!(d.items[0].free_pickup);
/// assert_eq!(d.items[0].allowed[0].rule.as_str(), "law:no-reason-7d");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Effects {
    /// Store refund window (any reason).
    #[serde(default)]
    pub refund: Option<Window>,
    /// Store exchange window (any reason).
    #[serde(default)]
    pub exchange: Option<Window>,
    /// Store repair window (faults).
    #[serde(default)]
    pub repair: Option<Window>,
    /// Conditions required for store-window returns without a fault.
    #[serde(default)]
    pub requires: Option<Vec<ConditionKind>>,
    /// Conditions waived (e.g. `tags` for a "no questions" counter).
    #[serde(default)]
    pub waives: Option<Vec<ConditionKind>>,
    /// Exclusions from no-reason returns.
    #[serde(default)]
    pub exclusions: Option<Vec<Exclusion>>,
    /// Whether quality defects override exclusions (the law says they do; `false` is linted and ignored).
    #[serde(default)]
    pub quality_defect_override: Option<bool>,
    /// Percent refunded for no-fault returns granted by the store alone (e.g. 80 for near-expiry goods).
    #[serde(default)]
    pub refund_percent: Option<i64>,
    /// Restocking fee for no-fault returns granted by the store alone.
    #[serde(default)]
    pub restocking_fee: Option<Fee>,
    /// Return freight payer per reason.
    #[serde(default)]
    pub freight: Option<Freight>,
    /// The store picks the goods up free of charge.
    #[serde(default)]
    pub free_pickup: Option<bool>,
    /// Evidence needed.
    #[serde(default)]
    pub evidence: Option<EvidenceRule>,
    /// Approval level for lines this rule decides (overrides the amount thresholds).
    #[serde(default)]
    pub approval: Option<ApprovalLevel>,
    /// Warranty and extended warranty.
    #[serde(default)]
    pub warranty: Option<Warranty>,
    /// Treat these goods as 三包 goods.
    #[serde(default)]
    pub three_guarantees: Option<bool>,
}

/// Who pays the return freight, per reason (a reason left out keeps the law's default).
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Freight, Payer, ReturnReason};
/// let f: Freight = serde_json::from_str(r#"{"size": "merchant"}"#).unwrap();
/// assert_eq!(f.get(ReturnReason::Size), Some(Payer::Merchant));
/// assert_eq!(f.get(ReturnReason::NoReason), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Freight {
    /// No reason.
    #[serde(default)]
    pub no_reason: Option<Payer>,
    /// Changed mind.
    #[serde(default)]
    pub changed_mind: Option<Payer>,
    /// Size.
    #[serde(default)]
    pub size: Option<Payer>,
    /// Quality defect (the merchant's by law).
    #[serde(default)]
    pub quality_defect: Option<Payer>,
    /// Spoiled (the merchant's by law).
    #[serde(default)]
    pub spoiled: Option<Payer>,
    /// Wrong item (the merchant's by law).
    #[serde(default)]
    pub wrong_item: Option<Payer>,
    /// Damaged in transit (the merchant's by law).
    #[serde(default)]
    pub damaged_in_transit: Option<Payer>,
    /// Not as described (the merchant's by law).
    #[serde(default)]
    pub not_as_described: Option<Payer>,
}

impl Freight {
    /// The payer the policy names for `reason`, if any.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::{policy::Freight, ReturnReason};
    /// assert_eq!(Freight::default().get(ReturnReason::Spoiled), None);
    /// ```
    pub fn get(&self, reason: ReturnReason) -> Option<Payer> {
        match reason {
            ReturnReason::NoReason => self.no_reason,
            ReturnReason::ChangedMind => self.changed_mind,
            ReturnReason::Size => self.size,
            ReturnReason::QualityDefect => self.quality_defect,
            ReturnReason::Spoiled => self.spoiled,
            ReturnReason::WrongItem => self.wrong_item,
            ReturnReason::DamagedInTransit => self.damaged_in_transit,
            ReturnReason::NotAsDescribed => self.not_as_described,
        }
    }

    /// Every (reason, payer) the policy names, with the reason's JSON name.
    pub(crate) fn entries(&self) -> [(&'static str, ReturnReason, Option<Payer>); 8] {
        [
            ("noReason", ReturnReason::NoReason, self.no_reason),
            ("changedMind", ReturnReason::ChangedMind, self.changed_mind),
            ("size", ReturnReason::Size, self.size),
            ("qualityDefect", ReturnReason::QualityDefect, self.quality_defect),
            ("spoiled", ReturnReason::Spoiled, self.spoiled),
            ("wrongItem", ReturnReason::WrongItem, self.wrong_item),
            ("damagedInTransit", ReturnReason::DamagedInTransit, self.damaged_in_transit),
            ("notAsDescribed", ReturnReason::NotAsDescribed, self.not_as_described),
        ]
    }
}

/// One rule.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Rule, ReturnPolicy};
/// let r: Rule =
///     serde_json::from_str(r#"{"id": "thirty", "priority": 10, "then": {"refund": {"days": 30}}}"#).unwrap();
/// assert_eq!((r.id.as_str(), r.priority, r.when.categories.is_empty()), ("thirty", 10, true));
/// // Two rules with the same priority that can match the same line: the document is ambiguous.
/// let e = ReturnPolicy::load(r#"{"version": "1", "rules": [
///     {"id": "a", "priority": 10, "then": {"refund": {"days": 30}}},
///     {"id": "b", "priority": 10, "when": {"categories": ["toys"]}, "then": {"refund": {"days": 15}}}]}"#)
///     .unwrap_err();
/// assert_eq!(e.code(), "POLICY_PRIORITY_CONFLICT");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    /// Unique id, shown in decision traces.
    pub id: String,
    /// Higher wins.
    pub priority: i64,
    /// Free text for people.
    #[serde(default)]
    pub description: Option<String>,
    /// Which lines.
    #[serde(default)]
    pub when: Selector,
    /// What it sets.
    #[serde(default)]
    pub then: Effects,
}

/// Coupon-threshold breakage on partial returns.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // ¥400 spent on A (¥300) and B (¥100) reached a "¥40 off ¥400" coupon; B comes back and A is kept.
/// let refund = |breakage: &str| {
///     let doc = format!(r#"{{"version": "1", "settings": {{"couponBreakage": "{breakage}"}}}}"#);
///     let p = ReturnPolicy::load(&doc).unwrap();
///     p.evaluate_value(serde_json::json!({
///         "now": "2026-05-05T10:00:00+08:00",
///         "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00",
///             "signedAt": "2026-05-02T10:00:00+08:00",
///             "lines": [{ "id": "A", "category": "toys", "quantity": 1, "unitPriceFen": 30000 },
///                       { "id": "B", "category": "toys", "quantity": 1, "unitPriceFen": 10000 }],
///             "discounts": [{ "kind": "coupon", "amountFen": 4000, "thresholdFen": 40000 }],
///             "payments": [{ "method": "wechat", "amountFen": 36000 }] },
///         "items": [{ "lineId": "B", "quantity": 1, "reason": "noReason", "want": "refund" }]
///     }), &mallcare::Calendar::default()).unwrap().refund
/// };
/// // B paid 10000 - 1000 coupon share = 9000.
/// assert_eq!(refund("none").total_fen, 9000);
/// // What is kept (¥300) no longer reaches ¥400: A's coupon share (3000) is clawed back.
/// let r = refund("clawBack");
/// assert_eq!((r.coupon_breakage_fen, r.total_fen), (3000, 6000));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CouponBreakage {
    /// Keep the coupon apportioned; no clawback.
    #[default]
    None,
    /// If what is kept falls below the coupon threshold, claw the kept lines' coupon share back from the refund.
    ClawBack,
}

/// What happens when a gift is not returned with the goods it came with.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // A kettle came with a gift mug stated at ¥20; the kettle comes back without the mug.
/// let refund = |handling: &str| {
///     let doc = format!(r#"{{"version": "1", "settings": {{"giftNotReturned": "{handling}"}}}}"#);
///     let p = ReturnPolicy::load(&doc).unwrap();
///     p.evaluate_value(serde_json::json!({
///         "now": "2026-05-05T10:00:00+08:00",
///         "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00",
///             "signedAt": "2026-05-02T10:00:00+08:00",
///             "lines": [{ "id": "K", "category": "appliance/kitchen", "quantity": 1, "unitPriceFen": 19900 },
///                       { "id": "M", "category": "home", "quantity": 1, "unitPriceFen": 0,
///                         "giftOf": "K", "giftValueFen": 2000 }],
///             "payments": [{ "method": "wechat", "amountFen": 19900 }] },
///         "items": [{ "lineId": "K", "quantity": 1, "reason": "noReason", "want": "refund" }]
///     }), &mallcare::Calendar::default()).unwrap().refund
/// };
/// let kept = refund("deductValue");
/// assert_eq!((kept.gift_deduction_fen, kept.total_fen), (2000, 17900));
/// assert_eq!(refund("waive").total_fen, 19900);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GiftHandling {
    /// Deduct the gift's stated value (permitted by the seven-day measures).
    #[default]
    DeductValue,
    /// Let the customer keep it.
    Waive,
}

/// Approval thresholds on the whole refund.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::ApprovalThresholds, ApprovalLevel, ReturnPolicy};
/// let t: ApprovalThresholds = serde_json::from_str(r#"{"autoMaxFen": 50000}"#).unwrap();
/// assert_eq!((t.staff_max_fen, t.risk), (mallcare::money::MAX_FEN, ApprovalLevel::Staff)); // defaults
/// // A routine ¥399 refund is automatic, unless the store's systems flag a risk.
/// let p = ReturnPolicy::load(r#"{"version": "1",
///     "settings": {"approval": {"autoMaxFen": 50000, "risk": "manager"}}}"#).unwrap();
/// let level = |flags: serde_json::Value| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 39900 }],
///         "payments": [{ "method": "wechat", "amountFen": 39900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }],
///     "riskFlags": flags
/// }), &mallcare::Calendar::default()).unwrap().approval;
/// assert_eq!(level(serde_json::json!([])), ApprovalLevel::Auto);
/// assert_eq!(level(serde_json::json!(["frequentReturner"])), ApprovalLevel::Manager);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApprovalThresholds {
    /// Refunds up to this are automatic.
    #[serde(default)]
    pub auto_max_fen: i64,
    /// Up to this need staff; above, a manager.
    #[serde(default = "max_fen")]
    pub staff_max_fen: i64,
    /// Level for requests with risk flags (e.g. no receipt).
    #[serde(default)]
    pub risk: ApprovalLevel,
}

fn max_fen() -> i64 {
    crate::money::MAX_FEN
}

impl Default for ApprovalThresholds {
    fn default() -> Self {
        ApprovalThresholds { auto_max_fen: 0, staff_max_fen: crate::money::MAX_FEN, risk: ApprovalLevel::Staff }
    }
}

/// Policy-wide settings.
///
/// # Example
/// ```
/// use mallcare::eligibility::{policy::Settings, ReturnPolicy};
/// let s: Settings = serde_json::from_str(r#"{"reviewBusinessDays": 1, "refundIssueDays": 3}"#).unwrap();
/// assert_eq!((s.review_business_days, s.refund_issue_days), (Some(1), Some(3)));
/// assert!(s.refund_order.is_empty() && !s.accept_member_lookup);
/// let p = ReturnPolicy::load(r#"{"version": "1", "settings": {"reviewBusinessDays": 1, "refundIssueDays": 3}}"#)
///     .unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-08T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-06T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // Asked on Friday 8 May: one working day later is Saturday 9 May, a make-up working day (调休).
/// assert_eq!(d.review_by.unwrap().to_string(), "2026-05-09");
/// // Handed back now: the refund is issued within 3 days.
/// assert_eq!(d.refund_by.unwrap().to_string(), "2026-05-11");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// Payment methods in the order refunds fill them (others follow in order-listing order).
    #[serde(default)]
    pub refund_order: Vec<String>,
    /// Coupon-threshold breakage.
    #[serde(default)]
    pub coupon_breakage: CouponBreakage,
    /// Gifts not returned.
    #[serde(default)]
    pub gift_not_returned: GiftHandling,
    /// Working days to review a return request.
    #[serde(default)]
    pub review_business_days: Option<i64>,
    /// Calendar days to issue the refund after receiving the goods (the law allows at most 7).
    #[serde(default)]
    pub refund_issue_days: Option<i64>,
    /// Working days until the money reaches the customer, per payment method: `(method, days)` sorted by method,
    /// one entry per method (a JSON object `{ "wechat": 3 }` in the document; the last of a repeated key wins).
    /// A sorted list rather than a `BTreeMap`: the map's code was 4 KB of the pillar's wasm.
    #[serde(default, with = "method_days")]
    pub refund_business_days: Vec<(String, i64)>,
    /// Approval thresholds.
    #[serde(default)]
    pub approval: Option<ApprovalThresholds>,
    /// Accept "no receipt" returns when the member system finds the order.
    #[serde(default)]
    pub accept_member_lookup: bool,
}

/// Puts `(method, days)` into a list sorted by method, replacing the method's entry if there is one.
pub(crate) fn put_method_days(list: &mut Vec<(String, i64)>, method: &str, days: i64) {
    let at = list.iter().position(|(m, _)| m.as_str() >= method).unwrap_or(list.len());
    match list.get_mut(at) {
        Some(e) if e.0 == method => e.1 = days,
        _ => list.insert(at, (method.to_string(), days)),
    }
}

/// Serde of [`Settings::refund_business_days`] as a JSON object (for the derives; the wasm reads documents by hand).
mod method_days {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub(super) fn serialize<S: Serializer>(v: &[(String, i64)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(v.iter().map(|(m, d)| (m, d)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, i64)>, D::Error> {
        Ok(BTreeMap::<String, i64>::deserialize(d)?.into_iter().collect())
    }
}

/// The policy document.
///
/// # Example
/// ```
/// let doc: mallcare::eligibility::PolicyDoc = serde_json::from_value(serde_json::json!({
///     "version": "1", "rules": [{ "id": "r", "priority": 1, "then": { "refund": { "days": 15 } } }]
/// })).unwrap();
/// assert_eq!(doc.rules[0].then.refund.unwrap().days, 15);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyDoc {
    /// Version label, chosen by the store.
    pub version: String,
    /// Store or policy name.
    #[serde(default)]
    pub name: Option<String>,
    /// Free text.
    #[serde(default)]
    pub description: Option<String>,
    /// Settings.
    #[serde(default)]
    pub settings: Settings,
    /// Rules.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A rule after loading: id shared with decision traces, and where the rule is in the document (no copy of it).
#[derive(Clone, Debug)]
pub(crate) struct Compiled {
    pub id: RuleId,
    pub index: usize,
}

const MAX_DAYS: i64 = 3650;

fn check_window(w: &Window, path: &str, issues: &mut Issues) {
    if w.days < 0 {
        put(
            issues,
            "POLICY_WINDOW_NEGATIVE",
            format!("{path}.days"),
            format!("期限不能为负数：{} 天", w.days).into(),
            format!("a window cannot be negative: {} days", w.days).into(),
        );
    } else if w.days > MAX_DAYS {
        put(
            issues,
            "POLICY_WINDOW_TOO_LONG",
            format!("{path}.days"),
            format!("期限超过 {MAX_DAYS} 天").into(),
            format!("a window longer than {MAX_DAYS} days").into(),
        );
    }
}

fn range_issue(issues: &mut Issues, path: String, what_zh: &str, what_en: &str) {
    put(
        issues,
        "POLICY_RANGE_EMPTY",
        path,
        format!("{what_zh}的下限大于上限，规则永远不会生效").into(),
        format!("{what_en}: the lower bound is above the upper bound, so the rule can never match").into(),
    );
}

/// Checks a parsed document and returns the rules sorted by priority (highest first).
pub(crate) fn check(doc: &PolicyDoc) -> Result<Vec<Compiled>> {
    let mut issues = Issues::default();
    if doc.version.chars().all(char::is_whitespace) {
        put(
            &mut issues,
            "POLICY_VERSION_EMPTY",
            "version".into(),
            "政策版本不能为空".into(),
            "the policy version is empty".into(),
        );
    }
    for (i, rule) in doc.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        if rule.id.chars().all(char::is_whitespace) {
            put(
                &mut issues,
                "POLICY_RULE_ID_EMPTY",
                format!("{p}.id"),
                "规则 id 不能为空".into(),
                "a rule id is empty".into(),
            );
        }
        if let Some(j) = doc.rules.iter().take(i).position(|r| r.id == rule.id) {
            put(
                &mut issues,
                "POLICY_RULE_ID_DUPLICATE",
                format!("{p}.id"),
                format!("规则 id “{}” 与 rules[{j}] 重复", rule.id).into(),
                format!("rule id \"{}\" repeats rules[{j}]", rule.id).into(),
            );
        }
        for (k, cat) in rule.when.categories.iter().enumerate() {
            if category::lookup(cat).is_none() {
                put(
                    &mut issues,
                    "POLICY_CATEGORY_UNKNOWN",
                    format!("{p}.when.categories[{k}]"),
                    format!("未知的品类路径“{cat}”（见品类表）").into(),
                    format!("unknown category path \"{cat}\" (see the taxonomy)").into(),
                );
            }
        }
        if let Some(PriceBand { min_fen: Some(lo), max_fen: Some(hi) }) = rule.when.price {
            if lo > hi {
                range_issue(&mut issues, format!("{p}.when.price"), "价格区间", "price band");
            }
        }
        if let Some(DateRange { from: Some(a), to: Some(b) }) = rule.when.purchased {
            if a > b {
                range_issue(&mut issues, format!("{p}.when.purchased"), "购买日期区间", "purchase-date range");
            }
        }
        let t = &rule.then;
        for (name, w) in [("refund", &t.refund), ("exchange", &t.exchange), ("repair", &t.repair)] {
            if let Some(w) = w {
                check_window(w, &format!("{p}.then.{name}"), &mut issues);
            }
        }
        if let Some(r) = t.refund_percent {
            if !(0..=100).contains(&r) {
                put(
                    &mut issues,
                    "POLICY_PERCENT_INVALID",
                    format!("{p}.then.refundPercent"),
                    "退款比例应在 0 到 100 之间".into(),
                    "refundPercent must be between 0 and 100".into(),
                );
            }
        }
        if let Some(f) = t.restocking_fee {
            if f.fixed_fen < 0 || !(0..=100).contains(&f.percent) {
                put(
                    &mut issues,
                    "POLICY_FEE_INVALID",
                    format!("{p}.then.restockingFee"),
                    "手续费不能为负数，百分比应在 0 到 100 之间".into(),
                    "a fee cannot be negative and its percent must be between 0 and 100".into(),
                );
            }
        }
        if let Some(w) = t.warranty {
            if w.months < 0 || w.extended_months < 0 || w.months + w.extended_months > 1200 {
                put(
                    &mut issues,
                    "POLICY_WARRANTY_INVALID",
                    format!("{p}.then.warranty"),
                    "保修月数应在 0 到 1200 之间".into(),
                    "warranty months must be between 0 and 1200".into(),
                );
            }
        }
    }
    let s = &doc.settings;
    for (name, v) in [("reviewBusinessDays", s.review_business_days), ("refundIssueDays", s.refund_issue_days)] {
        if v.is_some_and(|d| !(0..=MAX_DAYS).contains(&d)) {
            put(
                &mut issues,
                "POLICY_WINDOW_NEGATIVE",
                format!("settings.{name}"),
                "天数应在 0 到 3650 之间".into(),
                "days must be between 0 and 3650".into(),
            );
        }
    }
    for (m, d) in &s.refund_business_days {
        if !(0..=MAX_DAYS).contains(d) {
            put(
                &mut issues,
                "POLICY_WINDOW_NEGATIVE",
                format!("settings.refundBusinessDays.{m}"),
                "天数应在 0 到 3650 之间".into(),
                "days must be between 0 and 3650".into(),
            );
        }
    }
    if let Some(a) = s.approval {
        if a.auto_max_fen < 0 || a.staff_max_fen < a.auto_max_fen {
            put(
                &mut issues,
                "POLICY_RANGE_EMPTY",
                "settings.approval".into(),
                "审批金额门槛应满足 0 ≤ autoMaxFen ≤ staffMaxFen".into(),
                "approval thresholds must satisfy 0 <= autoMaxFen <= staffMaxFen".into(),
            );
        }
    }
    // Equal priority with overlapping selectors: ambiguous, refuse.
    for (i, a) in doc.rules.iter().enumerate() {
        for (j, b) in doc.rules.iter().enumerate().skip(i + 1) {
            if a.priority == b.priority && overlaps(&a.when, &b.when) {
                put(&mut issues, "POLICY_PRIORITY_CONFLICT", format!("rules[{j}].priority"), format!(
                        "规则“{}”与 rules[{i}]“{}”优先级相同（{}）且适用范围重叠，无法确定谁优先；请设不同的优先级",
                        b.id, a.id, b.priority
                    ).into(), format!(
                        "rule \"{}\" and rules[{i}] \"{}\" share priority {} and can match the same line; give them different priorities",
                        b.id, a.id, b.priority
                    ).into());
            }
        }
    }
    let mut compiled: Vec<Compiled> = doc
        .rules
        .iter()
        .enumerate()
        .map(|(index, r)| Compiled { id: RuleId(Arc::from(r.id.as_str())), index })
        .collect();
    let priority = |c: Option<&Compiled>| c.and_then(|c| doc.rules.get(c.index)).map(|r| r.priority);
    // Highest priority first, document order among equals (insertion sort: stable, and policies are short).
    for i in 1..compiled.len() {
        let mut j = i;
        while j > 0 && priority(compiled.get(j - 1)) < priority(compiled.get(j)) {
            compiled.swap(j - 1, j);
            j -= 1;
        }
    }
    issues.finish(compiled)
}

fn disjoint<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

fn ranges_disjoint<T: PartialOrd + Copy>(a: (Option<T>, Option<T>), b: (Option<T>, Option<T>)) -> bool {
    let (alo, ahi) = a;
    let (blo, bhi) = b;
    matches!((alo, bhi), (Some(lo), Some(hi)) if lo > hi) || matches!((blo, ahi), (Some(lo), Some(hi)) if lo > hi)
}

/// Whether some line could match both selectors.
pub(crate) fn overlaps(a: &Selector, b: &Selector) -> bool {
    if disjoint(&a.channels, &b.channels)
        || disjoint(&a.brands, &b.brands)
        || disjoint(&a.skus, &b.skus)
        || disjoint(&a.member_tiers, &b.member_tiers)
        || disjoint(&a.fulfilment, &b.fulfilment)
    {
        return false;
    }
    if !a.categories.is_empty()
        && !b.categories.is_empty()
        && !a
            .categories
            .iter()
            .any(|x| b.categories.iter().any(|y| category::is_under(x, y) || category::is_under(y, x)))
    {
        return false;
    }
    let pa = a.price.unwrap_or_default();
    let pb = b.price.unwrap_or_default();
    if ranges_disjoint((pa.min_fen, pa.max_fen), (pb.min_fen, pb.max_fen)) {
        return false;
    }
    let da = a.purchased.unwrap_or_default();
    let db = b.purchased.unwrap_or_default();
    !ranges_disjoint((da.from, da.to), (db.from, db.to))
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a policy document from JSON text (see `super::json`): the same fields, defaults and issues as the serde
// derives above.

use super::json::Reader;
use super::request::{read_channel, read_fulfilment, read_reason};

const CLOCKS: [&str; 3] = ["sale", "invoice", "delivery"];
const LEVELS: [&str; 3] = ["auto", "staff", "manager"];
const PAYERS: [&str; 2] = ["customer", "merchant"];
const CONDITIONS: [&str; 6] = ["tags", "seal", "accessories", "packaging", "unused", "notActivated"];
const EXCLUSIONS: [&str; 9] = [
    "madeToOrder",
    "perishable",
    "unsealedMedia",
    "periodical",
    "hygiene",
    "activated",
    "nearExpiry",
    "flawed",
    "finalSale",
];

fn clock_of(i: usize) -> Clock {
    match i {
        0 => Clock::Sale,
        1 => Clock::Invoice,
        _ => Clock::Delivery,
    }
}

fn level(r: &mut Reader<'_>) -> Result<ApprovalLevel> {
    Ok(match r.variant(&LEVELS)? {
        0 => ApprovalLevel::Auto,
        1 => ApprovalLevel::Staff,
        _ => ApprovalLevel::Manager,
    })
}

fn payer(r: &mut Reader<'_>) -> Result<Payer> {
    Ok(if r.variant(&PAYERS)? == 0 { Payer::Customer } else { Payer::Merchant })
}

fn strings(r: &mut Reader<'_>) -> Result<Vec<String>> {
    r.list(Reader::string)
}

fn read_window(r: &mut Reader<'_>) -> Result<Window> {
    let (mut days, mut unit, mut clock) = (None, Unit::Days, Clock::Delivery);
    r.object(|r, k| {
        Ok(match r.key(k, &["days", "unit", "clock"])? {
            0 => {
                days = Some(r.i64()?);
                0
            }
            1 => {
                unit = if r.variant(&["days", "businessDays"])? == 0 { Unit::Days } else { Unit::BusinessDays };
                1
            }
            2 => {
                clock = clock_of(r.variant(&CLOCKS)?);
                2
            }
            _ => return Err(r.unknown(k, &["days", "unit", "clock"])),
        })
    })?;
    Ok(Window { days: days.ok_or_else(|| r.missing("days"))?, unit, clock })
}

fn read_conditions(r: &mut Reader<'_>) -> Result<Vec<ConditionKind>> {
    r.list(|r| {
        Ok(match r.variant(&CONDITIONS)? {
            0 => ConditionKind::Tags,
            1 => ConditionKind::Seal,
            2 => ConditionKind::Accessories,
            3 => ConditionKind::Packaging,
            4 => ConditionKind::Unused,
            _ => ConditionKind::NotActivated,
        })
    })
}

fn read_exclusion(r: &mut Reader<'_>) -> Result<Exclusion> {
    let (mut kind, mut needs) = (None, false);
    r.object(|r, k| {
        Ok(match r.key(k, &["kind", "needsConfirmation"])? {
            0 => {
                kind = Some(match r.variant(&EXCLUSIONS)? {
                    0 => ExclusionKind::MadeToOrder,
                    1 => ExclusionKind::Perishable,
                    2 => ExclusionKind::UnsealedMedia,
                    3 => ExclusionKind::Periodical,
                    4 => ExclusionKind::Hygiene,
                    5 => ExclusionKind::Activated,
                    6 => ExclusionKind::NearExpiry,
                    7 => ExclusionKind::Flawed,
                    _ => ExclusionKind::FinalSale,
                });
                0
            }
            1 => {
                needs = r.boolean()?;
                1
            }
            _ => return Err(r.unknown(k, &["kind", "needsConfirmation"])),
        })
    })?;
    Ok(Exclusion { kind: kind.ok_or_else(|| r.missing("kind"))?, needs_confirmation: needs })
}

fn read_freight(r: &mut Reader<'_>) -> Result<Freight> {
    const F: [&str; 8] = [
        "noReason",
        "changedMind",
        "size",
        "qualityDefect",
        "spoiled",
        "wrongItem",
        "damagedInTransit",
        "notAsDescribed",
    ];
    let mut f = Freight::default();
    r.object(|r, k| {
        let n = F.iter().position(|x| *x == k).ok_or_else(|| r.unknown(k, &F))?;
        let v = r.opt(payer)?;
        let slot = match n {
            0 => &mut f.no_reason,
            1 => &mut f.changed_mind,
            2 => &mut f.size,
            3 => &mut f.quality_defect,
            4 => &mut f.spoiled,
            5 => &mut f.wrong_item,
            6 => &mut f.damaged_in_transit,
            _ => &mut f.not_as_described,
        };
        *slot = v;
        Ok(u32::try_from(n).unwrap_or(63))
    })?;
    Ok(f)
}

fn read_effects(r: &mut Reader<'_>) -> Result<Effects> {
    const F: [&str; 15] = [
        "refund",
        "exchange",
        "repair",
        "requires",
        "waives",
        "exclusions",
        "qualityDefectOverride",
        "refundPercent",
        "restockingFee",
        "freight",
        "freePickup",
        "evidence",
        "approval",
        "warranty",
        "threeGuarantees",
    ];
    let mut e = Effects::default();
    r.object(|r, k| {
        let n = F.iter().position(|x| *x == k).ok_or_else(|| r.unknown(k, &F))?;
        match n {
            0 => e.refund = r.opt(read_window)?,
            1 => e.exchange = r.opt(read_window)?,
            2 => e.repair = r.opt(read_window)?,
            3 => e.requires = r.opt(read_conditions)?,
            4 => e.waives = r.opt(read_conditions)?,
            5 => e.exclusions = r.opt(|r| r.list(read_exclusion))?,
            6 => e.quality_defect_override = r.opt(Reader::boolean)?,
            7 => e.refund_percent = r.opt(Reader::i64)?,
            8 => {
                e.restocking_fee = r.opt(|r| {
                    let mut fee = Fee::default();
                    r.object(|r, k| {
                        Ok(match r.key(k, &["fixedFen", "percent"])? {
                            0 => {
                                fee.fixed_fen = r.i64()?;
                                0
                            }
                            1 => {
                                fee.percent = r.i64()?;
                                1
                            }
                            _ => return Err(r.unknown(k, &["fixedFen", "percent"])),
                        })
                    })?;
                    Ok(fee)
                })?;
            }
            9 => e.freight = r.opt(read_freight)?,
            10 => e.free_pickup = r.opt(Reader::boolean)?,
            11 => {
                e.evidence = r.opt(|r| {
                    let (mut photos, mut reasons) = (None, Vec::new());
                    r.object(|r, k| {
                        Ok(match r.key(k, &["photos", "reasons"])? {
                            0 => {
                                photos = Some(r.u32()?);
                                0
                            }
                            1 => {
                                reasons = r.list(read_reason)?;
                                1
                            }
                            _ => return Err(r.unknown(k, &["photos", "reasons"])),
                        })
                    })?;
                    Ok(EvidenceRule { photos: photos.ok_or_else(|| r.missing("photos"))?, reasons })
                })?;
            }
            12 => e.approval = r.opt(level)?,
            13 => {
                e.warranty = r.opt(|r| {
                    let (mut months, mut ext, mut clock) = (None, 0, Clock::Invoice);
                    r.object(|r, k| {
                        Ok(match r.key(k, &["months", "extendedMonths", "clock"])? {
                            0 => {
                                months = Some(r.i64()?);
                                0
                            }
                            1 => {
                                ext = r.i64()?;
                                1
                            }
                            2 => {
                                clock = clock_of(r.variant(&CLOCKS)?);
                                2
                            }
                            _ => return Err(r.unknown(k, &["months", "extendedMonths", "clock"])),
                        })
                    })?;
                    Ok(Warranty { months: months.ok_or_else(|| r.missing("months"))?, extended_months: ext, clock })
                })?;
            }
            _ => e.three_guarantees = r.opt(Reader::boolean)?,
        }
        Ok(u32::try_from(n).unwrap_or(63))
    })?;
    Ok(e)
}

fn read_selector(r: &mut Reader<'_>) -> Result<Selector> {
    const F: [&str; 9] =
        ["channels", "categories", "brands", "skus", "tags", "memberTiers", "price", "purchased", "fulfilment"];
    let mut s = Selector::default();
    r.object(|r, k| {
        let n = F.iter().position(|x| *x == k).ok_or_else(|| r.unknown(k, &F))?;
        match n {
            0 => s.channels = r.list(read_channel)?,
            1 => s.categories = strings(r)?,
            2 => s.brands = strings(r)?,
            3 => s.skus = strings(r)?,
            4 => s.tags = strings(r)?,
            5 => s.member_tiers = strings(r)?,
            6 => {
                s.price = r.opt(|r| {
                    let mut p = PriceBand::default();
                    r.object(|r, k| {
                        Ok(match r.key(k, &["minFen", "maxFen"])? {
                            0 => {
                                p.min_fen = r.opt(Reader::i64)?;
                                0
                            }
                            1 => {
                                p.max_fen = r.opt(Reader::i64)?;
                                1
                            }
                            _ => return Err(r.unknown(k, &["minFen", "maxFen"])),
                        })
                    })?;
                    Ok(p)
                })?;
            }
            7 => {
                s.purchased = r.opt(|r| {
                    let mut d = DateRange::default();
                    r.object(|r, k| {
                        Ok(match r.key(k, &["from", "to"])? {
                            0 => {
                                d.from = r.opt(Reader::date)?;
                                0
                            }
                            1 => {
                                d.to = r.opt(Reader::date)?;
                                1
                            }
                            _ => return Err(r.unknown(k, &["from", "to"])),
                        })
                    })?;
                    Ok(d)
                })?;
            }
            _ => s.fulfilment = r.list(read_fulfilment)?,
        }
        Ok(u32::try_from(n).unwrap_or(63))
    })?;
    Ok(s)
}

fn read_rule(r: &mut Reader<'_>) -> Result<Rule> {
    let (mut id, mut priority, mut description, mut when, mut then) =
        (None, None, None, Selector::default(), Effects::default());
    r.object(|r, k| {
        Ok(match r.key(k, &["id", "priority", "description", "when", "then"])? {
            0 => {
                id = Some(r.string()?);
                0
            }
            1 => {
                priority = Some(r.i64()?);
                1
            }
            2 => {
                description = r.opt(Reader::string)?;
                2
            }
            3 => {
                when = read_selector(r)?;
                3
            }
            4 => {
                then = read_effects(r)?;
                4
            }
            _ => return Err(r.unknown(k, &["id", "priority", "description", "when", "then"])),
        })
    })?;
    Ok(Rule {
        id: id.ok_or_else(|| r.missing("id"))?,
        priority: priority.ok_or_else(|| r.missing("priority"))?,
        description,
        when,
        then,
    })
}

fn read_settings(r: &mut Reader<'_>) -> Result<Settings> {
    const F: [&str; 8] = [
        "refundOrder",
        "couponBreakage",
        "giftNotReturned",
        "reviewBusinessDays",
        "refundIssueDays",
        "refundBusinessDays",
        "approval",
        "acceptMemberLookup",
    ];
    let mut s = Settings::default();
    r.object(|r, k| {
        let n = F.iter().position(|x| *x == k).ok_or_else(|| r.unknown(k, &F))?;
        match n {
            0 => s.refund_order = strings(r)?,
            1 => {
                s.coupon_breakage =
                    if r.variant(&["none", "clawBack"])? == 0 { CouponBreakage::None } else { CouponBreakage::ClawBack }
            }
            2 => {
                s.gift_not_returned = if r.variant(&["deductValue", "waive"])? == 0 {
                    GiftHandling::DeductValue
                } else {
                    GiftHandling::Waive
                }
            }
            3 => s.review_business_days = r.opt(Reader::i64)?,
            4 => s.refund_issue_days = r.opt(Reader::i64)?,
            5 => {
                let mut map = Vec::new();
                r.object(|r, k| {
                    let d = r.i64()?;
                    put_method_days(&mut map, k, d);
                    Ok(64)
                })?;
                s.refund_business_days = map;
            }
            6 => {
                s.approval = r.opt(|r| {
                    let mut a = ApprovalThresholds::default();
                    r.object(|r, k| {
                        Ok(match r.key(k, &["autoMaxFen", "staffMaxFen", "risk"])? {
                            0 => {
                                a.auto_max_fen = r.i64()?;
                                0
                            }
                            1 => {
                                a.staff_max_fen = r.i64()?;
                                1
                            }
                            2 => {
                                a.risk = level(r)?;
                                2
                            }
                            _ => return Err(r.unknown(k, &["autoMaxFen", "staffMaxFen", "risk"])),
                        })
                    })?;
                    Ok(a)
                })?;
            }
            _ => s.accept_member_lookup = r.boolean()?,
        }
        Ok(u32::try_from(n).unwrap_or(63))
    })?;
    Ok(s)
}

impl PolicyDoc {
    /// Reads a policy document from JSON text; structural problems become `POLICY_INVALID` with the path.
    ///
    /// # Errors
    /// `JSON_SYNTAX`; `POLICY_INVALID` (missing, unknown or duplicate field, wrong type) with the path;
    /// `DATE_INVALID` with the path of the date.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::PolicyDoc;
    /// let e = PolicyDoc::from_json(r#"{"version": "1", "rules": [{"id": "a", "priority": 1,
    ///     "then": {"refundDays": 30}}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("POLICY_INVALID", "rules[0].then.refundDays"));
    /// ```
    pub fn from_json(text: &str) -> Result<PolicyDoc> {
        let mut r = Reader::new(text, "POLICY_INVALID");
        let (mut version, mut name, mut description, mut settings, mut rules) =
            (None, None, None, Settings::default(), Vec::new());
        r.object(|r, k| {
            Ok(match r.key(k, &["version", "name", "description", "settings", "rules"])? {
                0 => {
                    version = Some(r.string()?);
                    0
                }
                1 => {
                    name = r.opt(Reader::string)?;
                    1
                }
                2 => {
                    description = r.opt(Reader::string)?;
                    2
                }
                3 => {
                    settings = read_settings(r)?;
                    3
                }
                4 => {
                    rules = r.list(read_rule)?;
                    4
                }
                _ => return Err(r.unknown(k, &["version", "name", "description", "settings", "rules"])),
            })
        })?;
        r.end()?;
        Ok(PolicyDoc { version: version.ok_or_else(|| r.missing("version"))?, name, description, settings, rules })
    }
}
