//! The packed crossing of the JS fast path (`scripts/pkg/overlay/eligibility.js`): a request arrives as numbers
//! (`f64`, every one a safe integer) plus UTF-8 bytes, already checked for shape by the overlay, and the decision
//! leaves as a tape of numbers that the overlay turns into the same object `JSON.parse` would build from
//! [`super::write::decision`]. No JSON text is written, encoded, decoded or parsed on this path.
//!
//! The request layout (the overlay writes it, [`read_request`] reads it; `Str` is two numbers, the byte offset and
//! length, offset −1 for an absent optional string; `Opt` numbers are NaN when absent; `Bool` is 0 or 1):
//!
//! ```text
//! now:Str
//! order: id:Str? channel:Str fulfilment:Str? soldAt:Str invoicedAt:Str? signedAt:Str?
//!        member:(0 | 1 id:Str? tier:Str?) proof:Str?
//!        lines:n × (id:Str sku:Str? brand:Str? category:Str tags:n×Str quantity unitPriceFen paidFen:Opt
//!                   giftOf:Str? giftValueFen madeToOrder:Bool confirmedNonReturnable:Bool nearExpiry:Bool
//!                   flawed:Bool returnedQuantity)
//!        discounts:n × (id:Str? kind:Str? amountFen thresholdFen:Opt lines:(−1 | n×Str))
//!        points:(0 | 1 points valueFen) shippingFen
//!        payments:n × (method:Str amountFen refundedFen)
//! items:n × (lineId:Str quantity reason:Str want:Str condition:11×Bool photos faultAt:Str? failedRepairs
//!            returnedAt:Str? exchangeFor:(0 | 1 sku:Str? unitPriceFen))
//! riskFlags:n×Str
//! ```
//!
//! Anything the reader does not accept (a name that is no variant, a timestamp that does not parse, a number out of
//! range) answers `None`, and the overlay takes the JSON path, which reports the issue with its path.
//!
//! The tape (what [`write_tape`] writes) follows [`super::write::decision`] field by field. A string is two numbers:
//! an address and a length. Static texts (codes, names, messages) and the policy's own strings (rule ids, version,
//! fingerprint) are addressed where they live, so the overlay may cache them by address for the policy's lifetime;
//! text from the request (line ids, payment methods) is copied into the tape's byte buffer and its address written
//! as `−1 − offset`. A date is `yyyymmdd`, −1 for `null`, or −2 and a string beyond four-digit years.
//!
//! Every decision the package returns is read from a tape: the JSON-reading calls (`evaluate` given JSON text or a
//! request the overlay does not pack, `evaluateJson`, `evaluateMany`'s elements) write one too, so the wasm holds no
//! decision JSON writer ([`super::write`] serves Rust callers).

use super::decide::{Decision, ItemDecision};
use super::policy::{ApprovalLevel, Payer};
use super::reason::Reason;
use super::request::{
    channel_of, fulfilment_of, reason_of, resolution_of, Condition, Discount, DiscountKind, Evidence, ExchangeFor,
    Item, Line, Member, Order, Payment, PointsUsed, Proof, Request,
};
use super::write::{self, WriteOptions};
use super::ReturnPolicy;
use crate::{Date, Timestamp};

/// The strings and vectors of the previous request, kept for the next one: a packed request is read without
/// allocating once the buffers have grown to its size (allocation and freeing were a third of a decision's time).
pub(crate) struct Spare {
    strings: Vec<String>,
    lines: Vec<Line>,
    items: Vec<Item>,
    payments: Vec<Payment>,
    discounts: Vec<Discount>,
    lists: Vec<Vec<String>>,
}

impl Spare {
    const fn new() -> Spare {
        Spare {
            strings: Vec::new(),
            lines: Vec::new(),
            items: Vec::new(),
            payments: Vec::new(),
            discounts: Vec::new(),
            lists: Vec::new(),
        }
    }

    fn keep(&mut self, s: String) {
        self.strings.push(s);
    }

    fn keep_opt(&mut self, s: Option<String>) {
        if let Some(s) = s {
            self.strings.push(s);
        }
    }

    fn keep_list(&mut self, mut v: Vec<String>) {
        if v.capacity() > 0 {
            self.strings.append(&mut v);
            self.lists.push(v);
        }
    }

