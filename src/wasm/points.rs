//! JS calls of the points pillar: the `PointsProgram` handle (load once, query many). Thin glue: argument checks,
//! the call (the pillar's JSON entry points, shared with the native vector adapter), conversion. Every method
//! throws `MallcareError` on bad input; a refused redemption is a normal value (`{ allowed: false, reasons }`).

use super::{default_locale, int_arg, json_arg, string_arg, throw, value_or_throw};
use crate::error::{Error, Issues};
use crate::points::Program;
use crate::Result;
use serde_json::Value;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

/// A JSON argument; `undefined`/`null` become `null` when `optional`.
fn doc_arg(v: &JsValue, path: &str, optional: bool) -> Result<Value> {
    if optional && (v.is_undefined() || v.is_null()) {
        return Ok(Value::Null);
    }
    json_arg(v, path)
}

/// Every issue of the argument results, or their values.
fn all<T>(results: Vec<Result<T>>) -> Result<Vec<T>> {
    let mut issues = Issues::default();
    let values: Vec<T> = results.into_iter().filter_map(|r| issues.take(r, "")).collect();
    issues.finish(values)
}

fn take3(v: Vec<Value>) -> (Value, Value, Value) {
    let mut it = v.into_iter();
    (it.next().unwrap_or(Value::Null), it.next().unwrap_or(Value::Null), it.next().unwrap_or(Value::Null))
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
        json_arg(&doc, "")
            .and_then(Program::from_value)
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
    #[wasm_bindgen(unchecked_return_type = "EarnResult")]
    pub fn earn(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsOrder | string")] order: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsMember | null | undefined")] member: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all(vec![doc_arg(&order, "order", false), doc_arg(&member, "member", true)])
            .and_then(|v| {
                let at = string_arg(&at, "at")?;
                let (o, m, _) = take3(v);
                self.inner.earn_value(o, m, &at)
            })
            .map(|r| r.localize(default_locale()));
        value_or_throw(r, default_locale())
    }

    /// The balance as of `at`, folding the ledger events (which must be in time order).
    #[wasm_bindgen(unchecked_return_type = "PointsBalance")]
    pub fn balance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all(vec![doc_arg(&events, "events", false), string_arg(&at, "at").map(Value::String)])
            .and_then(|v| match take3(v) {
                (e, Value::String(at), _) => self.inner.balance_value(e, &at),
                _ => Err(Error::new(vec![])),
            });
        value_or_throw(r, default_locale())
    }

    /// Decides a redemption: `{ allowed: true, event, ... }` or `{ allowed: false, reasons, maxPoints, ... }`.
    #[wasm_bindgen(unchecked_return_type = "RedeemDecision")]
    pub fn redeem(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RedeemRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all(vec![doc_arg(&events, "events", false), doc_arg(&request, "request", false)])
            .and_then(|v| {
                let at = string_arg(&at, "at")?;
                let (e, q, _) = take3(v);
                self.inner.redeem_value(e, q, &at)
            })
            .map(|d| d.localize(default_locale()));
        value_or_throw(r, default_locale())
    }

    /// What a refund takes back, and what happens to points already spent (the program's `whenSpent`).
    #[wasm_bindgen(unchecked_return_type = "PointsClawback")]
    pub fn clawback(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PointsEvent[] | string")] events: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EarnRecord | EarnResult")] earn_result: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsRefund")] refund: JsValue,
    ) -> JsResult {
        let r = all(vec![
            doc_arg(&events, "events", false),
            doc_arg(&earn_result, "earnResult", false),
            doc_arg(&refund, "refund", false),
        ])
        .and_then(|v| {
            let (e, r, f) = take3(v);
            self.inner.clawback_value(e, r, f)
        })
        .map(|c| c.localize(default_locale()));
        value_or_throw(r, default_locale())
    }

    /// The member's tier as of `at` from their qualifying history.
    #[wasm_bindgen(unchecked_return_type = "TierStatus")]
    pub fn tier(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TierHistory")] history: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
    ) -> JsResult {
        let r = all(vec![doc_arg(&history, "history", false), string_arg(&at, "at").map(Value::String)])
            .and_then(|v| match take3(v) {
                (h, Value::String(at), _) => self.inner.tier_value(h, &at),
                _ => Err(Error::new(vec![])),
            });
        value_or_throw(r, default_locale())
    }

    /// A tier's benefits.
    #[wasm_bindgen(unchecked_return_type = "TierBenefits")]
    pub fn benefits(&self, #[wasm_bindgen(unchecked_param_type = "string")] tier: JsValue) -> JsResult {
        let r = string_arg(&tier, "tier").and_then(|t| self.inner.benefits(&t));
        value_or_throw(r, default_locale())
    }

    /// The parking fee of a session for a member who spent `spendTodayFen` today, with waivers and the points option.
    #[wasm_bindgen(js_name = "parkingFee", unchecked_return_type = "ParkingFee")]
    pub fn parking_fee(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ParkingSession")] session: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PointsMember | null | undefined")] member: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] spend_today_fen: JsValue,
    ) -> JsResult {
        let spend = int_arg(&spend_today_fen, "spendTodayFen");
        let r = all(vec![doc_arg(&session, "session", false), doc_arg(&member, "member", true)])
            .and_then(|v| {
                let spend = spend?;
                let (s, m, _) = take3(v);
                self.inner.parking_fee_value(s, m, spend)
            })
            .map(|f| f.localize(default_locale()));
        value_or_throw(r, default_locale())
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
/** Answer of `earn`. */
export interface EarnResult {
  programVersion: string; fingerprint: string; orderId?: string; at: string; points: number; eligibleFen: number;
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
