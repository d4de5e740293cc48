//! The points pillar: earning, pending, expiry, redemption, clawback on returns, tiers, member benefits and
//! parking.
//!
//! A [`Program`] is loaded once from a JSON document (versioned and fingerprinted) and then queried:
//!
//! * [`Program::earn`]: points per order line and in total, which rule gave what, and when they become available
//!   (points stay pending until the line's return window closes);
//! * [`Program::balance`]: a deterministic fold over ledger events (earn, redeem, expire, clawback, adjust) into
//!   lots consumed first-in-first-out: available, pending, debt, expiring soon, lifetime earned;
//! * [`Program::redeem`]: points as cash or a catalogue reward, or a refusal with precise reasons;
//! * [`Program::clawback`]: what a (partial) return takes back, and what happens when the points were spent;
//! * [`Program::tier`]: the member's tier from qualifying spend or points, with upgrade, review and downgrade;
//! * [`Program::benefits`] and [`Program::parking_fee`].
//!
//! Points are `i64` integers and money is `i64` fen; nothing that decides either uses a float. The guide with a
//! complete department-store program is `docs/points.md`.
//!
//! ```
//! use mallcare::points::{Member, Order, Program};
//! use mallcare::Timestamp;
//!
//! let program = Program::load(r#"{ "version": "demo-1", "earning": { "pendingDays": 7 } }"#).unwrap();
//! let order: Order = serde_json::from_str(r#"{ "id": "SO-1", "lines": [ { "paidFen": 32850 } ] }"#).unwrap();
//! let at = Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap();
//! let earned = program.earn(&order, &Member::default(), at).unwrap();
//! assert_eq!(earned.points, 328); // ¥328.50 at 1 point per yuan, rounded down
//! assert_eq!(earned.lines[0].available_on.to_string(), "2026-05-08");
//! ```

mod args;
mod compiled;
mod doc;
mod earn;
mod handle;
mod ledger;
mod packed;
mod parking;
mod ratio;
mod read;
mod tier;

pub use doc::{BenefitsDoc, WhenSpent};
pub use earn::{EarnDetail, EarnLine, EarnResult, Line, Order, RuleGain};
pub use handle::Ledger;
pub use ledger::{
    Balance, Clawback, ClawbackLine, DatedPoints, EarnRecord, EarnRecordLine, Event, EventKind, RedeemDecision,
    RedeemKind, RedeemRequest, Refund, RefundLine,
};
pub use parking::{Benefits, ParkingFee, ParkingSession, PointsOption, Waiver};
pub use read::FromJson;
pub use tier::{TierChange, TierEntry, TierHistory, TierStatus, TierTarget};

use crate::error::{Issue, Issues, Locale};
use crate::{Date, Result};
use doc::ProgramDoc;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// A loaded, checked points program: load once, query many.
///
/// # Example
/// ```
/// let p = mallcare::points::Program::load(r#"{ "version": "2026.1" }"#).unwrap();
/// assert_eq!(p.version(), "2026.1");
/// assert_eq!(p.fingerprint().len(), 16);
/// ```
#[derive(Clone, Debug)]
pub struct Program {
    doc: ProgramDoc,
    fingerprint: String,
    compiled: compiled::Compiled,
}

/// The member a call is about: tier, birthday and the counters some rules need.
///
/// # Example
/// ```
/// let m: mallcare::points::Member = serde_json::from_str(r#"{ "tier": "gold", "birthday": "1990-05-01" }"#).unwrap();
/// assert_eq!(m.tier.as_deref(), Some("gold"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Member {
    /// The member's id (echoed, not used in rules).
    #[serde(default)]
    pub id: Option<String>,
    /// Tier id from the program; the lowest tier when absent.
    #[serde(default)]
    pub tier: Option<String>,
    /// Date of birth, for birthday rules (a 29 February birthday is celebrated on 28 February in other years).
    #[serde(default)]
    pub birthday: Option<Date>,
    /// Whether this is the member's first purchase (for first-purchase bonuses).
    #[serde(default)]
    pub first_purchase: bool,
    /// Points already earned today, for the program's per-day cap.
    #[serde(default)]
    pub points_earned_today: i64,
    /// Points already received from each capped campaign (rule id → points), for `capPerMember`.
    #[serde(default)]
    pub campaign_points: BTreeMap<String, i64>,
    /// Points the member can spend now, for the parking "pay with points" option.
    #[serde(default)]
    pub available_points: Option<i64>,
}

/// A reason or note in an answer: stable `code`, `path` into the input, and a message in zh-CN or English.
///
/// Serializes as `{ code, path, message }` in its locale (zh-CN unless [`Reason::localize`] was called).
///
/// # Example
/// ```
/// use mallcare::points::Reason;
/// use mallcare::Locale;
/// let r = Reason::new("POINTS_NOT_STEP", "request.points", "须为 100 的整数倍", "must be a multiple of 100");
/// assert_eq!(r.localize(Locale::En).message(), "must be a multiple of 100");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Stable code.
    pub code: String,
    /// Path into the input (may be empty).
    pub path: String,
    /// Message in simplified Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
    /// The language it serializes in.
    pub locale: Locale,
}

