//! The ledger: a deterministic fold over events into lots, redemption and clawback on returns.

use super::doc::{ExpiryMode, WhenSpent};
use super::earn::add_on;
use super::{localize_all, Program, Reason};
use crate::error::{Error, Issue, Issues, Locale};
use crate::hash::Fnv;
use crate::{Date, Result, Timestamp};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::BuildHasherDefault;

/// What a ledger event records.
///
/// # Example
/// ```
/// use mallcare::points::{Event, EventKind, Program};
/// let events: Vec<Event> = serde_json::from_str(r#"[
///   { "type": "earn",   "at": "2026-05-01T10:00:00+08:00", "points": 500 },
///   { "type": "redeem", "at": "2026-05-02T10:00:00+08:00", "points": 200 },
///   { "type": "adjust", "at": "2026-05-03T10:00:00+08:00", "points": 50, "note": "goodwill" } ]"#).unwrap();
/// assert_eq!(events[1].kind, EventKind::Redeem);
/// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
/// let b = p.balance(&events, mallcare::Timestamp::parse("2026-05-04T10:00:00+08:00").unwrap()).unwrap();
/// assert_eq!((b.available, b.redeemed, b.adjusted_in, b.lifetime_earned), (350, 200, 50, 500));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// Points earned (a new lot, pending until `availableOn`).
    Earn,
    /// Points spent (taken from available lots, oldest first).
    Redeem,
    /// A checkpoint: the host's expiry run says `points` expired since the previous checkpoint. The fold expires
    /// lots itself from the program's expiry mode; this event only checks the host agrees (never double counts).
    Expire,
    /// Points taken back on a return (from the order's own lots first).
    Clawback,
    /// A manual correction: positive adds an available lot, negative takes points oldest first.
    Adjust,
}

/// One ledger event. Events must be in time order; equal times keep their given order.
///
/// # Example
/// ```
/// let e: mallcare::points::Event = serde_json::from_str(
///     r#"{ "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 328, "availableOn": "2026-05-08", "ref": "SO-1" }"#).unwrap();
/// assert_eq!(e.points, 328);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    /// The kind of event.
    #[serde(rename = "type")]
    pub kind: EventKind,
    /// When it happened.
    pub at: Timestamp,
    /// Points (positive; `adjust` may be negative).
    pub points: i64,
    /// For `earn`/`adjust`: first day the points can be spent (default: the event's day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_on: Option<Date>,
    /// For `earn`/`adjust`: last day the points can be spent (default: from the program's expiry mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    /// The order (or other document) the event belongs to.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Free text for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Points on a date (`expiringSoon`, `pendingSchedule`).
///
/// # Example
/// ```
/// let d = mallcare::points::DatedPoints { on: mallcare::Date::parse("2026-12-31").unwrap(), points: 120 };
/// assert_eq!(serde_json::to_value(d).unwrap()["on"], "2026-12-31");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatedPoints {
    /// The date.
    pub on: Date,
    /// Points.
    pub points: i64,
}

/// The answer of [`Program::balance`]. Always
/// `lifetimeEarned + adjustedIn − redeemed − expired − clawedBack − adjustedOut = available + pending − debt`.
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let p = Program::load(r#"{"version":"1"}"#).unwrap();
/// let b = p.balance(&[], mallcare::Timestamp::parse("2026-05-01T00:00:00+08:00").unwrap()).unwrap();
/// assert_eq!(b.available, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// As of.
    pub at: Timestamp,
    /// Points that can be spent now.
    pub available: i64,
    /// Points earned but still in a return window.
    pub pending: i64,
    /// Points owed (clawed back after being spent, when the program allows a negative balance).
    pub debt: i64,
    /// `available + pending − debt`.
    pub net: i64,
    /// Every point ever earned (`earn` events).
    pub lifetime_earned: i64,
    /// Points redeemed.
    pub redeemed: i64,
    /// Points expired.
    pub expired: i64,
    /// Points taken back on returns.
    pub clawed_back: i64,
    /// Points added by adjustments.
    pub adjusted_in: i64,
    /// Points removed by adjustments.
    pub adjusted_out: i64,
    /// Points that expire within `expiry.warnDays` days, by last usable day.
    pub expiring_soon: Vec<DatedPoints>,
    /// Pending points by the day they become available.
    pub pending_schedule: Vec<DatedPoints>,
}

#[derive(Clone, Debug)]
struct Lot {
    available_on: Date,
    expires_on: Option<Date>,
    remaining: i64,
    is_available: bool,
    /// Index in `Fold::ref_info` of the order that earned it (`u32::MAX`: none).
    ref_id: u32,
}

struct RefInfo {
    first_lot: usize,
    last_lot: usize,
    earned: i64,
    clawed: i64,
}

#[derive(Default)]
struct Fold<'a> {
    lots: Vec<Lot>,
    head: usize,
    expiry: BinaryHeap<Reverse<(Date, usize)>>,
    pending_q: BinaryHeap<Reverse<(Date, usize)>>,
    available: i64,
    pending: i64,
    debt: i64,
    earned: i64,
    redeemed: i64,
    expired: i64,
    clawed: i64,
    adjusted_in: i64,
    adjusted_out: i64,
    expired_since_checkpoint: i64,
    refs: HashMap<&'a str, u32, BuildHasherDefault<Fnv>>,
    ref_info: Vec<RefInfo>,
    /// Whether orders are indexed (only needed when the ledger has clawbacks, or for a clawback call).
    index_refs: bool,
}

