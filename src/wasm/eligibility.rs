//! JS calls of the eligibility pillar: the `ReturnPolicy` handle. Thin glue: argument checks and conversion.
//! Documents cross as JSON text and are read by the pillar's own reader (`PolicyDoc::from_json`). Requests cross
//! as JSON text, either written into wasm memory by the overlay or passed by the generated call, and are read by
//! `Request::from_json` either way; decisions cross back as a tape of numbers that the overlay turns into objects
//! (`src/eligibility/packed.rs`, `scripts/pkg/overlay/eligibility.js`). No serde code on these paths.

use super::{addr32, default_locale, json_text_arg, throw};
use crate::eligibility::write::{self, WriteOptions};
use crate::eligibility::ReturnPolicy;
use crate::error::{Error, Issue};
use crate::Result;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

/// Reads `{ explain }` from an optional options argument.
fn read_options(v: &JsValue) -> Result<WriteOptions> {
    let mut o = WriteOptions::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    if !v.is_object() {
        return Err(Issue::new("INPUT_NOT_OBJECT", "options", "选项应为对象", "options must be an object").into());
    }
    let explain = js_sys::Reflect::get(v, &JsValue::from_str("explain")).unwrap_or(JsValue::UNDEFINED);
    if !explain.is_undefined() {
        match explain.as_bool() {
            Some(b) => o.explain = b,
            None => {
                return Err(Issue::new(
                    "INPUT_INVALID",
                    "options.explain",
                    "explain 应为 true 或 false",
                    "explain must be true or false",
                )
                .into())
            }
        }
    }
    Ok(o)
}

/// Decides one request given as JSON text and writes the decision's tape for the overlay to read (see
/// `src/eligibility/packed.rs`); the tape's length.
fn decide_tape(policy: &ReturnPolicy, text: &str, o: WriteOptions) -> Result<usize> {
    super::foundation::with_calendar(|cal| PACKED.with(|p| p.borrow_mut().evaluate_text(policy, cal, text, o)))
}

/// The body of `evaluate` (a request object or JSON text) and `evaluateJson` (`text_only`: JSON text only): the
/// tape's length, or the thrown `MallcareError`. One copy for both exports.
#[inline(never)]
fn evaluate_arg(policy: &ReturnPolicy, request: &JsValue, options: &JsValue, text_only: bool) -> JsResult {
    read_options(options)
        .and_then(|o| {
            let text = if text_only { super::string_arg(request, "") } else { json_text_arg(request, "") };
            text.and_then(|t| decide_tape(policy, &t, o))
        })
        .map(|n| JsValue::from(u32::try_from(n).unwrap_or(0)))
        .map_err(|e| throw(e, default_locale()))
}

fn parse_json(text: &str) -> JsResult {
    js_sys::JSON::parse(text)
}

thread_local! {
    /// The buffers of the overlay's packed crossing (`scripts/pkg/overlay/eligibility.js`).
    static PACKED: std::cell::RefCell<crate::eligibility::packed::Packed> =
        const { std::cell::RefCell::new(crate::eligibility::packed::Packed::new()) };
}

/// Overlay support (hidden): room for a request's JSON text of up to `cap` UTF-8 bytes; the address to write it
/// at. Good until the next call into wasm that may allocate.
#[wasm_bindgen(js_name = "__mcEligIn", skip_typescript)]
pub fn packed_in(cap: u32) -> u32 {
    PACKED.with(|p| addr32(p.borrow_mut().input(cap as usize)))
}

/// Overlay support (hidden): the address of the last decision tape (`f64`).
#[wasm_bindgen(js_name = "__mcEligTape", skip_typescript)]
pub fn packed_tape() -> u32 {
    PACKED.with(|p| addr32(p.borrow().tape_addr()))
}

/// Overlay support (hidden): the address of the last tape's copied texts.
#[wasm_bindgen(js_name = "__mcEligTapeBytes", skip_typescript)]
pub fn packed_tape_bytes() -> u32 {
    PACKED.with(|p| addr32(p.borrow().tape_bytes_addr()))
}

