//! JS calls of the points pillar: the `PointsProgram` handle (load once, query many). Thin glue: argument checks,
//! the call (the pillar's JSON entry points, shared with the native vector adapter), conversion. Every method
//! throws `MallcareError` on bad input; a refused redemption is a normal value (`{ allowed: false, reasons }`).

use super::{default_locale, int_arg, json_text_arg, locale_of, string_arg, throw, to_js_json};
use crate::error::{Error, Issue, Issues};
use crate::points::{read_json, EarnDetail, Event, FromJson, Ledger, Member, Order, Program};
use crate::{Result, Timestamp};
use serde::Serialize;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

/// A typed argument: a JS object/array (crossed as one `JSON.stringify` string, much cheaper than walking it
/// property by property) or JSON text.
fn typed<T: FromJson>(v: &JsValue, path: &str) -> Result<T> {
    read_json(&json_text_arg(v, path)?, path)
}

/// Ledger events as JSON text (one reader in the wasm for every call that takes events).
#[inline(never)]
fn read_events(text: &str) -> Result<Vec<Event>> {
    read_json(text, "events")
}

/// A ledger argument: an array of events or JSON text.
fn events_arg(v: &JsValue) -> Result<Vec<Event>> {
    read_events(&json_text_arg(v, "events")?)
}

fn at_arg(v: &JsValue) -> Result<Timestamp> {
    Timestamp::parse(&string_arg(v, "at")?).map_err(|e| e.under("at"))
}

/// Answers cross as one JSON string and one `JSON.parse` (large answers: far fewer boundary crossings).
fn answer<T: Serialize>(r: Result<T>) -> JsResult {
    match r {
        Ok(v) => to_js_json(&v),
        Err(e) => Err(throw(e, default_locale())),
    }
}

/// `options.detail` of `earn`: `"full"` when absent.
fn detail_arg(options: &JsValue) -> Result<EarnDetail> {
    if !options.is_object() {
        return Ok(EarnDetail::Full);
    }
    let v = js_sys::Reflect::get(options, &JsValue::from_str("detail")).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(EarnDetail::Full);
    }
    v.as_string().as_deref().and_then(EarnDetail::parse).ok_or_else(|| {
        Error::from(Issue::new(
            "POINTS_INPUT_INVALID",
            "options.detail",
            "detail 应为 \"full\"、\"lines\" 或 \"total\"",
            "detail must be \"full\", \"lines\" or \"total\"",
        ))
    })
}

fn member_arg(v: &JsValue) -> Result<Member> {
    if v.is_undefined() || v.is_null() {
        Ok(Member::default())
    } else {
        typed(v, "member")
    }
}

