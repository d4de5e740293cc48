//! Earning: points per line and per order, with a readable breakdown and the date they become available.

use super::doc::{parse_hhmm, weekday_number, BirthdayMatch, Combine, RoundMode, RoundScope, RuleDoc};
use super::ledger::{Event, EventKind};
use super::ratio::{to_i64, Q};
use super::{localize_all, Member, Program, Reason};
use crate::error::{Issue, Issues, Locale};
use crate::{Date, Result, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An order as the till or the app sees it: net paid amounts per line (after discounts and coupons).
///
/// # Example
/// ```
/// let o: mallcare::points::Order = serde_json::from_str(
///     r#"{ "id": "SO-1", "store": "SH01", "channel": "pos",
///          "lines": [ { "sku": "A1", "category": "cosmetics", "brand": "L", "paidFen": 12800 } ] }"#).unwrap();
/// assert_eq!(o.lines[0].paid_fen, 12800);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Order {
    /// Order id; becomes the `ref` of the ledger events.
    #[serde(default)]
    pub id: Option<String>,
    /// Store code, for store campaigns.
    #[serde(default)]
    pub store: Option<String>,
    /// Sales channel (`pos`, `app`, `miniProgram`, ...), for channel campaigns.
    #[serde(default)]
    pub channel: Option<String>,
    /// The lines.
    pub lines: Vec<Line>,
}

/// One order line.
///
/// # Example
/// ```
/// let l: mallcare::points::Line = serde_json::from_str(r#"{ "paidFen": 100, "pendingUntil": "2026-05-08" }"#).unwrap();
/// assert_eq!(l.pending_until.unwrap().to_string(), "2026-05-08");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Line {
    /// Line id (echoed).
    #[serde(default)]
    pub id: Option<String>,
    /// SKU, for SKU rules and exclusions.
    #[serde(default)]
    pub sku: Option<String>,
    /// Category (`giftCard`, `tobacco`, `deposit`, `serviceFee`, `cosmetics`, ...).
    #[serde(default)]
    pub category: Option<String>,
    /// Brand.
    #[serde(default)]
    pub brand: Option<String>,
    /// Net amount paid in money for this line, after discounts and coupons, in fen. Points used as payment are
    /// not part of it and earn nothing.
    pub paid_fen: i64,
    /// Points that paid for part of this line (returned as points on a refund).
    #[serde(default)]
    pub points_paid: i64,
    /// Last day of this line's return window (from the eligibility pillar's decision); points stay pending
    /// through that day. Without it the program's `earning.pendingDays` applies.
    #[serde(default)]
    pub pending_until: Option<Date>,
}

/// Points one rule gave (negative for caps).
///
/// # Example
/// ```
/// let g = mallcare::points::RuleGain { rule_id: "base".into(), name: None, points: 328 };
/// assert_eq!(serde_json::to_value(&g).unwrap()["ruleId"], "base");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleGain {
    /// `base`, a rule id, `tier:<id>`, `cap:perOrder` or `cap:perDay`.
    pub rule_id: String,
    /// The rule's name from the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Points (negative for a cap).
    pub points: i64,
}

/// Points of one line.
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let p = Program::load(r#"{"version":"1"}"#).unwrap();
/// let o: Order = serde_json::from_str(r#"{"lines":[{"paidFen":1999}]}"#).unwrap();
/// let r = p.earn(&o, &Member::default(), mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap()).unwrap();
/// assert_eq!(r.lines[0].points, 19);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnLine {
    /// Index in `order.lines`.
    pub index: usize,
    /// Line id, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Net paid, echoed.
    pub paid_fen: i64,
    /// Points that paid for the line, echoed.
    pub points_paid: i64,
    /// Points this line earns (its share of order bonuses and caps included).
    pub points: i64,
    /// Why the line earns nothing (`category:giftCard`, `sku:…`, `brand:…`), if excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<String>,
    /// Last pending day (end of the return window), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_until: Option<Date>,
    /// First day the points can be spent.
    pub available_on: Date,
    /// Which rules gave what on this line.
    pub rules: Vec<RuleGain>,
}

