//! Member benefits and the parking fee (tariff, free time by tier and by same-day spend, paying with points).

use super::{localize_all, Member, Program, Reason};
use crate::error::{Error, Issue, Issues, Locale};
use crate::{Result, Timestamp};
use serde::{Deserialize, Serialize};

/// A tier's benefits, with defaults filled in.
///
/// # Example
/// ```
/// let p = mallcare::points::Program::load(r#"{ "version": "1", "tiers": { "basis": "spend",
///   "window": "calendarYear", "downgrade": "oneStep", "levels": [ { "id": "base", "threshold": 0 },
///   { "id": "gold", "threshold": 100, "benefits": { "pointsMultiplierPercent": 150, "freeParkingMinutes": 120 } } ] } }"#).unwrap();
/// let b = p.benefits("gold").unwrap();
/// assert_eq!((b.points_multiplier_percent, b.free_parking_minutes), (150, 120));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Benefits {
    /// Tier id.
    pub tier: String,
    /// Tier name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Points multiplier in percent (100 = none).
    pub points_multiplier_percent: i64,
    /// Birthday gift, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday_gift: Option<String>,
    /// Extra days of return window.
    pub return_window_extra_days: i64,
    /// Free delivery from this amount, fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_delivery_threshold_fen: Option<i64>,
    /// Free parking minutes per day.
    pub free_parking_minutes: i64,
    /// Members-only events.
    pub exclusive_events: bool,
    /// Other perks.
    pub perks: Vec<String>,
}

/// A parking session.
///
/// # Example
/// ```
/// let s: mallcare::points::ParkingSession = serde_json::from_str(
///     r#"{ "entryAt": "2026-05-01T10:00:00+08:00", "exitAt": "2026-05-01T14:10:00+08:00" }"#).unwrap();
/// assert_eq!(s.entry_at.seconds_until(s.exit_at), 15000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParkingSession {
    /// Entry time.
    pub entry_at: Timestamp,
    /// Exit time.
    pub exit_at: Timestamp,
}

/// Part of a fee that was waived, and why.
///
/// # Example
/// ```
/// # use mallcare::points::*;
/// let w = Waiver { kind: "tier".into(), minutes: 120, fen: 2000, reason: Reason::new("X", "", "", "") };
/// assert_eq!(w.fen, 2000);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Waiver {
    /// `freeMinutes` (the tariff's free start), `tier` or `spend`.
    pub kind: String,
    /// Free minutes granted.
    pub minutes: i64,
    /// Money it saved, fen.
    pub fen: i64,
    /// In words.
    pub reason: Reason,
}

/// Paying the rest with points.
///
/// # Example
/// ```
/// let o = mallcare::points::PointsOption { points: 1500, covers_fen: 1500, enough: Some(true) };
/// assert!(o.enough.unwrap());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PointsOption {
    /// Points needed (rounded up to a whole point).
    pub points: i64,
    /// The fee they pay, fen.
    pub covers_fen: i64,
    /// Whether the member has them (when `member.availablePoints` was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enough: Option<bool>,
}

/// The answer of [`Program::parking_fee`].
///
/// # Example
/// Four hours ten minutes, half an hour free by the tariff and two more for spending ¥250 that day: the parts of
/// the answer add up to the tariff with no free time.
/// ```
/// use mallcare::points::{Member, ParkingSession, Program};
/// let p = Program::load(r#"{ "version": "1", "redemption": { "pointValue": { "points": 100, "fen": 100 } },
///   "parking": { "freeMinutes": 30, "unitMinutes": 60, "unitFen": 1000, "dailyCapFen": 6000,
///                "spendWaivers": [ { "minSpendFen": 20000, "freeMinutes": 120 } ] } }"#).unwrap();
/// let s: ParkingSession = serde_json::from_str(
///   r#"{ "entryAt": "2026-05-01T10:00:00+08:00", "exitAt": "2026-05-01T14:10:00+08:00" }"#).unwrap();
/// let f = p.parking_fee(&s, &Member::default(), 25000).unwrap();
/// assert_eq!((f.minutes, f.gross_fen, f.fee_fen), (250, 5000, 2000));
/// assert_eq!(f.waived.len(), 2);
/// assert_eq!(f.fee_fen + f.waived.iter().map(|w| w.fen).sum::<i64>(), f.gross_fen);
/// assert_eq!(f.pay_with_points.unwrap().points, 2000); // at 100 points a yuan
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParkingFee {
    /// Minutes parked (started minutes count).
    pub minutes: i64,
    /// The tariff with no free time at all, fen.
    pub gross_fen: i64,
    /// What is due, fen.
    pub fee_fen: i64,
    /// Overnight charges included in the fee, fen.
    pub overnight_fen: i64,
    /// What was waived, in order: tariff free start, tier, same-day spend.
    pub waived: Vec<Waiver>,
    /// Paying the fee with points, if the program allows it and there is a fee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_with_points: Option<PointsOption>,
}