impl Fold<'_> {
    fn tick(&mut self, today: Date) {
        while let Some(Reverse((day, i))) = self.pending_q.peek().copied() {
            if day > today {
                break;
            }
            self.pending_q.pop();
            if let Some(lot) = self.lots.get_mut(i) {
                if !lot.is_available {
                    lot.is_available = true;
                    self.pending -= lot.remaining;
                    self.available += lot.remaining;
                    let x = self.debt.min(lot.remaining);
                    lot.remaining -= x;
                    self.available -= x;
                    self.debt -= x;
                }
            }
        }
        while let Some(Reverse((day, i))) = self.expiry.peek().copied() {
            if day >= today {
                break;
            }
            self.expiry.pop();
            if let Some(lot) = self.lots.get_mut(i) {
                let r = lot.remaining;
                if r > 0 {
                    lot.remaining = 0;
                    self.expired += r;
                    self.expired_since_checkpoint += r;
                    if lot.is_available {
                        self.available -= r;
                    } else {
                        self.pending -= r;
                    }
                }
            }
        }
    }

    fn add_lot(&mut self, today: Date, available_on: Date, expires_on: Option<Date>, points: i64) -> usize {
        let i = self.lots.len();
        let is_available = available_on <= today;
        let mut remaining = points;
        if is_available {
            let x = self.debt.min(remaining);
            remaining -= x;
            self.debt -= x;
            self.available += remaining;
        } else {
            self.pending += remaining;
            self.pending_q.push(Reverse((available_on, i)));
        }
        if let Some(e) = expires_on {
            self.expiry.push(Reverse((e, i)));
        }
        self.lots.push(Lot { available_on, expires_on, remaining, is_available, ref_id: u32::MAX });
        i
    }

    fn take_from(&mut self, i: usize, want: i64) -> i64 {
        let Some(lot) = self.lots.get_mut(i) else { return 0 };
        let x = want.min(lot.remaining).max(0);
        lot.remaining -= x;
        if lot.is_available {
            self.available -= x;
        } else {
            self.pending -= x;
        }
        x
    }

    /// Takes up to `want` points from lots, oldest first; `pending` chooses pending or available lots.
    fn take_fifo(&mut self, mut want: i64, pending: bool) -> i64 {
        let mut got = 0;
        while self.lots.get(self.head).is_some_and(|l| l.remaining == 0) {
            self.head += 1;
        }
        let mut i = self.head;
        while want > 0 && i < self.lots.len() {
            if self.lots.get(i).is_some_and(|l| l.is_available != pending && l.remaining > 0) {
                let x = self.take_from(i, want);
                want -= x;
                got += x;
            }
            i += 1;
        }
        got
    }
}

fn event_issue(i: usize, field: &str, code: &str, zh: String, en: String) -> Issue {
    Issue::new(code, format!("events[{i}].{field}"), zh, en)
}

impl Program {
    fn expires_on(&self, earned: Date) -> Result<Option<Date>> {
        let e = &self.doc.expiry;
        Ok(match e.mode {
            ExpiryMode::Never => None,
            ExpiryMode::AfterDays => Some(earned.add_days(e.days.unwrap_or(0))?),
            ExpiryMode::AfterMonths => Some(earned.add_months(e.months.unwrap_or(0))?),
            ExpiryMode::EndOfMonth => Some(earned.end_of_month()?),
            ExpiryMode::EndOfYear => Some(Date::from_ymd(earned.year(), 12, 31)?),
            ExpiryMode::EndOfNextYear => Some(Date::from_ymd(earned.year() + 1, 12, 31)?),
        })
    }

