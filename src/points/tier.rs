//! Tiers: qualification by rolling 12 months or calendar year, immediate upgrade, review and downgrade.

use super::doc::{Downgrade, TierBasis, TierWindow, TiersDoc};
use super::Program;
use crate::error::{Error, Issue, Issues};
use crate::{Date, Result, Timestamp};
use serde::{Deserialize, Serialize};

/// What counts towards a tier: purchases (and returns, as negative amounts) over time.
///
/// # Example
/// ```
/// let h: mallcare::points::TierHistory = serde_json::from_str(r#"{ "entries": [
///   { "at": "2026-03-15T10:00:00+08:00", "spendFen": 600000, "ref": "SO-1" } ] }"#).unwrap();
/// assert_eq!(h.entries.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TierHistory {
    /// The tier held before the first entry (default: the lowest).
    #[serde(default)]
    pub start_tier: Option<String>,
    /// When that tier is reviewed (required when `startTier` is above the lowest).
    #[serde(default)]
    pub start_valid_until: Option<Date>,
    /// Purchases and returns in time order.
    pub entries: Vec<TierEntry>,
}

/// One purchase (positive) or return (negative).
///
/// # Example
/// ```
/// let e: mallcare::points::TierEntry = serde_json::from_str(r#"{ "at": "2026-03-15T10:00:00+08:00", "spendFen": -5000 }"#).unwrap();
/// assert_eq!(e.spend_fen, Some(-5000));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TierEntry {
    /// When.
    pub at: Timestamp,
    /// Net spend in fen (negative for a return); required when the program's basis is `spend`.
    #[serde(default)]
    pub spend_fen: Option<i64>,
    /// Points (negative for a clawback); required when the basis is `points`.
    #[serde(default)]
    pub points: Option<i64>,
    /// The order, echoed in `changes`.
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
}

/// A tier and how far away it is.
///
/// # Example
/// ```
/// let t = mallcare::points::TierTarget { tier: "gold".into(), threshold: 2_000_000, needed: 500_000, by: None };
/// assert_eq!(serde_json::to_value(&t).unwrap()["needed"], 500_000);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TierTarget {
    /// Tier id.
    pub tier: String,
    /// Its threshold (fen or points, per the basis).
    pub threshold: i64,
    /// Still needed (0 when already there).
    pub needed: i64,
    /// Deadline (for keeping a tier: its review date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
}

/// A change of tier.
///
/// # Example
/// ```
/// let c = mallcare::points::TierChange { on: mallcare::Date::parse("2026-03-15").unwrap(), from: "base".into(),
///   to: "silver".into(), reason: "upgrade".into(), reference: None };
/// assert_eq!(serde_json::to_value(&c).unwrap()["reason"], "upgrade");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TierChange {
    /// Day of the change.
    pub on: Date,
    /// Tier before.
    pub from: String,
    /// Tier after.
    pub to: String,
    /// `upgrade`, `returnUndo`, `renewed` or `downgrade`.
    pub reason: String,
    /// The entry that caused it, if any.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The answer of [`Program::tier`].
///
/// # Example
/// ¥6,000 spent in March makes a silver member for a year; ¥14,000 more would make gold.
/// ```
/// use mallcare::points::{Program, TierHistory};
/// use mallcare::Timestamp;
/// let p = Program::load(r#"{ "version": "1", "tiers": { "basis": "spend", "window": "rolling12Months",
///   "downgrade": "oneStep", "levels": [ { "id": "base", "threshold": 0 },
///   { "id": "silver", "threshold": 500000 }, { "id": "gold", "threshold": 2000000 } ] } }"#).unwrap();
/// let h: TierHistory = serde_json::from_str(r#"{ "entries": [
///   { "at": "2026-03-15T10:00:00+08:00", "spendFen": 600000 } ] }"#).unwrap();
/// let s = p.tier(&h, Timestamp::parse("2026-06-01T00:00:00+08:00").unwrap()).unwrap();
/// assert_eq!((s.tier.as_str(), s.qualifying), ("silver", 600000));
/// assert_eq!(s.since.unwrap().to_string(), "2026-03-15");
/// assert_eq!(s.next.unwrap().needed, 1_400_000);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TierStatus {
    /// Current tier id.
    pub tier: String,
    /// Its name from the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Held since (absent for the lowest tier never left).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// Valid until (the review date; absent for the lowest tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// Qualifying amount in the current window.
    pub qualifying: i64,
    /// First day of the current window.
    pub window_from: Date,
    /// Last day of the current window (the as-of day).
    pub window_to: Date,
    /// The next tier up and what it needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<TierTarget>,
    /// What is needed by the review date to keep the current tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep: Option<TierTarget>,
    /// Every change, oldest first.
    pub changes: Vec<TierChange>,
}

struct Sim<'a> {
    t: &'a TiersDoc,
    days: Vec<Date>,
    prefix: Vec<i64>,
}

