//! Decisions and lint findings written straight to JSON text, in the shape (and key order) of their `Serialize`
//! derives. Static texts (codes, enum names, the reason messages) are known to need no escaping and are copied as
//! they are; text from the request or the policy (ids, methods, versions) is escaped.
//!
//! With `explain: false` the reasons carry `{ code, rule }` only: the messages are what makes a decision 4 KB, and a
//! hot path matching on codes does not need them.

use super::decide::{Allowed, Basis, Decision, ItemDecision, Status};
use super::lint::{Finding, Severity};
use super::policy::{ApprovalLevel, Payer, Resolution, ReturnReason};
use super::reason::Reason;
use crate::Date;

/// How much of a decision to write.
///
/// # Example
/// ```
/// use mallcare::eligibility::{write::decision_json, ReturnPolicy, WriteOptions};
/// let d = ReturnPolicy::statutory().evaluate_value(serde_json::json!({
///     "now": "2026-05-20T10:00:00+08:00",
///     "order": { "channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-02T10:00:00+08:00",
///         "lines": [{ "id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900 }],
///         "payments": [{ "method": "wechat", "amountFen": 9900 }] },
///     "items": [{ "lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund" }]
/// }), &mallcare::Calendar::default()).unwrap();
/// assert!(WriteOptions::default().explain);
/// let full = decision_json(&d, WriteOptions::default());
/// let lean = decision_json(&d, WriteOptions { explain: false });
/// // Both carry the reason codes; only the full one carries the messages.
/// assert!(full.contains("NO_REASON_WINDOW_CLOSED") && lean.contains("NO_REASON_WINDOW_CLOSED"));
/// assert!(full.contains(r#""zh":"#) && !lean.contains(r#""zh":"#));
/// assert!(lean.len() < full.len());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Reasons with their zh-CN and English messages (`true`, the default) or codes and rules only.
    pub explain: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions { explain: true }
    }
}

/// Appends a decimal integer.
pub(crate) fn int(out: &mut Vec<u8>, v: i64) {
    out.extend_from_slice(crate::json::write::int_text(v, &mut [0; 20]).as_bytes());
}

/// Appends a JSON string, escaped as serde_json escapes (`"`, `\`, control characters; nothing else).
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    crate::json::write::escape_str(s, |piece| out.extend_from_slice(piece.as_bytes()));
    out.push(b'"');
}

/// `"YYYY-MM-DD"` or `null`.
fn date(out: &mut Vec<u8>, d: Option<Date>) {
    let Some(d) = d else {
        out.extend_from_slice(b"null");
        return;
    };
    out.extend_from_slice(crate::json::write::date_text(d, &mut [0; 12]).as_bytes());
}

fn bool(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

pub(crate) fn resolution_name(r: Resolution) -> &'static str {
    match r {
        Resolution::Refund => "refund",
        Resolution::Exchange => "exchange",
        Resolution::Repair => "repair",
    }
}

pub(crate) fn reason_name(r: ReturnReason) -> &'static str {
    match r {
        ReturnReason::NoReason => "noReason",
        ReturnReason::ChangedMind => "changedMind",
        ReturnReason::Size => "size",
        ReturnReason::QualityDefect => "qualityDefect",
        ReturnReason::Spoiled => "spoiled",
        ReturnReason::WrongItem => "wrongItem",
        ReturnReason::DamagedInTransit => "damagedInTransit",
        ReturnReason::NotAsDescribed => "notAsDescribed",
    }
}

pub(crate) fn approval_name(a: ApprovalLevel) -> &'static str {
    match a {
        ApprovalLevel::Auto => "auto",
        ApprovalLevel::Staff => "staff",
        ApprovalLevel::Manager => "manager",
    }
}

pub(crate) fn status_name(s: Status) -> &'static str {
    match s {
        Status::Approved => "approved",
        Status::NeedsEvidence => "needsEvidence",
        Status::Partial => "partial",
        Status::Rejected => "rejected",
    }
}

pub(crate) fn basis_name(b: Basis) -> &'static str {
    match b {
        Basis::Law => "law",
        Basis::ThreeGuarantees => "threeGuarantees",
        Basis::Store => "store",
    }
}

pub(crate) fn payer_name(p: Payer) -> &'static str {
    match p {
        Payer::Customer => "customer",
        Payer::Merchant => "merchant",
    }
}