    fn fold<'a>(&self, events: &'a [Event], at: Timestamp, index_refs: bool) -> Result<Fold<'a>> {
        let mut issues = Issues::default();
        let mut prev: Option<Timestamp> = None;
        for (i, e) in events.iter().enumerate() {
            if let Some(p) = prev {
                if e.at < p {
                    issues.push(event_issue(
                        i,
                        "at",
                        "POINTS_EVENTS_OUT_OF_ORDER",
                        format!("事件时间 {} 早于前一条事件（{}），账本须按时间顺序", e.at, p),
                        format!(
                            "event time {} is before the previous event ({}): the ledger must be in time order",
                            e.at, p
                        ),
                    ));
                }
            }
            prev = Some(e.at);
            if e.at > at {
                issues.push(event_issue(
                    i,
                    "at",
                    "POINTS_EVENT_AFTER_AS_OF",
                    format!("事件时间 {} 晚于查询时间 {at}", e.at),
                    format!("event time {} is after the as-of time {at}", e.at),
                ));
            }
            let ok = match e.kind {
                EventKind::Adjust => e.points != 0,
                EventKind::Expire => e.points >= 0,
                _ => e.points > 0,
            };
            if !ok || e.points.abs() > crate::money::MAX_FEN {
                issues.push(event_issue(
                    i,
                    "points",
                    "POINTS_EVENT_POINTS_INVALID",
                    "积分数无效（earn/redeem/clawback 须为正数，adjust 不能为 0，expire 不能为负）".into(),
                    "invalid points (earn/redeem/clawback positive, adjust non-zero, expire not negative)".into(),
                ));
            }
        }
        if !issues.is_empty() {
            return issues.finish(Fold::default());
        }
        let allow_debt = self.doc.clawback.when_spent == WhenSpent::AllowNegative;
        // Room for every lot up front: a long ledger does not grow (and copy) its lots and queues step by step.
        let mut f = Fold {
            index_refs: index_refs || events.iter().any(|e| e.kind == EventKind::Clawback),
            lots: Vec::with_capacity(events.len()),
            expiry: BinaryHeap::with_capacity(events.len()),
            ..Fold::default()
        };
        let mut expiry_memo: Option<(Date, Option<Date>)> = None;
        for (i, e) in events.iter().enumerate() {
            let today = e.at.date();
            f.tick(today);
            match e.kind {
                EventKind::Earn | EventKind::Adjust if e.points > 0 => {
                    let available_on = e.available_on.unwrap_or(today);
                    let expires_on = match e.expires_on {
                        Some(x) => Some(x),
                        // Events of one day share their expiry date: computed once per day.
                        None => match expiry_memo {
                            Some((day, x)) if day == today => x,
                            _ => {
                                let x = self.expires_on(today)?;
                                expiry_memo = Some((today, x));
                                x
                            }
                        },
                    };
                    let lot = f.add_lot(today, available_on, expires_on, e.points);
                    if e.kind == EventKind::Earn {
                        f.earned += e.points;
                        if let Some(r) = e.reference.as_deref().filter(|_| f.index_refs) {
                            let next = u32::try_from(f.ref_info.len()).unwrap_or(u32::MAX - 1);
                            let id = *f.refs.entry(r).or_insert(next);
                            if id == next {
                                f.ref_info.push(RefInfo { first_lot: lot, last_lot: lot, earned: 0, clawed: 0 });
                            }
                            if let Some(l) = f.lots.get_mut(lot) {
                                l.ref_id = id;
                            }
                            if let Some(info) = f.ref_info.get_mut(id as usize) {
                                info.earned += e.points;
                                info.last_lot = lot;
                            }
                        }
                    } else {
                        f.adjusted_in += e.points;
                    }
                }
                // Validated above: an earn always has positive points.
                EventKind::Earn => {}
                EventKind::Adjust | EventKind::Redeem => {
                    let want = e.points.abs();
                    if want > f.available {
                        issues.push(event_issue(
                            i,
                            "points",
                            "POINTS_BALANCE_INSUFFICIENT",
                            format!("可用积分 {} 不足以扣减 {want}，余额不能为负", f.available),
                            format!(
                                "{} points available, cannot take {want}: the balance would be negative",
                                f.available
                            ),
                        ));
                        continue;
                    }
                    f.take_fifo(want, false);
                    if e.kind == EventKind::Redeem {
                        f.redeemed += want;
                    } else {
                        f.adjusted_out += want;
                    }
                }
                EventKind::Expire => {
                    if e.points != f.expired_since_checkpoint {
                        issues.push(event_issue(
                            i,
                            "points",
                            "POINTS_EXPIRE_MISMATCH",
                            format!("记录的过期积分 {} 与按方案计算的 {} 不符", e.points, f.expired_since_checkpoint),
                            format!(
                                "the recorded expiry ({}) differs from what the program expires ({})",
                                e.points, f.expired_since_checkpoint
                            ),
                        ));
                    }
                    f.expired_since_checkpoint = 0;
                }
                EventKind::Clawback => {
                    let mut want = e.points;
                    let ref_id = e.reference.as_deref().and_then(|r| f.refs.get(r)).copied();
                    let info = ref_id.and_then(|id| f.ref_info.get(id as usize));
                    if e.reference.is_some() {
                        match info {
                            Some(info) if want > info.earned - info.clawed => {
                                issues.push(event_issue(
                                    i,
                                    "points",
                                    "POINTS_CLAWBACK_EXCEEDS_EARNING",
                                    format!("扣回 {want} 分超过该单尚未扣回的积分 {}", info.earned - info.clawed),
                                    format!(
                                        "clawing back {want} points exceeds what the order still holds ({})",
                                        info.earned - info.clawed
                                    ),
                                ));
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let holdable = f.available + f.pending;
                    if want > holdable && !allow_debt {
                        issues.push(event_issue(
                            i,
                            "points",
                            "POINTS_BALANCE_NEGATIVE",
                            format!("扣回 {want} 分将使余额为负（现有 {holdable} 分），而方案不允许负积分"),
                            format!(
                                "clawing back {want} points would make the balance negative ({holdable} held) and the program does not allow debt"
                            ),
                        ));
                        continue;
                    }
                    if let Some((id, (first, last))) = ref_id.zip(info.map(|x| (x.first_lot, x.last_lot))) {
                        for lot in first..=last {
                            if want == 0 {
                                break;
                            }
                            if f.lots.get(lot).is_some_and(|l| l.ref_id == id) {
                                want -= f.take_from(lot, want);
                            }
                        }
                    }
                    want -= f.take_fifo(want, false);
                    want -= f.take_fifo(want, true);
                    f.debt += want;
                    f.clawed += e.points;
                    if let Some(info) = ref_id.and_then(|id| f.ref_info.get_mut(id as usize)) {
                        info.clawed += e.points;
                    }
                }
            }
        }
        f.tick(at.date());
        issues.finish(f)
    }

    /// Folds ledger events into a balance as of `at`: lots are created by `earn` (and positive `adjust`), become
    /// available on `availableOn`, expire after their last usable day (from the program's expiry mode unless the
    /// event says `expiresOn`), and are consumed oldest first. Deterministic: the same events give the same answer.
    ///
    /// # Errors
    /// Every problem, with its path: `POINTS_EVENTS_OUT_OF_ORDER` (`events[17].at`, events are never reordered),
    /// `POINTS_EVENT_AFTER_AS_OF`, `POINTS_EVENT_POINTS_INVALID`, `POINTS_BALANCE_INSUFFICIENT` (a redemption or
    /// negative adjustment beyond the available points), `POINTS_CLAWBACK_EXCEEDS_EARNING`,
    /// `POINTS_BALANCE_NEGATIVE` (a clawback into debt the program does not allow), `POINTS_EXPIRE_MISMATCH`.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Event, Program};
    /// use mallcare::Timestamp;
    /// let p = Program::load(r#"{ "version": "1", "expiry": { "mode": "endOfNextYear" } }"#).unwrap();
    /// let events: Vec<Event> = serde_json::from_str(r#"[
    ///   { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 300, "availableOn": "2026-05-08" },
    ///   { "type": "redeem", "at": "2026-06-01T10:00:00+08:00", "points": 100 } ]"#).unwrap();
    /// let b = p.balance(&events, Timestamp::parse("2027-12-15T00:00:00+08:00").unwrap()).unwrap();
    /// assert_eq!(b.available, 200);
    /// assert_eq!(b.expiring_soon[0].on.to_string(), "2027-12-31");
    /// let later = p.balance(&events, Timestamp::parse("2028-01-01T00:00:00+08:00").unwrap()).unwrap();
    /// assert_eq!((later.available, later.expired), (0, 200));
    /// ```
    pub fn balance(&self, events: &[Event], at: Timestamp) -> Result<Balance> {
        let f = self.fold(events, at, false)?;
        self.balance_of(&f, at)
    }

    fn balance_of(&self, f: &Fold, at: Timestamp) -> Result<Balance> {
        let today = at.date();
        let horizon = today.add_days(self.doc.expiry.warn_days)?;
        let (mut soon, mut sched) = (Vec::new(), Vec::new());
        for lot in f.lots.iter().skip(f.head).filter(|l| l.remaining > 0) {
            if let Some(e) = lot.expires_on.filter(|e| *e >= today && *e <= horizon) {
                add_on(&mut soon, e, lot.remaining);
            }
            if !lot.is_available {
                add_on(&mut sched, lot.available_on, lot.remaining);
            }
        }
        let dated = |m: Vec<(Date, i64)>| m.into_iter().map(|(on, points)| DatedPoints { on, points }).collect();
        Ok(Balance {
            at,
            available: f.available,
            pending: f.pending,
            debt: f.debt,
            net: f.available + f.pending - f.debt,
            lifetime_earned: f.earned,
            redeemed: f.redeemed,
            expired: f.expired,
            clawed_back: f.clawed,
            adjusted_in: f.adjusted_in,
            adjusted_out: f.adjusted_out,
            expiring_soon: dated(soon),
            pending_schedule: dated(sched),
        })
    }
}

/// Points as cash on an order, or a catalogue reward.
///
/// # Example
/// ```
/// use mallcare::points::{Event, Program, RedeemKind, RedeemRequest};
/// let p = Program::load(r#"{ "version": "1", "redemption": { "pointValue": { "points": 100, "fen": 100 },
///   "catalogue": [ { "id": "mug", "points": 800 } ] } }"#).unwrap();
/// let events: Vec<Event> = serde_json::from_str(
///   r#"[ { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 1000 } ]"#).unwrap();
/// let at = mallcare::Timestamp::parse("2026-05-02T10:00:00+08:00").unwrap();
/// // Cash: 500 points pay ¥5 of an order.
/// let cash: RedeemRequest = serde_json::from_str(r#"{ "kind": "cash", "points": 500, "orderFen": 20000 }"#).unwrap();
/// assert_eq!(cash.kind, RedeemKind::Cash);
/// let d = p.redeem(&events, &cash, at).unwrap();
/// assert_eq!((d.allowed, d.value_fen), (true, 500));
/// // Reward: the catalogue decides the points; two mugs need 1600, more than the 1000 available.
/// let reward: RedeemRequest =
///     serde_json::from_str(r#"{ "kind": "reward", "rewardId": "mug", "quantity": 2 }"#).unwrap();
/// let d = p.redeem(&events, &reward, at).unwrap();
/// assert_eq!((d.allowed, d.points), (false, 1600));
/// assert_eq!(d.reasons[0].code, "POINTS_INSUFFICIENT_BALANCE");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RedeemKind {
    /// Points pay part of an order (`points`, `orderFen`).
    Cash,
    /// A catalogue reward (`rewardId`, `quantity`).
    Reward,
}