/// Both results, or every issue of both.
fn all2<A, B>(a: Result<A>, b: Result<B>) -> Result<(A, B)> {
    let mut issues = Issues::default();
    match (issues.take(a, ""), issues.take(b, "")) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// The issues of a failed result (an empty error for a success, which callers rule out).
fn issues_of<T>(r: Result<T>) -> Error {
    r.err().unwrap_or_else(|| Error::new(Vec::new()))
}

/// All three results, or every issue of them.
fn all3<A, B, C>(a: Result<A>, b: Result<B>, c: Result<C>) -> Result<(A, B, C)> {
    let mut issues = Issues::default();
    match (issues.take(a, ""), issues.take(b, ""), issues.take(c, "")) {
        (Some(a), Some(b), Some(c)) => Ok((a, b, c)),
        _ => Err(Error::new(issues.into_vec())),
    }
}

/// A loaded points program: `PointsProgram.load(doc)`, then `earn`, `balance`, `redeem`, `clawback`, `tier`,
/// `benefits`, `parkingFee`.
#[wasm_bindgen(js_name = "PointsProgram")]
pub struct JsPointsProgram {
    inner: Program,
}

#[wasm_bindgen(js_class = "PointsProgram")]
impl JsPointsProgram {
    /// Loads a program document (object or JSON text). Throws `MallcareError` with every issue found
    /// (`POINTS_MULTIPLIER_NOT_POSITIVE`, `POINTS_CAMPAIGN_DATES_REVERSED`, `POINTS_EXCLUSIVE_SAME_PRIORITY`, ...).
    #[wasm_bindgen(js_name = "load")]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "PointsProgramDoc | string")] doc: JsValue,
    ) -> std::result::Result<JsPointsProgram, JsValue> {
        json_text_arg(&doc, "")
            .and_then(|text| Program::load(&text))
            .map(|inner| JsPointsProgram { inner })
            .map_err(|e| throw(e, default_locale()))
    }

    /// The document's `version`.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_string()
    }

    /// The document's fingerprint (16 hex digits).
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// Points an order earns, per line and in total, with the rules that gave them and when they become available.
    /// `options.detail`: `"full"` (default), `"lines"` (lines without their per-rule `rules`) or `"total"` (no
    /// lines): a large order's answer is mostly per-line detail, so callers that only show the total skip it.
    #[wasm_bindgen(unchecked_return_type = "EarnResult")]
    pub fn earn(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsOrder | string")] order: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsMember | null | undefined")] member: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EarnOptions")] options: JsValue,
    ) -> JsResult {
        let locale = locale_of(&options);
        // The order's text is read in place by `earn_json_text` (no allocation per line); when the member or the
        // time is bad too, it is read once more only to report its own issues with theirs.
        let r = match (json_text_arg(&order, "order"), member_arg(&member), at_arg(&at)) {
            (Ok(text), Ok(m), Ok(t)) => {
                detail_arg(&options).and_then(|d| self.inner.earn_json_text(&text, &m, t, locale, d))
            }
            (text, m, t) => Err(issues_of(all3(text.and_then(|x| read_json::<Order>(&x, "order")), m, t))),
        };
        match r {
            Ok(text) => js_sys::JSON::parse(&text),
            Err(e) => Err(throw(e, locale)),
        }
    }

    /// Overlay fast path of `earn` (hidden; see `scripts/pkg/overlay/points.js`): the packed order is `len` bytes
    /// of slots at `offset` in the scratch buffer; its text is the `text_len` bytes of UTF-8 right after them, or
    /// `text` when `text_len` is negative (a host without `TextEncoder`, or text too long for the room the overlay
    /// left). The answer's JSON text, or `""` when the packed form cannot decide or the call has a problem (the
    /// overlay then takes the generated path).
    #[wasm_bindgen(js_name = "__mcEarn", skip_typescript)]
    pub fn packed_earn(&self, text: &str, offset: u32, len: u32, text_len: i32) -> String {
        let end = offset.saturating_add(len);
        let in_scratch = u32::try_from(text_len).ok();
        super::with_scratch(end.saturating_add(in_scratch.unwrap_or(0)), |b| {
            let slots = b.get(offset as usize..end as usize)?;
            let text = match in_scratch {
                Some(_) => std::str::from_utf8(b.get(end as usize..)?).ok()?,
                None => text,
            };
            self.inner.earn_packed(slots, text, default_locale())
        })
        .unwrap_or_default()
    }

    /// Overlay helper of `earn` (hidden): which line fields the program's rules and exclusions look at (bit 0
    /// category, bit 1 brand, bit 2 SKU); the overlay leaves the others' text out of the packed order.
    #[wasm_bindgen(js_name = "__mcEarnFields", skip_typescript)]
    pub fn earn_fields(&self) -> u32 {
        self.inner.earn_fields()
    }

    /// Overlay fast path of `balance` (hidden): the packed events are `len` bytes of slots at `offset` in the
    /// scratch buffer, their text `text` and `refs`. The answer's JSON text, or `""` (the overlay then takes the
    /// generated path).
    #[wasm_bindgen(js_name = "__mcBalance", skip_typescript)]
    pub fn packed_balance(&self, text: &str, refs: &str, at: &str, offset: u32, len: u32) -> String {
        let Ok(at) = Timestamp::parse(at) else { return String::new() };
        super::with_scratch(offset.saturating_add(len), |b| {
            b.get(offset as usize..).and_then(|slots| self.inner.balance_packed(slots, text, refs, at))
        })
        .and_then(|b| serde_json::to_string(&b).ok())
        .unwrap_or_default()
    }

    /// Overlay fast path of `balance` with a ledger as JSON text (hidden): the text is `len` bytes of UTF-8 at the
    /// start of the scratch buffer (the overlay writes it with `TextEncoder.encodeInto`, which copies natively where
    /// the generated glue copies character by character in JS). The answer's JSON text, or `""` on any problem (the
    /// overlay then takes the generated path, which reports it).
    #[wasm_bindgen(js_name = "__mcBalanceJson", skip_typescript)]
    pub fn json_balance(&self, len: u32, at: &str) -> String {
        let Ok(at) = Timestamp::parse(at) else { return String::new() };
        super::with_scratch(len, |b| {
            let text = std::str::from_utf8(b).ok()?;
            let events = read_events(text).ok()?;
            self.inner.balance(&events, at).ok()
        })
        .and_then(|b| serde_json::to_string(&b).ok())
        .unwrap_or_default()
    }

    /// The balance as of `at`, folding the ledger events (which must be in time order).
    #[wasm_bindgen(unchecked_return_type = "PointsBalance")]
    pub fn balance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all2(events_arg(&events), at_arg(&at)).and_then(|(e, t)| self.inner.balance(&e, t));
        answer(r)
    }

    /// Decides a redemption: `{ allowed: true, event, ... }` or `{ allowed: false, reasons, maxPoints, ... }`.
    #[wasm_bindgen(unchecked_return_type = "RedeemDecision")]
    pub fn redeem(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RedeemRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all3(events_arg(&events), typed(&request, "request"), at_arg(&at))
            .and_then(|(e, q, t)| self.inner.redeem(&e, &q, t))
            .map(|d| d.localize(default_locale()));
        answer(r)
    }

    /// What a refund takes back, and what happens to points already spent (the program's `whenSpent`).
    #[wasm_bindgen(unchecked_return_type = "PointsClawback")]
    pub fn clawback(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EarnRecord | EarnResult")] earn_result: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsRefund")] refund: JsValue,
    ) -> JsResult {
        let r = all3(events_arg(&events), typed(&earn_result, "earnResult"), typed(&refund, "refund"))
            .and_then(|(e, r, f)| self.inner.clawback(&e, &r, &f))
            .map(|c| c.localize(default_locale()));
        answer(r)
    }

    /// Reads and checks a ledger once (object array or JSON text) for repeated queries: `ledger.balance(at)`,
    /// `ledger.append(events)`, `ledger.redeem(request, at)`, `ledger.clawback(earnResult, refund)`. Throws
    /// `MallcareError` as `balance` does (as of the last event).
    pub fn ledger(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
    ) -> std::result::Result<JsPointsLedger, JsValue> {
        events_arg(&events)
            .and_then(|e| self.inner.ledger(e))
            .map(|inner| JsPointsLedger { inner })
            .map_err(|e| throw(e, default_locale()))
    }

    /// The member's tier as of `at` from their qualifying history.
    #[wasm_bindgen(unchecked_return_type = "TierStatus")]
    pub fn tier(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TierHistory")] history: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all2(typed(&history, "history"), at_arg(&at)).and_then(|(h, t)| self.inner.tier(&h, t));
        answer(r)
    }

    /// A tier's benefits.
    #[wasm_bindgen(unchecked_return_type = "TierBenefits")]
    pub fn benefits(&self, #[wasm_bindgen(unchecked_param_type = "string")] tier: JsValue) -> JsResult {
        answer(string_arg(&tier, "tier").and_then(|t| self.inner.benefits(&t)))
    }

    /// The parking fee of a session for a member who spent `spendTodayFen` today, with waivers and the points option.
    #[wasm_bindgen(js_name = "parkingFee", unchecked_return_type = "ParkingFee")]
    pub fn parking_fee(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ParkingSession")] session: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsMember | null | undefined")] member: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] spend_today_fen: JsValue,
    ) -> JsResult {
        let r = all3(typed(&session, "session"), member_arg(&member), int_arg(&spend_today_fen, "spendTodayFen"))
            .and_then(|(s, m, n)| self.inner.parking_fee(&s, &m, n))
            .map(|f| f.localize(default_locale()));
        answer(r)
    }
}

