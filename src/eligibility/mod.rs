//! # Eligibility: returns, exchanges, repairs and warranties
//!
//! A customer asks "can I return this, and what do I get back?"; the answer must be the same in the mini-program,
//! at the service desk and on the server. [`ReturnPolicy`] holds a store policy layered on China's statutory floor;
//! [`ReturnPolicy::evaluate`] answers one [`Request`] with a [`Decision`]: the allowed resolutions and until when,
//! the reasons (codes with zh-CN and English messages), the rules that decided, evidence still needed, the approval
//! level, the refund to the fen split back to the payments, and the review and refund deadlines.
//!
//! The law as code (see `docs/eligibility.md`):
//! * seven-day no-reason returns for distance sales, counted from the day after sign-for and ending 24:00 China
//!   time of day 7 (Civil Code art. 201), with the statutory exclusions and the confirmation-required ones;
//! * "intact" per category; defects override final-sale and no-reason exclusions;
//! * Consumer Rights Protection Law art. 24 for defects; the 三包 rules (7 / 15 days from sale or invoice, repair
//!   within warranty, exchange or return after two failed repairs);
//! * freight: the customer's for no-reason returns unless the store says otherwise, the merchant's for faults;
//! * refunds issued within seven days of receiving the goods.
//!
//! ```
//! use mallcare::eligibility::{ReturnPolicy, Request};
//! use mallcare::Calendar;
//!
//! let policy = ReturnPolicy::statutory();
//! let req = Request::from_value(serde_json::json!({
//!     "now": "2026-05-10T20:00:00+08:00",
//!     "order": {
//!         "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
//!         "lines": [{ "id": "L1", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900 }],
//!         "payments": [{ "method": "wechat", "amountFen": 39900 }] },
//!     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
//! })).unwrap();
//! let d = policy.evaluate(&req, &Calendar::default()).unwrap();
//! // Signed on 3 May: day 1 is 4 May, day 7 is 10 May, open through 24:00.
//! assert!(d.items[0].granted);
//! assert_eq!(d.items[0].allowed[0].until.unwrap().to_string(), "2026-05-10");
//! assert_eq!(d.refund.total_fen, 39900);
//! ```

pub mod category;
mod decide;
pub(crate) mod json;
pub mod lint;
#[cfg_attr(
    not(feature = "wasm"),
    allow(dead_code, reason = "the packed crossing serves the wasm glue; tested natively")
)]
pub(crate) mod packed;
pub mod policy;
pub mod reason;
pub mod request;
pub mod write;

pub use decide::{
    Allowed, Basis, Decision, EvidenceNeeded, Exchange, ItemDecision, ItemMoney, PaymentRefund, PolicyRef, Refund,
    Status, DEFAULT_THREE_GUARANTEES_MONTHS,
};
pub use lint::{Finding, Severity};
pub use policy::{
    ApprovalLevel, Channel, Clock, ConditionKind, ExclusionKind, Fulfilment, Payer, PolicyDoc, Resolution,
    ReturnReason, Unit,
};
pub use reason::{Reason, RuleId};
pub use request::Request;
pub use write::WriteOptions;

use crate::{Calendar, Result};
use std::borrow::Cow;

/// Records an issue: one out-of-line copy of the issue's construction and push, which cost ~100 bytes of wasm at
/// each of the pillar's many issue sites when inlined.
#[inline(never)]
pub(crate) fn put(
    issues: &mut crate::error::Issues,
    code: &'static str,
    path: String,
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
) {
    issues.push(crate::error::Issue::new(code, path, zh, en));
}

/// A store return policy on China's statutory floor: load once, evaluate many requests.
///
/// # Example
/// ```
/// use mallcare::eligibility::ReturnPolicy;
/// let p = ReturnPolicy::load(r#"{ "version": "2026.05", "rules": [
///   { "id": "thirty", "priority": 10, "then": { "refund": { "days": 30 } } } ] }"#).unwrap();
/// assert_eq!(p.version(), "2026.05");
/// assert!(p.lint().is_empty());
/// ```
#[derive(Debug)]
pub struct ReturnPolicy {
    doc: PolicyDoc,
    rules: Vec<policy::Compiled>,
    fingerprint: String,
    law: decide::LawIds,
}

