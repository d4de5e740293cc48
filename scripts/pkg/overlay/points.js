// @requires PointsProgram __mcScratch
// @exports
// Points: `earn` with a plain-object order and `balance` over an array of plain-object events skip JSON.stringify
// and the JSON reader in wasm. The overlay reads each record's fields once, checks their types, and writes numbers
// as f64 slots into the scratch buffer and all text as one string (src/points/packed.rs describes the layout);
// common dates and timestamps go as packed digits. `balance` with a ledger as JSON text copies the text into wasm
// memory with TextEncoder.encodeInto where the host has one (the generated glue copies it character by character)
// and reads it with the same JSON reader. Anything else (an unknown or non-own field, a value of another type,
// `toJSON`, a problem of any kind found in wasm, no TextEncoder) takes the generated path, which answers or throws
// exactly as before. tests/js/points-overlay.test.mjs compares both paths on many inputs.

/** The host's `TextEncoder` (not in mini-programs: text then crosses as a string argument, copied by the generated glue). */
const __mcpointsEncoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

/** Text of the record being packed (appended in slot order). */
let __mcpointsText = '';

/** A text slot: -1 for absent or null, else the length (the text is appended); NaN: not packable. */
function __mcpointsStr(v) {
  if (typeof v === 'string') {
    __mcpointsText += v;
    return v.length;
  }
  return v === undefined || v === null ? -1 : NaN;
}

/** Whether `s` has no lone surrogate (JSON.stringify escapes one as `\udxxx`, which the JSON reader refuses; text
 * that is sent shows it to wasm as U+FFFD instead). Without `isWellFormed`, any surrogate counts. */
const __mcpointsWellFormed = typeof String.prototype.isWellFormed === 'function' ?
  (s) => s.isWellFormed() : (s) => !/[\uD800-\uDFFF]/.test(s);

/** A type check only (a text field no answer depends on): -1, or NaN when not a string or null, or not sendable. */
function __mcpointsSkip(v) {
  if (typeof v === 'string') return __mcpointsWellFormed(v) ? -1 : NaN;
  return v === undefined || v === null ? -1 : NaN;
}

/** A text slot of a line field the call does not look at: -1 for absent or null, -2 for a string left out (checked
 * well-formed: the JSON path refuses a lone surrogate anywhere), NaN when not a string. */
function __mcpointsLeave(v) {
  if (typeof v === 'string') return __mcpointsWellFormed(v) ? -2 : NaN;
  return v === undefined || v === null ? -1 : NaN;
}

/** Which line fields each program's rules look at (bit 0 category, 1 brand, 2 SKU), asked once per program. */
const __mcpointsFieldsOf = new WeakMap();

/** The two digits at `s[i..i + 2]` as a number, or a large negative number when one is not an ASCII digit. */
function __mcpointsTwo(s, i) {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return (a >>> 0) > 9 || (b >>> 0) > 9 ? -1e15 : a * 10 + b;
}

/** A date slot: -1 for absent or null, `yyyymmdd` for `YYYY-MM-DD`, else -2 - length (the text is appended). */
function __mcpointsDate(v) {
  if (v === undefined || v === null) return -1;
  if (typeof v !== 'string') return NaN;
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) {
    const n = __mcpointsTwo(v, 0) * 1e6 + __mcpointsTwo(v, 2) * 1e4 + __mcpointsTwo(v, 5) * 100 + __mcpointsTwo(v, 8);
    if (n >= 0) return n;
  }
  __mcpointsText += v;
  return -2 - v.length;
}

/** A timestamp slot (`v` a string): `yyyymmddhhmmss` for `YYYY-MM-DDTHH:MM:SS+08:00`, else -2 - length. Only
 * `charCodeAt` (`startsWith`/`endsWith`/`slice` cost several times more on a long ledger). */
