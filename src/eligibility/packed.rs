//! The tape crossing of the JS fast path (`scripts/pkg/overlay/eligibility.js`): a request arrives as its JSON text
//! (the overlay's `JSON.stringify` of the request object, or the text it was given, written into wasm memory as
//! UTF-8 through [`Packed::input`]) and is read by the one request reader, [`Request::from_json`], the reader the
//! generated calls use too; the decision leaves as a tape of numbers that the overlay turns into the same object
//! `JSON.parse` would build from [`super::write::decision`]. No decision JSON is written, encoded or decoded.
//!
//! A request the reader refuses, or one the policy refuses, answers 0, and the overlay takes the generated call,
//! which reads the same text and throws every issue with its path.
//!
//! The tape (what [`write_tape`] writes) follows [`super::write::decision`] field by field. A string is two numbers:
//! an address and a length. Static texts (codes, names, messages) and the policy's own strings (rule ids, version,
//! fingerprint) are addressed where they live, so the overlay may cache them by address for the policy's lifetime;
//! text from the request (line ids, payment methods) is copied into the tape's byte buffer and its address written
//! as `−1 − offset`. A date is `yyyymmdd`, −1 for `null`, or −2 and a string beyond four-digit years.
//!
//! Every decision the package returns is read from a tape: the generated calls (`evaluate` given a request the
//! overlay does not take, `evaluateJson`, `evaluateMany`'s elements) write one too, so the wasm holds no decision
//! JSON writer ([`super::write`] serves Rust callers).

use super::decide::{Decision, ItemDecision};
use super::policy::{ApprovalLevel, Payer};
use super::reason::Reason;
use super::request::Request;
use super::write::{self, WriteOptions};
use super::ReturnPolicy;
use crate::Date;

/// Writes a decision's tape.
struct Tape<'a> {
    out: &'a mut Vec<f64>,
    bytes: &'a mut Vec<u8>,
}

/// An address as a number (wasm32 addresses are 32-bit; native ones stay below 2^53).
fn addr(s: &str) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "addresses are below 2^53")]
    let a = s.as_ptr() as usize as f64;
    a
}

#[allow(clippy::cast_precision_loss, reason = "lengths and counts are far below 2^53")]
fn num(n: usize) -> f64 {
    n as f64
}

impl Tape<'_> {
    fn int(&mut self, v: i64) {
        #[allow(clippy::cast_precision_loss, reason = "amounts are at most 10^12 × 10^4 < 2^53")]
        self.out.push(v as f64);
    }

    /// A static text or one the policy owns: cacheable by address.
    fn kept(&mut self, s: &str) {
        self.out.push(addr(s));
        self.out.push(num(s.len()));
    }

    /// Text from the request: copied.
    fn copied(&mut self, s: &str) {
        self.out.push(-1.0 - num(self.bytes.len()));
        self.out.push(num(s.len()));
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn bool(&mut self, b: bool) {
        self.out.push(if b { 1.0 } else { 0.0 });
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.out.push(-1.0),
            Some(d) if (0..=9999).contains(&d.year()) => {
                self.out.push(f64::from(d.year()) * 10000.0 + f64::from(d.month() * 100 + d.day()));
            }
            Some(d) => {
                // Beyond four-digit years, as `Date`'s Display writes it (and the JSON writer).
                self.out.push(-2.0);
                self.copied(&d.to_string());
            }
        }
    }

    fn reasons(&mut self, list: &[Reason], o: WriteOptions) {
        self.out.push(num(list.len()));
        for r in list {
            self.kept(r.code);
            self.kept(r.rule.as_str());
            if o.explain {
                self.kept(r.zh);
                self.kept(r.en);
            }
        }
    }

    fn rules(&mut self, list: &[super::RuleId]) {
        self.out.push(num(list.len()));
        for r in list {
            self.kept(r.as_str());
        }
    }

    fn item(&mut self, d: &ItemDecision, o: WriteOptions) {
        self.copied(&d.line_id);
        self.int(d.quantity);
        self.kept(write::reason_name(d.reason));
        self.kept(write::resolution_name(d.want));
        self.bool(d.granted);
        self.out.push(num(d.allowed.len()));
        for a in &d.allowed {
            self.kept(write::resolution_name(a.resolution));
            self.date(a.until);
            self.kept(write::basis_name(a.basis));
            self.kept(a.rule.as_str());
        }
        self.reasons(&d.reasons, o);
        self.rules(&d.rules);
        self.out.push(num(d.evidence_needed.len()));
        for e in &d.evidence_needed {
            self.kept(e.kind);
            self.int(i64::from(e.count));
            self.kept(e.rule.as_str());
        }
        self.kept(approval_name(d.approval));
        self.kept(payer_name(d.freight_payer));
        self.bool(d.free_pickup);
        let m = &d.money;
        for v in [
            m.list_fen,
            m.line_paid_fen,
            m.discount_fen,
            m.points_value_fen,
            m.points,
            m.paid_fen,
            m.rate_deduction_fen,
            m.restocking_fee_fen,
            m.refund_fen,
            m.refund_points,
        ] {
            self.int(v);
        }
        match &d.exchange {
            Some(x) => {
                self.bool(true);
                self.int(x.credit_fen);
                self.int(x.new_price_fen);
                self.int(x.difference_fen);
            }
            None => self.bool(false),
        }
        self.date(d.warranty_until);
    }
}