/// A store return policy layered on China's statutory floor. Load once, evaluate many requests.
#[wasm_bindgen(js_name = "ReturnPolicy")]
pub struct JsReturnPolicy {
    inner: ReturnPolicy,
}

#[wasm_bindgen(js_class = "ReturnPolicy")]
impl JsReturnPolicy {
    /// Loads a policy document (object or JSON text). Throws `MallcareError` with every issue
    /// (`POLICY_PRIORITY_CONFLICT`, `POLICY_CATEGORY_UNKNOWN`, `POLICY_WINDOW_NEGATIVE`, `POLICY_INVALID`, ...).
    #[wasm_bindgen(js_name = "load")]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "ReturnPolicyDoc | string")] doc: JsValue,
    ) -> std::result::Result<JsReturnPolicy, JsValue> {
        let r = json_text_arg(&doc, "").and_then(|t| ReturnPolicy::load(&t));
        r.map(|inner| JsReturnPolicy { inner }).map_err(|e| throw(e, default_locale()))
    }

    /// The law alone.
    #[wasm_bindgen(js_name = "statutory")]
    pub fn statutory() -> JsReturnPolicy {
        JsReturnPolicy { inner: ReturnPolicy::statutory() }
    }

    /// The document's version label.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_string()
    }

    /// Fingerprint of the document (16 hex digits); every decision carries it.
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// Where the policy undercuts the law (errors) or makes questionable choices (warnings).
    #[wasm_bindgen(unchecked_return_type = "LintFinding[]")]
    pub fn lint(&self) -> JsResult {
        parse_json(&write::findings_json(&self.inner.lint()))
    }

    /// Decides one request (object or JSON text) on the module calendar. A decision that allows nothing is a value;
    /// a bad request throws `MallcareError` with every issue and its path. `{ explain: false }` leaves the zh/en
    /// messages out of the reasons (codes and rules stay). (The wasm answers the decision's tape; the package's
    /// overlay, `scripts/pkg/overlay/eligibility.js`, turns it into the object.)
    #[wasm_bindgen(unchecked_return_type = "ReturnDecision")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReturnRequest | string")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ explain?: true }")] options: JsValue,
    ) -> JsResult {
        evaluate_arg(&self.inner, &request, &options, false)
    }

    /// Decides one request given as JSON text and answers the decision as JSON text: for servers that receive the
    /// request as JSON and send the decision on as JSON. Options and errors as for `evaluate`. (The overlay writes
    /// the text from the decision's tape with `JSON.stringify`.)
    #[wasm_bindgen(js_name = "evaluateJson", unchecked_return_type = "string")]
    pub fn evaluate_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EvaluateOptions")] options: JsValue,
    ) -> JsResult {
        evaluate_arg(&self.inner, &request, &options, true)
    }

    /// Overlay fast path of `evaluate` (hidden): decides the request's JSON text, `len` UTF-8 bytes written through
    /// `__mcEligIn`, and answers the tape's length (0: take the generated path, which reads the same text and
    /// reports the issues).
    #[wasm_bindgen(js_name = "__mcEvaluate", skip_typescript)]
    pub fn packed_evaluate(&self, explain: u32, len: u32) -> u32 {
        let o = WriteOptions { explain: explain != 0 };
        let n = PACKED.with(|p| {
            super::foundation::with_calendar(|cal| p.borrow_mut().evaluate(&self.inner, cal, len as usize, o))
        });
        u32::try_from(n).unwrap_or(0)
    }

    /// Decides many requests: `[{ ok: true, value } | { ok: false, issues }]`, one per request, in order. Options as
    /// for `evaluate`. (The overlay decides the elements one by one; the wasm checks the arguments: not an array is
    /// `INPUT_NOT_ARRAY`, bad options as for `evaluate`.)
    #[wasm_bindgen(js_name = "evaluateMany", unchecked_return_type = "Outcome<ReturnDecision>[]")]
    pub fn evaluate_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(ReturnRequest | string)[]")] requests: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ explain?: true }")] options: JsValue,
    ) -> JsResult {
        let locale = default_locale();
        if !js_sys::Array::is_array(&requests) {
            let e = Issue::new("INPUT_NOT_ARRAY", "requests", "应为请求数组", "expected an array of requests");
            return Err(throw(Error::from(e), locale));
        }
        read_options(&options).map_err(|e| throw(e, locale))?;
        Ok(JsValue::UNDEFINED)
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ELIGIBILITY: &'static str = r#"
/** A timestamp, RFC 3339 with an offset: `2026-05-01T10:00:00+08:00`. */
export type TimestampString = string;
export type Channel = "online" | "tv" | "phone" | "mail" | "store";
export type Fulfilment = "delivery" | "pickup" | "carryOut";
export type WindowClock = "sale" | "invoice" | "delivery";
export type WindowUnit = "days" | "businessDays";
export type ConditionKind = "tags" | "seal" | "accessories" | "packaging" | "unused" | "notActivated";
export type ExclusionKind = "madeToOrder" | "perishable" | "unsealedMedia" | "periodical" | "hygiene" | "activated" | "nearExpiry" | "flawed" | "finalSale";
export type ReturnReason = "noReason" | "changedMind" | "size" | "qualityDefect" | "spoiled" | "wrongItem" | "damagedInTransit" | "notAsDescribed";
export type Resolution = "refund" | "exchange" | "repair";
export type Payer = "customer" | "merchant";
export type ApprovalLevel = "auto" | "staff" | "manager";
/** A window: `days` in `unit` counted from `clock` (start day not counted; ends 24:00 China time of the last day). */
export interface ReturnWindow { days: number; unit?: WindowUnit; clock?: WindowClock }
export interface PolicySelector {
  channels?: Channel[]; categories?: string[]; brands?: string[]; skus?: string[]; tags?: string[]; memberTiers?: string[];
  price?: { minFen?: number; maxFen?: number }; purchased?: { from?: DateString; to?: DateString }; fulfilment?: Fulfilment[];
}
export interface PolicyEffects {
  refund?: ReturnWindow; exchange?: ReturnWindow; repair?: ReturnWindow;
  requires?: ConditionKind[]; waives?: ConditionKind[];
  exclusions?: { kind: ExclusionKind; needsConfirmation?: boolean }[];
  qualityDefectOverride?: boolean; refundPercent?: number; restockingFee?: { fixedFen?: number; percent?: number };
  freight?: Partial<Record<ReturnReason, Payer>>; freePickup?: boolean;
  evidence?: { photos: number; reasons?: ReturnReason[] }; approval?: ApprovalLevel;
  warranty?: { months: number; extendedMonths?: number; clock?: WindowClock }; threeGuarantees?: boolean;
}
export interface PolicyRule { id: string; priority: number; description?: string; when?: PolicySelector; then?: PolicyEffects }
export interface PolicySettings {
  refundOrder?: string[]; couponBreakage?: "none" | "clawBack"; giftNotReturned?: "deductValue" | "waive";
  reviewBusinessDays?: number; refundIssueDays?: number; refundBusinessDays?: Record<string, number>;
  approval?: { autoMaxFen?: number; staffMaxFen?: number; risk?: ApprovalLevel }; acceptMemberLookup?: boolean;
}
/** A store return policy document (see docs/eligibility.md). */
export interface ReturnPolicyDoc { version: string; name?: string; description?: string; settings?: PolicySettings; rules?: PolicyRule[] }
export interface OrderLine {
  id: string; sku?: string; brand?: string; category: string; tags?: string[]; quantity: number; unitPriceFen: number;
  paidFen?: number; giftOf?: string; giftValueFen?: number; madeToOrder?: boolean; confirmedNonReturnable?: boolean;
  nearExpiry?: boolean; flawed?: boolean; returnedQuantity?: number;
}
export interface ReturnOrder {
  id?: string; channel: Channel; fulfilment?: Fulfilment; soldAt: TimestampString; invoicedAt?: TimestampString; signedAt?: TimestampString;
  member?: { id?: string; tier?: string }; proof?: "receipt" | "orderRecord" | "memberLookup" | "none";
  lines: OrderLine[];
  discounts?: { id?: string; kind?: "discount" | "coupon"; amountFen: number; thresholdFen?: number; lines?: string[] }[];
  points?: { points: number; valueFen: number }; shippingFen?: number;
  payments: { method: string; amountFen: number; refundedFen?: number }[];
}
export interface ItemCondition {
  sealBroken?: boolean; downloaded?: boolean; activated?: boolean; tagsRemoved?: boolean; soiled?: boolean; damaged?: boolean;
  accessoriesMissing?: boolean; packagingMissing?: boolean; used?: boolean; privatelyRepaired?: boolean; serialDefaced?: boolean;
}
export interface ReturnItem {
  lineId: string; quantity: number; reason: ReturnReason; want: Resolution; condition?: ItemCondition; evidence?: { photos?: number };
  faultAt?: TimestampString; failedRepairs?: number; returnedAt?: TimestampString; exchangeFor?: { sku?: string; unitPriceFen: number };
}
/** Options of `evaluate` / `evaluateMany`. `explain: false` (a hot path matching on codes) leaves the zh/en messages
 * out of every reason: `{ code, rule }` only. Default `true`. */
export interface EvaluateOptions { explain?: boolean }
/** What `ReturnPolicy.evaluate` takes: the order, the items brought back, and `now`. */
export interface ReturnRequest { now: TimestampString; order: ReturnOrder; items: ReturnItem[]; riskFlags?: string[] }
/** Why: a stable code, the rule (`law:...` or a store rule id), and the messages (absent with `explain: false`). */
export interface DecisionReason { code: string; rule: string; zh: string; en: string }
/** A reason without its messages (`{ explain: false }`). */
export interface DecisionCode { code: string; rule: string }
export interface AllowedResolution { resolution: Resolution; until: DateString | null; basis: "law" | "threeGuarantees" | "store"; rule: string }
export interface ItemMoney {
  listFen: number; linePaidFen: number; discountFen: number; pointsValueFen: number; points: number; paidFen: number;
  rateDeductionFen: number; restockingFeeFen: number; refundFen: number; refundPoints: number;
}
export interface ItemDecision<Explained extends boolean = true> {
  lineId: string; quantity: number; reason: ReturnReason; want: Resolution; granted: boolean; allowed: AllowedResolution[];
  reasons: (Explained extends true ? DecisionReason : DecisionCode)[]; rules: string[]; evidenceNeeded: { kind: "photo"; count: number; rule: string }[];
  approval: ApprovalLevel; freightPayer: Payer; freePickup: boolean; money: ItemMoney;
  exchange: { creditFen: number; newPriceFen: number; differenceFen: number } | null; warrantyUntil: DateString | null;
}
/** A decision. `ReturnDecision<false>` is what `{ explain: false }` returns: reasons without messages. */
export interface ReturnDecision<Explained extends boolean = true> {
  status: "approved" | "needsEvidence" | "partial" | "rejected";
  policy: { version: string; fingerprint: string };
  items: ItemDecision<Explained>[];
  refund: {
    totalFen: number; points: number; itemsFen: number; shippingFen: number; couponBreakageFen: number; giftDeductionFen: number;
    byPayment: { method: string; amountFen: number; creditBy: DateString | null }[];
  };
  approval: ApprovalLevel; reviewBy: DateString | null; refundBy: DateString | null;
  reasons: (Explained extends true ? DecisionReason : DecisionCode)[]; rules: string[];
}
export interface LintFinding { severity: "error" | "warning"; code: string; path: string; rule: string | null; zh: string; en: string }
/** `{ explain: false }` typed: decisions whose reasons carry codes and rules only (the class's own signatures take
 * `{ explain?: true }`; an options value whose `explain` is only known to be a boolean gets `ReturnDecision<boolean>`). */
export interface ReturnPolicy {
  evaluate(request: ReturnRequest | string, options: { explain: false }): ReturnDecision<false>;
  evaluate(request: ReturnRequest | string, options?: EvaluateOptions): ReturnDecision<boolean>;
  evaluateMany(requests: (ReturnRequest | string)[], options: { explain: false }): Outcome<ReturnDecision<false>>[];
  evaluateMany(requests: (ReturnRequest | string)[], options?: EvaluateOptions): Outcome<ReturnDecision<boolean>>[];
}
"#;