/// A checked ledger bound to its program (from `program.ledger(events)`): load once, query many.
#[wasm_bindgen(js_name = "PointsLedger")]
pub struct JsPointsLedger {
    inner: Ledger,
}

#[wasm_bindgen(js_class = "PointsLedger")]
impl JsPointsLedger {
    /// The balance as of `at` (not before the last event).
    #[wasm_bindgen(unchecked_return_type = "PointsBalance")]
    pub fn balance(&self, #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue) -> JsResult {
        answer(at_arg(&at).and_then(|t| self.inner.balance(t)))
    }

    /// Adds events at the end (object array or JSON text); checked as a whole, nothing is added on a problem.
    /// Returns the new number of events.
    pub fn append(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
    ) -> std::result::Result<u32, JsValue> {
        events_arg(&events)
            .and_then(|e| self.inner.append(e))
            .map(|()| u32::try_from(self.inner.len()).unwrap_or(u32::MAX))
            .map_err(|e| throw(e, default_locale()))
    }

    /// Decides a redemption over this ledger.
    #[wasm_bindgen(unchecked_return_type = "RedeemDecision")]
    pub fn redeem(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RedeemRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all2(typed(&request, "request"), at_arg(&at))
            .and_then(|(q, t)| self.inner.redeem(&q, t))
            .map(|d| d.localize(default_locale()));
        answer(r)
    }

