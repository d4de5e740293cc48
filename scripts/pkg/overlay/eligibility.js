// @requires ReturnPolicy __mcEligIn __mcEligTape __mcEligTapeBytes
// @exports
// Decisions without JSON out. `evaluate(object)` and `evaluateMany` take a request object's `JSON.stringify` text,
// the text the generated call reads (`evaluateMany` and `evaluateJson` also JSON text as given; `evaluate(text)` stays
// the generated call, the reference tests/js/eligibility-overlay.test.mjs compares with), write it into wasm memory
// as UTF-8 and call the raw `__mcEvaluate`, which reads it with the one request reader, `Request::from_json`.
// Anything else (not an object or a string, an object JSON.stringify refuses, a lone surrogate without TextEncoder,
// a request the wasm refuses) goes to the generated call, which reads the same text and throws MallcareError with
// every issue as before. Either way the wasm answers a tape of numbers and this file builds the decision from it,
// with the keys in the order of the Rust JSON writer; `evaluateJson` is JSON.stringify of that decision. Static
// texts (codes, names, the zh/en messages) and the policy's own strings (rule ids, version, fingerprint) are
// decoded once per policy handle and reused by address. This overlay is part of the eligibility calls (the
// generated ones answer a tape length, not a decision).
{
  const proto = ReturnPolicy.prototype;
  const slowEvaluate = proto.evaluate;
  const slowMany = proto.evaluateMany;
  const slowJson = proto.evaluateJson;
  const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;

  /** Writes `s` as UTF-8 at `at` in wasm memory (room for 3 bytes per UTF-16 unit); the byte count, or -1 for a lone
   * surrogate (the mini-program glue has no TextEncoder; the generated call decides what such text means). */
  const utf8Into = (s, at) => {
    if (encoder !== null) return encoder.encodeInto(s, getUint8ArrayMemory0().subarray(at, at + s.length * 3)).written;
    const B = getUint8ArrayMemory0();
    const len = s.length;
    let b = at;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        B[b++] = c;
      } else if (c < 0x800) {
        B[b++] = 0xc0 | (c >> 6);
        B[b++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
        if (c >= 0xdc00 || d < 0xdc00 || d >= 0xe000) return -1;
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        B[b++] = 0xf0 | (c >> 18);
        B[b++] = 0x80 | ((c >> 12) & 63);
        B[b++] = 0x80 | ((c >> 6) & 63);
        B[b++] = 0x80 | (c & 63);
      } else {
        B[b++] = 0xe0 | (c >> 12);
        B[b++] = 0x80 | ((c >> 6) & 63);
        B[b++] = 0x80 | (c & 63);
      }
    }
    return b - at;
  };

  // Reading the tape.
  let T = null;
  let p = 0;
  let mem = null;
  let tb = 0;
  let cache = null;
  const dates = new Map();
  const utf8 = (at, len) => {
    let s = '';
    const end = at + len;
    while (at < end) {
      const c = mem[at++];
      if (c < 0x80) s += String.fromCharCode(c);
      else if (c < 0xe0) s += String.fromCharCode(((c & 31) << 6) | (mem[at++] & 63));
      else if (c < 0xf0) {
        s += String.fromCharCode(((c & 15) << 12) | ((mem[at++] & 63) << 6) | (mem[at++] & 63));
      } else {
        const u = (((c & 7) << 18) | ((mem[at++] & 63) << 12) | ((mem[at++] & 63) << 6) | (mem[at++] & 63)) - 0x10000;
        s += String.fromCharCode(0xd800 + (u >> 10), 0xdc00 + (u & 1023));
      }
    }
    return s;
  };
  const str = () => {
    const a = T[p++];
    const len = T[p++];
    if (a < 0) return utf8(tb - 1 - a, len);
    // By address (a small integer); the length tells apart two texts at one address (one a prefix of the other).
    const e = cache.get(a);
    if (e !== undefined && e.n === len) return e.s;
    const v = utf8(a, len);
    if (e === undefined) cache.set(a, { n: len, s: v });
    return v;
  };
  const date = () => {
    const v = T[p++];
    if (v < 0) return v === -1 ? null : str();
    let d = dates.get(v);
    if (d === undefined) {
      const y = Math.floor(v / 10000);
      const m = Math.floor(v / 100) % 100;
      const day = v % 100;
      d = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
      if (dates.size > 4096) dates.clear();
      dates.set(v, d);
    }
    return d;
  };
  const reasons = (explain) => {
    const k = T[p++];
    const out = [];
    for (let i = 0; i < k; i++) {
      out.push(explain ? { code: str(), rule: str(), zh: str(), en: str() } : { code: str(), rule: str() });
    }
    return out;
  };
  const rules = () => {
    const k = T[p++];
    const out = [];
    for (let i = 0; i < k; i++) out.push(str());
    return out;
  };
  const item1 = (explain) => {
    const lineId = str();
    const quantity = T[p++];
    const reason = str();
    const want = str();
    const granted = T[p++] === 1;
    const allowed = [];
    for (let k = T[p++], i = 0; i < k; i++) {
      allowed.push({ resolution: str(), until: date(), basis: str(), rule: str() });
    }
    const rs = reasons(explain);
    const rl = rules();
    const evidenceNeeded = [];
    for (let k = T[p++], i = 0; i < k; i++) evidenceNeeded.push({ kind: str(), count: T[p++], rule: str() });
    return {
      lineId, quantity, reason, want, granted, allowed, reasons: rs, rules: rl, evidenceNeeded,
      approval: str(), freightPayer: str(), freePickup: T[p++] === 1,
      money: {
        listFen: T[p++], linePaidFen: T[p++], discountFen: T[p++], pointsValueFen: T[p++], points: T[p++], paidFen: T[p++],
        rateDeductionFen: T[p++], restockingFeeFen: T[p++], refundFen: T[p++], refundPoints: T[p++],
      },
      exchange: T[p++] === 1 ? { creditFen: T[p++], newPriceFen: T[p++], differenceFen: T[p++] } : null,
      warrantyUntil: date(),
    };
  };
  const decision = (explain) => {
    const status = str();
    const policy = { version: str(), fingerprint: str() };
    const items = [];
    for (let k = T[p++], i = 0; i < k; i++) items.push(item1(explain));
    const refund = {
      totalFen: T[p++], points: T[p++], itemsFen: T[p++], shippingFen: T[p++], couponBreakageFen: T[p++],
      giftDeductionFen: T[p++], byPayment: [],
    };
    for (let k = T[p++], i = 0; i < k; i++) refund.byPayment.push({ method: str(), amountFen: T[p++], creditBy: date() });
    return { status, policy, items, refund, approval: str(), reviewBy: date(), refundBy: date(), reasons: reasons(explain), rules: rules() };
  };

  /** A `Float64Array` over all of wasm memory, made again when the memory has grown. */
  let F64 = null;
  const f64 = () => {
    if (F64 === null || F64.buffer !== wasm.memory.buffer) F64 = new Float64Array(wasm.memory.buffer);
    return F64;
  };

  /** `explain` of an options argument: true, false, or undefined when the generated path must read (and reject) it. */
  const explainOf = (options) => {
    if (options === undefined || options === null) return true;
    if (typeof options !== 'object') return undefined;
    const e = options.explain;
    if (e === undefined) return true;
    return typeof e === 'boolean' ? e : undefined;
  };

  /** `JSON.stringify` of a request object, as the generated call takes it (`json_text_arg` in src/wasm/mod.rs), or
   * undefined when that call must answer (not an object, or an object JSON.stringify refuses). */
  const textOf = (req) => {
    if (req === null || typeof req !== 'object') return undefined;
    try {
      const t = JSON.stringify(req);
      return typeof t === 'string' ? t : undefined;
    } catch (e) {
      return undefined;
    }
  };

  /** The decision of a request's JSON text by the raw call, or undefined when the generated call must answer. */
  function fast(policy, text, explain) {
    if (text === undefined || !policy.__wbg_ptr) return undefined;
    const len = utf8Into(text, wasm.__mcEligIn(text.length * 3));
    if (len < 0 || wasm.returnpolicy___mcEvaluate(policy.__wbg_ptr, explain ? 1 : 0, len) === 0) return undefined;
    return last(policy, explain);
  }

  /** The decision of the tape the wasm wrote last. */
  function last(policy, explain) {
    T = f64();
    p = wasm.__mcEligTape() >>> 3;
    tb = wasm.__mcEligTapeBytes();
    mem = getUint8ArrayMemory0();
    cache = policy.__mcStrings || (policy.__mcStrings = new Map());
    const d = decision(explain);
    T = null;
    mem = null;
    return d;
  }

  /** The generated call (JSON text in; it throws on bad input), then its tape. */
  function generated(policy, request, options, explain) {
    slowEvaluate.call(policy, request, options);
    return last(policy, explain !== false);
  }

  proto.evaluate = function evaluate(request, options) {
    const explain = explainOf(options);
    // JSON text given here takes the generated call (the reference the overlay tests compare with).
    if (explain !== undefined) {
      const d = fast(this, textOf(request), explain);
      if (d !== undefined) return d;
    }
    return generated(this, request, options, explain);
  };
  proto.evaluateJson = function evaluateJson(request, options) {
    const explain = explainOf(options);
    if (explain !== undefined && typeof request === 'string') {
      const d = fast(this, request, explain);
      if (d !== undefined) return JSON.stringify(d);
    }
    slowJson.call(this, request, options);
    // The decision's JSON text: the keys in the order of the Rust writer (src/eligibility/write.rs), integers, and
    // strings escaped as serde_json escapes them (", \ and control characters), which is what JSON.stringify does.
    return JSON.stringify(last(this, explain !== false));
  };
  proto.evaluateMany = function evaluateMany(requests, options) {
    const explain = explainOf(options);
    if (explain === undefined || !Array.isArray(requests) || !this.__wbg_ptr) {
      slowMany.call(this, requests, options); // throws: not an array, bad options, a freed policy
    }
    const ex = explain !== false;
    const out = [];
    const len = requests.length;
    for (let i = 0; i < len; i++) {
      const r = requests[i];
      let d = fast(this, typeof r === 'string' ? r : textOf(r), ex);
      if (d === undefined) {
        try {
          d = generated(this, r, options, ex);
        } catch (e) {
          if (e === null || typeof e !== 'object' || e.name !== 'MallcareError') throw e;
          out.push({ ok: false, issues: e.issues });
          continue;
        }
      }
      out.push({ ok: true, value: d });
    }
    return out;
  };
}