/// Appends a static name (known to need no escaping) as a JSON string.
fn name(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn reasons(out: &mut Vec<u8>, list: &[Reason], o: WriteOptions) {
    out.push(b'[');
    for (i, r) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"code\":\"");
        out.extend_from_slice(r.code.as_bytes());
        out.extend_from_slice(b"\",\"rule\":");
        string(out, r.rule.as_str());
        if o.explain {
            // The messages are static and contain no character JSON escapes (tested).
            out.extend_from_slice(b",\"zh\":\"");
            out.extend_from_slice(r.zh.as_bytes());
            out.extend_from_slice(b"\",\"en\":\"");
            out.extend_from_slice(r.en.as_bytes());
            out.push(b'"');
        }
        out.push(b'}');
    }
    out.push(b']');
}

fn rules(out: &mut Vec<u8>, list: &[super::RuleId]) {
    out.push(b'[');
    for (i, r) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, r.as_str());
    }
    out.push(b']');
}

fn allowed(out: &mut Vec<u8>, a: &Allowed) {
    out.extend_from_slice(b"{\"resolution\":\"");
    out.extend_from_slice(resolution_name(a.resolution).as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"until\":");
    date(out, a.until);
    out.extend_from_slice(b",\"basis\":");
    name(out, basis_name(a.basis));
    out.extend_from_slice(b",\"rule\":");
    string(out, a.rule.as_str());
    out.push(b'}');
}

fn item(out: &mut Vec<u8>, d: &ItemDecision, o: WriteOptions) {
    out.extend_from_slice(b"{\"lineId\":");
    string(out, &d.line_id);
    out.extend_from_slice(b",\"quantity\":");
    int(out, d.quantity);
    out.extend_from_slice(b",\"reason\":");
    out.push(b'"');
    out.extend_from_slice(reason_name(d.reason).as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"want\":");
    out.push(b'"');
    out.extend_from_slice(resolution_name(d.want).as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"granted\":");
    bool(out, d.granted);
    out.extend_from_slice(b",\"allowed\":");
    out.push(b'[');
    for (i, a) in d.allowed.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        allowed(out, a);
    }
    out.push(b']');
    out.extend_from_slice(b",\"reasons\":");
    reasons(out, &d.reasons, o);
    out.extend_from_slice(b",\"rules\":");
    rules(out, &d.rules);
    out.extend_from_slice(b",\"evidenceNeeded\":");
    out.push(b'[');
    for (i, e) in d.evidence_needed.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"kind\":");
        string(out, e.kind);
        out.extend_from_slice(b",\"count\":");
        int(out, i64::from(e.count));
        out.extend_from_slice(b",\"rule\":");
        string(out, e.rule.as_str());
        out.push(b'}');
    }
    out.push(b']');
    out.extend_from_slice(b",\"approval\":");
    out.push(b'"');
    out.extend_from_slice(approval_name(d.approval).as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"freightPayer\":");
    name(out, payer_name(d.freight_payer));
    out.extend_from_slice(b",\"freePickup\":");
    bool(out, d.free_pickup);
    let m = &d.money;
    out.extend_from_slice(b",\"money\":{\"listFen\":");
    int(out, m.list_fen);
    for (k, v) in [
        (",\"linePaidFen\":", m.line_paid_fen),
        (",\"discountFen\":", m.discount_fen),
        (",\"pointsValueFen\":", m.points_value_fen),
        (",\"points\":", m.points),
        (",\"paidFen\":", m.paid_fen),
        (",\"rateDeductionFen\":", m.rate_deduction_fen),
        (",\"restockingFeeFen\":", m.restocking_fee_fen),
        (",\"refundFen\":", m.refund_fen),
        (",\"refundPoints\":", m.refund_points),
    ] {
        out.extend_from_slice(k.as_bytes());
        int(out, v);
    }
    out.push(b'}');
    out.extend_from_slice(b",\"exchange\":");
    match &d.exchange {
        Some(x) => {
            out.extend_from_slice(b"{\"creditFen\":");
            int(out, x.credit_fen);
            out.extend_from_slice(b",\"newPriceFen\":");
            int(out, x.new_price_fen);
            out.extend_from_slice(b",\"differenceFen\":");
            int(out, x.difference_fen);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"warrantyUntil\":");
    date(out, d.warranty_until);
    out.push(b'}');
}

