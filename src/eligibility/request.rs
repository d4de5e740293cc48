//! The request: the order as sold, the items the customer brings back, and `now`.
//!
//! Amounts are integer fen. A line's `unitPriceFen × quantity` is its list amount; `paidFen` (default: the list
//! amount) is what it cost after line-level promotions. Order-level `discounts` (discounts and coupons) and `points`
//! are apportioned over the lines by largest remainder, so the parts add up exactly. The order must add up:
//! `Σ paidFen − Σ discounts − points.valueFen + shippingFen = Σ payments.amountFen`.

use super::category;
use super::policy::{Channel, Fulfilment, Resolution, ReturnReason};
use super::put;
use crate::error::Issues;
use crate::{Result, Timestamp};
use serde::{Deserialize, Serialize};

/// How the purchase is proven.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ApprovalLevel, ReturnPolicy};
/// // A defect brought back to the counter; what proves the purchase?
/// let request = |proof: &str| serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00", "proof": proof,
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "refund" }]
/// });
/// let cal = mallcare::Calendar::default();
/// let law = ReturnPolicy::statutory();
/// assert!(law.evaluate_value(request("receipt"), &cal).unwrap().items[0].granted);
/// assert!(!law.evaluate_value(request("none"), &cal).unwrap().items[0].granted);
/// // A store that accepts the member system's record instead of a receipt has a person approve it.
/// let store = ReturnPolicy::load(r#"{"version": "1", "settings": {"acceptMemberLookup": true}}"#).unwrap();
/// let d = store.evaluate_value(request("memberLookup"), &cal).unwrap();
/// assert!(d.items[0].granted);
/// assert_eq!(d.approval, ApprovalLevel::Staff);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Proof {
    /// A receipt, invoice or 三包 card.
    #[default]
    Receipt,
    /// The online order record.
    OrderRecord,
    /// Found by the member system (no receipt).
    MemberLookup,
    /// No proof at all.
    None,
}

/// The member who bought.
///
/// # Example
/// ```
/// use mallcare::eligibility::Request;
/// let req = Request::from_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "member": { "id": "M-1001", "tier": "gold" },
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "refund" }]
/// })).unwrap();
/// // The tier is what `memberTiers` selectors in a policy match.
/// assert_eq!(req.order.member.unwrap().tier.as_deref(), Some("gold"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Member {
    /// Member id.
    #[serde(default)]
    pub id: Option<String>,
    /// Tier (`gold`, ...).
    #[serde(default)]
    pub tier: Option<String>,
}

/// One order line.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Two units bought, one already returned earlier: asking to return two more is an error in the request.
/// let e = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "sku": "TOY-1", "category": "toys", "quantity": 2, "unitPriceFen": 9900,
///             "returnedQuantity": 1 }],
///         "payments": [{ "method": "wechat", "amountFen": 19800 }] },
///     "items": [{ "lineId": "L1", "quantity": 2, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap_err();
/// assert_eq!(e.code(), "REQUEST_QUANTITY_EXCEEDS");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Line {
    /// Line id, unique in the order.
    pub id: String,
    /// SKU.
    #[serde(default)]
    pub sku: Option<String>,
    /// Brand.
    #[serde(default)]
    pub brand: Option<String>,
    /// Category path from the taxonomy.
    pub category: String,
    /// Free tags (`nearExpiry`, `large`, ...).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Units bought.
    pub quantity: i64,
    /// List price per unit.
    pub unit_price_fen: i64,
    /// Paid for the whole line after line-level promotions (default `unitPriceFen × quantity`).
    #[serde(default)]
    pub paid_fen: Option<i64>,
    /// This line is a gift that came with line `giftOf`.
    #[serde(default)]
    pub gift_of: Option<String>,
    /// Stated value of the gift line (deducted if it is not returned with its goods).
    #[serde(default)]
    pub gift_value_fen: i64,
    /// Made to the customer's order.
    #[serde(default)]
    pub made_to_order: bool,
    /// The customer confirmed at purchase that it cannot be returned without reason.
    #[serde(default)]
    pub confirmed_non_returnable: bool,
    /// Sold as near-expiry (disclosed).
    #[serde(default)]
    pub near_expiry: bool,
    /// Sold as flawed (disclosed).
    #[serde(default)]
    pub flawed: bool,
    /// Units already returned in earlier requests.
    #[serde(default)]
    pub returned_quantity: i64,
}

/// Kind of order-level reduction. It is recorded, and changes no amount: both kinds are apportioned over their
/// lines alike, and the threshold clawback (see [`Discount::threshold_fen`]) applies to any discount that has a
/// threshold, a 满减 discount as much as a coupon.
///
/// # Example
/// ```
/// use mallcare::eligibility::request::{Discount, DiscountKind};
/// let d: Discount = serde_json::from_str(r#"{"kind": "coupon", "amountFen": 2000}"#).unwrap();
/// assert_eq!(d.kind, DiscountKind::Coupon);
/// // Without `kind`, an order-level discount (满减).
/// let d: Discount = serde_json::from_str(r#"{"amountFen": 2000}"#).unwrap();
/// assert_eq!(d.kind, DiscountKind::Discount);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DiscountKind {
    /// An order discount (满减, 整单折扣).
    #[default]
    Discount,
    /// A coupon.
    Coupon,
}

/// An order-level discount or coupon.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // ¥10 off line A only: B carries none of it and is refunded in full.
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "A", "category": "toys", "quantity": 1, "unitPriceFen": 10000 },
///                   { "id": "B", "category": "toys", "quantity": 1, "unitPriceFen": 10000 }],
///         "discounts": [{ "id": "D1", "amountFen": 1000, "lines": ["A"] }],
///         "payments": [{ "method": "wechat", "amountFen": 19000 }] },
///     "items": [{ "lineId": "B", "quantity": 1, "reason": "noReason", "want": "refund" },
///               { "lineId": "A", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!((d.items[0].money.discount_fen, d.items[0].money.refund_fen), (0, 10000));
/// assert_eq!((d.items[1].money.discount_fen, d.items[1].money.refund_fen), (1000, 9000));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Discount {
    /// Id.
    #[serde(default)]
    pub id: Option<String>,
    /// Kind.
    #[serde(default)]
    pub kind: DiscountKind,
    /// Amount.
    pub amount_fen: i64,
    /// Threshold (满 X 减 Y): what the eligible lines had to reach. Under the policy setting
    /// `couponBreakage: "clawBack"`, a no-fault return that takes the kept lines below it has the kept lines' share
    /// of the reduction taken back from the refund, whatever the [`DiscountKind`].
    #[serde(default)]
    pub threshold_fen: Option<i64>,
    /// Eligible line ids (default: every line with a paid amount).
    #[serde(default)]
    pub lines: Option<Vec<String>>,
}