impl ParkingFee {
    /// The same answer with reasons in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Member, ParkingSession, Program};
    /// let p = Program::load(r#"{ "version": "1", "redemption": { "pointValue": { "points": 100, "fen": 100 } },
    ///   "parking": { "freeMinutes": 30, "unitMinutes": 60, "unitFen": 1000, "dailyCapFen": 6000 } }"#).unwrap();
    /// let s: ParkingSession = serde_json::from_str(
    ///   r#"{ "entryAt": "2026-05-01T10:00:00+08:00", "exitAt": "2026-05-01T12:00:00+08:00" }"#).unwrap();
    /// let zh = p.parking_fee(&s, &Member::default(), 0).unwrap();
    /// let en = zh.clone().localize(mallcare::Locale::En);
    /// assert_eq!(en.fee_fen, zh.fee_fen); // only the wording changes
    /// assert_eq!(en.waived[0].reason.message(), en.waived[0].reason.en);
    /// assert_eq!(zh.waived[0].reason.message(), zh.waived[0].reason.zh);
    /// ```
    pub fn localize(mut self, locale: Locale) -> ParkingFee {
        let mut reasons: Vec<Reason> = self.waived.iter().map(|w| w.reason.clone()).collect();
        localize_all(&mut reasons, locale);
        for (w, r) in self.waived.iter_mut().zip(reasons) {
            w.reason = r;
        }
        self
    }
}

impl Program {
    /// The benefits of a tier, from the document (defaults: multiplier 100%, no extras).
    ///
    /// # Errors
    /// `POINTS_TIER_UNKNOWN` for a tier the program does not have.
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// assert_eq!(p.benefits("base").unwrap().points_multiplier_percent, 100);
    /// assert_eq!(p.benefits("platinum").unwrap_err().code(), "POINTS_TIER_UNKNOWN");
    /// ```
    pub fn benefits(&self, tier: &str) -> Result<Benefits> {
        self.tier_index(tier, "tier")?;
        let level = self.doc.tiers.as_ref().and_then(|t| t.levels.iter().find(|l| l.id == tier));
        let d = level.map(|l| l.benefits.clone()).unwrap_or_default();
        Ok(Benefits {
            tier: tier.to_string(),
            name: level.and_then(|l| l.name.clone()),
            points_multiplier_percent: d.points_multiplier_percent.unwrap_or(100),
            birthday_gift: d.birthday_gift,
            return_window_extra_days: d.return_window_extra_days.unwrap_or(0),
            free_delivery_threshold_fen: d.free_delivery_threshold_fen,
            free_parking_minutes: d.free_parking_minutes.unwrap_or(0),
            exclusive_events: d.exclusive_events.unwrap_or(false),
            perks: d.perks,
        })
    }