/// Appends the JSON of a decision.
pub(crate) fn decision(out: &mut Vec<u8>, d: &Decision, o: WriteOptions) {
    out.extend_from_slice(b"{\"status\":");
    name(out, status_name(d.status));
    out.extend_from_slice(b",\"policy\":{\"version\":");
    string(out, &d.policy.version);
    out.extend_from_slice(b",\"fingerprint\":");
    string(out, &d.policy.fingerprint);
    out.push(b'}');
    out.extend_from_slice(b",\"items\":");
    out.push(b'[');
    for (i, it) in d.items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, it, o);
    }
    out.push(b']');
    let r = &d.refund;
    out.extend_from_slice(b",\"refund\":{\"totalFen\":");
    int(out, r.total_fen);
    for (k, v) in [
        (",\"points\":", r.points),
        (",\"itemsFen\":", r.items_fen),
        (",\"shippingFen\":", r.shipping_fen),
        (",\"couponBreakageFen\":", r.coupon_breakage_fen),
        (",\"giftDeductionFen\":", r.gift_deduction_fen),
    ] {
        out.extend_from_slice(k.as_bytes());
        int(out, v);
    }
    out.extend_from_slice(b",\"byPayment\":");
    out.push(b'[');
    for (i, p) in r.by_payment.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"method\":");
        string(out, &p.method);
        out.extend_from_slice(b",\"amountFen\":");
        int(out, p.amount_fen);
        out.extend_from_slice(b",\"creditBy\":");
        date(out, p.credit_by);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    out.extend_from_slice(b",\"approval\":");
    out.push(b'"');
    out.extend_from_slice(approval_name(d.approval).as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"reviewBy\":");
    date(out, d.review_by);
    out.extend_from_slice(b",\"refundBy\":");
    date(out, d.refund_by);
    out.extend_from_slice(b",\"reasons\":");
    reasons(out, &d.reasons, o);
    out.extend_from_slice(b",\"rules\":");
    rules(out, &d.rules);
    out.push(b'}');
}

/// The JSON text of a decision.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::eligibility::{write::{decision_json, WriteOptions}, ReturnPolicy};
/// let d = ReturnPolicy::statutory().evaluate_json(r#"{"now": "2026-05-06T10:00:00+08:00",
///   "order": {"channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
///     "lines": [{"id": "L1", "category": "toys", "quantity": 1, "unitPriceFen": 9900}],
///     "payments": [{"method": "alipay", "amountFen": 9900}]},
///   "items": [{"lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund"}]}"#,
///   &mallcare::Calendar::default()).unwrap();
/// let lean = decision_json(&d, WriteOptions { explain: false });
/// assert!(lean.starts_with(r#"{"status":"approved""#));
/// assert!(!lean.contains("\"zh\""));
/// ```
pub fn decision_json(d: &Decision, o: WriteOptions) -> String {
    let mut out = Vec::with_capacity(if o.explain { 4096 } else { 2048 });
    decision(&mut out, d, o);
    text(out)
}

/// The written bytes as text: every piece was ASCII or came from a `&str`, so this never fails (and is checked).
pub(crate) fn text(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap_or_default()
}

/// The JSON text of lint findings (an array).
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::eligibility::{write::findings_json, ReturnPolicy};
/// let p = ReturnPolicy::load(r#"{"version": "1", "rules": [{"id": "r", "priority": 1}]}"#).unwrap();
/// assert!(findings_json(&p.lint()).starts_with(r#"[{"severity":"warning","code":"LINT_RULE_EMPTY""#));
/// ```
pub fn findings_json(list: &[Finding]) -> String {
    let mut out = Vec::new();
    findings(&mut out, list);
    text(out)
}

/// Appends the JSON array of lint findings.
pub(crate) fn findings(out: &mut Vec<u8>, list: &[Finding]) {
    out.push(b'[');
    for (i, f) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"severity\":");
        out.extend_from_slice(match f.severity {
            Severity::Error => b"\"error\"",
            Severity::Warning => b"\"warning\"",
        });
        out.extend_from_slice(b",\"code\":");
        string(out, f.code);
        out.extend_from_slice(b",\"path\":");
        string(out, &f.path);
        out.extend_from_slice(b",\"rule\":");
        match &f.rule {
            Some(r) => string(out, r),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"zh\":");
        string(out, &f.zh);
        out.extend_from_slice(b",\"en\":");
        string(out, &f.en);
        out.push(b'}');
    }
    out.push(b']');
}