impl Sim<'_> {
    /// Sum of amounts with `from <= day <= to` among the first `n` entries.
    fn sum(&self, from: Date, to: Date, n: usize) -> i64 {
        let days = self.days.get(..n).unwrap_or(&[]);
        let lo = days.partition_point(|d| *d < from);
        let hi = days.partition_point(|d| *d <= to);
        if hi <= lo {
            return 0;
        }
        self.prefix.get(hi).copied().unwrap_or(0) - self.prefix.get(lo).copied().unwrap_or(0)
    }

    /// The window that counts on `day`: the 12 months up to it, or its calendar year so far.
    fn window(&self, day: Date) -> Result<(Date, Date)> {
        Ok(match self.t.window {
            TierWindow::Rolling12Months => (day.add_months(-12)?.add_days(1)?, day),
            TierWindow::CalendarYear => (Date::from_ymd(day.year(), 1, 1)?, day),
        })
    }

    fn validity_end(&self, upgraded: Date) -> Result<Date> {
        match self.t.window {
            TierWindow::Rolling12Months => upgraded.add_months(12)?.add_days(-1),
            TierWindow::CalendarYear => Date::from_ymd(upgraded.year() + 1, 12, 31),
        }
    }

    fn supported(&self, amount: i64) -> usize {
        self.t.levels.iter().rposition(|l| l.threshold <= amount).unwrap_or(0)
    }

    fn id(&self, i: usize) -> String {
        self.t.levels.get(i).map_or_else(String::new, |l| l.id.clone())
    }
}

#[derive(Clone, Copy)]
struct State {
    cur: usize,
    since: Option<Date>,
    valid_until: Option<Date>,
}

