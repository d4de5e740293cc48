//! The request: the order as sold, the items the customer brings back, and `now`.
//!
//! Amounts are integer fen. A line's `unitPriceFen × quantity` is its list amount; `paidFen` (default: the list
//! amount) is what it cost after line-level promotions. Order-level `discounts` (discounts and coupons) and `points`
//! are apportioned over the lines by largest remainder, so the parts add up exactly. The order must add up:
//! `Σ paidFen − Σ discounts − points.valueFen + shippingFen = Σ payments.amountFen`.

use super::category;
use super::policy::{Channel, Fulfilment, Resolution, ReturnReason};
use crate::error::{Issue, Issues};
use crate::{Result, Timestamp};
use serde::{Deserialize, Serialize};

/// How the purchase is proven.
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

/// Kind of order-level reduction.
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
    /// Threshold (满 X 减 Y): what the eligible lines had to reach.
    #[serde(default)]
    pub threshold_fen: Option<i64>,
    /// Eligible line ids (default: every line with a paid amount).
    #[serde(default)]
    pub lines: Option<Vec<String>>,
}

/// Points spent on the order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PointsUsed {
    /// Points spent.
    pub points: i64,
    /// Their value.
    pub value_fen: i64,
}

/// One payment.
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Evidence {
    /// Photos attached.
    #[serde(default)]
    pub photos: u32,
}

/// What the customer takes in exchange.
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
        crate::json::from_value(value, "REQUEST_INVALID")
    }
}

/// Per-line money after apportioning order-level discounts and points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineMoney {
    /// `paidFen` (or list).
    pub sub: i64,
    /// Order discounts + coupons apportioned to the line.
    pub discount: i64,
    /// Per discount (same order as `order.discounts`).
    pub per_discount: Vec<i64>,
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
    /// Each line's category.
    pub categories: Vec<&'static category::Category>,
}