function __mcpointsTime(v) {
  if (v.length === 25 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && v.charCodeAt(10) === 84 &&
    v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58 && v.charCodeAt(19) === 43 && v.charCodeAt(20) === 48 &&
    v.charCodeAt(21) === 56 && v.charCodeAt(22) === 58 && v.charCodeAt(23) === 48 && v.charCodeAt(24) === 48) {
    const n = __mcpointsTwo(v, 0) * 1e12 + __mcpointsTwo(v, 2) * 1e10 + __mcpointsTwo(v, 5) * 1e8 +
      __mcpointsTwo(v, 8) * 1e6 + __mcpointsTwo(v, 11) * 1e4 + __mcpointsTwo(v, 14) * 100 + __mcpointsTwo(v, 17);
    if (n >= 0) return n;
  }
  __mcpointsText += v;
  return -2 - v.length;
}

/** `n` f64 slots in the scratch buffer, `extra` bytes of room after them: [view, offset of the view in the
 * buffer, bytes]. */
function __mcpointsSlots(n, extra = 0) {
  const bytes = n * 8;
  const ptr = wasm.__mcScratch(bytes + 8 + extra);
  const at = (ptr + 7) & ~7;
  return [new Float64Array(wasm.memory.buffer, at, n), at - ptr, bytes];
}

/** Whether records can be checked by their prototype and a `for...in` count: `Object.prototype` has no enumerable
 * key and no `toJSON` (checked once per call). */
function __mcpointsProtoClean() {
  const proto = Object.prototype;
  if (proto.toJSON !== undefined) return false;
  for (const k in proto) return false;
  return true;
}

/** The number of fields JSON.stringify writes of a record whose prototype is `Object.prototype` (a clean one, see
 * above): its own enumerable keys, counted without allocating; -1 for any other record (the generated path). */
function __mcpointsCount(v) {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return -1;
  let n = 0;
  for (const k in v) n++;
  return n;
}

/** Whether `v` is an object JSON.stringify writes as its own fields (not null, not an array, no toJSON). */
function __mcpointsPlain(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.toJSON === undefined;
}