/// What the member wants to redeem.
///
/// # Example
/// ```
/// let r: mallcare::points::RedeemRequest =
///     serde_json::from_str(r#"{ "kind": "cash", "points": 500, "orderFen": 20000 }"#).unwrap();
/// assert_eq!(r.points, Some(500));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RedeemRequest {
    /// Cash or reward.
    pub kind: RedeemKind,
    /// Points to use (cash).
    #[serde(default)]
    pub points: Option<i64>,
    /// The order amount the points pay towards, in fen (cash).
    #[serde(default)]
    pub order_fen: Option<i64>,
    /// Catalogue reward id (reward).
    #[serde(default)]
    pub reward_id: Option<String>,
    /// How many of the reward (default 1).
    #[serde(default)]
    pub quantity: Option<i64>,
    /// The member's tier, for rewards limited to tiers.
    #[serde(default)]
    pub tier: Option<String>,
    /// The order or voucher the redemption belongs to (copied into the event).
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
}

/// The answer of [`Program::redeem`]: allowed with the event to append, or refused with reasons.
///
/// # Example
/// ```
/// use mallcare::points::{Event, Program, RedeemRequest};
/// use mallcare::Timestamp;
/// let p = Program::load(r#"{ "version": "1", "redemption": { "pointValue": { "points": 100, "fen": 100 },
///   "minimumPoints": 100, "stepPoints": 100, "maxPercentOfOrder": 50 } }"#).unwrap();
/// let events: Vec<Event> = serde_json::from_str(
///   r#"[ { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 1000 } ]"#).unwrap();
/// let req: RedeemRequest = serde_json::from_str(r#"{ "kind": "cash", "points": 300, "orderFen": 20000 }"#).unwrap();
/// let d = p.redeem(&events, &req, Timestamp::parse("2026-05-02T10:00:00+08:00").unwrap()).unwrap();
/// assert!(d.allowed && d.reasons.is_empty());
/// assert_eq!((d.points, d.value_fen, d.available), (300, 300, 1000));
/// assert!(d.event.is_some()); // the redeem event to append to the ledger
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemDecision {
    /// Whether the redemption may go ahead.
    pub allowed: bool,
    /// Points asked for.
    pub points: i64,
    /// Cash value of those points in fen (cash).
    pub value_fen: i64,
    /// Points available now.
    pub available: i64,
    /// The largest amount a cash redemption could use on this order (0 for rewards or when none is possible).
    pub max_points: i64,
    /// Why not (empty when allowed).
    pub reasons: Vec<Reason>,
    /// The `redeem` event to append when allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
}