/// Points spent on the order.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // 1,000 points worth ¥10 paid for part of a ¥100 order of two equal lines; one line comes back.
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "A", "category": "toys", "quantity": 1, "unitPriceFen": 5000 },
///                   { "id": "B", "category": "toys", "quantity": 1, "unitPriceFen": 5000 }],
///         "points": { "points": 1000, "valueFen": 1000 },
///         "payments": [{ "method": "wechat", "amountFen": 9000 }] },
///     "items": [{ "lineId": "B", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// let m = &d.items[0].money;
/// assert_eq!((m.points, m.points_value_fen, m.refund_fen, m.refund_points), (500, 500, 4500, 500));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PointsUsed {
    /// Points spent.
    pub points: i64,
    /// Their value.
    pub value_fen: i64,
}

/// One payment.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Line A was returned earlier and ¥50 went back to the card; now B comes back.
/// let p = ReturnPolicy::load(r#"{"version": "1", "settings": {"refundOrder": ["card", "wechat"]}}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "A", "category": "toys", "quantity": 1, "unitPriceFen": 5000, "returnedQuantity": 1 },
///                   { "id": "B", "category": "toys", "quantity": 1, "unitPriceFen": 5000 }],
///         "payments": [{ "method": "card", "amountFen": 6000, "refundedFen": 5000 },
///                      { "method": "wechat", "amountFen": 4000 }] },
///     "items": [{ "lineId": "B", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// // The card has only ¥10 left to take back; the rest goes to WeChat Pay.
/// let split: Vec<(&str, i64)> = d.refund.by_payment.iter().map(|r| (r.method.as_str(), r.amount_fen)).collect();
/// assert_eq!(split, [("card", 1000), ("wechat", 4000)]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Payment {
    /// `wechat`, `alipay`, `card`, `cash`, `storedValue`, ...
    pub method: String,
    /// Paid.
    pub amount_fen: i64,
    /// Already refunded to it.
    #[serde(default)]
    pub refunded_fen: i64,
}

/// The order as sold.
///
/// # Example
/// ```
/// use mallcare::eligibility::{Channel, ReturnPolicy};
/// let order = serde_json::json!({ "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00",
///     "signedAt": "2026-05-02T10:00:00+08:00", "shippingFen": 800,
///     "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///     "payments": [{ "method": "wechat", "amountFen": 10700 }] });
/// let o: mallcare::eligibility::request::Order = serde_json::from_value(order.clone()).unwrap();
/// assert_eq!((o.channel, o.fulfilment, o.shipping_fen), (Channel::Online, None, 800));
/// // The order must add up: 9900 paid for the line + 800 shipping = 10700 in payments.
/// let mut wrong = order.clone();
/// wrong["shippingFen"] = serde_json::json!(0);
/// let e = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00", "order": wrong,
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap_err();
/// assert_eq!(e.code(), "REQUEST_AMOUNTS_MISMATCH");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Order {
    /// Order id.
    #[serde(default)]
    pub id: Option<String>,
    /// Channel.
    pub channel: Channel,
    /// Fulfilment (default: delivery for distance sales, carry-out in store).
    #[serde(default)]
    pub fulfilment: Option<Fulfilment>,
    /// Sale time.
    pub sold_at: Timestamp,
    /// Invoice time.
    #[serde(default)]
    pub invoiced_at: Option<Timestamp>,
    /// Delivery sign-for time.
    #[serde(default)]
    pub signed_at: Option<Timestamp>,
    /// Member.
    #[serde(default)]
    pub member: Option<Member>,
    /// Proof of purchase.
    #[serde(default)]
    pub proof: Proof,
    /// Lines.
    pub lines: Vec<Line>,
    /// Order-level discounts and coupons.
    #[serde(default)]
    pub discounts: Vec<Discount>,
    /// Points spent.
    #[serde(default)]
    pub points: Option<PointsUsed>,
    /// Shipping paid.
    #[serde(default)]
    pub shipping_fen: i64,
    /// Payments.
    pub payments: Vec<Payment>,
}

/// Facts about the goods as brought back.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // An online phone order, day 3 after sign-for: no-reason return only while the phone is intact (not activated).
/// let granted = |condition: serde_json::Value| ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "electronics/phone", "quantity": 1, "unitPriceFen": 399900 }],
///         "payments": [{ "method": "alipay", "amountFen": 399900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund", "condition": condition }]
/// }), &mallcare::Calendar::default()).unwrap().items[0].granted;
/// assert!(granted(serde_json::json!({})));
/// assert!(!granted(serde_json::json!({ "activated": true })));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// One-time seal broken.
    #[serde(default)]
    pub seal_broken: bool,
    /// Software downloaded / media used.
    #[serde(default)]
    pub downloaded: bool,
    /// Activated.
    #[serde(default)]
    pub activated: bool,
    /// Tags removed.
    #[serde(default)]
    pub tags_removed: bool,
    /// Soiled.
    #[serde(default)]
    pub soiled: bool,
    /// Damaged by the customer.
    #[serde(default)]
    pub damaged: bool,
    /// Accessories missing.
    #[serde(default)]
    pub accessories_missing: bool,
    /// Original packaging missing.
    #[serde(default)]
    pub packaging_missing: bool,
    /// Used beyond inspection or a reasonable trial.
    #[serde(default)]
    pub used: bool,
    /// Repaired privately.
    #[serde(default)]
    pub privately_repaired: bool,
    /// Serial number defaced.
    #[serde(default)]
    pub serial_defaced: bool,
}

/// Evidence provided.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Status};
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "photo", "priority": 1,
///     "then": {"evidence": {"photos": 1}}}]}"#).unwrap();
/// let status = |photos: u32| p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "refund",
///         "evidence": { "photos": photos } }]
/// }), &mallcare::Calendar::default()).unwrap().status;
/// assert_eq!(status(0), Status::NeedsEvidence);
/// assert_eq!(status(1), Status::Approved);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Evidence {
    /// Photos attached.
    #[serde(default)]
    pub photos: u32,
}

/// What the customer takes in exchange.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// // Swapped for a cheaper model under a 30-day exchange rule: the store refunds the ¥20 difference.
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "swap", "priority": 1,
///     "then": {"exchange": {"days": 30}}}]}"#).unwrap();
/// let d = p.evaluate_value(serde_json::json!({
///     "now": "2026-05-05T10:00:00+08:00",
///     "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "cash", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "changedMind", "want": "exchange",
///         "exchangeFor": { "sku": "TOY-7", "unitPriceFen": 7900 } }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert_eq!(d.items[0].exchange.as_ref().unwrap().difference_fen, -2000);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExchangeFor {
    /// SKU.
    #[serde(default)]
    pub sku: Option<String>,
    /// Its unit price now.
    pub unit_price_fen: i64,
}