fn approval_name(a: ApprovalLevel) -> &'static str {
    write::approval_name(a)
}

fn payer_name(p: Payer) -> &'static str {
    write::payer_name(p)
}

/// Writes the tape of `d` (decided under `policy`) into `out`, request texts into `bytes`.
pub(crate) fn write_tape(
    out: &mut Vec<f64>,
    bytes: &mut Vec<u8>,
    policy: &ReturnPolicy,
    d: &Decision,
    o: WriteOptions,
) {
    out.clear();
    bytes.clear();
    let mut t = Tape { out, bytes };
    t.kept(write::status_name(d.status));
    // The decision's copies of the policy's version and fingerprint: the policy's own strings are the same text.
    if d.policy.version == policy.version() {
        t.kept(policy.version());
    } else {
        t.copied(&d.policy.version);
    }
    if d.policy.fingerprint == policy.fingerprint() {
        t.kept(policy.fingerprint());
    } else {
        t.copied(&d.policy.fingerprint);
    }
    t.out.push(num(d.items.len()));
    for it in &d.items {
        t.item(it, o);
    }
    let r = &d.refund;
    for v in [r.total_fen, r.points, r.items_fen, r.shipping_fen, r.coupon_breakage_fen, r.gift_deduction_fen] {
        t.int(v);
    }
    t.out.push(num(r.by_payment.len()));
    for p in &r.by_payment {
        t.copied(&p.method);
        t.int(p.amount_fen);
        t.date(p.credit_by);
    }
    t.kept(approval_name(d.approval));
    t.date(d.review_by);
    t.date(d.refund_by);
    t.reasons(&d.reasons, o);
    t.rules(&d.rules);
}

/// Reads a request's JSON text with the strings of the previous one, decides it and writes its tape: the one body
/// of both entry points ([`Packed::evaluate`], [`Packed::evaluate_text`]); the tape's length.
#[inline(never)]
fn decide(
    pool: &mut Vec<String>,
    tape: &mut Vec<f64>,
    bytes: &mut Vec<u8>,
    policy: &ReturnPolicy,
    cal: &crate::Calendar,
    text: &str,
    o: WriteOptions,
) -> crate::Result<usize> {
    let req = Request::from_json_reusing(text, pool)?;
    let d = policy.evaluate(&req, cal);
    req.recycle(pool);
    write_tape(tape, bytes, policy, &d?, o);
    Ok(tape.len())
}

/// The buffers of the tape crossing, kept between calls (one set per thread).
pub(crate) struct Packed {
    text: Vec<u8>,
    tape: Vec<f64>,
    tape_bytes: Vec<u8>,
    /// The strings of the previous request, for the next one.
    pool: Vec<String>,
}

impl Packed {
    /// Empty buffers (a `const fn`: the thread-local needs no lazy initialisation).
    pub(crate) const fn new() -> Packed {
        Packed { text: Vec::new(), tape: Vec::new(), tape_bytes: Vec::new(), pool: Vec::new() }
    }

    /// Makes room for a request's JSON text of up to `cap` UTF-8 bytes; the address to write it at. Good until
    /// the next call into wasm. (The buffer only grows and is not cleared: [`Packed::evaluate`] is told how many
    /// bytes were written.)
    pub(crate) fn input(&mut self, cap: usize) -> usize {
        if self.text.len() < cap {
            self.text.resize(cap, 0);
        }
        self.text.as_ptr() as usize
    }

    /// Decides the request whose `len` bytes were written through [`Packed::input`]; the tape's length, or 0 when
    /// the generated call must answer (text that is not UTF-8, a bad request, one the policy refuses: that call
    /// reads the same text and reports the issues).
    pub(crate) fn evaluate(
        &mut self,
        policy: &ReturnPolicy,
        cal: &crate::Calendar,
        len: usize,
        o: WriteOptions,
    ) -> usize {
        let Packed { text, tape, tape_bytes, pool } = self;
        let Some(bytes) = text.get(..len) else { return 0 };
        let Ok(text) = std::str::from_utf8(bytes) else { return 0 };
        decide(pool, tape, tape_bytes, policy, cal, text, o).unwrap_or(0)
    }