    /// What a refund takes back over this ledger.
    #[wasm_bindgen(unchecked_return_type = "PointsClawback")]
    pub fn clawback(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EarnRecord | EarnResult")] earn_result: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsRefund")] refund: JsValue,
    ) -> JsResult {
        let r = all2(typed(&earn_result, "earnResult"), typed(&refund, "refund"))
            .and_then(|(r, f)| self.inner.clawback(&r, &f))
            .map(|c| c.localize(default_locale()));
        answer(r)
    }

    /// Number of events.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_POINTS: &'static str = r#"
/** How a rule combines with the others on a line (bonuses: on the order). */
export type PointsCombine = "add" | "multiply" | "bestOf" | "exclusive";
/** Conditions of an earning rule; every one given must hold. Weekdays 1 (Mon) - 7 (Sun); times "HH:MM", end exclusive. */
export interface PointsRuleWhen {
  categories?: string[]; brands?: string[]; skus?: string[]; tiers?: string[];
  from?: DateString; to?: DateString; weekdays?: number[]; timeFrom?: string; timeTo?: string;
  stores?: string[]; channels?: string[]; birthday?: "day" | "month"; firstPurchase?: boolean; minOrderFen?: number;
}
/** An earning rule: a multiplier (percent, > 0) on matching lines, or bonus points on the order. */
export interface PointsRule {
  id: string; name?: string; priority: number; combine: PointsCombine; when?: PointsRuleWhen;
  multiplierPercent?: number; bonusPoints?: number; capPerOrder?: number; capPerMember?: number;
}
/** A tier's benefits. */
export interface TierBenefitsDoc {
  pointsMultiplierPercent?: number; birthdayGift?: string; returnWindowExtraDays?: number;
  freeDeliveryThresholdFen?: number; freeParkingMinutes?: number; exclusiveEvents?: boolean; perks?: string[];
}
/** A points program document (see docs/points.md). */
export interface PointsProgramDoc {
  version: string; name?: string;
  earning?: {
    rate?: { points: number; perYuan?: number };
    rounding?: { mode?: "floor" | "round"; scope?: "line" | "order" };
    pendingDays?: number; minimumSpendFen?: number;
    exclusions?: { categories?: string[]; brands?: string[]; skus?: string[] };
    caps?: { perOrder?: number; perDay?: number };
    rules?: PointsRule[];
  };
  tiers?: {
    basis: "spend" | "points"; window: "rolling12Months" | "calendarYear"; downgrade: "oneStep" | "toSupported";
    levels: { id: string; name?: string; threshold: number; benefits?: TierBenefitsDoc }[];
  };
  redemption?: {
    pointValue: { points: number; fen: number }; minimumPoints?: number; stepPoints?: number; maxPercentOfOrder?: number;
    catalogue?: { id: string; name?: string; points: number; tiers?: string[] }[];
  };
  expiry?: { mode?: "never" | "afterDays" | "afterMonths" | "endOfMonth" | "endOfYear" | "endOfNextYear"; days?: number; months?: number; warnDays?: number };
  clawback?: { whenSpent?: "allowNegative" | "deductFromRefund" | "forgive" };
  parking?: {
    freeMinutes?: number; unitMinutes?: number; unitFen: number; dailyCapFen?: number; overnightFen?: number;
    spendWaivers?: { minSpendFen: number; freeMinutes: number }[]; payWithPoints?: boolean;
  };
}
/** An order line: net paid after discounts and coupons; `pendingUntil` = last day of its return window. */
export interface PointsLine {
  id?: string; sku?: string; category?: string; brand?: string; paidFen: number; pointsPaid?: number; pendingUntil?: DateString;
}
/** An order. */
export interface PointsOrder { id?: string; store?: string; channel?: string; lines: PointsLine[] }
/** The member a call is about. */
export interface PointsMember {
  id?: string; tier?: string; birthday?: DateString; firstPurchase?: boolean; pointsEarnedToday?: number;
  campaignPoints?: Record<string, number>; availablePoints?: number;
}
/** Points one rule gave (`base`, a rule id, `tier:<id>`, `cap:perOrder`, `cap:perDay`). */
export interface RuleGain { ruleId: string; name?: string; points: number }
/** A ledger event, in time order. */
export interface PointsEvent {
  type: "earn" | "redeem" | "expire" | "clawback" | "adjust"; at: string; points: number;
  availableOn?: DateString; expiresOn?: DateString; ref?: string; note?: string;
}
/** Options of `earn`: `detail` "lines" leaves out each line's `rules`, "total" leaves out `lines` (written as []). */
export interface EarnOptions extends LocaleOptions { detail?: "full" | "lines" | "total" }
/** Answer of `earn`. */
export interface EarnResult {
  programVersion: string; fingerprint: string; orderId?: string; at: string; points: number; eligibleFen: number;
  /** Present when `options.detail` left something out. */
  detail?: "lines" | "total";
  lines: { index: number; id?: string; paidFen: number; pointsPaid: number; points: number; excluded?: string;
           pendingUntil?: DateString; availableOn: DateString; rules: RuleGain[] }[];
  breakdown: RuleGain[]; notes: Issue[]; events: PointsEvent[];
}
/** Points on a date. */
export interface DatedPoints { on: DateString; points: number }
/** Answer of `balance`: lifetimeEarned + adjustedIn - redeemed - expired - clawedBack - adjustedOut = available + pending - debt. */
export interface PointsBalance {
  at: string; available: number; pending: number; debt: number; net: number; lifetimeEarned: number; redeemed: number;
  expired: number; clawedBack: number; adjustedIn: number; adjustedOut: number;
  expiringSoon: DatedPoints[]; pendingSchedule: DatedPoints[];
}
/** A redemption request. */
export type RedeemRequest =
  | { kind: "cash"; points: number; orderFen: number; ref?: string }
  | { kind: "reward"; rewardId: string; quantity?: number; tier?: string; ref?: string };