impl RedeemDecision {
    /// The same decision with reasons in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// # use mallcare::points::*;
    /// let d = RedeemDecision { allowed: true, points: 0, value_fen: 0, available: 0, max_points: 0, reasons: vec![], event: None };
    /// assert!(d.localize(mallcare::Locale::En).allowed);
    /// ```
    pub fn localize(mut self, locale: Locale) -> RedeemDecision {
        localize_all(&mut self.reasons, locale);
        self
    }
}

fn input_issue(code: &str, path: &str, zh: &str, en: &str) -> Error {
    Error::from(Issue::new(code, path, zh, en))
}

impl Program {
    /// Decides a redemption as of `at` over the ledger `events`. A refusal is a normal answer
    /// (`allowed: false` with reasons `POINTS_BELOW_MINIMUM`, `POINTS_NOT_STEP`, `POINTS_OVER_ORDER_CAP`,
    /// `POINTS_INSUFFICIENT_BALANCE`, `POINTS_REWARD_TIER`), never an error.
    ///
    /// # Errors
    /// Ledger problems as [`Program::balance`]; misuse: `POINTS_REDEMPTION_MISSING` (the program has no
    /// `redemption`), `POINTS_FIELD_MISSING` / `POINTS_VALUE_NOT_POSITIVE` (`request.points`, `request.orderFen`),
    /// `POINTS_REWARD_UNKNOWN` (`request.rewardId`).
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Event, Program, RedeemRequest};
    /// use mallcare::Timestamp;
    /// let p = Program::load(r#"{ "version": "1", "redemption": { "pointValue": { "points": 100, "fen": 100 },
    ///   "minimumPoints": 100, "stepPoints": 100, "maxPercentOfOrder": 50 } }"#).unwrap();
    /// let events: Vec<Event> = serde_json::from_str(
    ///   r#"[ { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 1000 } ]"#).unwrap();
    /// let req: RedeemRequest = serde_json::from_str(r#"{ "kind": "cash", "points": 250, "orderFen": 20000 }"#).unwrap();
    /// let d = p.redeem(&events, &req, Timestamp::parse("2026-05-02T10:00:00+08:00").unwrap()).unwrap();
    /// assert!(!d.allowed);
    /// assert_eq!(d.reasons[0].code, "POINTS_NOT_STEP");
    /// assert_eq!(d.max_points, 1000);
    /// ```
    pub fn redeem(&self, events: &[Event], request: &RedeemRequest, at: Timestamp) -> Result<RedeemDecision> {
        let Some(rd) = &self.doc.redemption else {
            return Err(input_issue(
                "POINTS_REDEMPTION_MISSING",
                "",
                "方案没有积分兑换设置（redemption）",
                "the program has no redemption settings",
            ));
        };
        let f = self.fold(events, at, false)?;
        let available = f.available;
        let mut reasons = Vec::new();
        let mut note = None;
        let (points, value_fen, max_points) = match request.kind {
            RedeemKind::Cash => {
                let mut issues = Issues::default();
                let points = match request.points {
                    None => {
                        issues.push(Issue::new(
                            "POINTS_FIELD_MISSING",
                            "request.points",
                            "请写明要使用的积分",
                            "points is required",
                        ));
                        0
                    }
                    Some(p) if p <= 0 || p > crate::money::MAX_FEN => {
                        issues.push(Issue::new(
                            "POINTS_VALUE_NOT_POSITIVE",
                            "request.points",
                            "积分须为正数",
                            "points must be positive",
                        ));
                        0
                    }
                    Some(p) => p,
                };
                let order_fen = match request.order_fen {
                    None => {
                        issues.push(Issue::new(
                            "POINTS_FIELD_MISSING",
                            "request.orderFen",
                            "请写明订单金额",
                            "orderFen is required",
                        ));
                        0
                    }
                    Some(o) if !(0..=crate::money::MAX_FEN).contains(&o) => {
                        issues.push(Issue::new(
                            "POINTS_VALUE_NEGATIVE",
                            "request.orderFen",
                            "订单金额不能为负数",
                            "orderFen must not be negative",
                        ));
                        0
                    }
                    Some(o) => o,
                };
                issues.finish(())?;
                let pv = rd.point_value;
                let value = |p: i64| -> i64 {
                    i64::try_from(i128::from(p) * i128::from(pv.fen) / i128::from(pv.points)).unwrap_or(i64::MAX)
                };
                let cap_fen =
                    i64::try_from(i128::from(order_fen) * i128::from(rd.max_percent_of_order) / 100).unwrap_or(0);
                let value_fen = value(points);
                if points < rd.minimum_points {
                    reasons.push(Reason::new(
                        "POINTS_BELOW_MINIMUM",
                        "request.points",
                        format!("单次至少使用 {} 积分", rd.minimum_points),
                        format!("at least {} points per redemption", rd.minimum_points),
                    ));
                }
                if points % rd.step_points != 0 {
                    reasons.push(Reason::new(
                        "POINTS_NOT_STEP",
                        "request.points",
                        format!("积分须为 {} 的整数倍", rd.step_points),
                        format!("points must be a multiple of {}", rd.step_points),
                    ));
                }
                if value_fen > cap_fen {
                    reasons.push(Reason::new(
                        "POINTS_OVER_ORDER_CAP",
                        "request.points",
                        format!(
                            "积分最多抵扣订单金额的 {}%（{} 分），本次 {} 分",
                            rd.max_percent_of_order, cap_fen, value_fen
                        ),
                        format!(
                            "points may pay at most {}% of the order ({} fen); this is {} fen",
                            rd.max_percent_of_order, cap_fen, value_fen
                        ),
                    ));
                }
                if points > available {
                    reasons.push(insufficient(points, available));
                }
                // Largest p with value(p) <= cap: p * fen < (cap + 1) * points.
                let by_cap = (i128::from(cap_fen) + 1) * i128::from(pv.points) - 1;
                let by_cap = i64::try_from(by_cap / i128::from(pv.fen)).unwrap_or(i64::MAX);
                let mut max = available.min(by_cap).max(0);
                max -= max % rd.step_points;
                if max < rd.minimum_points {
                    max = 0;
                }
                (points, value_fen, max)
            }
            RedeemKind::Reward => {
                let id = request.reward_id.as_deref().unwrap_or("");
                let Some(reward) = rd.catalogue.iter().find(|r| r.id == id) else {
                    let known: Vec<&str> = rd.catalogue.iter().map(|r| r.id.as_str()).collect();
                    return Err(Error::from(Issue::new(
                        "POINTS_REWARD_UNKNOWN",
                        "request.rewardId",
                        format!("未知的兑换礼品“{id}”（目录：{}）", known.join("、")),
                        format!("unknown reward \"{id}\" (catalogue: {})", known.join(", ")),
                    )));
                };
                note = Some(match &reward.name {
                    Some(n) => format!("{} {n}", reward.id),
                    None => reward.id.clone(),
                });
                let qty = request.quantity.unwrap_or(1);
                if !(1..=10_000).contains(&qty) {
                    return Err(input_issue(
                        "POINTS_VALUE_NOT_POSITIVE",
                        "request.quantity",
                        "数量须为 1 到 10000",
                        "quantity must be 1 to 10000",
                    ));
                }
                if let Some(t) = &request.tier {
                    self.tier_index(t, "request.tier")?;
                }
                let points = crate::money::mul_i64(reward.points, qty).ok_or_else(super::ratio::overflow)?;
                if !reward.tiers.is_empty() && !request.tier.as_ref().is_some_and(|t| reward.tiers.contains(t)) {
                    // Joined as `&str`s: one `join` in the wasm for every list in a message.
                    let tiers: Vec<&str> = reward.tiers.iter().map(String::as_str).collect();
                    reasons.push(Reason::new(
                        "POINTS_REWARD_TIER",
                        "request.tier",
                        format!("该礼品仅限 {} 等级会员兑换", tiers.join("、")),
                        format!("this reward is only for tiers {}", tiers.join(", ")),
                    ));
                }
                if points > available {
                    reasons.push(insufficient(points, available));
                }
                (points, 0, 0)
            }
        };
        let allowed = reasons.is_empty();
        let event = allowed.then(|| Event {
            kind: EventKind::Redeem,
            at,
            points,
            available_on: None,
            expires_on: None,
            reference: request.reference.clone(),
            note,
        });
        Ok(RedeemDecision { allowed, points, value_fen, available, max_points, reasons, event })
    }
}