    /// Decides a request given as JSON text (the generated calls) and writes its tape; the tape's length (never 0).
    ///
    /// # Errors
    /// The request's issues, as [`Request::from_json`] and [`ReturnPolicy::evaluate`] report them.
    pub(crate) fn evaluate_text(
        &mut self,
        policy: &ReturnPolicy,
        cal: &crate::Calendar,
        text: &str,
        o: WriteOptions,
    ) -> crate::Result<usize> {
        let Packed { tape, tape_bytes, pool, .. } = self;
        decide(pool, tape, tape_bytes, policy, cal, text, o)
    }

    /// The address of the last tape.
    pub(crate) fn tape_addr(&self) -> usize {
        self.tape.as_ptr() as usize
    }

    /// The address of the last tape's copied texts.
    pub(crate) fn tape_bytes_addr(&self) -> usize {
        self.tape_bytes.as_ptr() as usize
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;

    const SIMPLE_JSON: &str = r#"{"now": "2026-05-06T10:00:00+08:00",
        "order": {"channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
          "lines": [{"id": "L1", "brand": "品牌", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900}],
          "payments": [{"method": "wechat", "amountFen": 39900}]},
        "items": [{"lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund"}]}"#;

    /// Writes `text` as the overlay does; its length.
    fn load(b: &mut Packed, text: &[u8]) -> usize {
        b.input(text.len() * 3);
        b.text[..text.len()].copy_from_slice(text);
        text.len()
    }

    #[test]
    fn a_request_written_as_text_decides_as_the_reader_does() {
        let policy = ReturnPolicy::statutory();
        let cal = crate::Calendar::default();
        let mut b = Packed::new();
        // A longer text first: the buffer keeps its size, and only the bytes written this time are read.
        load(&mut b, format!("{SIMPLE_JSON}   {{").as_bytes());
        let len = load(&mut b, SIMPLE_JSON.as_bytes());
        let n = b.evaluate(&policy, &cal, len, WriteOptions::default());
        let d = policy.evaluate(&Request::from_json(SIMPLE_JSON).unwrap(), &cal).unwrap();
        let mut tape = Vec::new();
        let mut bytes = Vec::new();
        write_tape(&mut tape, &mut bytes, &policy, &d, WriteOptions::default());
        assert!(n > 0);
        assert_eq!(n, tape.len());
        assert_eq!(b.tape, tape);
        // The request's texts are copied into the tape's bytes; the rest is addressed where it lives.
        assert_eq!(bytes, b"L1wechat");
        assert_eq!(b.tape_bytes, bytes);
        // Again, through the strings the first request gave back: the same request and tape.
        assert!(!b.pool.is_empty());
        let again = Request::from_json_reusing(SIMPLE_JSON, &mut b.pool.clone()).unwrap();
        assert_eq!(format!("{again:?}"), format!("{:?}", Request::from_json(SIMPLE_JSON).unwrap()));
        let len = load(&mut b, SIMPLE_JSON.as_bytes());
        assert_eq!(b.evaluate(&policy, &cal, len, WriteOptions::default()), n);
        assert_eq!(b.tape, tape);
        assert_eq!(tape[0], addr(write::status_name(d.status)));
    }

    #[test]
    fn what_the_reader_refuses_goes_to_the_generated_call() {
        let policy = ReturnPolicy::statutory();
        let cal = crate::Calendar::default();
        let mut b = Packed::new();
        // Not UTF-8, not JSON, a channel that is no variant, more returned than bought: 0 (the generated call reads
        // the same text and reports the issue).
        let o = WriteOptions::default();
        let len = load(&mut b, &[b'"', 0xff, b'"']);
        assert_eq!(b.evaluate(&policy, &cal, len, o), 0);
        let len = load(&mut b, &SIMPLE_JSON.as_bytes()[..40]);
        assert_eq!(b.evaluate(&policy, &cal, len, o), 0);
        let len = load(&mut b, SIMPLE_JSON.replace("\"online\"", "\"by pigeon\"").as_bytes());
        assert_eq!(b.evaluate(&policy, &cal, len, o), 0);
        let five = SIMPLE_JSON.replace("\"quantity\": 1, \"reason\"", "\"quantity\": 5, \"reason\"");
        assert!(Request::from_json(&five).is_ok());
        let len = load(&mut b, five.as_bytes());
        assert_eq!(b.evaluate(&policy, &cal, len, o), 0);
        // A length beyond the buffer reads nothing.
        assert_eq!(b.evaluate(&policy, &cal, 1 << 20, o), 0);
    }
}