/// The answer of [`Program::earn`].
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let p = Program::load(r#"{"version":"1"}"#).unwrap();
/// let o: Order = serde_json::from_str(r#"{"id":"A","lines":[{"paidFen":1000},{"paidFen":2050}]}"#).unwrap();
/// let r = p.earn(&o, &Member::default(), mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap()).unwrap();
/// assert_eq!(r.points, 30); // order rounding: floor(30.5)
/// assert_eq!(r.events.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnResult {
    /// The program's version.
    pub program_version: String,
    /// The program's fingerprint.
    pub fingerprint: String,
    /// The order id, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// When the order was paid.
    pub at: Timestamp,
    /// Total points.
    pub points: i64,
    /// Net paid on lines that can earn (not excluded).
    pub eligible_fen: i64,
    /// Per line.
    pub lines: Vec<EarnLine>,
    /// Per rule, over the whole order (sums to `points`).
    pub breakdown: Vec<RuleGain>,
    /// Notes: minimum spend not met, caps applied.
    pub notes: Vec<Reason>,
    /// Ledger events to append (one `earn` per availability date).
    pub events: Vec<Event>,
}

impl EarnResult {
    /// The same answer with its notes in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// # use mallcare::points::*;
    /// let p = Program::load(r#"{"version":"1","earning":{"minimumSpendFen":1000}}"#).unwrap();
    /// let o: Order = serde_json::from_str(r#"{"lines":[{"paidFen":500}]}"#).unwrap();
    /// let at = mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
    /// let r = p.earn(&o, &Member::default(), at).unwrap().localize(mallcare::Locale::En);
    /// assert!(r.notes[0].message().contains("minimum"));
    /// ```
    pub fn localize(mut self, locale: Locale) -> EarnResult {
        localize_all(&mut self.notes, locale);
        self
    }
}

struct Column {
    id: String,
    name: Option<String>,
    applied: bool,
}

fn birthday_matches(birthday: Date, today: Date, mode: BirthdayMatch) -> bool {
    if birthday.month() != today.month() {
        return false;
    }
    match mode {
        BirthdayMatch::Month => true,
        BirthdayMatch::Day => {
            if birthday.day() == today.day() {
                return true;
            }
            // 29 February outside leap years: celebrated on 28 February.
            birthday.month() == 2
                && birthday.day() == 29
                && today.day() == 28
                && today.add_days(1).is_ok_and(|d| d.month() == 3)
        }
    }
}

struct Ctx<'a> {
    at: Timestamp,
    date: Date,
    minute: u32,
    weekday: u8,
    tier: &'a str,
    member: &'a Member,
    order: &'a Order,
    eligible_fen: i64,
}

fn contains(list: &[String], v: Option<&String>) -> bool {
    list.is_empty() || v.is_some_and(|v| list.contains(v))
}

fn order_ok(r: &RuleDoc, c: &Ctx<'_>) -> bool {
    let w = &r.when;
    if w.from.is_some_and(|f| c.date < f) || w.to.is_some_and(|t| c.date > t) {
        return false;
    }
    if !w.weekdays.is_empty() && !w.weekdays.contains(&c.weekday) {
        return false;
    }
    if let Some(Some(f)) = w.time_from.as_deref().map(parse_hhmm) {
        if c.minute < f {
            return false;
        }
    }
    if let Some(Some(t)) = w.time_to.as_deref().map(parse_hhmm) {
        if c.minute >= t {
            return false;
        }
    }
    if !contains(&w.stores, c.order.store.as_ref()) || !contains(&w.channels, c.order.channel.as_ref()) {
        return false;
    }
    if !w.tiers.is_empty() && !w.tiers.iter().any(|t| t == c.tier) {
        return false;
    }
    if let Some(mode) = w.birthday {
        if !c.member.birthday.is_some_and(|b| birthday_matches(b, c.date, mode)) {
            return false;
        }
    }
    if let Some(fp) = w.first_purchase {
        if fp != c.member.first_purchase {
            return false;
        }
    }
    if w.min_order_fen.is_some_and(|m| c.eligible_fen < m) {
        return false;
    }
    let _ = c.at;
    true
}

fn line_ok(r: &RuleDoc, l: &Line) -> bool {
    let w = &r.when;
    contains(&w.categories, l.category.as_ref())
        && contains(&w.brands, l.brand.as_ref())
        && contains(&w.skus, l.sku.as_ref())
}