    /// Takes a request apart into its reusable strings and vectors.
    pub(crate) fn recycle(&mut self, req: Request) {
        let o = req.order;
        self.keep_opt(o.id);
        if let Some(m) = o.member {
            self.keep_opt(m.id);
            self.keep_opt(m.tier);
        }
        let mut lines = o.lines;
        for l in lines.drain(..) {
            self.keep(l.id);
            self.keep_opt(l.sku);
            self.keep_opt(l.brand);
            self.keep(l.category);
            self.keep_list(l.tags);
            self.keep_opt(l.gift_of);
        }
        self.lines = lines;
        let mut discounts = o.discounts;
        for d in discounts.drain(..) {
            self.keep_opt(d.id);
            if let Some(v) = d.lines {
                self.keep_list(v);
            }
        }
        self.discounts = discounts;
        let mut payments = o.payments;
        for p in payments.drain(..) {
            self.keep(p.method);
        }
        self.payments = payments;
        let mut items = req.items;
        for it in items.drain(..) {
            self.keep(it.line_id);
            if let Some(x) = it.exchange_for {
                self.keep_opt(x.sku);
            }
        }
        self.items = items;
        self.keep_list(req.risk_flags);
    }
}

/// Reads the numbers and bytes of a packed request.
struct In<'a, 's> {
    nums: &'a [f64],
    at: usize,
    bytes: &'a [u8],
    spare: &'s mut Spare,
}

impl<'a> In<'a, '_> {
    fn f(&mut self) -> Option<f64> {
        let v = self.nums.get(self.at).copied();
        self.at += 1;
        v
    }

    fn int(&mut self) -> Option<i64> {
        let v = self.f()?;
        // Only safe integers (all the overlay sends): the conversion saturates and maps NaN to 0, so a value that
        // is not an integer comes back different.
        #[allow(clippy::cast_possible_truncation, reason = "checked by converting back")]
        let i = v as i64;
        #[allow(clippy::cast_precision_loss, reason = "compared with the value it came from")]
        let back = i as f64;
        #[allow(clippy::float_cmp, reason = "exact round trip wanted")]
        (back == v && v.abs() <= 9_007_199_254_740_991.0).then_some(i)
    }

    fn opt_int(&mut self) -> Option<Option<i64>> {
        let v = *self.nums.get(self.at)?;
        if v.is_nan() {
            self.at += 1;
            return Some(None);
        }
        self.int().map(Some)
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.int()?).ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.int()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.int()?).ok()
    }

    /// A string, or `Some(None)` when absent.
    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        let off = self.int()?;
        let len = self.count()?;
        if off < 0 {
            return Some(None);
        }
        let off = usize::try_from(off).ok()?;
        let b = self.bytes.get(off..off.checked_add(len)?)?;
        std::str::from_utf8(b).ok().map(Some)
    }

    fn str(&mut self) -> Option<&'a str> {
        self.opt_str()?
    }

    fn own(&mut self, s: &str) -> String {
        let mut out = self.spare.strings.pop().unwrap_or_default();
        out.clear();
        out.push_str(s);
        out
    }

    fn string(&mut self) -> Option<String> {
        let s = self.str()?;
        Some(self.own(s))
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        match self.opt_str()? {
            None => Some(None),
            Some(s) => Some(Some(self.own(s))),
        }
    }

    fn variant(&mut self, names: &[&str]) -> Option<usize> {
        let s = self.str()?;
        names.iter().position(|n| *n == s)
    }

    fn opt_variant(&mut self, names: &[&str]) -> Option<Option<usize>> {
        match self.opt_str()? {
            None => Some(None),
            Some(s) => names.iter().position(|n| *n == s).map(Some),
        }
    }

    fn timestamp(&mut self) -> Option<Timestamp> {
        Timestamp::parse(self.str()?).ok()
    }

    fn opt_timestamp(&mut self) -> Option<Option<Timestamp>> {
        match self.opt_str()? {
            None => Some(None),
            Some(s) => Timestamp::parse(s).ok().map(Some),
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        let mut v = if n == 0 { Vec::new() } else { self.spare.lists.pop().unwrap_or_default() };
        v.clear();
        for _ in 0..n {
            v.push(self.string()?);
        }
        Some(v)
    }

    /// `n` then `n` values read by `item` into `v` (a spare vector).
    fn list<T>(&mut self, mut v: Vec<T>, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        v.clear();
        v.reserve(n.min(self.nums.len()));
        for _ in 0..n {
            v.push(item(self)?);
        }
        Some(v)
    }
}

