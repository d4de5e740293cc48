//! [`Ledger`]: a member's ledger read and checked once, then queried many times (balance, redeem, clawback) and
//! extended with new events: no JSON and no timestamps to parse again per query.

use super::{Balance, Clawback, EarnRecord, Event, Program, RedeemDecision, RedeemRequest, Refund};
use crate::{Result, Timestamp};

/// A checked ledger bound to its program: load once, query many.
///
/// # Example
/// ```
/// use mallcare::points::{Event, Program};
/// use mallcare::Timestamp;
/// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
/// let events: Vec<Event> = serde_json::from_str(r#"[
///   { "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 300 } ]"#).unwrap();
/// let mut ledger = p.ledger(events).unwrap();
/// let more: Vec<Event> = serde_json::from_str(r#"[
///   { "type": "redeem", "at": "2026-05-02T10:00:00+08:00", "points": 100 } ]"#).unwrap();
/// ledger.append(more).unwrap();
/// assert_eq!(ledger.balance(Timestamp::parse("2026-05-03T00:00:00+08:00").unwrap()).unwrap().available, 200);
/// assert_eq!(ledger.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Ledger {
    program: Program,
    events: Vec<Event>,
}

impl Program {
    /// Checks a ledger once (time order, points, balances never negative unless the program allows debt) and
    /// keeps it with this program for repeated queries.
    ///
    /// # Errors
    /// As [`Program::balance`] as of the latest event's time (paths `events[i]...`).
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{ "version": "1" }"#).unwrap();
    /// let bad: Vec<mallcare::points::Event> = serde_json::from_str(r#"[
    ///   { "type": "redeem", "at": "2026-05-01T10:00:00+08:00", "points": 1 } ]"#).unwrap();
    /// assert_eq!(p.ledger(bad).unwrap_err().code(), "POINTS_BALANCE_INSUFFICIENT");
    /// ```
    pub fn ledger(&self, events: Vec<Event>) -> Result<Ledger> {
        let ledger = Ledger { program: self.clone(), events };
        ledger.check()?;
        Ok(ledger)
    }
}

impl Ledger {
    fn check(&self) -> Result<()> {
        // As of the latest event, so an event out of order is reported as such (not as "after the as-of time").
        match self.events.iter().map(|e| e.at).max() {
            Some(latest) => self.program.balance(&self.events, latest).map(|_| ()),
            None => Ok(()),
        }
    }

    /// The balance as of `at` (see [`Program::balance`]).
    ///
    /// # Errors
    /// `POINTS_EVENT_AFTER_AS_OF` when `at` is before the last event.
    ///
    /// # Example
    /// See [`Ledger`].
    /// ```
    /// let p = mallcare::points::Program::load(r#"{ "version": "1" }"#).unwrap();
    /// let l = p.ledger(vec![]).unwrap();
    /// assert_eq!(l.balance(mallcare::Timestamp::parse("2026-01-01T00:00:00+08:00").unwrap()).unwrap().net, 0);
    /// ```
    pub fn balance(&self, at: Timestamp) -> Result<Balance> {
        self.program.balance(&self.events, at)
    }

    /// Adds events at the end. The ledger is checked again as a whole; on any problem nothing is added.
    ///
    /// # Errors
    /// As [`Program::ledger`], with paths into the whole ledger (`events[len + i]...`).
    ///
    /// # Example
    /// ```
    /// use mallcare::points::{Event, Program};
    /// let p = Program::load(r#"{ "version": "1" }"#).unwrap();
    /// let e: Vec<Event> = serde_json::from_str(r#"[{ "type": "earn", "at": "2026-05-02T10:00:00+08:00", "points": 1 }]"#).unwrap();
    /// let mut l = p.ledger(e).unwrap();
    /// let old: Vec<Event> = serde_json::from_str(r#"[{ "type": "earn", "at": "2026-05-01T10:00:00+08:00", "points": 1 }]"#).unwrap();
    /// assert_eq!(l.append(old).unwrap_err().issues()[0].path, "events[1].at");
    /// assert_eq!(l.len(), 1);
    /// ```
    pub fn append(&mut self, events: Vec<Event>) -> Result<()> {
        let before = self.events.len();
        self.events.extend(events);
        let checked = self.check();
        if checked.is_err() {
            self.events.truncate(before);
        }
        checked
    }

    /// Decides a redemption over this ledger (see [`Program::redeem`]).
    ///
    /// # Errors
    /// As [`Program::redeem`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1","redemption":{"pointValue":{"points":100,"fen":100}}}"#).unwrap();
    /// let req = serde_json::from_str(r#"{"kind":"cash","points":100,"orderFen":1000}"#).unwrap();
    /// let d = p.ledger(vec![]).unwrap().redeem(&req, mallcare::Timestamp::parse("2026-05-01T10:00:00+08:00").unwrap()).unwrap();
    /// assert!(!d.allowed);
    /// ```
    pub fn redeem(&self, request: &RedeemRequest, at: Timestamp) -> Result<RedeemDecision> {
        self.program.redeem(&self.events, request, at)
    }

    /// What a refund takes back over this ledger (see [`Program::clawback`]).
    ///
    /// # Errors
    /// As [`Program::clawback`].
    ///
    /// # Example
    /// ```
    /// let p = mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap();
    /// let rec = serde_json::from_str(r#"{"lines":[{"paidFen":100,"points":1}]}"#).unwrap();
    /// let refund = serde_json::from_str(r#"{"at":"2026-05-01T10:00:00+08:00","lines":[{"line":0,"all":true}]}"#).unwrap();
    /// assert_eq!(p.ledger(vec![]).unwrap().clawback(&rec, &refund).unwrap().owed_points, 1);
    /// ```
    pub fn clawback(&self, earned: &EarnRecord, refund: &Refund) -> Result<Clawback> {
        self.program.clawback(&self.events, earned, refund)
    }

    /// Number of events.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap().ledger(vec![]).unwrap().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there are no events.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap().ledger(vec![]).unwrap().len(), 0);
    /// ```
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The events, in order.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::points::Program::load(r#"{"version":"1"}"#).unwrap().ledger(vec![]).unwrap().events().is_empty());
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
