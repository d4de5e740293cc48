// @requires ReturnPolicy __mcEligIn __mcEligInBytes __mcEligTape __mcEligTapeBytes
// @exports
// Decisions without JSON. `evaluate` and `evaluateMany` walk a plain request object once and write it into wasm
// memory as numbers and UTF-8 bytes (the layout is documented in src/eligibility/packed.rs); anything else (a request
// given as JSON text, an object that is not a plain object, a field of another type, null where the format has none,
// a number that is not a safe integer, a lone surrogate, an unknown key, a request the wasm refuses) goes to the
// generated call, which reads the JSON text and throws MallcareError with every issue as before. Either way the wasm
// answers a tape of numbers and this file builds the decision from it, with the keys in the order of the Rust JSON
// writer; `evaluateJson` is JSON.stringify of that decision. Static texts (codes, names, the zh/en messages) and the
// policy's own strings (rule ids, version, fingerprint) are decoded once per policy handle and reused by address.
// This overlay is part of the eligibility calls (the generated ones answer a tape length, not a decision).
{
  const proto = ReturnPolicy.prototype;
  const slowEvaluate = proto.evaluate;
  const slowMany = proto.evaluateMany;
  const slowJson = proto.evaluateJson;
  const OP = Object.prototype;
  const FAIL = {};
  let N = new Float64Array(2048);
  let n = 0;
  let B = new Uint8Array(8192);
  let b = 0;
  let busy = false;

  const put = (v) => {
    if (n === N.length) {
      const x = new Float64Array(N.length * 2);
      x.set(N);
      N = x;
    }
    N[n++] = v;
  };
  const S = (s) => {
    if (typeof s !== 'string') throw FAIL;
    const len = s.length;
    if (b + len * 3 > B.length) {
      const x = new Uint8Array(Math.max(B.length * 2, b + len * 3));
      x.set(B);
      B = x;
    }
    const start = b;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        B[b++] = c;
      } else if (c < 0x800) {
        B[b++] = 0xc0 | (c >> 6);
        B[b++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
        if (c >= 0xdc00 || d < 0xdc00 || d >= 0xe000) throw FAIL; // a lone surrogate
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
    put(start);
    put(b - start);
  };
  /** An optional string (absent, undefined or null). */
  const OS = (v) => {
    if (v === undefined || v === null) {
      put(-1);
      put(0);
    } else S(v);
  };
  /** A string with a default (absent or undefined; null is an error for the JSON path to report). */
  const DS = (v) => {
    if (v === undefined) {
      put(-1);
      put(0);
    } else S(v);
  };
  const I = (v) => {
    if (!Number.isSafeInteger(v)) throw FAIL;
    put(v);
  };
  const OI = (v) => {
    if (v === undefined || v === null) put(NaN);
    else I(v);
  };
  const DI = (v) => {
    if (v === undefined) put(0);
    else I(v);
  };
  const BO = (v) => {
    if (v === undefined || v === false) put(0);
    else if (v === true) put(1);
    else throw FAIL;
  };
  const obj = (o) => {
    if (o === null || typeof o !== 'object' || Object.getPrototypeOf(o) !== OP) throw FAIL;
  };
  /** Throws unless the object's enumerable keys are exactly the `known` ones read with a defined value (an unknown
   * key, or a known one holding `undefined`, sends the request down the generated path). Reads no value. */
  const only = (o, known) => {
    let c = 0;
    for (const k in o) c++;
    if (c !== known) throw FAIL;
  };
  const arr = (v) => {
    if (!Array.isArray(v)) throw FAIL;
    put(v.length);
    return v.length;
  };
  const SA = (v) => {
    if (v === undefined) {
      put(0);
      return;
    }
    const len = arr(v);
    for (let i = 0; i < len; i++) S(v[i]);
  };

  const line = (l) => {
    obj(l);
    const id = l.id, sku = l.sku, brand = l.brand, category = l.category, tags = l.tags, quantity = l.quantity;
    const unit = l.unitPriceFen, paid = l.paidFen, giftOf = l.giftOf, giftValue = l.giftValueFen;
    const mto = l.madeToOrder, cnr = l.confirmedNonReturnable, near = l.nearExpiry, flawed = l.flawed;
    const returned = l.returnedQuantity;
    only(l, (id !== undefined) + (sku !== undefined) + (brand !== undefined) + (category !== undefined) +
      (tags !== undefined) + (quantity !== undefined) + (unit !== undefined) + (paid !== undefined) +
      (giftOf !== undefined) + (giftValue !== undefined) + (mto !== undefined) + (cnr !== undefined) +
      (near !== undefined) + (flawed !== undefined) + (returned !== undefined));
    S(id); OS(sku); OS(brand); S(category); SA(tags); I(quantity); I(unit); OI(paid); OS(giftOf); DI(giftValue);
    BO(mto); BO(cnr); BO(near); BO(flawed); DI(returned);
  };
  const discount = (d) => {
    obj(d);
    let id, kind, amount, threshold, lines;
    for (const k in d) {
      const v = d[k];
      switch (k) {
        case 'id': id = v; break;
        case 'kind': kind = v; break;
        case 'amountFen': amount = v; break;
        case 'thresholdFen': threshold = v; break;
        case 'lines': lines = v; break;
        default: if (v !== undefined) throw FAIL;
      }
    }
    OS(id); DS(kind); I(amount); OI(threshold);
    if (lines === undefined || lines === null) put(-1);
    else SA(lines);
  };
  const payment = (p) => {
    obj(p);
    const method = p.method, amount = p.amountFen, refunded = p.refundedFen;
    only(p, (method !== undefined) + (amount !== undefined) + (refunded !== undefined));
    S(method); I(amount); DI(refunded);
  };
  const order = (o) => {
    obj(o);
    const id = o.id, channel = o.channel, fulfilment = o.fulfilment, sold = o.soldAt, invoiced = o.invoicedAt;
    const signed = o.signedAt, member = o.member, proof = o.proof, lines = o.lines, discounts = o.discounts;
    const points = o.points, shipping = o.shippingFen, payments = o.payments;
    only(o, (id !== undefined) + (channel !== undefined) + (fulfilment !== undefined) + (sold !== undefined) +
      (invoiced !== undefined) + (signed !== undefined) + (member !== undefined) + (proof !== undefined) +
      (lines !== undefined) + (discounts !== undefined) + (points !== undefined) + (shipping !== undefined) +
      (payments !== undefined));
    OS(id); S(channel); OS(fulfilment); S(sold); OS(invoiced); OS(signed);
    if (member === undefined || member === null) put(0);
    else {
      obj(member);
      let mid, tier;
      for (const k in member) {
        const v = member[k];
        if (k === 'id') mid = v;
        else if (k === 'tier') tier = v;
        else if (v !== undefined) throw FAIL;
      }
      put(1); OS(mid); OS(tier);
    }
    DS(proof);
    let len = arr(lines);
    for (let i = 0; i < len; i++) line(lines[i]);
    if (discounts === undefined) put(0);
    else {
      len = arr(discounts);
      for (let i = 0; i < len; i++) discount(discounts[i]);
    }
    if (points === undefined || points === null) put(0);
    else {
      obj(points);
      let count, value;
      for (const k in points) {
        const v = points[k];
        if (k === 'points') count = v;
        else if (k === 'valueFen') value = v;
        else if (v !== undefined) throw FAIL;
      }
      put(1); I(count); I(value);
    }
    DI(shipping);
    len = arr(payments);
    for (let i = 0; i < len; i++) payment(payments[i]);
  };
  const item = (it) => {
    obj(it);
    const lineId = it.lineId, quantity = it.quantity, reason = it.reason, want = it.want, condition = it.condition;
    const evidence = it.evidence, fault = it.faultAt, failed = it.failedRepairs, returned = it.returnedAt;
    const exchange = it.exchangeFor;
    only(it, (lineId !== undefined) + (quantity !== undefined) + (reason !== undefined) + (want !== undefined) +
      (condition !== undefined) + (evidence !== undefined) + (fault !== undefined) + (failed !== undefined) +
      (returned !== undefined) + (exchange !== undefined));
    S(lineId); I(quantity); S(reason); S(want);
    if (condition === undefined) {
      for (let i = 0; i < 11; i++) put(0);
    } else {
      obj(condition);
      let c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10;
      for (const k in condition) {
        const v = condition[k];
        switch (k) {
          case 'sealBroken': c0 = v; break;
          case 'downloaded': c1 = v; break;
          case 'activated': c2 = v; break;
          case 'tagsRemoved': c3 = v; break;
          case 'soiled': c4 = v; break;
          case 'damaged': c5 = v; break;
          case 'accessoriesMissing': c6 = v; break;
          case 'packagingMissing': c7 = v; break;
          case 'used': c8 = v; break;
          case 'privatelyRepaired': c9 = v; break;
          case 'serialDefaced': c10 = v; break;
          default: if (v !== undefined) throw FAIL;
        }
      }
      BO(c0); BO(c1); BO(c2); BO(c3); BO(c4); BO(c5); BO(c6); BO(c7); BO(c8); BO(c9); BO(c10);
    }
    if (evidence === undefined) put(0);
    else {
      obj(evidence);
      let photos;
      for (const k in evidence) {
        const v = evidence[k];
        if (k === 'photos') photos = v;
        else if (v !== undefined) throw FAIL;
      }
      DI(photos);
    }
    OS(fault); DI(failed); OS(returned);
    if (exchange === undefined || exchange === null) put(0);
    else {
      obj(exchange);
      let sku, price;
      for (const k in exchange) {
        const v = exchange[k];
        if (k === 'sku') sku = v;
        else if (k === 'unitPriceFen') price = v;
        else if (v !== undefined) throw FAIL;
      }
      put(1); OS(sku); I(price);
    }
  };
  const request = (r) => {
    obj(r);
    const now = r.now, ord = r.order, items = r.items, risk = r.riskFlags;
    only(r, (now !== undefined) + (ord !== undefined) + (items !== undefined) + (risk !== undefined));
    S(now);
    order(ord);
    const len = arr(items);
    for (let i = 0; i < len; i++) item(items[i]);
    SA(risk);
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

  /** The decision by the packed crossing, or undefined when the generated path must answer. */
  function fast(policy, req, explain) {
    if (busy || !policy.__wbg_ptr || req === null || typeof req !== 'object') return undefined;
    busy = true;
    try {
      n = 0;
      b = 0;
      request(req);
    } catch (e) {
      return undefined;
    } finally {
      busy = false;
    }
    const at = wasm.__mcEligIn(n, b);
    f64().set(N.subarray(0, n), at >>> 3);
    getUint8ArrayMemory0().set(B.subarray(0, b), wasm.__mcEligInBytes());
    if (wasm.returnpolicy___mcEvaluate(policy.__wbg_ptr, explain ? 1 : 0) === 0) return undefined;
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
    if (explain !== undefined) {
      const d = fast(this, request, explain);
      if (d !== undefined) return d;
    }
    return generated(this, request, options, explain);
  };
  proto.evaluateJson = function evaluateJson(request, options) {
    const explain = explainOf(options);
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
      let d = fast(this, r, ex);
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