/** `earn` through the packed form, or undefined (take the generated path). */
function __mcpointsEarn(program, order, member, at, options) {
  if (typeof at !== 'string' || !__mcpointsPlain(order)) return undefined;
  let detail = 0;
  let locale;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') return undefined;
    const d = options.detail;
    if (d === 'lines') detail = 1;
    else if (d === 'total') detail = 2;
    else if (d !== undefined && d !== null && d !== 'full') return undefined;
    locale = options.locale;
  }
  const lines = order.lines;
  if (!Array.isArray(lines) || lines.toJSON !== undefined || !__mcpointsProtoClean()) return undefined;
  const oid = order.id;
  const store = order.store;
  const channel = order.channel;
  if (Object.keys(order).length !== 1 + (oid !== undefined) + (store !== undefined) + (channel !== undefined)) {
    return undefined;
  }
  const n = lines.length;
  // Room for the text after the slots (the common case: a few ASCII names per line).
  const room = 64 * n + 256;
  const [f, offset, bytes] = __mcpointsSlots(13 + 7 * n, room);
  __mcpointsText = '';
  f[0] = n;
  f[1] = detail;
  f[2] = typeof locale === 'string' ? __mcpointsStr(locale) : -1;
  f[3] = __mcpointsStr(oid);
  f[4] = __mcpointsStr(store);
  f[5] = __mcpointsStr(channel);
  if (member === undefined || member === null) {
    f[6] = -1;
    f[7] = -1;
    f[8] = 0;
    f[9] = 0;
    f[10] = 0;
    f[11] = 0;
  } else {
    if (!__mcpointsPlain(member)) return undefined;
    const { id, tier, birthday, firstPurchase, pointsEarnedToday, campaignPoints, availablePoints } = member;
    let known = 0;
    if (id !== undefined) known++;
    if (__mcpointsSkip(id) !== -1) return undefined;
    if (tier !== undefined) known++;
    f[6] = __mcpointsStr(tier);
    if (birthday !== undefined) known++;
    f[7] = __mcpointsDate(birthday);
    if (firstPurchase === undefined) f[8] = 0;
    else if (typeof firstPurchase === 'boolean') {
      known++;
      f[8] = firstPurchase ? 1 : 0;
    } else return undefined;
    if (pointsEarnedToday === undefined) f[9] = 0;
    else if (typeof pointsEarnedToday === 'number') {
      known++;
      f[9] = pointsEarnedToday;
    } else return undefined;
    if (campaignPoints !== undefined) {
      // Per-campaign counters are rare: only an empty object is packed.
      if (!__mcpointsPlain(campaignPoints) || Object.keys(campaignPoints).length !== 0) return undefined;
      known++;
    }
    if (availablePoints === undefined || availablePoints === null) {
      if (availablePoints === null) known++;
      f[10] = 0;
      f[11] = 0;
    } else if (typeof availablePoints === 'number') {
      known++;
      f[10] = 1;
      f[11] = availablePoints;
    } else return undefined;
    if (Object.keys(member).length !== known) return undefined;
  }
  f[12] = __mcpointsTime(at);
  // Line text no part of the answer depends on is left out (slot -2, after an isWellFormed check, much cheaper
  // than sending it): the id when only the total is asked for, the fields no rule or exclusion looks at.
  let fields = __mcpointsFieldsOf.get(program);
  if (fields === undefined) {
    fields = program.__mcEarnFields();
    __mcpointsFieldsOf.set(program, fields);
  }
  const sendId = detail !== 2;
  const sendCat = (fields & 1) !== 0;
  const sendBrand = (fields & 2) !== 0;
  const sendSku = (fields & 4) !== 0;
  let j = 13;
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    const keys = __mcpointsCount(l);
    if (keys < 0) return undefined;
    const id = l.id;
    const sku = l.sku;
    const category = l.category;
    const brand = l.brand;
    const paid = l.paidFen;
    const pointsPaid = l.pointsPaid;
    const pendingUntil = l.pendingUntil;
    if (typeof paid !== 'number') return undefined;
    let known = 1;
    if (id !== undefined) known++;
    if (sku !== undefined) known++;
    if (category !== undefined) known++;
    if (brand !== undefined) known++;
    if (pendingUntil !== undefined) known++;
    f[j] = sendId ? __mcpointsStr(id) : __mcpointsLeave(id);
    f[j + 1] = sendSku ? __mcpointsStr(sku) : __mcpointsLeave(sku);
    f[j + 2] = sendCat ? __mcpointsStr(category) : __mcpointsLeave(category);
    f[j + 3] = sendBrand ? __mcpointsStr(brand) : __mcpointsLeave(brand);
    f[j + 4] = paid;
    if (pointsPaid === undefined) f[j + 5] = 0;
    else if (typeof pointsPaid === 'number') {
      known++;
      f[j + 5] = pointsPaid;
    } else return undefined;
    f[j + 6] = __mcpointsDate(pendingUntil);
    if (keys !== known) return undefined;
    j += 7;
  }
  // A NaN slot (a value of the wrong type) makes wasm answer "": the generated path then reports it.
  // The text goes after the slots by encodeInto (a native copy) when it fits; else as a string argument, which the
  // generated glue copies character by character.
  let textArg = __mcpointsText;
  let textLen = -1;
  if (__mcpointsEncoder !== undefined && __mcpointsText.length <= room) {
    const r = __mcpointsEncoder.encodeInto(__mcpointsText, new Uint8Array(wasm.memory.buffer, f.byteOffset + bytes, room));
    if (r.read === __mcpointsText.length) {
      textArg = '';
      textLen = r.written;
    }
  }
  const text = program.__mcEarn(textArg, offset, bytes, textLen);
  __mcpointsText = '';
  return text === '' ? undefined : JSON.parse(text);
}