fn line(r: &mut In<'_, '_>) -> Option<Line> {
    Some(Line {
        id: r.string()?,
        sku: r.opt_string()?,
        brand: r.opt_string()?,
        category: r.string()?,
        tags: r.strings()?,
        quantity: r.int()?,
        unit_price_fen: r.int()?,
        paid_fen: r.opt_int()?,
        gift_of: r.opt_string()?,
        gift_value_fen: r.int()?,
        made_to_order: r.flag()?,
        confirmed_non_returnable: r.flag()?,
        near_expiry: r.flag()?,
        flawed: r.flag()?,
        returned_quantity: r.int()?,
    })
}

fn discount(r: &mut In<'_, '_>) -> Option<Discount> {
    let id = r.opt_string()?;
    let kind = match r.opt_variant(&["discount", "coupon"])? {
        None | Some(0) => DiscountKind::Discount,
        Some(_) => DiscountKind::Coupon,
    };
    let amount_fen = r.int()?;
    let threshold_fen = r.opt_int()?;
    let lines = if r.nums.get(r.at).is_some_and(|v| *v < 0.0) {
        r.at += 1;
        None
    } else {
        Some(r.strings()?)
    };
    Some(Discount { id, kind, amount_fen, threshold_fen, lines })
}

fn order(r: &mut In<'_, '_>) -> Option<Order> {
    let id = r.opt_string()?;
    let channel = channel_of(r.variant(&super::request::CHANNELS)?);
    let fulfilment = r.opt_variant(&super::request::FULFILMENTS)?.map(fulfilment_of);
    let sold_at = r.timestamp()?;
    let invoiced_at = r.opt_timestamp()?;
    let signed_at = r.opt_timestamp()?;
    let member = if r.flag()? { Some(Member { id: r.opt_string()?, tier: r.opt_string()? }) } else { None };
    let proof = match r.opt_variant(&["receipt", "orderRecord", "memberLookup", "none"])? {
        None | Some(0) => Proof::Receipt,
        Some(1) => Proof::OrderRecord,
        Some(2) => Proof::MemberLookup,
        Some(_) => Proof::None,
    };
    let lines = {
        let v = std::mem::take(&mut r.spare.lines);
        r.list(v, line)?
    };
    let discounts = {
        let v = std::mem::take(&mut r.spare.discounts);
        r.list(v, discount)?
    };
    let points = if r.flag()? { Some(PointsUsed { points: r.int()?, value_fen: r.int()? }) } else { None };
    let shipping_fen = r.int()?;
    let payments = {
        let v = std::mem::take(&mut r.spare.payments);
        r.list(v, |r| Some(Payment { method: r.string()?, amount_fen: r.int()?, refunded_fen: r.int()? }))?
    };
    Some(Order {
        id,
        channel,
        fulfilment,
        sold_at,
        invoiced_at,
        signed_at,
        member,
        proof,
        lines,
        discounts,
        points,
        shipping_fen,
        payments,
    })
}

fn item(r: &mut In<'_, '_>) -> Option<Item> {
    let line_id = r.string()?;
    let quantity = r.int()?;
    let reason = reason_of(r.variant(&super::request::REASONS)?);
    let want = resolution_of(r.variant(&super::request::RESOLUTIONS)?);
    let condition = Condition {
        seal_broken: r.flag()?,
        downloaded: r.flag()?,
        activated: r.flag()?,
        tags_removed: r.flag()?,
        soiled: r.flag()?,
        damaged: r.flag()?,
        accessories_missing: r.flag()?,
        packaging_missing: r.flag()?,
        used: r.flag()?,
        privately_repaired: r.flag()?,
        serial_defaced: r.flag()?,
    };
    let evidence = Evidence { photos: r.u32()? };
    let fault_at = r.opt_timestamp()?;
    let failed_repairs = r.u32()?;
    let returned_at = r.opt_timestamp()?;
    let exchange_for =
        if r.flag()? { Some(ExchangeFor { sku: r.opt_string()?, unit_price_fen: r.int()? }) } else { None };
    Some(Item {
        line_id,
        quantity,
        reason,
        want,
        condition,
        evidence,
        fault_at,
        failed_repairs,
        returned_at,
        exchange_for,
    })
}