/// A path like `order.lines[3]`, formatted only when an issue needs it.
#[derive(Clone, Copy)]
struct At(&'static str, usize);

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

fn neg(path: String) -> Issue {
    Issue::new(
        "REQUEST_AMOUNT_INVALID",
        path,
        "金额应在 0 到 1000000000000 分（100 亿元）之间",
        "an amount must be between 0 and 1000000000000 fen (¥10 billion)",
    )
}

fn time_order(path: String, zh: &str, en: &str) -> Issue {
    Issue::new("REQUEST_TIME_ORDER", path, zh.to_string(), en.to_string())
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
        issues.push(Issue::new("REQUEST_LINES_EMPTY", "order.lines", "订单没有商品行", "the order has no lines"));
    }
    if req.items.is_empty() {
        issues.push(Issue::new("REQUEST_ITEMS_EMPTY", "items", "没有要处理的商品", "no items to decide"));
    }
    // Times.
    if let Some(t) = o.invoiced_at {
        if t < o.sold_at {
            issues.push(time_order("order.invoicedAt".into(), "开票时间早于销售时间", "invoiced before it was sold"));
        }
    }
    if let Some(t) = o.signed_at {
        if t < o.sold_at {
            issues.push(time_order("order.signedAt".into(), "签收时间早于销售时间", "signed for before it was sold"));
        }
    }
    if req.now < o.sold_at {
        issues.push(time_order("now".into(), "当前时间早于销售时间", "now is before the sale"));
    } else if o.signed_at.is_some_and(|s| req.now < s) {
        issues.push(time_order("order.signedAt".into(), "签收时间晚于当前时间", "signed for after now"));
    }
    // Lines.
    let mut sum_sub: i64 = 0;
    for (i, l) in o.lines.iter().enumerate() {
        let p = At("order.lines", i);
        if o.lines.iter().take(i).any(|x| x.id == l.id) {
            issues.push(Issue::new(
                "REQUEST_LINE_DUPLICATE",
                format!("{p}.id"),
                format!("商品行 id “{}” 重复", l.id),
                format!("line id \"{}\" appears twice", l.id),
            ));
        }
        if category::lookup(&l.category).is_none() {
            issues.push(Issue::new(
                "REQUEST_CATEGORY_UNKNOWN",
                format!("{p}.category"),
                format!("未知的品类路径“{}”", l.category),
                format!("unknown category path \"{}\"", l.category),
            ));
        }
        if !(1..=MAX_QTY).contains(&l.quantity) {
            issues.push(Issue::new(
                "REQUEST_QUANTITY_INVALID",
                format!("{p}.quantity"),
                "数量应为 1 到 1000000 之间的整数",
                "quantity must be between 1 and 1000000",
            ));
            continue;
        }
        if !(0..=l.quantity).contains(&l.returned_quantity) {
            issues.push(Issue::new(
                "REQUEST_QUANTITY_EXCEEDS",
                format!("{p}.returnedQuantity"),
                format!("已退数量 {} 超出购买数量 {}", l.returned_quantity, l.quantity),
                format!("returned quantity {} is outside 0..{} bought", l.returned_quantity, l.quantity),
            ));
        }
        if !(0..=money_limit).contains(&l.unit_price_fen) {
            issues.push(neg(format!("{p}.unitPriceFen")));
            continue;
        }
        if l.gift_value_fen < 0 || l.gift_value_fen > money_limit {
            issues.push(neg(format!("{p}.giftValueFen")));
        }
        let list = l.unit_price_fen.saturating_mul(l.quantity);
        if list > money_limit {
            issues.push(Issue::new(
                "AMOUNT_OUT_OF_RANGE",
                format!("{p}.unitPriceFen"),
                "单价 × 数量超出允许范围（100 亿元）",
                "unit price × quantity is beyond the allowed range (¥10 billion)",
            ));
            continue;
        }
        let sub = l.paid_fen.unwrap_or(list);
        if sub < 0 {
            issues.push(neg(format!("{p}.paidFen")));
            continue;
        }
        if sub > list {
            issues.push(Issue::new(
                "REQUEST_LINE_PAID_EXCEEDS",
                format!("{p}.paidFen"),
                format!("实付 {sub} 分超过标价合计 {list} 分（{} × {}）", l.unit_price_fen, l.quantity),
                format!("paid {sub} fen exceeds the list amount {list} fen ({} × {})", l.unit_price_fen, l.quantity),
            ));
        }
        if let Some(g) = &l.gift_of {
            if !o.lines.iter().any(|x| &x.id == g && x.gift_of.is_none()) {
                issues.push(Issue::new(
                    "REQUEST_LINE_UNKNOWN",
                    format!("{p}.giftOf"),
                    format!("赠品所属的商品行“{g}”不在订单中"),
                    format!("the gift's main line \"{g}\" is not in the order"),
                ));
            }
        }
        sum_sub = sum_sub.saturating_add(sub);
    }
    if !(0..=money_limit).contains(&o.shipping_fen) {
        issues.push(neg("order.shippingFen".into()));
    }
    for (j, pay) in o.payments.iter().enumerate() {
        if pay.amount_fen < 0 || pay.amount_fen > money_limit {
            issues.push(neg(format!("order.payments[{j}].amountFen")));
        }
        if pay.refunded_fen < 0 || pay.refunded_fen > pay.amount_fen {
            issues.push(Issue::new(
                "REQUEST_REFUNDED_EXCEEDS",
                format!("order.payments[{j}].refundedFen"),
                "已退款金额应在 0 与支付金额之间",
                "refundedFen must be between 0 and the amount paid",
            ));
        }
    }
    // Items.
    let mut item_line = Vec::with_capacity(req.items.len());
    for (k, it) in req.items.iter().enumerate() {
        let p = At("items", k);
        let Some(li) = o.lines.iter().position(|l| l.id == it.line_id) else {
            issues.push(Issue::new(
                "REQUEST_LINE_UNKNOWN",
                format!("{p}.lineId"),
                format!("商品行“{}”不在订单中", it.line_id),
                format!("line \"{}\" is not in the order", it.line_id),
            ));
            continue;
        };
        item_line.push(li);
        if req.items.iter().take(k).any(|x| x.line_id == it.line_id) {
            issues.push(Issue::new(
                "REQUEST_ITEM_DUPLICATE",
                format!("{p}.lineId"),
                format!("商品行“{}”出现了两次；请合并数量", it.line_id),
                format!("line \"{}\" is listed twice; merge the quantities", it.line_id),
            ));
        }
        if let Some(l) = o.lines.get(li) {
            let left = l.quantity - l.returned_quantity;
            if it.quantity < 1 {
                issues.push(Issue::new(
                    "REQUEST_QUANTITY_INVALID",
                    format!("{p}.quantity"),
                    "数量至少为 1",
                    "quantity must be at least 1",
                ));
            } else if it.quantity > left {
                issues.push(Issue::new(
                    "REQUEST_QUANTITY_EXCEEDS",
                    format!("{p}.quantity"),
                    format!(
                        "退回 {} 件，超过可退的 {left} 件（购买 {}，已退 {}）",
                        it.quantity, l.quantity, l.returned_quantity
                    ),
                    format!(
                        "{} units exceed the {left} returnable (bought {}, already returned {})",
                        it.quantity, l.quantity, l.returned_quantity
                    ),
                ));
            }
        }
        if let Some(handed) = it.returned_at {
            if o.signed_at.is_some_and(|s| handed < s) {
                issues.push(time_order(
                    format!("{p}.returnedAt"),
                    "退回时间早于签收时间",
                    "returned before it was delivered",
                ));
            } else if handed < o.sold_at {
                issues.push(time_order(
                    format!("{p}.returnedAt"),
                    "退回时间早于销售时间",
                    "returned before it was sold",
                ));
            }
            if handed > req.now {
                issues.push(time_order(format!("{p}.returnedAt"), "退回时间晚于当前时间", "returned after now"));
            }
        }
        if let Some(f) = it.fault_at {
            if f < o.sold_at || f > req.now {
                issues.push(time_order(
                    format!("{p}.faultAt"),
                    "故障时间应在销售时间与当前时间之间",
                    "the fault time must lie between the sale and now",
                ));
            }
        }
        if let Some(x) = &it.exchange_for {
            if !(0..=money_limit).contains(&x.unit_price_fen) {
                issues.push(neg(format!("{p}.exchangeFor.unitPriceFen")));
            }
        }
    }
    if !issues.is_empty() {
        return issues.finish(Checked { money: Vec::new(), item_line, categories: Vec::new() });
    }
    // Money: discounts, then points, each by largest remainder.
    let subs: Vec<i64> = o.lines.iter().map(|l| l.paid_fen.unwrap_or(l.unit_price_fen * l.quantity)).collect();
    let mut money: Vec<LineMoney> = subs
        .iter()
        .map(|s| LineMoney { sub: *s, per_discount: vec![0; o.discounts.len()], ..LineMoney::default() })
        .collect();
    for (d, disc) in o.discounts.iter().enumerate() {
        let p = At("order.discounts", d);
        if disc.amount_fen < 0 || disc.amount_fen > money_limit {
            issues.push(neg(format!("{p}.amountFen")));
            continue;
        }
        let mut weights = subs.clone();
        if let Some(ids) = &disc.lines {
            let mut unknown = false;
            for (k, id) in ids.iter().enumerate() {
                if !o.lines.iter().any(|l| &l.id == id) {
                    unknown = true;
                    issues.push(Issue::new(
                        "REQUEST_LINE_UNKNOWN",
                        format!("{p}.lines[{k}]"),
                        format!("优惠适用的商品行“{id}”不在订单中"),
                        format!("discount line \"{id}\" is not in the order"),
                    ));
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
            issues.push(Issue::new(
                "REQUEST_DISCOUNT_EXCEEDS",
                format!("{p}.amountFen"),
                format!("优惠 {} 分超过适用商品金额 {eligible} 分", disc.amount_fen),
                format!("discount {} fen exceeds the {eligible} fen of lines it applies to", disc.amount_fen),
            ));
            continue;
        }
        if let Some(t) = disc.threshold_fen {
            if eligible < t {
                issues.push(Issue::new(
                    "REQUEST_THRESHOLD_NOT_MET",
                    format!("{p}.thresholdFen"),
                    format!("适用商品金额 {eligible} 分未达到门槛 {t} 分，订单中不应有此优惠"),
                    format!("the lines it applies to total {eligible} fen, below the {t} fen threshold"),
                ));
                continue;
            }
        }
        if disc.amount_fen == 0 {
            continue;
        }
        match crate::split(disc.amount_fen, &weights) {
            Ok(parts) => {
                for (m, part) in money.iter_mut().zip(parts) {
                    m.discount += part;
                    if let Some(slot) = m.per_discount.get_mut(d) {
                        *slot = part;
                    }
                }
            }
            Err(e) => issues.extend_from(e, &p.to_string()),
        }
    }
    for (i, m) in money.iter().enumerate() {
        if m.discount > m.sub {
            issues.push(Issue::new(
                "REQUEST_DISCOUNT_EXCEEDS",
                format!("order.lines[{i}]"),
                format!("分摊到该商品行的优惠 {} 分超过其实付 {} 分", m.discount, m.sub),
                format!("discounts apportioned to this line ({} fen) exceed what it cost ({} fen)", m.discount, m.sub),
            ));
        }
    }
    if !issues.is_empty() {
        return issues.finish(Checked { money, item_line, categories: Vec::new() });
    }
    if let Some(pts) = o.points {
        if pts.points < 0 || pts.value_fen < 0 || pts.value_fen > money_limit {
            issues.push(neg("order.points".into()));
        } else {
            let weights: Vec<i64> = money.iter().map(|m| (m.sub - m.discount).max(0)).collect();
            let left: i64 = weights.iter().sum();
            if pts.value_fen > left {
                issues.push(Issue::new(
                    "REQUEST_DISCOUNT_EXCEEDS",
                    "order.points.valueFen",
                    format!("积分抵扣 {} 分超过优惠后金额 {left} 分", pts.value_fen),
                    format!("points worth {} fen exceed the {left} fen left after discounts", pts.value_fen),
                ));
            } else if left > 0 {
                match (crate::split(pts.value_fen, &weights), crate::split(pts.points, &weights)) {
                    (Ok(v), Ok(n)) => {
                        for ((m, v), n) in money.iter_mut().zip(v).zip(n) {
                            m.points_value = v;
                            m.points = n;
                        }
                    }
                    (Err(e), _) | (_, Err(e)) => issues.extend_from(e, "order.points"),
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
        issues.push(Issue::new(
            "REQUEST_AMOUNTS_MISMATCH",
            "order.payments",
            format!(
                "金额对不上：商品实付 {sum_sub} 分 − 优惠 − 积分 + 运费 {} 分 = {due} 分，但支付合计 {paid} 分",
                o.shipping_fen
            ),
            format!(
                "amounts do not add up: lines {sum_sub} fen − discounts − points + shipping {} fen = {due} fen, but payments total {paid} fen",
                o.shipping_fen
            ),
        ));
    }
    let categories = o.lines.iter().filter_map(|l| category::lookup(&l.category)).collect();
    issues.finish(Checked { money, item_line, categories })
}

trait ExtendFrom {
    fn extend_from(&mut self, e: crate::Error, prefix: &str);
}

impl ExtendFrom for Issues {
    fn extend_from(&mut self, e: crate::Error, prefix: &str) {
        let _ = self.take::<()>(Err(e), prefix);
    }
}