fn insufficient(points: i64, available: i64) -> Reason {
    Reason::new(
        "POINTS_INSUFFICIENT_BALANCE",
        "request.points",
        format!("可用积分 {available}，不足 {points}"),
        format!("{available} points available, {points} needed"),
    )
}

/// The parts of an [`EarnResult`](super::EarnResult) a clawback needs (extra fields are ignored, so the earn
/// answer can be passed back as it is).
///
/// # Example
/// ```
/// let r: mallcare::points::EarnRecord = serde_json::from_str(
///     r#"{ "orderId": "SO-1", "lines": [ { "paidFen": 10000, "points": 100 } ] }"#).unwrap();
/// assert_eq!(r.lines[0].points, 100);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnRecord {
    /// The order id (the `ref` of its ledger events).
    #[serde(default)]
    pub order_id: Option<String>,
    /// Lines in order.
    pub lines: Vec<EarnRecordLine>,
}

/// One line of an [`EarnRecord`].
///
/// # Example
/// ```
/// let l: mallcare::points::EarnRecordLine = serde_json::from_str(r#"{ "paidFen": 100, "points": 1 }"#).unwrap();
/// assert_eq!(l.points_paid, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EarnRecordLine {
    /// Net paid on the line, fen.
    pub paid_fen: i64,
    /// Points the line earned.
    pub points: i64,
    /// Points that paid for the line.
    #[serde(default)]
    pub points_paid: i64,
}

/// A refund of some lines of an order.
///
/// # Example
/// ```
/// let r: mallcare::points::Refund = serde_json::from_str(
///     r#"{ "at": "2026-05-03T10:00:00+08:00", "lines": [ { "line": 0, "refundFen": 5000 } ] }"#).unwrap();
/// assert_eq!(r.lines[0].refund_fen, Some(5000));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Refund {
    /// When the refund happens.
    pub at: Timestamp,
    /// Refunded lines.
    pub lines: Vec<RefundLine>,
}

/// One refunded line.
///
/// # Example
/// ```
/// let l: mallcare::points::RefundLine = serde_json::from_str(r#"{ "line": 1, "all": true }"#).unwrap();
/// assert!(l.all);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefundLine {
    /// Index of the line in the earn record.
    pub line: usize,
    /// Money refunded on it now, fen (or `all`).
    #[serde(default)]
    pub refund_fen: Option<i64>,
    /// Refund the rest of the line.
    #[serde(default)]
    pub all: bool,
    /// Money refunded on it by earlier partial returns, fen.
    #[serde(default)]
    pub previously_refunded_fen: i64,
}