/// Reads a packed request (see the module docs), reusing the strings and vectors in `spare`; `None` when the JSON
/// path must decide (and report) instead.
pub(crate) fn read_request(nums: &[f64], bytes: &[u8], spare: &mut Spare) -> Option<Request> {
    let mut r = In { nums, at: 0, bytes, spare };
    let now = r.timestamp()?;
    let order = order(&mut r)?;
    let items = {
        let v = std::mem::take(&mut r.spare.items);
        r.list(v, item)?
    };
    let risk_flags = r.strings()?;
    (r.at == nums.len()).then_some(Request { now, order, items, risk_flags })
}

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

/// The buffers of the packed crossing, kept between calls (one set per thread).
pub(crate) struct Packed {
    nums: Vec<f64>,
    bytes: Vec<u8>,
    tape: Vec<f64>,
    tape_bytes: Vec<u8>,
    spare: Spare,
    n_nums: usize,
    n_bytes: usize,
}

impl Packed {
    /// Empty buffers (a `const fn`: the thread-local needs no lazy initialisation).
    pub(crate) const fn new() -> Packed {
        Packed {
            nums: Vec::new(),
            bytes: Vec::new(),
            tape: Vec::new(),
            tape_bytes: Vec::new(),
            spare: Spare::new(),
            n_nums: 0,
            n_bytes: 0,
        }
    }

    /// Makes room for a request of `nums` numbers and `bytes` bytes; the address of the numbers (the bytes are at
    /// [`Packed::bytes_addr`]). Good until the next call into wasm.
    pub(crate) fn input(&mut self, nums: usize, bytes: usize) -> usize {
        if self.nums.len() < nums {
            self.nums.resize(nums, 0.0);
        }
        if self.bytes.len() < bytes {
            self.bytes.resize(bytes, 0);
        }
        self.n_nums = nums;
        self.n_bytes = bytes;
        self.nums.as_ptr() as usize
    }

    /// Where the request's bytes go.
    pub(crate) fn bytes_addr(&self) -> usize {
        self.bytes.as_ptr() as usize
    }

    /// Decides the packed request; the tape's length, or 0 when the JSON path must answer (a request this reader
    /// does not take, a bad request: that path reports the issues).
    pub(crate) fn evaluate(&mut self, policy: &ReturnPolicy, cal: &crate::Calendar, o: WriteOptions) -> usize {
        let nums = self.nums.get(..self.n_nums).unwrap_or(&[]);
        let bytes = self.bytes.get(..self.n_bytes).unwrap_or(&[]);
        let Some(req) = read_request(nums, bytes, &mut self.spare) else { return 0 };
        let n = match policy.evaluate(&req, cal) {
            Ok(d) => self.write(policy, &d, o),
            Err(_) => 0,
        };
        self.spare.recycle(req);
        n
    }

    /// Writes the tape of a decision (for the calls that read the request as JSON); its length (never 0).
    pub(crate) fn write(&mut self, policy: &ReturnPolicy, d: &Decision, o: WriteOptions) -> usize {
        write_tape(&mut self.tape, &mut self.tape_bytes, policy, d, o);
        self.tape.len()
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

    /// A packed-request writer for the tests: numbers and bytes in the module's layout.
    #[derive(Default)]
    struct Pack {
        nums: Vec<f64>,
        bytes: Vec<u8>,
    }

    impl Pack {
        fn n(&mut self, v: f64) -> &mut Self {
            self.nums.push(v);
            self
        }
        fn s(&mut self, s: &str) -> &mut Self {
            self.nums.push(self.bytes.len() as f64);
            self.nums.push(s.len() as f64);
            self.bytes.extend_from_slice(s.as_bytes());
            self
        }
        fn none(&mut self) -> &mut Self {
            self.n(-1.0).n(0.0)
        }
    }

    /// The one-line statutory request of the benchmarks, packed by hand.
    fn simple(channel: &str) -> Pack {
        let mut p = Pack::default();
        p.s("2026-05-06T10:00:00+08:00");
        // order: id, channel, fulfilment, soldAt, invoicedAt, signedAt, member, proof
        p.none().s(channel).none().s("2026-05-01T10:00:00+08:00").none().s("2026-05-03T15:00:00+08:00").n(0.0).none();
        // one line
        p.n(1.0).s("L1").none().s("品牌").s("clothing/shoes").n(0.0).n(1.0).n(39900.0).n(f64::NAN).none().n(0.0);
        p.n(0.0).n(0.0).n(0.0).n(0.0).n(0.0);
        // no discounts, no points, shipping 0, one payment
        p.n(0.0).n(0.0).n(0.0).n(1.0).s("wechat").n(39900.0).n(0.0);
        // one item: lineId, quantity, reason, want, 11 condition flags, photos, faultAt, failedRepairs, returnedAt,
        // exchangeFor
        p.n(1.0).s("L1").n(1.0).s("noReason").s("refund");
        for _ in 0..11 {
            p.n(0.0);
        }
        p.n(0.0).none().n(0.0).none().n(0.0);
        // no risk flags
        p.n(0.0);
        p
    }

    const SIMPLE_JSON: &str = r#"{"now": "2026-05-06T10:00:00+08:00",
        "order": {"channel": "online", "soldAt": "2026-05-01T10:00:00+08:00", "signedAt": "2026-05-03T15:00:00+08:00",
          "lines": [{"id": "L1", "brand": "品牌", "category": "clothing/shoes", "quantity": 1, "unitPriceFen": 39900}],
          "payments": [{"method": "wechat", "amountFen": 39900}]},
        "items": [{"lineId": "L1", "quantity": 1, "reason": "noReason", "want": "refund"}]}"#;