/// Keeps what applies among matched rules: an exclusive rule drops every other rule of equal or lower
/// priority; among `bestOf` rules only the largest survives. Returns rule indices in application order
/// (priority descending, then document order).
fn resolve(rules: &[RuleDoc], matched: &mut Vec<usize>, value: impl Fn(&RuleDoc) -> i64) {
    let get = |i: &usize| rules.get(*i);
    let top_exclusive = matched
        .iter()
        .filter_map(|i| get(i).map(|r| (i, r)))
        .filter(|(_, r)| r.combine == Combine::Exclusive)
        .max_by(|a, b| a.1.priority.cmp(&b.1.priority).then(b.0.cmp(a.0)))
        .map(|(i, r)| (*i, r.priority));
    if let Some((ex, p)) = top_exclusive {
        matched.retain(|i| *i == ex || get(i).is_some_and(|r| r.priority > p && r.combine != Combine::Exclusive));
    }
    let best = matched
        .iter()
        .filter_map(|i| get(i).map(|r| (*i, r)))
        .filter(|(_, r)| r.combine == Combine::BestOf)
        .max_by(|a, b| value(a.1).cmp(&value(b.1)).then(a.1.priority.cmp(&b.1.priority)).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i);
    matched.retain(|i| get(i).is_some_and(|r| r.combine != Combine::BestOf) || Some(*i) == best);
    matched.sort_by(|a, b| {
        let pa = get(a).map_or(0, |r| r.priority);
        let pb = get(b).map_or(0, |r| r.priority);
        pb.cmp(&pa).then(a.cmp(b))
    });
}

fn round(q: Q, mode: RoundMode) -> Result<i128> {
    match mode {
        RoundMode::Floor => Ok(q.floor()),
        RoundMode::Round => q.round_half_up(),
    }
}

/// Gives `target` whole points over exact `parts` by largest remainder: floors first, then one point each to the
/// largest fractional parts (ties to the earlier part); a negative leftover takes from the smallest.
fn apportion(target: i128, parts: &[Q]) -> Vec<i128> {
    let mut out: Vec<i128> = parts.iter().map(|q| q.floor()).collect();
    let mut leftover = target - out.iter().sum::<i128>();
    if leftover == 0 || parts.is_empty() {
        return out;
    }
    let n = i128::try_from(parts.len()).unwrap_or(1).max(1);
    // Whole rounds first (never needed for valid input, but keeps this total), then the remainder.
    let rounds = leftover.div_euclid(n);
    if rounds != 0 {
        for v in &mut out {
            *v += rounds;
        }
        leftover -= rounds * n;
    }
    let mut order: Vec<(Q, usize)> = parts.iter().map(|q| q.frac()).zip(0..).collect();
    order.sort_by(|a, b| b.0.cmp(a.0).then(a.1.cmp(&b.1)));
    for (_, i) in order.iter().take(usize::try_from(leftover).unwrap_or(0)) {
        if let Some(v) = out.get_mut(*i) {
            *v += 1;
        }
    }
    out
}

/// Reduces `values` (whole points) by `excess` in proportion to their positive parts (largest remainder).
fn reduce(values: &mut [i64], excess: i64) -> Result<()> {
    let weights: Vec<i64> = values.iter().map(|v| (*v).max(0)).collect();
    if excess <= 0 || weights.iter().all(|w| *w == 0) {
        return Ok(());
    }
    let cut = crate::split(excess, &weights)?;
    for (v, c) in values.iter_mut().zip(cut) {
        *v -= c;
    }
    Ok(())
}

