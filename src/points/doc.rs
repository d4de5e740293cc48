//! The program document: what a points program says, as JSON (`camelCase`), and its semantic check.
//!
//! The full format with a worked department-store example is in `docs/points.md`.

use crate::error::{Issue, Issues};
use crate::time::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// The whole program document.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ProgramDoc {
    pub version: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub earning: EarningDoc,
    #[serde(default)]
    pub tiers: Option<TiersDoc>,
    #[serde(default)]
    pub redemption: Option<RedemptionDoc>,
    #[serde(default)]
    pub expiry: ExpiryDoc,
    #[serde(default)]
    pub clawback: ClawbackDoc,
    #[serde(default)]
    pub parking: Option<ParkingDoc>,
}

/// `earning`: base rate, rounding, pending, exclusions, caps and rules.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct EarningDoc {
    #[serde(default)]
    pub rate: Rate,
    #[serde(default)]
    pub rounding: RoundingDoc,
    #[serde(default)]
    pub pending_days: i64,
    #[serde(default)]
    pub minimum_spend_fen: i64,
    #[serde(default)]
    pub exclusions: Exclusions,
    #[serde(default)]
    pub caps: Caps,
    #[serde(default)]
    pub rules: Vec<RuleDoc>,
}

/// `points` per `perYuan` yuan of net paid amount (default 1 point per yuan).
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Rate {
    pub points: i64,
    #[serde(default = "one")]
    pub per_yuan: i64,
}

fn one() -> i64 {
    1
}

impl Default for Rate {
    fn default() -> Self {
        Rate { points: 1, per_yuan: 1 }
    }
}

/// How exact points become whole points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum RoundMode {
    /// Drop the fraction (the common practice: 99.9 yuan earns 99 points).
    #[default]
    Floor,
    /// Half up.
    Round,
}

/// Whether rounding happens on each line or once on the order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum RoundScope {
    /// Each line is rounded on its own.
    Line,
    /// The order total is rounded once; lines share it by largest remainder.
    #[default]
    Order,
}

#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RoundingDoc {
    #[serde(default)]
    pub mode: RoundMode,
    #[serde(default)]
    pub scope: RoundScope,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Exclusions {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub brands: Vec<String>,
    #[serde(default)]
    pub skus: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Caps {
    #[serde(default)]
    pub per_order: Option<i64>,
    #[serde(default)]
    pub per_day: Option<i64>,
}

/// How a rule combines with the others on the same line (or, for bonuses, the same order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Combine {
    Add,
    Multiply,
    BestOf,
    Exclusive,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum BirthdayMatch {
    Day,
    Month,
}

/// One earning rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RuleDoc {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub priority: i64,
    pub combine: Combine,
    #[serde(default)]
    pub when: When,
    #[serde(default)]
    pub multiplier_percent: Option<i64>,
    #[serde(default)]
    pub bonus_points: Option<i64>,
    #[serde(default)]
    pub cap_per_order: Option<i64>,
    #[serde(default)]
    pub cap_per_member: Option<i64>,
}

/// Conditions of a rule; all that are given must hold.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct When {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub brands: Vec<String>,
    #[serde(default)]
    pub skus: Vec<String>,
    #[serde(default)]
    pub tiers: Vec<String>,
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
    #[serde(default)]
    pub weekdays: Vec<u8>,
    #[serde(default)]
    pub time_from: Option<String>,
    #[serde(default)]
    pub time_to: Option<String>,
    #[serde(default)]
    pub stores: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub birthday: Option<BirthdayMatch>,
    #[serde(default)]
    pub first_purchase: Option<bool>,
    #[serde(default)]
    pub min_order_fen: Option<i64>,
}