    #[test]
    fn a_packed_request_reads_as_its_json_and_decides_the_same() {
        let p = simple("online");
        let mut spare = Spare::new();
        let packed = read_request(&p.nums, &p.bytes, &mut spare).unwrap();
        let json = Request::from_json(SIMPLE_JSON).unwrap();
        assert_eq!(format!("{packed:?}"), format!("{json:?}"));
        // Read again through the recycled strings and vectors: the same request.
        spare.recycle(packed);
        let again = read_request(&p.nums, &p.bytes, &mut spare).unwrap();
        assert_eq!(format!("{again:?}"), format!("{json:?}"));

        let policy = ReturnPolicy::statutory();
        let cal = crate::Calendar::default();
        let mut packed_buffers = Packed::new();
        packed_buffers.input(p.nums.len(), p.bytes.len());
        packed_buffers.nums.copy_from_slice(&p.nums);
        packed_buffers.bytes.copy_from_slice(&p.bytes);
        let n = packed_buffers.evaluate(&policy, &cal, WriteOptions::default());
        let d = policy.evaluate(&json, &cal).unwrap();
        let mut tape = Vec::new();
        let mut bytes = Vec::new();
        write_tape(&mut tape, &mut bytes, &policy, &d, WriteOptions::default());
        assert!(n > 0);
        assert_eq!(n, tape.len());
        // The request's texts are copied into the tape's bytes; the rest is addressed where it lives.
        assert_eq!(bytes, b"L1wechat");
        assert_eq!(tape[0], addr(write::status_name(d.status)));
    }

    #[test]
    fn what_the_reader_does_not_take_goes_to_the_json_path() {
        let mut spare = Spare::new();
        // A channel that is no variant, a number that is not an integer, a truncated request, trailing numbers.
        assert!(read_request(&simple("by pigeon").nums, &simple("by pigeon").bytes, &mut spare).is_none());
        let mut p = simple("online");
        let at = p.nums.iter().position(|v| *v == 39900.0).unwrap();
        p.nums[at] = 399.5;
        assert!(read_request(&p.nums, &p.bytes, &mut spare).is_none());
        let p = simple("online");
        assert!(read_request(&p.nums[..p.nums.len() - 1], &p.bytes, &mut spare).is_none());
        let mut p = simple("online");
        p.n(0.0);
        assert!(read_request(&p.nums, &p.bytes, &mut spare).is_none());
        // A bad request (more returned than bought) decides nothing here: the JSON path reports it.
        let mut p = simple("online");
        let qty_at = p.nums.len() - 24; // the item's quantity (then 23 numbers: reason to riskFlags)
        assert_eq!((p.nums[qty_at], p.nums[qty_at - 1]), (1.0, 2.0)); // after the line id's length
        p.nums[qty_at] = 5.0;
        assert!(read_request(&p.nums, &p.bytes, &mut spare).is_some());
        let mut b = Packed::new();
        b.input(p.nums.len(), p.bytes.len());
        b.nums.copy_from_slice(&p.nums);
        b.bytes.copy_from_slice(&p.bytes);
        assert_eq!(b.evaluate(&ReturnPolicy::statutory(), &crate::Calendar::default(), WriteOptions::default()), 0);
    }
}