impl Program {
    /// Points an order earns: per line and in total, which rules gave what, and when they become available.
    ///
    /// How it works (all exact, no floats): each line that is not excluded starts from the base rate on its net
    /// paid amount; the multiplier rules that match it are resolved (an `exclusive` rule silences every rule of
    /// equal or lower priority, only the best `bestOf` rule survives) and applied by descending priority
    /// (`add`/`bestOf`/`exclusive`: + base × (m − 100)%; `multiply`: × m%); then the tier's
    /// `pointsMultiplierPercent` multiplies the result. Bonus rules (`bonusPoints`) are resolved the same way and
    /// shared over the lines they match by net paid (largest remainder). Rounding is per line or once per order as
    /// the document says; caps per rule, per order and per day are applied last, taken from lines in proportion.
    ///
    /// Points of a line stay pending through `pendingUntil` (the return window's last day; give it from the
    /// eligibility decision) or, without it, for `earning.pendingDays` days.
    ///
    /// # Errors
    /// `POINTS_ORDER_EMPTY`, `POINTS_AMOUNT_NEGATIVE` (`order.lines[i].paidFen`), `POINTS_PENDING_BEFORE_SALE`,
    /// `POINTS_TIER_UNKNOWN` (`member.tier`), `POINTS_VALUE_NEGATIVE`, `POINTS_OVERFLOW`; all at once.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Member, Order, Program};
    /// let p = Program::load(r#"{ "version": "1", "earning": { "rules": [
    ///   { "id": "tue2x", "name": "周二双倍", "priority": 10, "combine": "multiply",
    ///     "multiplierPercent": 200, "when": { "weekdays": [2] } } ] } }"#).unwrap();
    /// let o: Order = serde_json::from_str(r#"{ "lines": [ { "paidFen": 10000 } ] }"#).unwrap();
    /// let tuesday = mallcare::Timestamp::parse("2026-05-05T10:00:00+08:00").unwrap();
    /// let r = p.earn(&o, &Member::default(), tuesday).unwrap();
    /// assert_eq!(r.points, 200);
    /// assert_eq!(r.breakdown[1].rule_id, "tue2x");
    /// assert_eq!(r.breakdown[1].points, 100);
    /// ```
    pub fn earn(&self, order: &Order, member: &Member, at: Timestamp) -> Result<EarnResult> {
        let e = &self.doc.earning;
        let date = at.date();
        let mut issues = Issues::default();
        let tier = issues.take(self.member_tier(member, "member.tier"), "");
        if order.lines.is_empty() {
            issues.push(Issue::new("POINTS_ORDER_EMPTY", "order.lines", "订单没有商品行", "the order has no lines"));
        }
        for (i, l) in order.lines.iter().enumerate() {
            if l.paid_fen < 0 || l.paid_fen > crate::money::MAX_FEN {
                issues.push(Issue::new(
                    "POINTS_AMOUNT_NEGATIVE",
                    format!("order.lines[{i}].paidFen"),
                    "实付金额不能为负数（退货请用 clawback）",
                    "a paid amount must not be negative (use clawback for returns)",
                ));
            }
            if l.points_paid < 0 {
                issues.push(Issue::new(
                    "POINTS_VALUE_NEGATIVE",
                    format!("order.lines[{i}].pointsPaid"),
                    "该值不能为负数",
                    "this value must not be negative",
                ));
            }
            if let Some(p) = l.pending_until {
                if p < date {
                    issues.push(Issue::new(
                        "POINTS_PENDING_BEFORE_SALE",
                        format!("order.lines[{i}].pendingUntil"),
                        format!("退货期截止日 {p} 早于销售日期 {date}"),
                        format!("the return window ends ({p}) before the sale date ({date})"),
                    ));
                }
            }
        }
        if member.points_earned_today < 0 {
            issues.push(Issue::new(
                "POINTS_VALUE_NEGATIVE",
                "member.pointsEarnedToday",
                "该值不能为负数",
                "this value must not be negative",
            ));
        }
        let Some(tier) = tier.filter(|_| issues.is_empty()) else {
            return Err(crate::Error::new(issues.into_vec()));
        };

        let excluded: Vec<Option<String>> = order.lines.iter().map(|l| self.exclusion(l)).collect();
        let eligible_fen: i64 =
            order.lines.iter().zip(&excluded).filter(|(_, x)| x.is_none()).map(|(l, _)| l.paid_fen).sum();
        let ctx = Ctx {
            at,
            date,
            minute: at.minute_of_day(),
            weekday: weekday_number(date.weekday()),
            tier,
            member,
            order,
            eligible_fen,
        };
        let mut notes = Vec::new();
        let below_min = eligible_fen < e.minimum_spend_fen;
        if below_min {
            notes.push(Reason::new(
                "POINTS_BELOW_MINIMUM_SPEND",
                "",
                format!("可积分金额 {} 分未达最低消费 {} 分，本单不积分", eligible_fen, e.minimum_spend_fen),
                format!(
                    "the eligible amount ({eligible_fen} fen) is below the minimum spend ({} fen): no points",
                    e.minimum_spend_fen
                ),
            ));
        }

        // Columns: base, every rule (document order), the tier multiplier.
        let mut cols: Vec<Column> = Vec::with_capacity(e.rules.len() + 2);
        cols.push(Column { id: "base".into(), name: None, applied: false });
        for r in &e.rules {
            cols.push(Column { id: r.id.clone(), name: r.name.clone(), applied: false });
        }
        let tier_col = cols.len();
        let tier_mult = self.benefits_doc(tier).and_then(|b| b.points_multiplier_percent).filter(|m| *m != 100);
        cols.push(Column { id: format!("tier:{tier}"), name: None, applied: false });
        let ncols = cols.len();
        let nlines = order.lines.len();
        let mut exact = vec![Q::ZERO; nlines * ncols];

        let order_rules: Vec<bool> = e.rules.iter().map(|r| order_ok(r, &ctx)).collect();
        let denom = e.rate.per_yuan.checked_mul(100).ok_or_else(super::ratio::overflow)?;
        if !below_min {
            let mut matched: Vec<usize> = Vec::with_capacity(e.rules.len());
            for (li, l) in order.lines.iter().enumerate() {
                if excluded.get(li).is_some_and(Option::is_some) {
                    continue;
                }
                let row = exact.get_mut(li * ncols..(li + 1) * ncols).unwrap_or_default();
                let base = Q::int(l.paid_fen).scale(e.rate.points, denom)?;
                let mut v = base;
                if let Some(c) = row.first_mut() {
                    *c = base;
                }
                matched.clear();
                matched.extend(
                    e.rules
                        .iter()
                        .enumerate()
                        .filter(|(ri, r)| {
                            r.multiplier_percent.is_some()
                                && order_rules.get(*ri).copied().unwrap_or(false)
                                && line_ok(r, l)
                        })
                        .map(|(ri, _)| ri),
                );
                resolve(&e.rules, &mut matched, |r| r.multiplier_percent.unwrap_or(0));
                for &ri in &matched {
                    let Some(r) = e.rules.get(ri) else { continue };
                    let m = r.multiplier_percent.unwrap_or(100);
                    let before = v;
                    v = match r.combine {
                        Combine::Multiply => v.scale(m, 100)?,
                        _ => v.add(base.scale(m - 100, 100)?)?,
                    };
                    if !v.is_positive() {
                        v = Q::ZERO;
                    }
                    if let Some(c) = row.get_mut(ri + 1) {
                        *c = v.sub(before)?;
                    }
                    if let Some(c) = cols.get_mut(ri + 1) {
                        c.applied = true;
                    }
                }
                if let Some(m) = tier_mult {
                    let after = v.scale(m, 100)?;
                    if let Some(c) = row.get_mut(tier_col) {
                        *c = after.sub(v)?;
                    }
                    if let Some(c) = cols.get_mut(tier_col) {
                        c.applied = true;
                    }
                }
            }
            // Order bonuses, shared over the lines they match by net paid.
            let mut matched: Vec<usize> = e
                .rules
                .iter()
                .enumerate()
                .filter(|(ri, r)| {
                    r.bonus_points.is_some()
                        && order_rules.get(*ri).copied().unwrap_or(false)
                        && order.lines.iter().zip(&excluded).any(|(l, x)| x.is_none() && line_ok(r, l))
                })
                .map(|(ri, _)| ri)
                .collect();
            resolve(&e.rules, &mut matched, |r| r.bonus_points.unwrap_or(0));
            for &ri in &matched {
                let Some(r) = e.rules.get(ri) else { continue };
                let targets: Vec<usize> = (0..nlines)
                    .filter(|li| {
                        excluded.get(*li).is_some_and(Option::is_none)
                            && order.lines.get(*li).is_some_and(|l| line_ok(r, l))
                    })
                    .collect();
                let mut weights: Vec<i64> =
                    targets.iter().map(|li| order.lines.get(*li).map_or(0, |l| l.paid_fen)).collect();
                if weights.iter().all(|w| *w == 0) {
                    weights = vec![1; targets.len()];
                }
                let shares = crate::split(r.bonus_points.unwrap_or(0), &weights)?;
                for (li, s) in targets.iter().zip(shares) {
                    if let Some(c) = exact.get_mut(li * ncols + ri + 1) {
                        *c = Q::int(s);
                    }
                }
                if let Some(c) = cols.get_mut(ri + 1) {
                    c.applied = true;
                }
            }
        }
        if !below_min {
            if let Some(c) = cols.first_mut() {
                c.applied = true;
            }
        }

        // Whole points, line by column.
        let mode = e.rounding.mode;
        let mut grid = vec![0i64; nlines * ncols];
        match e.rounding.scope {
            RoundScope::Line => {
                for li in 0..nlines {
                    let mut prefix = Q::ZERO;
                    let mut prev = 0i128;
                    for k in 0..ncols {
                        if !cols.get(k).is_some_and(|c| c.applied) {
                            continue;
                        }
                        let q = exact.get(li * ncols + k).copied().unwrap_or(Q::ZERO);
                        prefix = prefix.add(q)?;
                        let r = round(prefix, mode)?;
                        if let Some(g) = grid.get_mut(li * ncols + k) {
                            *g = to_i64(r - prev)?;
                        }
                        prev = r;
                    }
                }
            }
            RoundScope::Order => {
                let mut prefix = Q::ZERO;
                let mut prev = 0i128;
                for k in 0..ncols {
                    if !cols.get(k).is_some_and(|c| c.applied) {
                        continue;
                    }
                    let column: Vec<Q> =
                        (0..nlines).map(|li| exact.get(li * ncols + k).copied().unwrap_or(Q::ZERO)).collect();
                    let mut sum = Q::ZERO;
                    for q in &column {
                        sum = sum.add(*q)?;
                    }
                    prefix = prefix.add(sum)?;
                    let r = round(prefix, mode)?;
                    for (li, v) in apportion(r - prev, &column).into_iter().enumerate() {
                        if let Some(g) = grid.get_mut(li * ncols + k) {
                            *g = to_i64(v)?;
                        }
                    }
                    prev = r;
                }
            }
        }

        // Caps per rule (per order, and what is left of a per-member campaign cap).
        for (ri, r) in e.rules.iter().enumerate() {
            let left = r.cap_per_member.map(|c| (c - member.campaign_points.get(&r.id).copied().unwrap_or(0)).max(0));
            let cap = match (r.cap_per_order, left) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let Some(cap) = cap else { continue };
            let k = ri + 1;
            let mut column: Vec<i64> = (0..nlines).map(|li| grid.get(li * ncols + k).copied().unwrap_or(0)).collect();
            let total: i64 = column.iter().sum();
            if total > cap {
                reduce(&mut column, total - cap)?;
                for (li, v) in column.into_iter().enumerate() {
                    if let Some(g) = grid.get_mut(li * ncols + k) {
                        *g = v;
                    }
                }
                notes.push(Reason::new(
                    "POINTS_RULE_CAPPED",
                    format!("earning.rules[{ri}]"),
                    format!("规则“{}”封顶 {cap} 分（原应得 {total} 分）", r.id),
                    format!("rule \"{}\" is capped at {cap} points (would give {total})", r.id),
                ));
            }
        }
        let mut line_totals: Vec<i64> =
            (0..nlines).map(|li| grid.get(li * ncols..(li + 1) * ncols).map_or(0, |row| row.iter().sum())).collect();
        let total: i64 = line_totals.iter().sum();
        let day_left = e.caps.per_day.map(|c| (c - member.points_earned_today).max(0));
        let order_cap = match (e.caps.per_order, day_left) {
            (Some(a), Some(b)) if b < a => Some((b, "perDay")),
            (Some(a), _) => Some((a, "perOrder")),
            (None, Some(b)) => Some((b, "perDay")),
            (None, None) => None,
        };
        let mut cap_col: Option<(String, Vec<i64>)> = None;
        if let Some((cap, which)) = order_cap {
            if total > cap {
                let before = line_totals.clone();
                reduce(&mut line_totals, total - cap)?;
                let cut: Vec<i64> = line_totals.iter().zip(&before).map(|(a, b)| a - b).collect();
                cap_col = Some((format!("cap:{which}"), cut));
                let (zh, en) = if which == "perDay" {
                    (
                        format!(
                            "每日积分上限 {}，今日已得 {}",
                            e.caps.per_day.unwrap_or(0),
                            member.points_earned_today
                        ),
                        format!(
                            "daily cap of {} points, {} already earned today",
                            e.caps.per_day.unwrap_or(0),
                            member.points_earned_today
                        ),
                    )
                } else {
                    (format!("每单积分上限 {cap}"), format!("per-order cap of {cap} points"))
                };
                notes.push(Reason::new(
                    if which == "perDay" { "POINTS_DAY_CAPPED" } else { "POINTS_ORDER_CAPPED" },
                    format!("earning.caps.{which}"),
                    format!("{zh}：本单由 {total} 分减为 {cap} 分"),
                    format!("{en}: this order earns {cap} instead of {total}"),
                ));
            }
        }

        // Answer.
        let mut lines = Vec::with_capacity(nlines);
        let mut by_day: BTreeMap<Date, i64> = BTreeMap::new();
        for (li, l) in order.lines.iter().enumerate() {
            let (pending_until, available_on) = match l.pending_until {
                Some(p) => (Some(p), p.add_days(1)?),
                None if e.pending_days > 0 => {
                    let a = date.add_days(e.pending_days)?;
                    (Some(a.add_days(-1)?), a)
                }
                None => (None, date),
            };
            let mut rules = Vec::new();
            for (k, c) in cols.iter().enumerate() {
                let p = grid.get(li * ncols + k).copied().unwrap_or(0);
                if c.applied && (p != 0 || k == 0) && excluded.get(li).is_some_and(Option::is_none) {
                    rules.push(RuleGain { rule_id: c.id.clone(), name: c.name.clone(), points: p });
                }
            }
            if let Some((id, cut)) = &cap_col {
                if let Some(p) = cut.get(li).filter(|p| **p != 0) {
                    rules.push(RuleGain { rule_id: id.clone(), name: None, points: *p });
                }
            }
            let points = line_totals.get(li).copied().unwrap_or(0);
            if points != 0 {
                *by_day.entry(available_on).or_insert(0) += points;
            }
            lines.push(EarnLine {
                index: li,
                id: l.id.clone(),
                paid_fen: l.paid_fen,
                points_paid: l.points_paid,
                points,
                excluded: excluded.get(li).cloned().flatten(),
                pending_until,
                available_on,
                rules,
            });
        }
        let mut breakdown = Vec::new();
        for (k, c) in cols.iter().enumerate() {
            if c.applied {
                let p = (0..nlines).map(|li| grid.get(li * ncols + k).copied().unwrap_or(0)).sum();
                breakdown.push(RuleGain { rule_id: c.id.clone(), name: c.name.clone(), points: p });
            }
        }
        if let Some((id, cut)) = cap_col {
            breakdown.push(RuleGain { rule_id: id, name: None, points: cut.iter().sum() });
        }
        let events = by_day
            .into_iter()
            .map(|(day, points)| Event {
                kind: EventKind::Earn,
                at,
                points,
                available_on: Some(day),
                expires_on: None,
                reference: order.id.clone(),
                note: None,
            })
            .collect();
        Ok(EarnResult {
            program_version: self.doc.version.clone(),
            fingerprint: self.fingerprint.clone(),
            order_id: order.id.clone(),
            at,
            points: line_totals.iter().sum(),
            eligible_fen,
            lines,
            breakdown,
            notes,
            events,
        })
    }

    fn exclusion(&self, l: &Line) -> Option<String> {
        let x = &self.doc.earning.exclusions;
        if let Some(c) = l.category.as_ref().filter(|c| x.categories.contains(c)) {
            return Some(format!("category:{c}"));
        }
        if let Some(b) = l.brand.as_ref().filter(|b| x.brands.contains(b)) {
            return Some(format!("brand:{b}"));
        }
        l.sku.as_ref().filter(|s| x.skus.contains(s)).map(|s| format!("sku:{s}"))
    }
}