/// `tiers`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct TiersDoc {
    pub basis: TierBasis,
    pub window: TierWindow,
    pub downgrade: Downgrade,
    pub levels: Vec<LevelDoc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum TierBasis {
    Spend,
    Points,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum TierWindow {
    Rolling12Months,
    CalendarYear,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Downgrade {
    OneStep,
    ToSupported,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct LevelDoc {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub threshold: i64,
    #[serde(default)]
    pub benefits: BenefitsDoc,
}

/// A tier's benefits.
///
/// # Example
/// ```
/// use mallcare::points::{BenefitsDoc, Member, Order, Program};
/// let b: BenefitsDoc =
///     serde_json::from_str(r#"{"pointsMultiplierPercent": 150, "freeParkingMinutes": 120}"#).unwrap();
/// assert_eq!((b.points_multiplier_percent, b.free_parking_minutes), (Some(150), Some(120)));
/// // In a program, a tier's `benefits`: gold members earn 1.5x.
/// let p = Program::load(r#"{ "version": "1", "tiers": {
///     "basis": "spend", "window": "rolling12Months", "downgrade": "oneStep", "levels": [
///     { "id": "base", "threshold": 0 },
///     { "id": "gold", "name": "金卡", "threshold": 2000000,
///       "benefits": { "pointsMultiplierPercent": 150, "freeParkingMinutes": 120 } } ] } }"#).unwrap();
/// let gold = p.benefits("gold").unwrap();
/// assert_eq!((gold.points_multiplier_percent, gold.free_parking_minutes), (150, 120));
/// // Tiers without `benefits` get the defaults.
/// assert_eq!(p.benefits("base").unwrap().points_multiplier_percent, 100);
/// let order: Order = serde_json::from_str(r#"{ "id": "SO-1", "lines": [ { "paidFen": 10000 } ] }"#).unwrap();
/// let member: Member = serde_json::from_str(r#"{ "tier": "gold" }"#).unwrap();
/// let at = mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
/// assert_eq!(p.earn(&order, &member, at).unwrap().points, 150);
/// ```
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenefitsDoc {
    /// Points multiplier applied by `earn` after the rules, in percent (150 = 1.5x); default 100.
    #[serde(default)]
    pub points_multiplier_percent: Option<i64>,
    /// What the member gets on their birthday, as text for people.
    #[serde(default)]
    pub birthday_gift: Option<String>,
    /// Extra days added to the return window (feed it to the eligibility pillar).
    #[serde(default)]
    pub return_window_extra_days: Option<i64>,
    /// Orders at or above this amount ship free.
    #[serde(default)]
    pub free_delivery_threshold_fen: Option<i64>,
    /// Free parking minutes per day.
    #[serde(default)]
    pub free_parking_minutes: Option<i64>,
    /// Invitations to members-only events.
    #[serde(default)]
    pub exclusive_events: Option<bool>,
    /// Other perks, as text for people.
    #[serde(default)]
    pub perks: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RedemptionDoc {
    pub point_value: PointValue,
    #[serde(default)]
    pub minimum_points: i64,
    #[serde(default = "one")]
    pub step_points: i64,
    #[serde(default = "hundred")]
    pub max_percent_of_order: i64,
    #[serde(default)]
    pub catalogue: Vec<RewardDoc>,
}

fn hundred() -> i64 {
    100
}

/// `points` points are worth `fen` fen.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct PointValue {
    pub points: i64,
    pub fen: i64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RewardDoc {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub points: i64,
    #[serde(default)]
    pub tiers: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum ExpiryMode {
    #[default]
    Never,
    AfterDays,
    AfterMonths,
    EndOfMonth,
    EndOfYear,
    EndOfNextYear,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ExpiryDoc {
    #[serde(default)]
    pub mode: ExpiryMode,
    #[serde(default)]
    pub days: Option<i64>,
    #[serde(default)]
    pub months: Option<i64>,
    #[serde(default = "thirty")]
    pub warn_days: i64,
}

fn thirty() -> i64 {
    30
}

impl Default for ExpiryDoc {
    fn default() -> Self {
        ExpiryDoc { mode: ExpiryMode::Never, days: None, months: None, warn_days: 30 }
    }
}

/// What happens when points to take back on a return were already spent.
///
/// # Example
/// ```
/// use mallcare::points::{EarnRecord, Event, Program, Refund, WhenSpent};
/// // 300 points earned on SO-1, 250 of them spent; then line 0 (200 points) is returned in full.
/// let events: Vec<Event> = serde_json::from_str(r#"[
///   { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 300, "ref": "SO-1" },
///   { "type": "redeem", "at": "2026-05-02T10:00:00+08:00", "points": 250 } ]"#).unwrap();
/// let rec: EarnRecord = serde_json::from_str(r#"{ "orderId": "SO-1",
///   "lines": [ { "paidFen": 20000, "points": 200 }, { "paidFen": 10000, "points": 100 } ] }"#).unwrap();
/// let refund: Refund = serde_json::from_str(
///   r#"{ "at": "2026-05-03T10:00:00+08:00", "lines": [ { "line": 0, "all": true } ] }"#).unwrap();
/// let clawback = |when: &str| {
///     let p = Program::load(&format!(r#"{{ "version": "1", "clawback": {{ "whenSpent": "{when}" }},
///         "redemption": {{ "pointValue": {{ "points": 100, "fen": 100 }} }} }}"#)).unwrap();
///     p.clawback(&events, &rec, &refund).unwrap()
/// };
/// // Only 50 are left to take; the other 150 were spent.
/// let c = clawback("allowNegative");
/// assert_eq!((c.policy, c.clawed_points, c.debt_points), (WhenSpent::AllowNegative, 200, 150));
/// let c = clawback("deductFromRefund");
/// assert_eq!((c.cash_deducted_fen, c.net_refund_fen), (150, 19850));
/// let c = clawback("forgive");
/// assert_eq!((c.clawed_points, c.forgiven_points), (50, 150));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WhenSpent {
    /// Take them anyway: the balance goes negative (a debt repaid by future points).
    #[default]
    AllowNegative,
    /// Deduct their cash value (at the redemption rate) from the refund.
    DeductFromRefund,
    /// Let the member keep them.
    Forgive,
}

#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ClawbackDoc {
    #[serde(default)]
    pub when_spent: WhenSpent,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ParkingDoc {
    #[serde(default)]
    pub free_minutes: i64,
    #[serde(default = "sixty")]
    pub unit_minutes: i64,
    pub unit_fen: i64,
    #[serde(default)]
    pub daily_cap_fen: Option<i64>,
    #[serde(default)]
    pub overnight_fen: i64,
    #[serde(default)]
    pub spend_waivers: Vec<SpendWaiver>,
    #[serde(default = "yes")]
    pub pay_with_points: bool,
}

fn sixty() -> i64 {
    60
}

fn yes() -> bool {
    true
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct SpendWaiver {
    pub min_spend_fen: i64,
    pub free_minutes: i64,
}

/// Parses `HH:MM` (00:00-24:00) into minutes past midnight.
pub(crate) fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return None;
    }
    Some(h * 60 + m)
}

pub(crate) fn weekday_number(w: Weekday) -> u8 {
    u8::try_from(w.number_from_monday()).unwrap_or(0)
}

fn non_negative(issues: &mut Issues, v: Option<i64>, path: String) {
    if let Some(x) = v {
        if x < 0 {
            issues.push(Issue::new("POINTS_VALUE_NEGATIVE", path, "该值不能为负数", "this value must not be negative"));
        }
    }
}

fn positive(issues: &mut Issues, v: i64, path: String) {
    if v <= 0 {
        issues.push(Issue::new("POINTS_VALUE_NOT_POSITIVE", path, "该值必须大于零", "this value must be positive"));
    }
}

impl ProgramDoc {
    /// Collects every semantic problem of the document.
    pub(crate) fn check(&self, issues: &mut Issues) {
        if self.version.trim().is_empty() {
            issues.push(Issue::new(
                "POINTS_VERSION_MISSING",
                "version",
                "方案必须写明版本号",
                "the program needs a version",
            ));
        }
        let tier_ids: Vec<&str> = match &self.tiers {
            Some(t) => t.levels.iter().map(|l| l.id.as_str()).collect(),
            None => vec!["base"],
        };
        self.earning.check(&tier_ids, issues);
        if let Some(t) = &self.tiers {
            t.check(issues);
        }
        if let Some(r) = &self.redemption {
            positive(issues, r.point_value.points, "redemption.pointValue.points".into());
            positive(issues, r.point_value.fen, "redemption.pointValue.fen".into());
            non_negative(issues, Some(r.minimum_points), "redemption.minimumPoints".into());
            positive(issues, r.step_points, "redemption.stepPoints".into());
            if !(0..=100).contains(&r.max_percent_of_order) {
                issues.push(Issue::new(
                    "POINTS_PERCENT_INVALID",
                    "redemption.maxPercentOfOrder",
                    "抵扣比例应在 0 到 100 之间",
                    "the share of an order points may pay must be between 0 and 100",
                ));
            }
            for (i, r) in r.catalogue.iter().enumerate() {
                positive(issues, r.points, format!("redemption.catalogue[{i}].points"));
                for (j, t) in r.tiers.iter().enumerate() {
                    unknown_tier(issues, &tier_ids, t, format!("redemption.catalogue[{i}].tiers[{j}]"));
                }
            }
        }
        if self.clawback.when_spent == WhenSpent::DeductFromRefund && self.redemption.is_none() {
            issues.push(Issue::new(
                "POINTS_REDEMPTION_MISSING",
                "clawback.whenSpent",
                "从退款中扣除积分价值需要方案写明积分价值（redemption.pointValue）",
                "deducting the value of spent points needs the point value (redemption.pointValue)",
            ));
        }
        let e = &self.expiry;
        match e.mode {
            ExpiryMode::AfterDays => match e.days {
                Some(d) => positive(issues, d, "expiry.days".into()),
                None => issues.push(missing("expiry.days")),
            },
            ExpiryMode::AfterMonths => match e.months {
                Some(m) => positive(issues, m, "expiry.months".into()),
                None => issues.push(missing("expiry.months")),
            },
            _ => {}
        }
        non_negative(issues, Some(e.warn_days), "expiry.warnDays".into());
        if let Some(p) = &self.parking {
            non_negative(issues, Some(p.free_minutes), "parking.freeMinutes".into());
            positive(issues, p.unit_minutes, "parking.unitMinutes".into());
            non_negative(issues, Some(p.unit_fen), "parking.unitFen".into());
            non_negative(issues, p.daily_cap_fen, "parking.dailyCapFen".into());
            non_negative(issues, Some(p.overnight_fen), "parking.overnightFen".into());
            for (i, w) in p.spend_waivers.iter().enumerate() {
                non_negative(issues, Some(w.min_spend_fen), format!("parking.spendWaivers[{i}].minSpendFen"));
                non_negative(issues, Some(w.free_minutes), format!("parking.spendWaivers[{i}].freeMinutes"));
            }
            if p.pay_with_points && self.redemption.is_none() {
                issues.push(Issue::new(
                    "POINTS_REDEMPTION_MISSING",
                    "parking.payWithPoints",
                    "用积分付停车费需要方案写明积分价值（redemption.pointValue）",
                    "paying parking with points needs the point value (redemption.pointValue)",
                ));
            }
        }
    }
}

fn missing(path: &str) -> Issue {
    Issue::new("POINTS_FIELD_MISSING", path, "该模式需要此字段", "this mode needs this field")
}

pub(crate) fn unknown_tier(issues: &mut Issues, ids: &[&str], t: &str, path: String) {
    if !ids.contains(&t) {
        issues.push(Issue::new(
            "POINTS_TIER_UNKNOWN",
            path,
            format!("未知的会员等级“{t}”（方案中的等级：{}）", ids.join("、")),
            format!("unknown tier \"{t}\" (the program's tiers: {})", ids.join(", ")),
        ));
    }
}

impl EarningDoc {
    fn check(&self, tier_ids: &[&str], issues: &mut Issues) {
        positive(issues, self.rate.points, "earning.rate.points".into());
        positive(issues, self.rate.per_yuan, "earning.rate.perYuan".into());
        non_negative(issues, Some(self.pending_days), "earning.pendingDays".into());
        non_negative(issues, Some(self.minimum_spend_fen), "earning.minimumSpendFen".into());
        non_negative(issues, self.caps.per_order, "earning.caps.perOrder".into());
        non_negative(issues, self.caps.per_day, "earning.caps.perDay".into());
        for (i, r) in self.rules.iter().enumerate() {
            let p = format!("earning.rules[{i}]");
            if r.id.trim().is_empty() {
                issues.push(Issue::new(
                    "POINTS_RULE_ID_MISSING",
                    format!("{p}.id"),
                    "规则需要 id",
                    "a rule needs an id",
                ));
            }
            if let Some((j, _)) = self.rules.iter().enumerate().take(i).find(|(_, o)| o.id == r.id) {
                issues.push(Issue::new(
                    "POINTS_RULE_DUPLICATE_ID",
                    format!("{p}.id"),
                    format!("规则 id“{}”与 earning.rules[{j}] 重复", r.id),
                    format!("rule id \"{}\" repeats earning.rules[{j}]", r.id),
                ));
            }
            match (r.multiplier_percent, r.bonus_points) {
                (None, None) => issues.push(Issue::new(
                    "POINTS_RULE_GIVES_NOTHING",
                    p.clone(),
                    "规则须写明 multiplierPercent（倍数）或 bonusPoints（奖励积分）之一",
                    "a rule needs one of multiplierPercent or bonusPoints",
                )),
                (Some(_), Some(_)) => issues.push(Issue::new(
                    "POINTS_RULE_GIVES_TWO",
                    format!("{p}.bonusPoints"),
                    "规则只能写 multiplierPercent 或 bonusPoints 之一",
                    "a rule has either multiplierPercent or bonusPoints, not both",
                )),
                (Some(m), None) if m <= 0 => issues.push(Issue::new(
                    "POINTS_MULTIPLIER_NOT_POSITIVE",
                    format!("{p}.multiplierPercent"),
                    format!("倍数必须大于零（当前为 {m}%）"),
                    format!("a multiplier must be greater than zero (got {m}%)"),
                )),
                (None, Some(b)) => {
                    if b < 0 {
                        issues.push(Issue::new(
                            "POINTS_BONUS_NEGATIVE",
                            format!("{p}.bonusPoints"),
                            "奖励积分不能为负数",
                            "bonus points must not be negative",
                        ));
                    }
                    if r.combine == Combine::Multiply {
                        issues.push(Issue::new(
                            "POINTS_RULE_COMBINE_INVALID",
                            format!("{p}.combine"),
                            "奖励积分规则不能用 multiply 组合（只能 add、bestOf 或 exclusive）",
                            "a bonusPoints rule cannot combine by multiply (use add, bestOf or exclusive)",
                        ));
                    }
                }
                _ => {}
            }
            non_negative(issues, r.cap_per_order, format!("{p}.capPerOrder"));
            non_negative(issues, r.cap_per_member, format!("{p}.capPerMember"));
            if r.combine == Combine::Exclusive {
                let same = self.rules.iter().enumerate().take(i).find(|(_, o)| {
                    o.combine == Combine::Exclusive
                        && o.priority == r.priority
                        && o.bonus_points.is_some() == r.bonus_points.is_some()
                });
                if let Some((j, o)) = same {
                    issues.push(Issue::new(
                        "POINTS_EXCLUSIVE_SAME_PRIORITY",
                        format!("{p}.priority"),
                        format!("独占规则“{}”与“{}”（earning.rules[{j}]）优先级相同（{}），无法判定谁生效", r.id, o.id, r.priority),
                        format!(
                            "exclusive rules \"{}\" and \"{}\" (earning.rules[{j}]) share priority {}: which one applies is ambiguous",
                            r.id, o.id, r.priority
                        ),
                    ));
                }
            }
            let w = &r.when;
            if let (Some(f), Some(t)) = (w.from, w.to) {
                if t < f {
                    issues.push(Issue::new(
                        "POINTS_CAMPAIGN_DATES_REVERSED",
                        format!("{p}.when.to"),
                        format!("活动结束日期 {t} 早于开始日期 {f}"),
                        format!("the campaign ends ({t}) before it starts ({f})"),
                    ));
                }
            }
            for (j, d) in w.weekdays.iter().enumerate() {
                if !(1..=7).contains(d) {
                    issues.push(Issue::new(
                        "POINTS_WEEKDAY_INVALID",
                        format!("{p}.when.weekdays[{j}]"),
                        "星期应为 1（周一）到 7（周日）",
                        "a weekday is 1 (Monday) to 7 (Sunday)",
                    ));
                }
            }
            let from = w.time_from.as_deref().map(|s| (s, parse_hhmm(s), "timeFrom"));
            let to = w.time_to.as_deref().map(|s| (s, parse_hhmm(s), "timeTo"));
            for (s, parsed, field) in [from, to].into_iter().flatten() {
                if parsed.is_none() {
                    issues.push(Issue::new(
                        "POINTS_TIME_INVALID",
                        format!("{p}.when.{field}"),
                        format!("时刻应为 HH:MM（00:00-24:00）：“{s}”"),
                        format!("a time of day is HH:MM (00:00-24:00): \"{s}\""),
                    ));
                }
            }
            if let (Some(Some(a)), Some(Some(b))) =
                (w.time_from.as_deref().map(parse_hhmm), w.time_to.as_deref().map(parse_hhmm))
            {
                if b <= a {
                    issues.push(Issue::new(
                        "POINTS_TIME_REVERSED",
                        format!("{p}.when.timeTo"),
                        "结束时刻须晚于开始时刻",
                        "timeTo must be after timeFrom",
                    ));
                }
            }
            non_negative(issues, w.min_order_fen, format!("{p}.when.minOrderFen"));
            for (j, t) in w.tiers.iter().enumerate() {
                unknown_tier(issues, tier_ids, t, format!("{p}.when.tiers[{j}]"));
            }
        }
    }
}

impl TiersDoc {
    fn check(&self, issues: &mut Issues) {
        if self.levels.is_empty() {
            issues.push(Issue::new(
                "POINTS_TIERS_EMPTY",
                "tiers.levels",
                "至少需要一个等级",
                "at least one tier is needed",
            ));
        }
        if let Some(first) = self.levels.first() {
            if first.threshold != 0 {
                issues.push(Issue::new(
                    "POINTS_TIER_BASE_THRESHOLD",
                    "tiers.levels[0].threshold",
                    "最低等级的门槛必须为 0",
                    "the lowest tier's threshold must be 0",
                ));
            }
        }
        for (i, l) in self.levels.iter().enumerate() {
            let p = format!("tiers.levels[{i}]");
            if let Some((j, _)) = self.levels.iter().enumerate().take(i).find(|(_, o)| o.id == l.id) {
                issues.push(Issue::new(
                    "POINTS_TIER_DUPLICATE_ID",
                    format!("{p}.id"),
                    format!("等级 id“{}”与 tiers.levels[{j}] 重复", l.id),
                    format!("tier id \"{}\" repeats tiers.levels[{j}]", l.id),
                ));
            }
            if i > 0 {
                if let Some(prev) = self.levels.get(i - 1) {
                    if l.threshold <= prev.threshold {
                        issues.push(Issue::new(
                            "POINTS_TIER_THRESHOLD_ORDER",
                            format!("{p}.threshold"),
                            "等级门槛须严格递增",
                            "tier thresholds must strictly increase",
                        ));
                    }
                }
            }
            let b = &l.benefits;
            if let Some(m) = b.points_multiplier_percent {
                if m <= 0 {
                    issues.push(Issue::new(
                        "POINTS_MULTIPLIER_NOT_POSITIVE",
                        format!("{p}.benefits.pointsMultiplierPercent"),
                        format!("倍数必须大于零（当前为 {m}%）"),
                        format!("a multiplier must be greater than zero (got {m}%)"),
                    ));
                }
            }
            non_negative(issues, b.return_window_extra_days, format!("{p}.benefits.returnWindowExtraDays"));
            non_negative(issues, b.free_delivery_threshold_fen, format!("{p}.benefits.freeDeliveryThresholdFen"));
            non_negative(issues, b.free_parking_minutes, format!("{p}.benefits.freeParkingMinutes"));
        }
    }
}