impl Reason {
    /// Builds a reason in zh-CN.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let r = mallcare::points::Reason::new("X", "", "中", "en");
    /// assert_eq!(r.message(), "中");
    /// ```
    pub fn new(code: &str, path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Reason {
        Reason { code: code.to_string(), path: path.into(), zh: zh.into(), en: en.into(), locale: Locale::ZhCn }
    }

    /// The same reason in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let r = mallcare::points::Reason::new("X", "", "中", "en").localize(mallcare::Locale::En);
    /// assert_eq!(r.message(), "en");
    /// ```
    pub fn localize(mut self, locale: Locale) -> Reason {
        self.locale = locale;
        self
    }

    /// The message in the reason's locale.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::points::Reason::new("X", "", "中", "en").message(), "中");
    /// ```
    pub fn message(&self) -> &str {
        match self.locale {
            Locale::ZhCn => &self.zh,
            Locale::En => &self.en,
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Issue::new(&self.code, self.path.clone(), self.zh.clone(), self.en.clone()).localized(self.locale).serialize(s)
    }
}

fn localize_all(list: &mut [Reason], locale: Locale) {
    for r in list {
        r.locale = locale;
    }
}

/// Reads one JSON argument into `T`, with paths under `arg` (`order.lines[2].paidFen`).
///
/// # Errors
/// `POINTS_INPUT_INVALID` (or a domain code such as `DATE_INVALID`) with the offending path under `arg`.
///
/// # Example
/// ```
/// use mallcare::points::{read_arg, Order};
/// let e = read_arg::<Order>(serde_json::json!({ "lines": [ { "paidFen": "x" } ] }), "order").unwrap_err();
/// assert_eq!(e.issues()[0].path, "order.lines[0].paidFen");
/// ```
pub fn read_arg<T: FromJson>(value: serde_json::Value, arg: &str) -> Result<T> {
    read_json(&value.to_string(), arg)
}

impl Program {
    /// Loads a program from JSON text.
    ///
    /// # Errors
    /// `JSON_SYNTAX`; `POINTS_PROGRAM_INVALID` for a structural problem (with its path); otherwise every semantic
    /// problem at once, for example `POINTS_MULTIPLIER_NOT_POSITIVE`, `POINTS_CAMPAIGN_DATES_REVERSED`,
    /// `POINTS_EXCLUSIVE_SAME_PRIORITY`, `POINTS_TIER_UNKNOWN`.
    ///
    /// # Example
    /// ```
    /// use mallcare::points::Program;
    /// let bad = r#"{ "version": "1", "earning": { "rules": [
    ///   { "id": "x", "priority": 1, "combine": "add", "multiplierPercent": 0 } ] } }"#;
    /// let e = Program::load(bad).unwrap_err();
    /// assert_eq!(e.issues()[0].code, "POINTS_MULTIPLIER_NOT_POSITIVE");
    /// assert_eq!(e.issues()[0].path, "earning.rules[0].multiplierPercent");
    /// ```
    pub fn load(text: &str) -> Result<Program> {
        let doc: ProgramDoc = read::read_text(text, "POINTS_PROGRAM_INVALID", "")?;
        let mut issues = Issues::default();
        doc.check(&mut issues);
        issues.finish(())?;
        // The fingerprint: FNV-1a 64 of the canonical text (keys sorted, no whitespace), as `json::fingerprint`.
        let mut canon = String::with_capacity(text.len());
        read::Reader::new(text, "POINTS_PROGRAM_INVALID", "").canonical(&mut canon)?;
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in canon.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut fingerprint = String::with_capacity(16);
        for i in (0..16).rev() {
            let nibble = usize::try_from((h >> (i * 4)) & 0xf).unwrap_or(0);
            fingerprint.push(char::from(b"0123456789abcdef".get(nibble).copied().unwrap_or(b'0')));
        }
        let compiled = compiled::Compiled::build(&doc.earning);
        Ok(Program { doc, fingerprint, compiled })
    }

    /// Loads a program from a parsed JSON value.
    ///
    /// # Errors
    /// As [`Program::load`], without `JSON_SYNTAX`.
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::from_value(serde_json::json!({ "version": "v1" })).unwrap();
    /// assert_eq!(p.version(), "v1");
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Program> {
        Program::load(&value.to_string())
    }

    /// The document's `version`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::points::Program::load(r#"{"version":"x"}"#).unwrap().version(), "x");
    /// ```
    pub fn version(&self) -> &str {
        &self.doc.version
    }

    /// The document's name, if it has one.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"x","name":"会员积分"}"#).unwrap();
    /// assert_eq!(p.name(), Some("会员积分"));
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.doc.name.as_deref()
    }

    /// Fingerprint of the document (FNV-1a 64 of its canonical JSON, 16 hex digits).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let a = mallcare::points::Program::load(r#"{"version":"x","name":"a"}"#).unwrap();
    /// let b = mallcare::points::Program::load(r#"{ "name":"a", "version":"x" }"#).unwrap();
    /// assert_eq!(a.fingerprint(), b.fingerprint());
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Index of a tier id in the program's levels (the implicit single level `base` when there are no tiers).
    pub(crate) fn tier_index(&self, id: &str, path: &str) -> Result<usize> {
        let found = match &self.doc.tiers {
            Some(t) => t.levels.iter().position(|l| l.id == id),
            None => (id == "base").then_some(0),
        };
        found.ok_or_else(|| {
            let mut issues = Issues::default();
            doc::unknown_tier(&mut issues, &self.tier_ids(), id, path.to_string());
            crate::Error::new(issues.into_vec())
        })
    }

    pub(crate) fn tier_ids(&self) -> Vec<&str> {
        match &self.doc.tiers {
            Some(t) => t.levels.iter().map(|l| l.id.as_str()).collect(),
            None => vec!["base"],
        }
    }

    /// The member's tier id, checked (the lowest tier when the member names none).
    pub(crate) fn member_tier<'a>(&'a self, member: &'a Member, path: &str) -> Result<&'a str> {
        match &member.tier {
            Some(t) => {
                self.tier_index(t, path)?;
                Ok(t.as_str())
            }
            None => Ok(self.tier_ids().first().copied().unwrap_or("base")),
        }
    }

    pub(crate) fn benefits_doc(&self, tier: &str) -> Option<&doc::BenefitsDoc> {
        self.doc.tiers.as_ref().and_then(|t| t.levels.iter().find(|l| l.id == tier)).map(|l| &l.benefits)
    }
}

fn read_at(text: &str, path: &str) -> Result<crate::Timestamp> {
    crate::Timestamp::parse(text).map_err(|e| e.under(path))
}

fn or_empty(v: serde_json::Value) -> serde_json::Value {
    if v.is_null() {
        serde_json::Value::Object(serde_json::Map::new())
    } else {
        v
    }
}

/// JSON entry points: the same calls with JSON arguments, every argument checked and every issue reported at
/// once with its path under the argument's name (`order.lines[2].paidFen`, `events[17].at`). The JS glue and the
/// shared vectors use these, so every runtime reads arguments identically. `null` stands for an empty member.
impl Program {
    /// [`Program::earn`] with JSON arguments.
    ///
    /// # Errors
    /// Argument problems under `order`, `member`, `at`; then as [`Program::earn`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let r = p.earn_value(serde_json::json!({"lines":[{"paidFen":1000}]}), serde_json::Value::Null,
    ///     "2026-05-01T10:00:00+08:00").unwrap();
    /// assert_eq!(r.points, 10);
    /// ```
    pub fn earn_value(&self, order: serde_json::Value, member: serde_json::Value, at: &str) -> Result<EarnResult> {
        let mut issues = Issues::default();
        let o = issues.take(read_arg::<Order>(order, "order"), "");
        let m = issues.take(read_arg::<Member>(or_empty(member), "member"), "");
        let t = issues.take(read_at(at, "at"), "");
        match (o, m, t) {
            (Some(o), Some(m), Some(t)) if issues.is_empty() => self.earn(&o, &m, t),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }

    /// [`Program::balance`] with JSON arguments.
    ///
    /// # Errors
    /// Argument problems under `events`, `at`; then as [`Program::balance`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let e = p.balance_value(serde_json::json!([{"type":"earn","at":"2026-05-01","points":1}]),
    ///     "2026-05-01T10:00:00+08:00").unwrap_err();
    /// assert_eq!(e.issues()[0].path, "events[0].at");
    /// ```
    pub fn balance_value(&self, events: serde_json::Value, at: &str) -> Result<Balance> {
        let mut issues = Issues::default();
        let e = issues.take(read_arg::<Vec<Event>>(events, "events"), "");
        let t = issues.take(read_at(at, "at"), "");
        match (e, t) {
            (Some(e), Some(t)) if issues.is_empty() => self.balance(&e, t),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }

    /// [`Program::redeem`] with JSON arguments.
    ///
    /// # Errors
    /// Argument problems under `events`, `request`, `at`; then as [`Program::redeem`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1","redemption":{"pointValue":{"points":100,"fen":100}}}"#).unwrap();
    /// let d = p.redeem_value(serde_json::json!([]), serde_json::json!({"kind":"cash","points":100,"orderFen":1000}),
    ///     "2026-05-01T10:00:00+08:00").unwrap();
    /// assert_eq!(d.reasons[0].code, "POINTS_INSUFFICIENT_BALANCE");
    /// ```
    pub fn redeem_value(
        &self,
        events: serde_json::Value,
        request: serde_json::Value,
        at: &str,
    ) -> Result<RedeemDecision> {
        let mut issues = Issues::default();
        let e = issues.take(read_arg::<Vec<Event>>(events, "events"), "");
        let r = issues.take(read_arg::<RedeemRequest>(request, "request"), "");
        let t = issues.take(read_at(at, "at"), "");
        match (e, r, t) {
            (Some(e), Some(r), Some(t)) if issues.is_empty() => self.redeem(&e, &r, t),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }

    /// [`Program::clawback`] with JSON arguments (`earnResult` may be the whole answer of `earn`).
    ///
    /// # Errors
    /// Argument problems under `events`, `earnResult`, `refund`; then as [`Program::clawback`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let c = p.clawback_value(serde_json::json!([]), serde_json::json!({"lines":[{"paidFen":100,"points":1}]}),
    ///     serde_json::json!({"at":"2026-05-01T10:00:00+08:00","lines":[{"line":0,"all":true}]})).unwrap();
    /// assert_eq!(c.owed_points, 1);
    /// ```
    pub fn clawback_value(
        &self,
        events: serde_json::Value,
        earn_result: serde_json::Value,
        refund: serde_json::Value,
    ) -> Result<Clawback> {
        let mut issues = Issues::default();
        let e = issues.take(read_arg::<Vec<Event>>(events, "events"), "");
        let r = issues.take(read_arg::<EarnRecord>(earn_result, "earnResult"), "");
        let f = issues.take(read_arg::<Refund>(refund, "refund"), "");
        match (e, r, f) {
            (Some(e), Some(r), Some(f)) if issues.is_empty() => self.clawback(&e, &r, &f),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }

    /// [`Program::tier`] with JSON arguments.
    ///
    /// # Errors
    /// Argument problems under `history`, `at`; then as [`Program::tier`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let e = p.tier_value(serde_json::json!({"entries":[]}), "2026-05-01T10:00:00+08:00").unwrap_err();
    /// assert_eq!(e.code(), "POINTS_TIERS_MISSING");
    /// ```
    pub fn tier_value(&self, history: serde_json::Value, at: &str) -> Result<TierStatus> {
        let mut issues = Issues::default();
        let h = issues.take(read_arg::<TierHistory>(history, "history"), "");
        let t = issues.take(read_at(at, "at"), "");
        match (h, t) {
            (Some(h), Some(t)) if issues.is_empty() => self.tier(&h, t),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }

    /// [`Program::parking_fee`] with JSON arguments.
    ///
    /// # Errors
    /// Argument problems under `session`, `member`; then as [`Program::parking_fee`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let e = p.parking_fee_value(serde_json::json!({"entryAt":"2026-05-01T10:00:00+08:00",
    ///     "exitAt":"2026-05-01T11:00:00+08:00"}), serde_json::Value::Null, 0).unwrap_err();
    /// assert_eq!(e.code(), "POINTS_PARKING_MISSING");
    /// ```
    pub fn parking_fee_value(
        &self,
        session: serde_json::Value,
        member: serde_json::Value,
        spend_today_fen: i64,
    ) -> Result<ParkingFee> {
        let mut issues = Issues::default();
        let s = issues.take(read_arg::<ParkingSession>(session, "session"), "");
        let m = issues.take(read_arg::<Member>(or_empty(member), "member"), "");
        match (s, m) {
            (Some(s), Some(m)) if issues.is_empty() => self.parking_fee(&s, &m, spend_today_fen),
            _ => Err(crate::Error::new(issues.into_vec())),
        }
    }
}

/// Reads JSON text straight into `T` (no intermediate `serde_json::Value`), with paths under `arg` and the same
/// issue codes as [`read_arg`]: the fast path for large arguments (a 10,000-event ledger, a 100-line order).
///
/// # Errors
/// `JSON_SYNTAX` for malformed text; `POINTS_INPUT_INVALID` (or a domain code such as `TIMESTAMP_INVALID`) with
/// the offending path under `arg`.
///
/// # Example
/// ```
/// use mallcare::points::{read_json, Event};
/// let e = read_json::<Vec<Event>>(r#"[{"type":"earn","at":"2026-05-01","points":1}]"#, "events").unwrap_err();
/// assert_eq!((e.code(), e.issues()[0].path.as_str()), ("TIMESTAMP_INVALID", "events[0].at"));
/// ```
pub fn read_json<T: FromJson>(text: &str, arg: &str) -> Result<T> {
    read::read_text(text, "POINTS_INPUT_INVALID", arg)
}