/// One line of a [`Clawback`].
///
/// # Example
/// ```
/// let l = mallcare::points::ClawbackLine { line: 0, refund_fen: 5000, points: 50, points_returned: 0 };
/// assert_eq!(serde_json::to_value(l).unwrap()["refundFen"], 5000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClawbackLine {
    /// Line index.
    pub line: usize,
    /// Refunded now, fen.
    pub refund_fen: i64,
    /// Points owed back for it.
    pub points: i64,
    /// Points that paid for it, returned.
    pub points_returned: i64,
}

/// The answer of [`Program::clawback`].
///
/// # Example
/// See [`Program::clawback`].
/// ```
/// assert_eq!(serde_json::to_value(mallcare::points::WhenSpent::Forgive).unwrap(), "forgive");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clawback {
    /// The program's choice for spent points (always stated, even when not needed).
    pub policy: WhenSpent,
    /// Whether the policy had to be used (some owed points were already spent).
    pub policy_applied: bool,
    /// Points owed back, in proportion to the refunded amounts.
    pub owed_points: i64,
    /// Points actually taken from the balance (the `clawback` event).
    pub clawed_points: i64,
    /// Owed points the balance could not cover.
    pub shortfall_points: i64,
    /// Of those, left as a negative balance (allowNegative).
    pub debt_points: i64,
    /// Of those, forgiven.
    pub forgiven_points: i64,
    /// Cash value deducted from the refund (deductFromRefund), fen.
    pub cash_deducted_fen: i64,
    /// Money refunded before the deduction, fen.
    pub refund_fen: i64,
    /// Money to pay out: `refundFen − cashDeductedFen`.
    pub net_refund_fen: i64,
    /// Points that paid for the refunded part, returned as points.
    pub points_returned: i64,
    /// Per line.
    pub lines: Vec<ClawbackLine>,
    /// What happened, in words.
    pub reasons: Vec<Reason>,
    /// Ledger events to append (`adjust` for returned points, then `clawback`).
    pub events: Vec<Event>,
}

impl Clawback {
    /// The same answer with reasons in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// # use mallcare::points::*;
    /// let p = Program::load(r#"{"version":"1"}"#).unwrap();
    /// let rec: EarnRecord = serde_json::from_str(r#"{"lines":[{"paidFen":100,"points":1}]}"#).unwrap();
    /// let refund: Refund = serde_json::from_str(r#"{"at":"2026-05-01T10:00:00+08:00","lines":[{"line":0,"all":true}]}"#).unwrap();
    /// let c = p.clawback(&[], &rec, &refund).unwrap().localize(mallcare::Locale::En);
    /// assert_eq!(c.debt_points, 1);
    /// ```
    pub fn localize(mut self, locale: Locale) -> Clawback {
        localize_all(&mut self.reasons, locale);
        self
    }
}

/// `round_half_up(points × part / whole)`; `whole > 0`.
fn share(points: i64, part: i64, whole: i64) -> i64 {
    let n = 2 * i128::from(points) * i128::from(part) + i128::from(whole);
    i64::try_from(n.div_euclid(2 * i128::from(whole))).unwrap_or(0)
}

