//! JS calls of the eligibility pillar: the `ReturnPolicy` handle. Thin glue: argument checks, the JSON fast path,
//! conversion. Documents and requests cross as JSON text (`JSON.stringify` on the JS side of the boundary, parsed
//! once in Rust); answers come back through `JSON.parse`, which is faster than walking objects field by field.

use super::{default_locale, json_text_arg, throw, to_js_json};
use crate::eligibility::{Decision, Request, ReturnPolicy};
use crate::error::{Error, Issue};
use crate::Result;
use wasm_bindgen::prelude::*;

type JsResult = std::result::Result<JsValue, JsValue>;

/// Parses a request: straight into the typed struct, and only on failure again through the path-tracking reader.
fn parse_request(text: &str) -> Result<Request> {
    match serde_json::from_str::<Request>(text) {
        Ok(r) => Ok(r),
        Err(_) => crate::json::from_str(text, "REQUEST_INVALID"),
    }
}

fn decide(policy: &ReturnPolicy, text: &str) -> Result<Decision> {
    let req = parse_request(text)?;
    super::foundation::with_calendar(|cal| policy.evaluate(&req, cal))
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
        let r = json_text_arg(&doc, "")
            .and_then(|t| crate::json::from_str::<serde_json::Value>(&t, "POLICY_INVALID"))
            .and_then(ReturnPolicy::load_value);
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
        to_js_json(&self.inner.lint())
    }

    /// Decides one request (object or JSON text) on the module calendar. A decision that allows nothing is a value;
    /// a bad request throws `MallcareError` with every issue and its path.
    #[wasm_bindgen(unchecked_return_type = "ReturnDecision")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReturnRequest | string")] request: JsValue,
    ) -> JsResult {
        match json_text_arg(&request, "").and_then(|t| decide(&self.inner, &t)) {
            Ok(d) => to_js_json(&d),
            Err(e) => Err(throw(e, default_locale())),
        }
    }

    /// Decides many requests: `[{ ok: true, value } | { ok: false, issues }]`, one per request, in order.
    #[wasm_bindgen(js_name = "evaluateMany", unchecked_return_type = "Outcome<ReturnDecision>[]")]
    pub fn evaluate_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(ReturnRequest | string)[]")] requests: JsValue,
    ) -> JsResult {
        if !js_sys::Array::is_array(&requests) {
            let e = Issue::new("INPUT_NOT_ARRAY", "requests", "应为请求数组", "expected an array of requests");
            return Err(throw(Error::from(e), default_locale()));
        }
        let locale = default_locale();
        let arr = js_sys::Array::from(&requests);
        let mut out = String::from("[");
        for (i, r) in arr.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let one = json_text_arg(&r, "").and_then(|t| decide(&self.inner, &t));
            let piece = match one {
                Ok(d) => serde_json::to_string(&d).map(|v| format!("{{\"ok\":true,\"value\":{v}}}")),
                Err(e) => {
                    let issues: Vec<_> = e.issues().iter().map(|x| x.localized(locale)).collect();
                    serde_json::to_string(&issues).map(|v| format!("{{\"ok\":false,\"issues\":{v}}}"))
                }
            };
            match piece {
                Ok(p) => out.push_str(&p),
                Err(e) => {
                    let err =
                        Issue::new("INTERNAL", "", format!("结果无法序列化：{e}"), format!("cannot serialize: {e}"));
                    return Err(throw(Error::from(err), locale));
                }
            }
        }
        out.push(']');
        js_sys::JSON::parse(&out)
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
/** What `ReturnPolicy.evaluate` takes: the order, the items brought back, and `now`. */
export interface ReturnRequest { now: TimestampString; order: ReturnOrder; items: ReturnItem[]; riskFlags?: string[] }
export interface DecisionReason { code: string; rule: string; zh: string; en: string }
export interface AllowedResolution { resolution: Resolution; until: DateString | null; basis: "law" | "threeGuarantees" | "store"; rule: string }
export interface ItemMoney {
  listFen: number; linePaidFen: number; discountFen: number; pointsValueFen: number; points: number; paidFen: number;
  rateDeductionFen: number; restockingFeeFen: number; refundFen: number; refundPoints: number;
}
export interface ItemDecision {
  lineId: string; quantity: number; reason: ReturnReason; want: Resolution; granted: boolean; allowed: AllowedResolution[];
  reasons: DecisionReason[]; rules: string[]; evidenceNeeded: { kind: "photo"; count: number; rule: string }[];
  approval: ApprovalLevel; freightPayer: Payer; freePickup: boolean; money: ItemMoney;
  exchange: { creditFen: number; newPriceFen: number; differenceFen: number } | null; warrantyUntil: DateString | null;
}
export interface ReturnDecision {
  status: "approved" | "needsEvidence" | "partial" | "rejected";
  policy: { version: string; fingerprint: string };
  items: ItemDecision[];
  refund: {
    totalFen: number; points: number; itemsFen: number; shippingFen: number; couponBreakageFen: number; giftDeductionFen: number;
    byPayment: { method: string; amountFen: number; creditBy: DateString | null }[];
  };
  approval: ApprovalLevel; reviewBy: DateString | null; refundBy: DateString | null; reasons: DecisionReason[]; rules: string[];
}
export interface LintFinding { severity: "error" | "warning"; code: string; path: string; rule: string | null; zh: string; en: string }
"#;