/** `balance` through the packed form, or undefined (take the generated path). */
function __mcpointsBalance(program, events, at) {
  if (typeof at !== 'string' || !Array.isArray(events) || events.toJSON !== undefined) return undefined;
  if (!__mcpointsProtoClean()) return undefined;
  const n = events.length;
  const [f, offset, bytes] = __mcpointsSlots(1 + 6 * n);
  __mcpointsText = '';
  f[0] = n;
  // `ref` only matters when the ledger has a clawback: kept aside, sent only then.
  let refs;
  let claw = false;
  let j = 1;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const keys = __mcpointsCount(e);
    if (keys < 0) return undefined;
    const type = e.type;
    const t = e.at;
    const points = e.points;
    const availableOn = e.availableOn;
    const expiresOn = e.expiresOn;
    const ref = e.ref;
    const note = e.note;
    const kind = type === 'earn' ? 0 : type === 'redeem' ? 1 : type === 'expire' ? 2 : type === 'clawback' ? 3 :
      type === 'adjust' ? 4 : -1;
    if (kind < 0 || typeof t !== 'string' || typeof points !== 'number') return undefined;
    let known = 3;
    if (availableOn !== undefined) known++;
    if (expiresOn !== undefined) known++;
    if (note !== undefined) known++;
    if (ref !== undefined) {
      known++;
      if (typeof ref === 'string') {
        if (!__mcpointsWellFormed(ref)) return undefined;
        if (refs === undefined) refs = new Array(n);
        refs[i] = ref;
      } else if (ref !== null) return undefined;
    }
    if (__mcpointsSkip(note) !== -1 || keys !== known) return undefined;
    f[j] = kind;
    f[j + 1] = __mcpointsTime(t);
    f[j + 2] = points;
    f[j + 3] = __mcpointsDate(availableOn);
    f[j + 4] = __mcpointsDate(expiresOn);
    f[j + 5] = -1;
    if (kind === 3) claw = true;
    j += 6;
  }
  let refText = '';
  if (claw && refs !== undefined) {
    for (let i = 0; i < n; i++) {
      const r = refs[i];
      if (r !== undefined) {
        refText += r;
        f[1 + 6 * i + 5] = r.length;
      }
    }
  }
  const text = program.__mcBalance(__mcpointsText, refText, at, offset, bytes);
  __mcpointsText = '';
  return text === '' ? undefined : JSON.parse(text);
}

/** `balance` with a ledger as JSON text, written into wasm memory by `encodeInto` (a native copy; the generated
 * glue copies a string character by character in JS), or undefined (take the generated path). */
function __mcpointsBalanceText(program, text, at) {
  if (__mcpointsEncoder === undefined || typeof at !== 'string' || typeof program.__mcBalanceJson !== 'function') {
    return undefined;
  }
  // ASCII text fits in `length` bytes; otherwise ask for the UTF-8 worst case and write it again.
  let room = text.length;
  for (;;) {
    const ptr = wasm.__mcScratch(room);
    const r = __mcpointsEncoder.encodeInto(text, new Uint8Array(wasm.memory.buffer, ptr, room));
    if (r.read === text.length) {
      const answer = program.__mcBalanceJson(r.written, at);
      return answer === '' ? undefined : JSON.parse(answer);
    }
    if (room !== text.length) return undefined;
    room = text.length * 3;
  }
}

{
  const proto = PointsProgram.prototype;
  if (typeof proto.__mcEarn === 'function' && typeof proto.__mcEarnFields === 'function' &&
    typeof proto.__mcBalance === 'function') {
    const slowEarn = proto.earn;
    const slowBalance = proto.balance;
    proto.earn = function earn(order, member, at, options) {
      if (this.__wbg_ptr) {
        const r = __mcpointsEarn(this, order, member, at, options);
        if (r !== undefined) return r;
      }
      return slowEarn.call(this, order, member, at, options);
    };
    proto.balance = function balance(events, at) {
      if (this.__wbg_ptr) {
        const r = typeof events === 'string' ? __mcpointsBalanceText(this, events, at) :
          __mcpointsBalance(this, events, at);
        if (r !== undefined) return r;
      }
      return slowBalance.call(this, events, at);
    };
  }
}