/// One item the customer brings back.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Resolution};
/// // A phone (三包 goods) sold 1 May with a fault; what the law allows depends on when the fault appeared.
/// let allowed = |fault_at: &str| {
///     let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///         "now": "2026-05-20T10:00:00+08:00",
///         "order": { "channel": "store", "soldAt": "2026-05-01T10:00:00+08:00",
///             "lines": [{ "id": "L1", "category": "electronics/phone", "quantity": 1, "unitPriceFen": 399900 }],
///             "payments": [{ "method": "card", "amountFen": 399900 }] },
///         "items": [{ "lineId": "L1", "quantity": 1, "reason": "qualityDefect", "want": "refund",
///             "faultAt": fault_at }]
///     }), &mallcare::Calendar::default()).unwrap();
///     d.items[0].allowed.iter().map(|a| a.resolution).collect::<Vec<_>>()
/// };
/// // Day 7: return, exchange or repair; day 8: no longer a return.
/// assert!(allowed("2026-05-08T10:00:00+08:00").contains(&Resolution::Refund));
/// assert!(!allowed("2026-05-09T10:00:00+08:00").contains(&Resolution::Refund));
/// assert!(allowed("2026-05-09T10:00:00+08:00").contains(&Resolution::Exchange));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    /// Order line.
    pub line_id: String,
    /// Units.
    pub quantity: i64,
    /// Why.
    pub reason: ReturnReason,
    /// What the customer wants.
    pub want: Resolution,
    /// Condition facts.
    #[serde(default)]
    pub condition: Condition,
    /// Evidence provided.
    #[serde(default)]
    pub evidence: Evidence,
    /// When the fault appeared (default `now`).
    #[serde(default)]
    pub fault_at: Option<Timestamp>,
    /// Failed repairs so far under warranty.
    #[serde(default)]
    pub failed_repairs: u32,
    /// When the goods were handed back (default `now`).
    #[serde(default)]
    pub returned_at: Option<Timestamp>,
    /// Exchange target.
    #[serde(default)]
    pub exchange_for: Option<ExchangeFor>,
}

/// The whole request.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Request};
/// // `now` is part of the request: the same return asked on day 7 and on day 8 after sign-for.
/// let at = |now: &str| Request::from_value(serde_json::json!({
///     "now": now,
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// })).unwrap();
/// let (law, cal) = (ReturnPolicy::statutory(), mallcare::Calendar::default());
/// assert!(law.evaluate(&at("2026-05-10T23:59:00+08:00"), &cal).unwrap().items[0].granted);
/// assert!(!law.evaluate(&at("2026-05-11T00:00:00+08:00"), &cal).unwrap().items[0].granted);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    /// Decision time (no hidden clock).
    pub now: Timestamp,
    /// The order.
    pub order: Order,
    /// The items.
    pub items: Vec<Item>,
    /// Risk flags raised by the store's systems (`noReceipt`, `frequentReturner`, ...).
    #[serde(default)]
    pub risk_flags: Vec<String>,
}

impl Request {
    /// Reads a request from a JSON value; structural problems become `REQUEST_INVALID` with the path.
    ///
    /// # Errors
    /// `REQUEST_INVALID` (or `TIMESTAMP_INVALID`, ... for fields with their own type) with the path of the field.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::Request;
    /// let e = Request::from_value(serde_json::json!({"now": "x"})).unwrap_err();
    /// assert_eq!(e.issues()[0].path, "now");
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Request> {
        Request::from_json(&value.to_string())
    }
}

/// Per-line money after apportioning order-level discounts and points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineMoney {
    /// `paidFen` (or list).
    pub sub: i64,
    /// Order discounts + coupons apportioned to the line.
    pub discount: i64,
    /// Points value apportioned.
    pub points_value: i64,
    /// Points count apportioned.
    pub points: i64,
    /// Cash paid for the line: sub − discount − points value.
    pub cash: i64,
}

/// A request checked and with its money apportioned.
#[derive(Clone, Debug)]
pub(crate) struct Checked {
    pub money: Vec<LineMoney>,
    /// For each item, its line index.
    pub item_line: Vec<usize>,
    /// Each line's category (`None` only for an unknown path, which is an issue).
    pub categories: Vec<Option<&'static category::Category>>,
    /// Each discount's share of each line: `disc_share[d * lines + i]`.
    pub disc_share: Vec<i64>,
}

/// [`crate::split`] (largest remainder, ties to the earlier weight) for non-negative totals and weights, without
/// its allocations and 128-bit arithmetic when the order is small and the products fit in 64 bits; otherwise
/// `crate::split` itself. The parts are the same (tested against it).
pub(crate) fn split_into(total: i64, weights: &[i64], out: &mut [i64]) -> Result<()> {
    const SMALL: usize = 32;
    let n = weights.len();
    let sum: i64 = weights.iter().fold(0i64, |a, w| a.saturating_add(*w));
    let fits = n <= SMALL
        && n == out.len()
        && total >= 0
        && sum > 0
        && sum < i64::MAX
        && weights.iter().all(|w| *w >= 0 && crate::money::mul_i64(*w, total).is_some());
    if !fits {
        let parts = crate::split(total, weights)?;
        for (o, p) in out.iter_mut().zip(parts) {
            *o = p;
        }
        return Ok(());
    }
    let mut rem = [0i64; SMALL];
    let mut assigned = 0i64;
    for ((w, o), r) in weights.iter().zip(out.iter_mut()).zip(rem.iter_mut()) {
        let exact = w * total;
        *o = exact / sum;
        *r = exact % sum;
        assigned += *o;
    }
    // The leftover fen (fewer than n) go one each to the largest remainders, ties to the earlier index: pick the
    // first largest remainder `leftover` times, marking each pick (remainders are >= 0) so it is not picked again.
    let leftover = usize::try_from(total - assigned).unwrap_or(0);
    let rem = rem.get_mut(..n).unwrap_or(&mut []);
    for _ in 0..leftover {
        let mut best: Option<usize> = None;
        let mut best_r = -1i64;
        for (j, r) in rem.iter().enumerate() {
            if *r > best_r {
                best_r = *r;
                best = Some(j);
            }
        }
        let Some(j) = best else { break };
        if let (Some(o), Some(r)) = (out.get_mut(j), rem.get_mut(j)) {
            *o += 1;
            *r = -1;
        }
    }
    Ok(())
}