/** Answer of `redeem`: a refusal is a value, not a throw. */
export interface RedeemDecision {
  allowed: boolean; points: number; valueFen: number; available: number; maxPoints: number; reasons: Issue[]; event?: PointsEvent;
}
/** What `clawback` needs from an earn answer (the whole `EarnResult` works too). */
export interface EarnRecord { orderId?: string; lines: { paidFen: number; points: number; pointsPaid?: number }[] }
/** A refund of some lines. */
export interface PointsRefund {
  at: string; lines: { line: number; refundFen?: number; all?: boolean; previouslyRefundedFen?: number }[];
}
/** Answer of `clawback`. */
export interface PointsClawback {
  policy: "allowNegative" | "deductFromRefund" | "forgive"; policyApplied: boolean; owedPoints: number; clawedPoints: number;
  shortfallPoints: number; debtPoints: number; forgivenPoints: number; cashDeductedFen: number; refundFen: number;
  netRefundFen: number; pointsReturned: number;
  lines: { line: number; refundFen: number; points: number; pointsReturned: number }[];
  reasons: Issue[]; events: PointsEvent[];
}
/** Qualifying history for `tier`: purchases positive, returns negative. */
export interface TierHistory {
  startTier?: string; startValidUntil?: DateString;
  entries: { at: string; spendFen?: number; points?: number; ref?: string }[];
}
/** A tier and how far away it is. */
export interface TierTarget { tier: string; threshold: number; needed: number; by?: DateString }
/** Answer of `tier`. */
export interface TierStatus {
  tier: string; name?: string; since?: DateString; validUntil?: DateString; qualifying: number;
  windowFrom: DateString; windowTo: DateString; next?: TierTarget; keep?: TierTarget;
  changes: { on: DateString; from: string; to: string; reason: "upgrade" | "returnUndo" | "renewed" | "downgrade"; ref?: string }[];
}
/** Answer of `benefits`. */
export interface TierBenefits {
  tier: string; name?: string; pointsMultiplierPercent: number; birthdayGift?: string; returnWindowExtraDays: number;
  freeDeliveryThresholdFen?: number; freeParkingMinutes: number; exclusiveEvents: boolean; perks: string[];
}
/** A parking stay. */
export interface ParkingSession { entryAt: string; exitAt: string }
/** Answer of `parkingFee`. */
export interface ParkingFee {
  minutes: number; grossFen: number; feeFen: number; overnightFen: number;
  waived: { kind: "freeMinutes" | "tier" | "spend"; minutes: number; fen: number; reason: Issue }[];
  payWithPoints?: { points: number; coversFen: number; enough?: boolean };
}
"#;