    /// The parking fee of a session: the mall's tariff (`parking`: free first minutes, a rate per started unit,
    /// a cap per calendar day, a charge per night), minus free time for the member's tier and for the best
    /// same-day spend waiver the member reached. Free time is taken from the start of the stay. Every waived
    /// part says why and how much it saved; the rest can be paid with points at the redemption rate.
    ///
    /// # Errors
    /// `POINTS_PARKING_MISSING` (no `parking` in the program), `POINTS_PARKING_TIMES_REVERSED`
    /// (`session.exitAt`), `POINTS_TIER_UNKNOWN` (`member.tier`), `POINTS_VALUE_NEGATIVE` (`spendTodayFen`).
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Member, ParkingSession, Program};
    /// let p = Program::load(r#"{ "version": "1",
    ///   "redemption": { "pointValue": { "points": 100, "fen": 100 } },
    ///   "parking": { "freeMinutes": 30, "unitMinutes": 60, "unitFen": 1000, "dailyCapFen": 6000,
    ///                "spendWaivers": [ { "minSpendFen": 20000, "freeMinutes": 120 } ] } }"#).unwrap();
    /// let s: ParkingSession = serde_json::from_str(
    ///   r#"{ "entryAt": "2026-05-01T10:00:00+08:00", "exitAt": "2026-05-01T14:10:00+08:00" }"#).unwrap();
    /// let f = p.parking_fee(&s, &Member::default(), 25000).unwrap();
    /// // 250 min; 30 free + 120 for spending ¥250 → 100 min billable = 2 started hours = ¥20
    /// assert_eq!(f.fee_fen, 2000);
    /// assert_eq!(f.gross_fen, 5000);
    /// assert_eq!(f.pay_with_points.unwrap().points, 2000);
    /// ```
    pub fn parking_fee(&self, session: &ParkingSession, member: &Member, spend_today_fen: i64) -> Result<ParkingFee> {
        let Some(pk) = &self.doc.parking else {
            return Err(Error::from(Issue::new(
                "POINTS_PARKING_MISSING",
                "",
                "方案没有停车收费设置（parking）",
                "the program has no parking tariff",
            )));
        };
        let mut issues = Issues::default();
        let tier = issues.take(self.member_tier(member, "member.tier"), "");
        if session.exit_at < session.entry_at {
            issues.push(Issue::new(
                "POINTS_PARKING_TIMES_REVERSED",
                "session.exitAt",
                "出场时间早于入场时间",
                "the exit time is before the entry time",
            ));
        }
        if spend_today_fen < 0 {
            issues.push(Issue::new(
                "POINTS_VALUE_NEGATIVE",
                "spendTodayFen",
                "消费金额不能为负数",
                "spend must not be negative",
            ));
        }
        let Some(tier) = tier.filter(|_| issues.is_empty()) else {
            return Err(Error::new(issues.into_vec()));
        };
        let seconds = session.entry_at.seconds_until(session.exit_at);
        let minutes = (seconds + 59) / 60;
        let tier_minutes = self.benefits_doc(tier).and_then(|b| b.free_parking_minutes).unwrap_or(0);
        let spend = pk
            .spend_waivers
            .iter()
            .filter(|w| spend_today_fen >= w.min_spend_fen)
            .max_by_key(|w| w.free_minutes)
            .copied();
        let spend_minutes = spend.map_or(0, |w| w.free_minutes);
        let charge = |free: i64| -> Result<i64> { self.tariff(session, free) };
        let gross = charge(0)?;
        let f1 = charge(pk.free_minutes)?;
        let f2 = charge(pk.free_minutes + tier_minutes)?;
        let f3 = charge(pk.free_minutes + tier_minutes + spend_minutes)?;
        let overnight = self.nights(session)? * pk.overnight_fen;
        let mut waived = Vec::new();
        if pk.free_minutes > 0 {
            waived.push(Waiver {
                kind: "freeMinutes".into(),
                minutes: pk.free_minutes,
                fen: gross - f1,
                reason: Reason::new(
                    "PARKING_FREE_START",
                    "parking.freeMinutes",
                    format!("停车场前 {} 分钟免费", pk.free_minutes),
                    format!("the first {} minutes are free", pk.free_minutes),
                ),
            });
        }
        if tier_minutes > 0 {
            waived.push(Waiver {
                kind: "tier".into(),
                minutes: tier_minutes,
                fen: f1 - f2,
                reason: Reason::new(
                    "PARKING_TIER_FREE",
                    "member.tier",
                    format!("{tier} 等级会员免费停车 {tier_minutes} 分钟"),
                    format!("{tier} members park {tier_minutes} minutes free"),
                ),
            });
        }
        if let Some(w) = spend.filter(|w| w.free_minutes > 0) {
            waived.push(Waiver {
                kind: "spend".into(),
                minutes: w.free_minutes,
                fen: f2 - f3,
                reason: Reason::new(
                    "PARKING_SPEND_FREE",
                    "spendTodayFen",
                    format!("当日消费满 {} 分，免费停车 {} 分钟", w.min_spend_fen, w.free_minutes),
                    format!("spent at least {} fen today: {} minutes free", w.min_spend_fen, w.free_minutes),
                ),
            });
        }
        let fee = f3 + overnight;
        let pay_with_points = match (&self.doc.redemption, pk.pay_with_points && fee > 0) {
            (Some(rd), true) => {
                let pv = rd.point_value;
                let n = i128::from(fee) * i128::from(pv.points);
                let d = i128::from(pv.fen);
                let points = i64::try_from((n + d - 1) / d).map_err(|_| super::ratio::overflow())?;
                Some(PointsOption { points, covers_fen: fee, enough: member.available_points.map(|a| a >= points) })
            }
            _ => None,
        };
        Ok(ParkingFee {
            minutes,
            gross_fen: gross + overnight,
            fee_fen: fee,
            overnight_fen: overnight,
            waived,
            pay_with_points,
        })
    }

    /// Hourly charge (per started unit, capped per calendar day) for the stay minus `free` minutes at its start.
    fn tariff(&self, s: &ParkingSession, free: i64) -> Result<i64> {
        let Some(pk) = &self.doc.parking else { return Ok(0) };
        let mut start = s.entry_at.add_seconds(crate::money::saturating_mul_i64(free, 60))?;
        let mut total = 0i64;
        let unit = crate::money::saturating_mul_i64(pk.unit_minutes, 60).max(1);
        while start < s.exit_at {
            let midnight = Timestamp::at(start.date().add_days(1)?, 0, 0, 0)?;
            let end = if s.exit_at < midnight { s.exit_at } else { midnight };
            let secs = start.seconds_until(end);
            let units = (secs + unit - 1) / unit;
            let mut day = crate::money::saturating_mul_i64(units, pk.unit_fen);
            if let Some(cap) = pk.daily_cap_fen {
                day = day.min(cap);
            }
            total = total.saturating_add(day);
            start = end;
        }
        Ok(total)
    }

    /// Midnights crossed during the stay.
    fn nights(&self, s: &ParkingSession) -> Result<i64> {
        Ok(s.entry_at.date().days_until(s.exit_at.date()).max(0))
    }
}