impl Program {
    /// The member's tier as of `at`, replaying the history: a tier is reached as soon as the qualifying amount in
    /// the window (rolling 12 months or calendar year so far) reaches its threshold, and is valid for 12 months
    /// (rolling) or to the end of the next calendar year; at the review date it is renewed if the review window
    /// still qualifies, else lowered one step or to the supported level (as the document says). A return
    /// reduces qualifying spend and undoes an upgrade of the current period it no longer supports (never below
    /// the tier held at the last review).
    ///
    /// # Errors
    /// `POINTS_TIERS_MISSING` (the program has no tiers), `POINTS_EVENTS_OUT_OF_ORDER`
    /// (`history.entries[i].at`), `POINTS_EVENT_AFTER_AS_OF`, `POINTS_FIELD_MISSING`
    /// (`history.entries[i].spendFen`), `POINTS_TIER_UNKNOWN` (`history.startTier`).
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Program, TierHistory};
    /// use mallcare::Timestamp;
    /// let p = Program::load(r#"{ "version": "1", "tiers": { "basis": "spend", "window": "rolling12Months",
    ///   "downgrade": "oneStep", "levels": [ { "id": "base", "threshold": 0 },
    ///   { "id": "silver", "threshold": 500000 }, { "id": "gold", "threshold": 2000000 } ] } }"#).unwrap();
    /// let h: TierHistory = serde_json::from_str(r#"{ "entries": [
    ///   { "at": "2026-03-15T10:00:00+08:00", "spendFen": 600000 } ] }"#).unwrap();
    /// let s = p.tier(&h, Timestamp::parse("2026-06-01T00:00:00+08:00").unwrap()).unwrap();
    /// assert_eq!(s.tier, "silver");
    /// assert_eq!(s.valid_until.unwrap().to_string(), "2027-03-14");
    /// assert_eq!(s.next.unwrap().needed, 1_400_000);
    /// ```
    pub fn tier(&self, history: &TierHistory, at: Timestamp) -> Result<TierStatus> {
        let Some(t) = &self.doc.tiers else {
            return Err(Error::from(Issue::new(
                "POINTS_TIERS_MISSING",
                "",
                "方案没有会员等级设置（tiers）",
                "the program has no tiers",
            )));
        };
        let mut issues = Issues::default();
        let start = match &history.start_tier {
            Some(s) => issues.take(self.tier_index(s, "history.startTier"), "").unwrap_or(0),
            None => 0,
        };
        if start > 0 && history.start_valid_until.is_none() {
            issues.push(Issue::new(
                "POINTS_FIELD_MISSING",
                "history.startValidUntil",
                "起始等级高于最低等级时须写明其有效期",
                "a start tier above the lowest needs startValidUntil",
            ));
        }
        let mut days = Vec::with_capacity(history.entries.len());
        let mut prefix = vec![0i64];
        let mut prev: Option<Timestamp> = None;
        for (i, e) in history.entries.iter().enumerate() {
            if prev.is_some_and(|p| e.at < p) {
                issues.push(Issue::new(
                    "POINTS_EVENTS_OUT_OF_ORDER",
                    format!("history.entries[{i}].at"),
                    "记录须按时间顺序",
                    "entries must be in time order",
                ));
            }
            if e.at > at {
                issues.push(Issue::new(
                    "POINTS_EVENT_AFTER_AS_OF",
                    format!("history.entries[{i}].at"),
                    format!("记录时间晚于查询时间 {at}"),
                    format!("entry is after the as-of time {at}"),
                ));
            }
            prev = Some(e.at);
            let (v, field) = match t.basis {
                TierBasis::Spend => (e.spend_fen, "spendFen"),
                TierBasis::Points => (e.points, "points"),
            };
            let Some(v) = v.filter(|v| v.abs() <= crate::money::MAX_FEN) else {
                issues.push(Issue::new(
                    "POINTS_FIELD_MISSING",
                    format!("history.entries[{i}].{field}"),
                    format!("按方案的定级依据须写明 {field}"),
                    format!("the program's basis needs {field}"),
                ));
                continue;
            };
            days.push(e.at.date());
            prefix.push(prefix.last().copied().unwrap_or(0) + v);
        }
        if !issues.is_empty() {
            return Err(Error::new(issues.into_vec()));
        }
        let sim = Sim { t, days, prefix };
        let mut s =
            State { cur: start, since: None, valid_until: if start > 0 { history.start_valid_until } else { None } };
        let mut floor = s;
        // States left by upgrades since the last review, so a return can restore the one it falls back to.
        let mut stack: Vec<State> = Vec::new();
        let mut changes = Vec::new();
        let review = |s: &mut State,
                      floor: &mut State,
                      stack: &mut Vec<State>,
                      changes: &mut Vec<TierChange>,
                      upto: Date,
                      n: usize|
         -> Result<()> {
            while let Some(v) = s.valid_until.filter(|v| *v < upto) {
                let (from, to) = sim.window(v)?;
                let q = sim.sum(from, to, n);
                let supported = sim.supported(q);
                let next_day = v.add_days(1)?;
                let renewed_until = v.add_months(12)?;
                if supported >= s.cur {
                    s.valid_until = Some(renewed_until);
                    changes.push(TierChange {
                        on: next_day,
                        from: sim.id(s.cur),
                        to: sim.id(s.cur),
                        reason: "renewed".into(),
                        reference: None,
                    });
                } else {
                    let new = match t.downgrade {
                        Downgrade::OneStep => s.cur.saturating_sub(1),
                        Downgrade::ToSupported => supported,
                    };
                    changes.push(TierChange {
                        on: next_day,
                        from: sim.id(s.cur),
                        to: sim.id(new),
                        reason: "downgrade".into(),
                        reference: None,
                    });
                    s.cur = new;
                    s.since = Some(next_day);
                    s.valid_until = if new > 0 { Some(renewed_until) } else { None };
                }
                *floor = *s;
                stack.clear();
            }
            Ok(())
        };
        for (i, e) in history.entries.iter().enumerate() {
            let day = e.at.date();
            review(&mut s, &mut floor, &mut stack, &mut changes, day, i)?;
            let (from, to) = sim.window(day)?;
            let q = sim.sum(from, to, i + 1);
            let supported = sim.supported(q);
            let amount = sim.prefix.get(i + 1).copied().unwrap_or(0) - sim.prefix.get(i).copied().unwrap_or(0);
            if supported > s.cur {
                changes.push(TierChange {
                    on: day,
                    from: sim.id(s.cur),
                    to: sim.id(supported),
                    reason: "upgrade".into(),
                    reference: e.reference.clone(),
                });
                stack.push(s);
                s = State { cur: supported, since: Some(day), valid_until: Some(sim.validity_end(day)?) };
            } else if amount < 0 && supported < s.cur && s.cur > floor.cur {
                let new = supported.max(floor.cur);
                changes.push(TierChange {
                    on: day,
                    from: sim.id(s.cur),
                    to: sim.id(new),
                    reason: "returnUndo".into(),
                    reference: e.reference.clone(),
                });
                while stack.last().is_some_and(|p| p.cur > new) {
                    stack.pop();
                }
                s = match stack.pop() {
                    Some(p) if p.cur == new => p,
                    _ if new == floor.cur => floor,
                    _ => State { cur: new, ..s },
                };
            }
        }
        let n = history.entries.len();
        let today = at.date();
        review(&mut s, &mut floor, &mut stack, &mut changes, today, n)?;
        let (window_from, window_to) = sim.window(today)?;
        let qualifying = sim.sum(window_from, window_to, n);
        let next = t.levels.get(s.cur + 1).map(|l| TierTarget {
            tier: l.id.clone(),
            threshold: l.threshold,
            needed: (l.threshold - qualifying).max(0),
            by: None,
        });
        let keep = match (s.valid_until, t.levels.get(s.cur)) {
            (Some(v), Some(l)) if s.cur > 0 => {
                let (from, _) = sim.window(v)?;
                let so_far = sim.sum(from, today.min(v), n);
                Some(TierTarget {
                    tier: l.id.clone(),
                    threshold: l.threshold,
                    needed: (l.threshold - so_far).max(0),
                    by: Some(v),
                })
            }
            _ => None,
        };
        let level = t.levels.get(s.cur);
        Ok(TierStatus {
            tier: sim.id(s.cur),
            name: level.and_then(|l| l.name.clone()),
            since: s.since,
            valid_until: s.valid_until,
            qualifying,
            window_from,
            window_to,
            next,
            keep,
            changes,
        })
    }
}