impl ReturnPolicy {
    /// The law alone: no store rule.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let p = mallcare::eligibility::ReturnPolicy::statutory();
    /// assert_eq!(p.version(), "statutory");
    /// ```
    pub fn statutory() -> ReturnPolicy {
        let doc = PolicyDoc {
            version: "statutory".to_string(),
            name: None,
            description: None,
            settings: policy::Settings::default(),
            rules: Vec::new(),
        };
        // The fingerprint of `{ "version": "statutory" }`.
        let fingerprint = json::fnv_hex(br#"{"version":"statutory"}"#);
        ReturnPolicy { doc, rules: Vec::new(), fingerprint, law: Default::default() }
    }

    /// Loads a policy document from JSON text.
    ///
    /// # Errors
    /// `JSON_SYNTAX`; `POLICY_INVALID` (structure, with the path); and every semantic issue at once:
    /// `POLICY_PRIORITY_CONFLICT`, `POLICY_CATEGORY_UNKNOWN`, `POLICY_WINDOW_NEGATIVE`, `POLICY_RULE_ID_DUPLICATE`,
    /// `POLICY_RANGE_EMPTY`, `POLICY_PERCENT_INVALID`, `POLICY_FEE_INVALID`, `POLICY_WARRANTY_INVALID`,
    /// `POLICY_VERSION_EMPTY`. Rules that undercut the law are not errors here: see [`ReturnPolicy::lint`].
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let e = ReturnPolicy::load(r#"{"version": "1", "rules": [
    ///   {"id": "a", "priority": 1, "then": {"refund": {"days": -1}}}]}"#).unwrap_err();
    /// assert_eq!(e.code(), "POLICY_WINDOW_NEGATIVE");
    /// assert_eq!(e.issues()[0].path, "rules[0].then.refund.days");
    /// ```
    pub fn load(text: &str) -> Result<ReturnPolicy> {
        let doc = PolicyDoc::from_json(text)?;
        let rules = policy::check(&doc)?;
        let mut canon = Vec::with_capacity(text.len());
        json::Reader::new(text, "POLICY_INVALID").canonical(&mut canon, 0)?;
        Ok(ReturnPolicy { doc, rules, fingerprint: json::fnv_hex(&canon), law: Default::default() })
    }

    /// Loads a policy document from a JSON value. The fingerprint is that of this value.
    ///
    /// # Errors
    /// As [`ReturnPolicy::load`], minus `JSON_SYNTAX`.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let a = ReturnPolicy::load_value(serde_json::json!({"version": "1", "rules": []})).unwrap();
    /// let b = ReturnPolicy::load(r#"{ "rules": [], "version": "1" }"#).unwrap();
    /// assert_eq!(a.fingerprint(), b.fingerprint());
    /// ```
    pub fn load_value(value: serde_json::Value) -> Result<ReturnPolicy> {
        ReturnPolicy::load(&value.to_string())
    }

    /// The document's version label.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::eligibility::ReturnPolicy::statutory().version(), "statutory");
    /// ```
    pub fn version(&self) -> &str {
        &self.doc.version
    }

    /// Fingerprint of the document's canonical JSON (16 hex digits); decisions carry it.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::eligibility::ReturnPolicy::statutory().fingerprint().len(), 16);
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The document.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::eligibility::ReturnPolicy::statutory().document().rules.is_empty());
    /// ```
    pub fn document(&self) -> &PolicyDoc {
        &self.doc
    }

    /// Where the policy undercuts the law (errors) or makes questionable choices (warnings).
    ///
    /// # Errors
    /// None: findings are data.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::{ReturnPolicy, Severity};
    /// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [
    ///   {"id": "three-days", "priority": 1, "when": {"channels": ["online"]}, "then": {"refund": {"days": 3}}}]}"#).unwrap();
    /// let f = p.lint();
    /// assert_eq!(f[0].code, "FLOOR_WINDOW_SHORT");
    /// assert_eq!(f[0].severity, Severity::Error);
    /// ```
    pub fn lint(&self) -> Vec<Finding> {
        lint::lint(&self.doc)
    }

    /// Decides one request.
    ///
    /// # Errors
    /// Every problem of the request at once, with paths: `REQUEST_LINE_UNKNOWN`, `REQUEST_QUANTITY_EXCEEDS`,
    /// `REQUEST_AMOUNTS_MISMATCH`, `REQUEST_TIME_ORDER`, `REQUEST_CATEGORY_UNKNOWN`, `REQUEST_LINE_PAID_EXCEEDS`,
    /// `REQUEST_DISCOUNT_EXCEEDS`, ...; `CALENDAR_YEAR_UNKNOWN` when a business-day deadline falls in a year the
    /// calendar does not know. A decision that allows nothing is a value, not an error.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::{ReturnPolicy, Request};
    /// let req = Request::from_value(serde_json::json!({
    ///     "now": "2026-05-02T10:00:00+08:00",
    ///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00",
    ///         "lines": [{ "id": "L1", "category": "food/fresh", "quantity": 1, "unitPriceFen": 5000 }],
    ///         "payments": [{ "method": "alipay", "amountFen": 4000 }] },
    ///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
    /// })).unwrap();
    /// let e = ReturnPolicy::statutory().evaluate(&req, &mallcare::Calendar::default()).unwrap_err();
    /// assert_eq!(e.code(), "REQUEST_AMOUNTS_MISMATCH");
    /// ```
    pub fn evaluate(&self, request: &Request, calendar: &Calendar) -> Result<Decision> {
        decide::evaluate(self, request, calendar)
    }

    /// Reads a request from a JSON value and decides it.
    ///
    /// # Errors
    /// `REQUEST_INVALID` (structure, with the path), then as [`ReturnPolicy::evaluate`].
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let e = ReturnPolicy::statutory()
    ///     .evaluate_value(serde_json::json!({"now": "2026-05-01T10:00:00+08:00"}), &mallcare::Calendar::default())
    ///     .unwrap_err();
    /// assert_eq!(e.code(), "REQUEST_INVALID");
    /// ```
    pub fn evaluate_value(&self, request: serde_json::Value, calendar: &Calendar) -> Result<Decision> {
        self.evaluate_json(&request.to_string(), calendar)
    }

    /// Reads a request from JSON text ([`Request::from_json`]) and decides it.
    ///
    /// # Errors
    /// `JSON_SYNTAX`, `REQUEST_INVALID` (structure, with the path), then as [`ReturnPolicy::evaluate`].
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let e = ReturnPolicy::statutory().evaluate_json(r#"{"now": "#, &mallcare::Calendar::default()).unwrap_err();
    /// assert_eq!(e.code(), "JSON_SYNTAX");
    /// ```
    pub fn evaluate_json(&self, request: &str, calendar: &Calendar) -> Result<Decision> {
        let req = Request::from_json(request)?;
        self.evaluate(&req, calendar)
    }

    /// Decides many requests; each answer stands alone (a bad request does not spoil the others).
    ///
    /// # Errors
    /// None for the batch; each element is a decision or that request's issues.
    ///
    /// # Example
    /// ```
    /// use mallcare::eligibility::ReturnPolicy;
    /// let out = ReturnPolicy::statutory().evaluate_many(&[serde_json::json!({})], &mallcare::Calendar::default());
    /// assert!(out[0].is_err());
    /// ```
    pub fn evaluate_many(&self, requests: &[serde_json::Value], calendar: &Calendar) -> Vec<Result<Decision>> {
        requests.iter().map(|r| self.evaluate_json(&r.to_string(), calendar)).collect()
    }
}