impl Program {
    /// What a refund takes back: for each refunded line, the line's points in proportion to the money refunded
    /// (cumulative over partial returns, so a full return takes back exactly what the line earned), and the points
    /// that paid for it returned as points. The order's own lots are taken first, then other points oldest first;
    /// what the balance cannot cover is handled by the program's `clawback.whenSpent`: `allowNegative` (a debt),
    /// `deductFromRefund` (cash value at the redemption rate, rounded half up, at most the refund) or `forgive`.
    ///
    /// # Errors
    /// Ledger problems as [`Program::balance`] (as of `refund.at`); `POINTS_LINE_UNKNOWN`
    /// (`refund.lines[i].line`), `POINTS_CLAWBACK_EXCEEDS_EARNING` (refunding more than the line's paid amount),
    /// `POINTS_VALUE_NEGATIVE`, `POINTS_FIELD_MISSING`; all at once.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{EarnRecord, Event, Program, Refund};
    /// let p = Program::load(r#"{ "version": "1", "clawback": { "whenSpent": "forgive" } }"#).unwrap();
    /// let events: Vec<Event> = serde_json::from_str(r#"[
    ///   { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 300, "ref": "SO-1" } ]"#).unwrap();
    /// let rec: EarnRecord = serde_json::from_str(
    ///   r#"{ "orderId": "SO-1", "lines": [ { "paidFen": 20000, "points": 200 }, { "paidFen": 10000, "points": 100 } ] }"#).unwrap();
    /// let refund: Refund = serde_json::from_str(
    ///   r#"{ "at": "2026-05-03T10:00:00+08:00", "lines": [ { "line": 0, "refundFen": 5000 } ] }"#).unwrap();
    /// let c = p.clawback(&events, &rec, &refund).unwrap();
    /// assert_eq!(c.owed_points, 50); // 200 × 5000 / 20000
    /// assert!(!c.policy_applied);
    /// ```
    pub fn clawback(&self, events: &[Event], earned: &EarnRecord, refund: &Refund) -> Result<Clawback> {
        let mut issues = Issues::default();
        let fold = issues.take(self.fold(events, refund.at, true), "");
        let mut lines = Vec::with_capacity(refund.lines.len());
        for (i, r) in refund.lines.iter().enumerate() {
            let p = format!("refund.lines[{i}]");
            let Some(l) = earned.lines.get(r.line) else {
                issues.push(Issue::new(
                    "POINTS_LINE_UNKNOWN",
                    format!("{p}.line"),
                    format!("积分记录中没有第 {} 行（共 {} 行）", r.line, earned.lines.len()),
                    format!("the earn record has no line {} ({} lines)", r.line, earned.lines.len()),
                ));
                continue;
            };
            if r.previously_refunded_fen < 0 || r.refund_fen.is_some_and(|x| x < 0) {
                issues.push(Issue::new(
                    "POINTS_VALUE_NEGATIVE",
                    p.clone(),
                    "退款金额不能为负数",
                    "refund amounts must not be negative",
                ));
                continue;
            }
            let now = match (r.all, r.refund_fen) {
                (true, _) => (l.paid_fen - r.previously_refunded_fen).max(0),
                (false, Some(x)) => x,
                (false, None) => {
                    issues.push(Issue::new(
                        "POINTS_FIELD_MISSING",
                        format!("{p}.refundFen"),
                        "请写明退款金额或 all: true",
                        "give refundFen or all: true",
                    ));
                    continue;
                }
            };
            let before = r.previously_refunded_fen;
            let after = before.saturating_add(now);
            if after > l.paid_fen {
                issues.push(Issue::new(
                    "POINTS_CLAWBACK_EXCEEDS_EARNING",
                    format!("{p}.refundFen"),
                    format!("退款累计 {after} 分超过该行实付 {} 分，无法按比例扣回积分", l.paid_fen),
                    format!("refunds total {after} fen, more than the line's paid {} fen", l.paid_fen),
                ));
                continue;
            }
            let (points, returned) = if l.paid_fen > 0 {
                (
                    share(l.points, after, l.paid_fen) - share(l.points, before, l.paid_fen),
                    share(l.points_paid, after, l.paid_fen) - share(l.points_paid, before, l.paid_fen),
                )
            } else if r.all && before == 0 {
                (l.points, l.points_paid)
            } else {
                (0, 0)
            };
            lines.push(ClawbackLine { line: r.line, refund_fen: now, points, points_returned: returned });
        }
        let Some(f) = fold.filter(|_| issues.is_empty()) else {
            return Err(Error::new(issues.into_vec()));
        };
        let owed: i64 = lines.iter().map(|l| l.points).sum();
        let returned: i64 = lines.iter().map(|l| l.points_returned).sum();
        let refund_fen: i64 = lines.iter().map(|l| l.refund_fen).sum();
        let info = earned.order_id.as_deref().and_then(|r| f.refs.get(r)).and_then(|id| f.ref_info.get(*id as usize));
        if let Some(info) = info {
            if owed > info.earned - info.clawed {
                return Err(Error::from(Issue::new(
                    "POINTS_CLAWBACK_EXCEEDS_EARNING",
                    "refund",
                    format!("应扣回 {owed} 分，超过该单账本中尚未扣回的 {} 分", info.earned - info.clawed),
                    format!(
                        "{owed} points owed back, more than the order still holds in the ledger ({})",
                        info.earned - info.clawed
                    ),
                )));
            }
        }
        let holdable = f.available + f.pending + returned;
        let covered = owed.min(holdable.max(0));
        let shortfall = owed - covered;
        let policy = self.doc.clawback.when_spent;
        let (mut clawed, mut debt, mut forgiven, mut cash) = (covered, 0, 0, 0);
        let mut reasons = Vec::new();
        if shortfall > 0 {
            match policy {
                WhenSpent::AllowNegative => {
                    clawed = owed;
                    debt = shortfall;
                    reasons.push(Reason::new(
                        "POINTS_CLAWBACK_DEBT",
                        "clawback.whenSpent",
                        format!("{shortfall} 分已被使用，按方案记为负积分，由今后的积分抵扣"),
                        format!("{shortfall} points were already spent: per the program they become a negative balance repaid by future points"),
                    ));
                }
                WhenSpent::DeductFromRefund => {
                    let pv = self.doc.redemption.as_ref().map(|r| r.point_value);
                    let value = match pv {
                        Some(pv) => share(shortfall, pv.fen, pv.points),
                        None => 0,
                    };
                    cash = value.min(refund_fen);
                    if cash < value {
                        forgiven = pv.map_or(shortfall, |pv| {
                            shortfall
                                - i64::try_from(i128::from(cash) * i128::from(pv.points) / i128::from(pv.fen))
                                    .unwrap_or(0)
                        });
                    }
                    reasons.push(Reason::new(
                        "POINTS_CLAWBACK_DEDUCTED",
                        "clawback.whenSpent",
                        format!("{shortfall} 分已被使用，按方案从退款中扣除其价值 {cash} 分"),
                        format!("{shortfall} points were already spent: per the program their value, {cash} fen, is deducted from the refund"),
                    ));
                }
                WhenSpent::Forgive => {
                    forgiven = shortfall;
                    reasons.push(Reason::new(
                        "POINTS_CLAWBACK_FORGIVEN",
                        "clawback.whenSpent",
                        format!("{shortfall} 分已被使用，按方案不再追回"),
                        format!("{shortfall} points were already spent: per the program they are forgiven"),
                    ));
                }
            }
        }
        let mut events = Vec::new();
        if returned > 0 {
            reasons.push(Reason::new(
                "POINTS_PAYMENT_RETURNED",
                "",
                format!("退还支付时使用的 {returned} 积分"),
                format!("{returned} points that paid for the goods are returned"),
            ));
            events.push(Event {
                kind: EventKind::Adjust,
                at: refund.at,
                points: returned,
                available_on: None,
                expires_on: None,
                reference: earned.order_id.clone(),
                note: Some("pointsPaidReturned".into()),
            });
        }
        if clawed > 0 {
            events.push(Event {
                kind: EventKind::Clawback,
                at: refund.at,
                points: clawed,
                available_on: None,
                expires_on: None,
                reference: earned.order_id.clone(),
                note: None,
            });
        }
        Ok(Clawback {
            policy,
            policy_applied: shortfall > 0,
            owed_points: owed,
            clawed_points: clawed,
            shortfall_points: shortfall,
            debt_points: debt,
            forgiven_points: forgiven,
            cash_deducted_fen: cash,
            refund_fen,
            net_refund_fen: refund_fen - cash,
            points_returned: returned,
            lines,
            reasons,
            events,
        })
    }
}