/// A path like `order.lines[3]`, formatted only when an issue needs it.
#[derive(Clone, Copy)]
struct At(&'static str, usize);

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

#[inline(never)]
fn neg(issues: &mut Issues, path: String) {
    put(
        issues,
        "REQUEST_AMOUNT_INVALID",
        path,
        "金额应在 0 到 1000000000000 分（100 亿元）之间".into(),
        "an amount must be between 0 and 1000000000000 fen (¥10 billion)".into(),
    );
}

#[inline(never)]
fn time_order(issues: &mut Issues, path: String, zh: &'static str, en: &'static str) {
    put(issues, "REQUEST_TIME_ORDER", path, zh.into(), en.into());
}

/// Units `[from, from + k)` of `total` split evenly over `n` units by largest remainder (earlier units get the
/// leftover fen), in closed form: unit `u` gets `total / n` plus one if `u < total % n`.
pub(crate) fn unit_share(total: i64, n: i64, from: i64, k: i64) -> i64 {
    if n <= 0 || k <= 0 {
        return 0;
    }
    let q = total.div_euclid(n);
    let r = total.rem_euclid(n);
    let extra = (from + k).min(r) - from.min(r);
    q * k + extra.max(0)
}

const MAX_QTY: i64 = 1_000_000;
/// Largest amount accepted anywhere in a request: ¥10 billion, so sums of up to [`MAX_LINES`] lines stay exact.
const MAX_AMOUNT: i64 = 1_000_000_000_000;
const MAX_LINES: usize = 10_000;

/// Checks everything that can be checked without the policy and apportions the money.
pub(crate) fn check(req: &Request) -> Result<Checked> {
    let mut issues = Issues::default();
    let o = &req.order;
    let money_limit = MAX_AMOUNT;
    if o.lines.len() > MAX_LINES
        || req.items.len() > MAX_LINES
        || o.payments.len() > MAX_LINES
        || o.discounts.len() > MAX_LINES
    {
        return crate::error::fail(
            "REQUEST_TOO_LARGE",
            "order.lines",
            format!("一次最多 {MAX_LINES} 个商品行"),
            format!("at most {MAX_LINES} lines per request"),
        );
    }
    if o.lines.is_empty() {
        put(
            &mut issues,
            "REQUEST_LINES_EMPTY",
            "order.lines".into(),
            "订单没有商品行".into(),
            "the order has no lines".into(),
        );
    }
    if req.items.is_empty() {
        put(&mut issues, "REQUEST_ITEMS_EMPTY", "items".into(), "没有要处理的商品".into(), "no items to decide".into());
    }
    // Times.
    if let Some(t) = o.invoiced_at {
        if t < o.sold_at {
            time_order(&mut issues, "order.invoicedAt".into(), "开票时间早于销售时间", "invoiced before it was sold");
        }
    }
    if let Some(t) = o.signed_at {
        if t < o.sold_at {
            time_order(&mut issues, "order.signedAt".into(), "签收时间早于销售时间", "signed for before it was sold");
        }
    }
    if req.now < o.sold_at {
        time_order(&mut issues, "now".into(), "当前时间早于销售时间", "now is before the sale");
    } else if o.signed_at.is_some_and(|s| req.now < s) {
        time_order(&mut issues, "order.signedAt".into(), "签收时间晚于当前时间", "signed for after now");
    }
    // Lines.
    let mut sum_sub: i64 = 0;
    let mut categories = Vec::with_capacity(o.lines.len());
    for (i, l) in o.lines.iter().enumerate() {
        let p = At("order.lines", i);
        let cat = category::lookup(&l.category);
        categories.push(cat);
        if o.lines.iter().take(i).any(|x| category::same(&x.id, &l.id)) {
            put(
                &mut issues,
                "REQUEST_LINE_DUPLICATE",
                format!("{p}.id"),
                format!("商品行 id “{}” 重复", l.id).into(),
                format!("line id \"{}\" appears twice", l.id).into(),
            );
        }
        if cat.is_none() {
            put(
                &mut issues,
                "REQUEST_CATEGORY_UNKNOWN",
                format!("{p}.category"),
                format!("未知的品类路径“{}”", l.category).into(),
                format!("unknown category path \"{}\"", l.category).into(),
            );
        }
        if !(1..=MAX_QTY).contains(&l.quantity) {
            put(
                &mut issues,
                "REQUEST_QUANTITY_INVALID",
                format!("{p}.quantity"),
                "数量应为 1 到 1000000 之间的整数".into(),
                "quantity must be between 1 and 1000000".into(),
            );
            continue;
        }
        if !(0..=l.quantity).contains(&l.returned_quantity) {
            put(
                &mut issues,
                "REQUEST_QUANTITY_EXCEEDS",
                format!("{p}.returnedQuantity"),
                format!("已退数量 {} 超出购买数量 {}", l.returned_quantity, l.quantity).into(),
                format!("returned quantity {} is outside 0..{} bought", l.returned_quantity, l.quantity).into(),
            );
        }
        if !(0..=money_limit).contains(&l.unit_price_fen) {
            neg(&mut issues, format!("{p}.unitPriceFen"));
            continue;
        }
        if l.gift_value_fen < 0 || l.gift_value_fen > money_limit {
            neg(&mut issues, format!("{p}.giftValueFen"));
        }
        let list = crate::money::saturating_mul_i64(l.unit_price_fen, l.quantity);
        if list > money_limit {
            put(
                &mut issues,
                "AMOUNT_OUT_OF_RANGE",
                format!("{p}.unitPriceFen"),
                "单价 × 数量超出允许范围（100 亿元）".into(),
                "unit price × quantity is beyond the allowed range (¥10 billion)".into(),
            );
            continue;
        }
        let sub = l.paid_fen.unwrap_or(list);
        if sub < 0 {
            neg(&mut issues, format!("{p}.paidFen"));
            continue;
        }
        if sub > list {
            put(
                &mut issues,
                "REQUEST_LINE_PAID_EXCEEDS",
                format!("{p}.paidFen"),
                format!("实付 {sub} 分超过标价合计 {list} 分（{} × {}）", l.unit_price_fen, l.quantity).into(),
                format!("paid {sub} fen exceeds the list amount {list} fen ({} × {})", l.unit_price_fen, l.quantity)
                    .into(),
            );
        }
        if let Some(g) = &l.gift_of {
            if !o.lines.iter().any(|x| &x.id == g && x.gift_of.is_none()) {
                put(
                    &mut issues,
                    "REQUEST_LINE_UNKNOWN",
                    format!("{p}.giftOf"),
                    format!("赠品所属的商品行“{g}”不在订单中").into(),
                    format!("the gift's main line \"{g}\" is not in the order").into(),
                );
            }
        }
        sum_sub = sum_sub.saturating_add(sub);
    }
    if !(0..=money_limit).contains(&o.shipping_fen) {
        neg(&mut issues, "order.shippingFen".into());
    }
    for (j, pay) in o.payments.iter().enumerate() {
        if pay.amount_fen < 0 || pay.amount_fen > money_limit {
            neg(&mut issues, format!("order.payments[{j}].amountFen"));
        }
        if pay.refunded_fen < 0 || pay.refunded_fen > pay.amount_fen {
            put(
                &mut issues,
                "REQUEST_REFUNDED_EXCEEDS",
                format!("order.payments[{j}].refundedFen"),
                "已退款金额应在 0 与支付金额之间".into(),
                "refundedFen must be between 0 and the amount paid".into(),
            );
        }
    }
    // Items.
    let mut item_line = Vec::with_capacity(req.items.len());
    for (k, it) in req.items.iter().enumerate() {
        let p = At("items", k);
        let Some(li) = o.lines.iter().position(|l| category::same(&l.id, &it.line_id)) else {
            put(
                &mut issues,
                "REQUEST_LINE_UNKNOWN",
                format!("{p}.lineId"),
                format!("商品行“{}”不在订单中", it.line_id).into(),
                format!("line \"{}\" is not in the order", it.line_id).into(),
            );
            continue;
        };
        item_line.push(li);
        if req.items.iter().take(k).any(|x| category::same(&x.line_id, &it.line_id)) {
            put(
                &mut issues,
                "REQUEST_ITEM_DUPLICATE",
                format!("{p}.lineId"),
                format!("商品行“{}”出现了两次；请合并数量", it.line_id).into(),
                format!("line \"{}\" is listed twice; merge the quantities", it.line_id).into(),
            );
        }
        if let Some(l) = o.lines.get(li) {
            let left = l.quantity - l.returned_quantity;
            if it.quantity < 1 {
                put(
                    &mut issues,
                    "REQUEST_QUANTITY_INVALID",
                    format!("{p}.quantity"),
                    "数量至少为 1".into(),
                    "quantity must be at least 1".into(),
                );
            } else if it.quantity > left {
                put(
                    &mut issues,
                    "REQUEST_QUANTITY_EXCEEDS",
                    format!("{p}.quantity"),
                    format!(
                        "退回 {} 件，超过可退的 {left} 件（购买 {}，已退 {}）",
                        it.quantity, l.quantity, l.returned_quantity
                    )
                    .into(),
                    format!(
                        "{} units exceed the {left} returnable (bought {}, already returned {})",
                        it.quantity, l.quantity, l.returned_quantity
                    )
                    .into(),
                );
            }
        }
        if let Some(handed) = it.returned_at {
            if o.signed_at.is_some_and(|s| handed < s) {
                time_order(
                    &mut issues,
                    format!("{p}.returnedAt"),
                    "退回时间早于签收时间",
                    "returned before it was delivered",
                );
            } else if handed < o.sold_at {
                time_order(
                    &mut issues,
                    format!("{p}.returnedAt"),
                    "退回时间早于销售时间",
                    "returned before it was sold",
                );
            }
            if handed > req.now {
                time_order(&mut issues, format!("{p}.returnedAt"), "退回时间晚于当前时间", "returned after now");
            }
        }
        if let Some(f) = it.fault_at {
            if f < o.sold_at || f > req.now {
                time_order(
                    &mut issues,
                    format!("{p}.faultAt"),
                    "故障时间应在销售时间与当前时间之间",
                    "the fault time must lie between the sale and now",
                );
            }
        }
        if let Some(x) = &it.exchange_for {
            if !(0..=money_limit).contains(&x.unit_price_fen) {
                neg(&mut issues, format!("{p}.exchangeFor.unitPriceFen"));
            }
        }
    }
    if !issues.is_empty() {
        return issues.finish(Checked { money: Vec::new(), item_line, categories, disc_share: Vec::new() });
    }
    // Money: discounts, then points, each by largest remainder.
    let mut money: Vec<LineMoney> = o
        .lines
        .iter()
        .map(|l| LineMoney { sub: l.paid_fen.unwrap_or(l.unit_price_fen * l.quantity), ..LineMoney::default() })
        .collect();
    // One weights buffer for every split (refilled each time).
    let mut weights: Vec<i64> = Vec::with_capacity(money.len());
    let n = o.lines.len();
    let mut disc_share = vec![0i64; n * o.discounts.len()];
    for (d, disc) in o.discounts.iter().enumerate() {
        let p = At("order.discounts", d);
        if disc.amount_fen < 0 || disc.amount_fen > money_limit {
            neg(&mut issues, format!("{p}.amountFen"));
            continue;
        }
        weights.clear();
        weights.extend(money.iter().map(|m| m.sub));
        if let Some(ids) = &disc.lines {
            let mut unknown = false;
            for (k, id) in ids.iter().enumerate() {
                if !o.lines.iter().any(|l| &l.id == id) {
                    unknown = true;
                    put(
                        &mut issues,
                        "REQUEST_LINE_UNKNOWN",
                        format!("{p}.lines[{k}]"),
                        format!("优惠适用的商品行“{id}”不在订单中").into(),
                        format!("discount line \"{id}\" is not in the order").into(),
                    );
                }
            }
            if unknown {
                continue;
            }
            for (w, l) in weights.iter_mut().zip(&o.lines) {
                if !ids.contains(&l.id) {
                    *w = 0;
                }
            }
        }
        let eligible: i64 = weights.iter().sum();
        if disc.amount_fen > eligible {
            put(
                &mut issues,
                "REQUEST_DISCOUNT_EXCEEDS",
                format!("{p}.amountFen"),
                format!("优惠 {} 分超过适用商品金额 {eligible} 分", disc.amount_fen).into(),
                format!("discount {} fen exceeds the {eligible} fen of lines it applies to", disc.amount_fen).into(),
            );
            continue;
        }
        if let Some(t) = disc.threshold_fen {
            if eligible < t {
                put(
                    &mut issues,
                    "REQUEST_THRESHOLD_NOT_MET",
                    format!("{p}.thresholdFen"),
                    format!("适用商品金额 {eligible} 分未达到门槛 {t} 分，订单中不应有此优惠").into(),
                    format!("the lines it applies to total {eligible} fen, below the {t} fen threshold").into(),
                );
                continue;
            }
        }
        if disc.amount_fen == 0 {
            continue;
        }
        let Some(parts) = disc_share.get_mut(d * n..(d + 1) * n) else { continue };
        match split_into(disc.amount_fen, &weights, parts) {
            Ok(()) => {
                for (m, part) in money.iter_mut().zip(parts.iter()) {
                    m.discount += part;
                }
            }
            Err(e) => issues.extend_from(e, &p.to_string()),
        }
    }
    for (i, m) in money.iter().enumerate() {
        if m.discount > m.sub {
            put(
                &mut issues,
                "REQUEST_DISCOUNT_EXCEEDS",
                format!("order.lines[{i}]"),
                format!("分摊到该商品行的优惠 {} 分超过其实付 {} 分", m.discount, m.sub).into(),
                format!("discounts apportioned to this line ({} fen) exceed what it cost ({} fen)", m.discount, m.sub)
                    .into(),
            );
        }
    }
    if !issues.is_empty() {
        return issues.finish(Checked { money, item_line, categories, disc_share });
    }
    if let Some(pts) = o.points {
        if pts.points < 0 || pts.value_fen < 0 || pts.value_fen > money_limit {
            neg(&mut issues, "order.points".into());
        } else {
            weights.clear();
            weights.extend(money.iter().map(|m| (m.sub - m.discount).max(0)));
            let left: i64 = weights.iter().sum();
            if pts.value_fen > left {
                put(
                    &mut issues,
                    "REQUEST_DISCOUNT_EXCEEDS",
                    "order.points.valueFen".into(),
                    format!("积分抵扣 {} 分超过优惠后金额 {left} 分", pts.value_fen).into(),
                    format!("points worth {} fen exceed the {left} fen left after discounts", pts.value_fen).into(),
                );
            } else if left > 0 {
                let mut v = vec![0i64; 2 * n];
                let (values, counts) = v.split_at_mut(n);
                match split_into(pts.value_fen, &weights, values)
                    .and_then(|()| split_into(pts.points, &weights, counts))
                {
                    Ok(()) => {
                        for ((m, v), c) in money.iter_mut().zip(values.iter()).zip(counts.iter()) {
                            m.points_value = *v;
                            m.points = *c;
                        }
                    }
                    Err(e) => issues.extend_from(e, "order.points"),
                }
            }
        }
    }
    for m in &mut money {
        m.cash = m.sub - m.discount - m.points_value;
    }
    let due: i64 = money.iter().map(|m| m.cash).sum::<i64>() + o.shipping_fen;
    let paid: i64 = o.payments.iter().map(|p| p.amount_fen).sum();
    if issues.is_empty() && due != paid {
        put(&mut issues, "REQUEST_AMOUNTS_MISMATCH", "order.payments".into(), format!(
                "金额对不上：商品实付 {sum_sub} 分 − 优惠 − 积分 + 运费 {} 分 = {due} 分，但支付合计 {paid} 分",
                o.shipping_fen
            ).into(), format!(
                "amounts do not add up: lines {sum_sub} fen − discounts − points + shipping {} fen = {due} fen, but payments total {paid} fen",
                o.shipping_fen
            ).into());
    }
    issues.finish(Checked { money, item_line, categories, disc_share })
}

trait ExtendFrom {
    fn extend_from(&mut self, e: crate::Error, prefix: &str);
}

impl ExtendFrom for Issues {
    fn extend_from(&mut self, e: crate::Error, prefix: &str) {
        let _ = self.take::<()>(Err(e), prefix);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a request from JSON text (see `super::json`): the same fields, defaults and issues as the serde derives.

use super::json::Reader;

pub(crate) const CHANNELS: [&str; 5] = ["online", "tv", "phone", "mail", "store"];
pub(crate) const FULFILMENTS: [&str; 3] = ["delivery", "pickup", "carryOut"];
pub(crate) const REASONS: [&str; 8] =
    ["noReason", "changedMind", "size", "qualityDefect", "spoiled", "wrongItem", "damagedInTransit", "notAsDescribed"];
pub(crate) const RESOLUTIONS: [&str; 3] = ["refund", "exchange", "repair"];

pub(crate) fn channel_of(i: usize) -> Channel {
    match i {
        0 => Channel::Online,
        1 => Channel::Tv,
        2 => Channel::Phone,
        3 => Channel::Mail,
        _ => Channel::Store,
    }
}

pub(crate) fn fulfilment_of(i: usize) -> Fulfilment {
    match i {
        0 => Fulfilment::Delivery,
        1 => Fulfilment::Pickup,
        _ => Fulfilment::CarryOut,
    }
}

pub(crate) fn reason_of(i: usize) -> ReturnReason {
    match i {
        0 => ReturnReason::NoReason,
        1 => ReturnReason::ChangedMind,
        2 => ReturnReason::Size,
        3 => ReturnReason::QualityDefect,
        4 => ReturnReason::Spoiled,
        5 => ReturnReason::WrongItem,
        6 => ReturnReason::DamagedInTransit,
        _ => ReturnReason::NotAsDescribed,
    }
}

pub(crate) fn resolution_of(i: usize) -> Resolution {
    match i {
        0 => Resolution::Refund,
        1 => Resolution::Exchange,
        _ => Resolution::Repair,
    }
}

pub(crate) fn read_channel(r: &mut Reader<'_>) -> Result<Channel> {
    r.variant(&CHANNELS).map(channel_of)
}

pub(crate) fn read_fulfilment(r: &mut Reader<'_>) -> Result<Fulfilment> {
    r.variant(&FULFILMENTS).map(fulfilment_of)
}

pub(crate) fn read_reason(r: &mut Reader<'_>) -> Result<ReturnReason> {
    r.variant(&REASONS).map(reason_of)
}

fn strings(r: &mut Reader<'_>) -> Result<Vec<String>> {
    r.list(Reader::string)
}

fn read_line(r: &mut Reader<'_>) -> Result<Line> {
    const F: [&str; 15] = [
        "id",
        "sku",
        "brand",
        "category",
        "tags",
        "quantity",
        "unitPriceFen",
        "paidFen",
        "giftOf",
        "giftValueFen",
        "madeToOrder",
        "confirmedNonReturnable",
        "nearExpiry",
        "flawed",
        "returnedQuantity",
    ];
    let mut l = Line::default();
    let (mut id, mut category, mut quantity, mut unit) = (None, None, None, None);
    r.object(|r, k| {
        Ok(match k {
            "id" => {
                id = Some(r.string()?);
                0
            }
            "sku" => {
                l.sku = r.opt(Reader::string)?;
                1
            }
            "brand" => {
                l.brand = r.opt(Reader::string)?;
                2
            }
            "category" => {
                category = Some(r.string()?);
                3
            }
            "tags" => {
                l.tags = strings(r)?;
                4
            }
            "quantity" => {
                quantity = Some(r.i64()?);
                5
            }
            "unitPriceFen" => {
                unit = Some(r.i64()?);
                6
            }
            "paidFen" => {
                l.paid_fen = r.opt(Reader::i64)?;
                7
            }
            "giftOf" => {
                l.gift_of = r.opt(Reader::string)?;
                8
            }
            "giftValueFen" => {
                l.gift_value_fen = r.i64()?;
                9
            }
            "madeToOrder" => {
                l.made_to_order = r.boolean()?;
                10
            }
            "confirmedNonReturnable" => {
                l.confirmed_non_returnable = r.boolean()?;
                11
            }
            "nearExpiry" => {
                l.near_expiry = r.boolean()?;
                12
            }
            "flawed" => {
                l.flawed = r.boolean()?;
                13
            }
            "returnedQuantity" => {
                l.returned_quantity = r.i64()?;
                14
            }
            _ => return Err(r.unknown(k, &F)),
        })
    })?;
    l.id = id.ok_or_else(|| r.missing("id"))?;
    l.category = category.ok_or_else(|| r.missing("category"))?;
    l.quantity = quantity.ok_or_else(|| r.missing("quantity"))?;
    l.unit_price_fen = unit.ok_or_else(|| r.missing("unitPriceFen"))?;
    Ok(l)
}

fn read_discount(r: &mut Reader<'_>) -> Result<Discount> {
    const F: [&str; 5] = ["id", "kind", "amountFen", "thresholdFen", "lines"];
    let mut d = Discount::default();
    let mut amount = None;
    r.object(|r, k| {
        Ok(match k {
            "id" => {
                d.id = r.opt(Reader::string)?;
                0
            }
            "kind" => {
                d.kind = if r.variant(&["discount", "coupon"])? == 0 {
                    DiscountKind::Discount
                } else {
                    DiscountKind::Coupon
                };
                1
            }
            "amountFen" => {
                amount = Some(r.i64()?);
                2
            }
            "thresholdFen" => {
                d.threshold_fen = r.opt(Reader::i64)?;
                3
            }
            "lines" => {
                d.lines = r.opt(strings)?;
                4
            }
            _ => return Err(r.unknown(k, &F)),
        })
    })?;
    d.amount_fen = amount.ok_or_else(|| r.missing("amountFen"))?;
    Ok(d)
}

fn read_payment(r: &mut Reader<'_>) -> Result<Payment> {
    const F: [&str; 3] = ["method", "amountFen", "refundedFen"];
    let (mut method, mut amount, mut refunded) = (None, None, 0);
    r.object(|r, k| {
        Ok(match k {
            "method" => {
                method = Some(r.string()?);
                0
            }
            "amountFen" => {
                amount = Some(r.i64()?);
                1
            }
            "refundedFen" => {
                refunded = r.i64()?;
                2
            }
            _ => return Err(r.unknown(k, &F)),
        })
    })?;
    Ok(Payment {
        method: method.ok_or_else(|| r.missing("method"))?,
        amount_fen: amount.ok_or_else(|| r.missing("amountFen"))?,
        refunded_fen: refunded,
    })
}

fn read_member(r: &mut Reader<'_>) -> Result<Member> {
    let mut m = Member::default();
    r.object(|r, k| {
        Ok(match k {
            "id" => {
                m.id = r.opt(Reader::string)?;
                0
            }
            "tier" => {
                m.tier = r.opt(Reader::string)?;
                1
            }
            _ => return Err(r.unknown(k, &["id", "tier"])),
        })
    })?;
    Ok(m)
}

fn read_points(r: &mut Reader<'_>) -> Result<PointsUsed> {
    let (mut points, mut value) = (None, None);
    r.object(|r, k| {
        Ok(match k {
            "points" => {
                points = Some(r.i64()?);
                0
            }
            "valueFen" => {
                value = Some(r.i64()?);
                1
            }
            _ => return Err(r.unknown(k, &["points", "valueFen"])),
        })
    })?;
    Ok(PointsUsed {
        points: points.ok_or_else(|| r.missing("points"))?,
        value_fen: value.ok_or_else(|| r.missing("valueFen"))?,
    })
}

fn read_order(r: &mut Reader<'_>) -> Result<Order> {
    const F: [&str; 13] = [
        "id",
        "channel",
        "fulfilment",
        "soldAt",
        "invoicedAt",
        "signedAt",
        "member",
        "proof",
        "lines",
        "discounts",
        "points",
        "shippingFen",
        "payments",
    ];
    let (mut id, mut channel, mut fulfilment, mut sold, mut invoiced, mut signed) =
        (None, None, None, None, None, None);
    let (mut member, mut proof, mut lines, mut discounts, mut points, mut shipping, mut payments) =
        (None, Proof::Receipt, None, Vec::new(), None, 0, None);
    r.object(|r, k| {
        Ok(match k {
            "id" => {
                id = r.opt(Reader::string)?;
                0
            }
            "channel" => {
                channel = Some(read_channel(r)?);
                1
            }
            "fulfilment" => {
                fulfilment = r.opt(read_fulfilment)?;
                2
            }
            "soldAt" => {
                sold = Some(r.timestamp()?);
                3
            }
            "invoicedAt" => {
                invoiced = r.opt(Reader::timestamp)?;
                4
            }
            "signedAt" => {
                signed = r.opt(Reader::timestamp)?;
                5
            }
            "member" => {
                member = r.opt(read_member)?;
                6
            }
            "proof" => {
                proof = match r.variant(&["receipt", "orderRecord", "memberLookup", "none"])? {
                    0 => Proof::Receipt,
                    1 => Proof::OrderRecord,
                    2 => Proof::MemberLookup,
                    _ => Proof::None,
                };
                7
            }
            "lines" => {
                lines = Some(r.list(read_line)?);
                8
            }
            "discounts" => {
                discounts = r.list(read_discount)?;
                9
            }
            "points" => {
                points = r.opt(read_points)?;
                10
            }
            "shippingFen" => {
                shipping = r.i64()?;
                11
            }
            "payments" => {
                payments = Some(r.list(read_payment)?);
                12
            }
            _ => return Err(r.unknown(k, &F)),
        })
    })?;
    Ok(Order {
        id,
        channel: channel.ok_or_else(|| r.missing("channel"))?,
        fulfilment,
        sold_at: sold.ok_or_else(|| r.missing("soldAt"))?,
        invoiced_at: invoiced,
        signed_at: signed,
        member,
        proof,
        lines: lines.ok_or_else(|| r.missing("lines"))?,
        discounts,
        points,
        shipping_fen: shipping,
        payments: payments.ok_or_else(|| r.missing("payments"))?,
    })
}

fn read_condition(r: &mut Reader<'_>) -> Result<Condition> {
    const F: [&str; 11] = [
        "sealBroken",
        "downloaded",
        "activated",
        "tagsRemoved",
        "soiled",
        "damaged",
        "accessoriesMissing",
        "packagingMissing",
        "used",
        "privatelyRepaired",
        "serialDefaced",
    ];
    let mut c = Condition::default();
    r.object(|r, k| {
        let n = F.iter().position(|f| *f == k).ok_or_else(|| r.unknown(k, &F))?;
        let v = r.boolean()?;
        let slot = match n {
            0 => &mut c.seal_broken,
            1 => &mut c.downloaded,
            2 => &mut c.activated,
            3 => &mut c.tags_removed,
            4 => &mut c.soiled,
            5 => &mut c.damaged,
            6 => &mut c.accessories_missing,
            7 => &mut c.packaging_missing,
            8 => &mut c.used,
            9 => &mut c.privately_repaired,
            _ => &mut c.serial_defaced,
        };
        *slot = v;
        Ok(u32::try_from(n).unwrap_or(63))
    })?;
    Ok(c)
}

fn read_item(r: &mut Reader<'_>) -> Result<Item> {
    const F: [&str; 10] = [
        "lineId",
        "quantity",
        "reason",
        "want",
        "condition",
        "evidence",
        "faultAt",
        "failedRepairs",
        "returnedAt",
        "exchangeFor",
    ];
    let (mut line, mut qty, mut reason, mut want) = (None, None, None, None);
    let (mut condition, mut evidence, mut fault, mut failed, mut returned, mut exchange) =
        (Condition::default(), Evidence::default(), None, 0, None, None);
    r.object(|r, k| {
        Ok(match k {
            "lineId" => {
                line = Some(r.string()?);
                0
            }
            "quantity" => {
                qty = Some(r.i64()?);
                1
            }
            "reason" => {
                reason = Some(read_reason(r)?);
                2
            }
            "want" => {
                want = Some(r.variant(&RESOLUTIONS).map(resolution_of)?);
                3
            }
            "condition" => {
                condition = read_condition(r)?;
                4
            }
            "evidence" => {
                r.object(|r, k| match k {
                    "photos" => {
                        evidence.photos = r.u32()?;
                        Ok(0)
                    }
                    _ => Err(r.unknown(k, &["photos"])),
                })?;
                5
            }
            "faultAt" => {
                fault = r.opt(Reader::timestamp)?;
                6
            }
            "failedRepairs" => {
                failed = r.u32()?;
                7
            }
            "returnedAt" => {
                returned = r.opt(Reader::timestamp)?;
                8
            }
            "exchangeFor" => {
                exchange = r.opt(|r| {
                    let (mut sku, mut price) = (None, None);
                    r.object(|r, k| {
                        Ok(match k {
                            "sku" => {
                                sku = r.opt(Reader::string)?;
                                0
                            }
                            "unitPriceFen" => {
                                price = Some(r.i64()?);
                                1
                            }
                            _ => return Err(r.unknown(k, &["sku", "unitPriceFen"])),
                        })
                    })?;
                    Ok(ExchangeFor { sku, unit_price_fen: price.ok_or_else(|| r.missing("unitPriceFen"))? })
                })?;
                9
            }
            _ => return Err(r.unknown(k, &F)),
        })
    })?;
    Ok(Item {
        line_id: line.ok_or_else(|| r.missing("lineId"))?,
        quantity: qty.ok_or_else(|| r.missing("quantity"))?,
        reason: reason.ok_or_else(|| r.missing("reason"))?,
        want: want.ok_or_else(|| r.missing("want"))?,
        condition,
        evidence,
        fault_at: fault,
        failed_repairs: failed,
        returned_at: returned,
        exchange_for: exchange,
    })
}

impl Request {
    /// Reads a request from JSON text: one pass, no intermediate value; structural problems become
    /// `REQUEST_INVALID` with the path (`order.lines[2].quantity`), malformed text `JSON_SYNTAX`.
    ///
    /// # Errors
    /// `JSON_SYNTAX`; `REQUEST_INVALID` (missing, unknown or duplicate field, wrong type) with the path;
    /// `TIMESTAMP_INVALID` / `TIMESTAMP_OFFSET_MISSING` with the path of the timestamp.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::Request;
    /// let e = Request::from_json(r#"{"now": "2026-05-01T10:00:00+08:00", "order": {"channel": "by pigeon"}}"#)
    ///     .unwrap_err();
    /// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("REQUEST_INVALID", "order.channel"));
    /// ```
    pub fn from_json(text: &str) -> Result<Request> {
        Request::read(&mut Reader::new(text, "REQUEST_INVALID"))
    }

    /// [`Request::from_json`] taking its strings from `pool` (filled by [`Request::recycle`]): the wasm fast path
    /// decides many requests, and allocating and freeing each id, SKU and category was a large part of the time.
    pub(crate) fn from_json_reusing(text: &str, pool: &mut Vec<String>) -> Result<Request> {
        let mut r = Reader::new(text, "REQUEST_INVALID");
        r.pool = std::mem::take(pool);
        let out = Request::read(&mut r);
        *pool = std::mem::take(&mut r.pool);
        out
    }

    /// Gives the request's strings to `pool` for [`Request::from_json_reusing`].
    pub(crate) fn recycle(mut self, pool: &mut Vec<String>) {
        // Taken in place (one small out-of-line push) rather than moved out field by field: the moves inlined a
        // partial drop of every struct, ~2 KB of wasm. The emptied request is then dropped as any other.
        #[inline(never)]
        fn keep(pool: &mut Vec<String>, s: &mut String) {
            pool.push(std::mem::take(s));
        }
        let o = &mut self.order;
        o.id.iter_mut().for_each(|s| keep(pool, s));
        if let Some(m) = &mut o.member {
            m.id.iter_mut().chain(m.tier.iter_mut()).for_each(|s| keep(pool, s));
        }
        for l in &mut o.lines {
            keep(pool, &mut l.id);
            l.sku.iter_mut().chain(l.brand.iter_mut()).for_each(|s| keep(pool, s));
            keep(pool, &mut l.category);
            l.tags.iter_mut().chain(l.gift_of.iter_mut()).for_each(|s| keep(pool, s));
        }
        for d in &mut o.discounts {
            d.id.iter_mut().chain(d.lines.iter_mut().flatten()).for_each(|s| keep(pool, s));
        }
        for p in &mut o.payments {
            keep(pool, &mut p.method);
        }
        for it in &mut self.items {
            keep(pool, &mut it.line_id);
            if let Some(x) = &mut it.exchange_for {
                x.sku.iter_mut().for_each(|s| keep(pool, s));
            }
        }
        self.risk_flags.iter_mut().for_each(|s| keep(pool, s));
    }

    /// The reader of both entry points (one copy in the wasm).
    #[inline(never)]
    fn read(r: &mut Reader<'_>) -> Result<Request> {
        let (mut now, mut order, mut items, mut risk) = (None, None, None, Vec::new());
        r.object(|r, k| {
            Ok(match k {
                "now" => {
                    now = Some(r.timestamp()?);
                    0
                }
                "order" => {
                    order = Some(read_order(r)?);
                    1
                }
                "items" => {
                    items = Some(r.list(read_item)?);
                    2
                }
                "riskFlags" => {
                    risk = strings(r)?;
                    3
                }
                _ => return Err(r.unknown(k, &["now", "order", "items", "riskFlags"])),
            })
        })?;
        r.end()?;
        Ok(Request {
            now: now.ok_or_else(|| r.missing("now"))?,
            order: order.ok_or_else(|| r.missing("order"))?,
            items: items.ok_or_else(|| r.missing("items"))?,
            risk_flags: risk,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]

    #[test]
    fn split_into_gives_the_parts_of_crate_split() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for case in 0..50_000 {
            let n = 1 + next(if case % 10 == 0 { 40 } else { 12 }) as usize;
            let big = case % 7 == 0;
            let weights: Vec<i64> = (0..n)
                .map(|_| match next(5) {
                    0 => 0,
                    1 => next(10) as i64,
                    _ => next(if big { 1_000_000_000_000 } else { 100_000 }) as i64,
                })
                .collect();
            let total = next(if big { 1_000_000_000_000 } else { 10_000 }) as i64;
            let mut out = vec![0; n];
            let ours = super::split_into(total, &weights, &mut out);
            match crate::split(total, &weights) {
                Ok(parts) => {
                    assert!(ours.is_ok());
                    assert_eq!(out, parts, "total {total} weights {weights:?}");
                }
                Err(e) => assert_eq!(ours.unwrap_err().code(), e.code()),
            }
        }
    }
}
