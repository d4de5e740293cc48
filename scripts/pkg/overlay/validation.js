// @requires checkIdCard checkIdCards IdCardChecker __mcCheckIdCard __mcCheckIdCards FormSchema
// @exports checkIdCard checkIdCards
/** Writes `s` as UTF-8 into `mem` at `at` (room for 3 bytes per UTF-16 unit must be there); answers the end. Lone
 * surrogates (which JSON.stringify never leaves in its text, but an option or an array item might hold) become
 * U+FFFD, as TextEncoder and the generated glue's string passing make them. */
function __mcvalidationUtf8(mem, at, s) {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      mem[at++] = c;
    } else if (c < 0x800) {
      mem[at++] = 0xc0 | (c >> 6);
      mem[at++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          mem[at++] = 0xf0 | (c >> 18);
          mem[at++] = 0x80 | ((c >> 12) & 63);
          mem[at++] = 0x80 | ((c >> 6) & 63);
          mem[at++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      mem[at++] = 0xe0 | (c >> 12);
      mem[at++] = 0x80 | ((c >> 6) & 63);
      mem[at++] = 0x80 | (c & 63);
    }
  }
  return at;
}
/** The `today` option of the ID-card calls as text: '' when there is none, null when it is there but not a string (the
 * generated call then answers, and throws). */
function __mcvalidationToday(options) {
  if (options === undefined || options === null || typeof options !== 'object') return '';
  const t = options.today;
  if (typeof t === 'string') return t;
  return t === undefined || t === null ? '' : null;
}
// ID cards per call: the number (and `today`) are written as ASCII bytes into wasm memory, skipping wasm-bindgen's
// string passing (about half the cost of a call). Anything else (a non-string, non-ASCII or long text, a bad
// `today`, a `today` that is not a string) takes the generated path, which answers or throws exactly as before.
const __mcCheckIdCardSlow = checkIdCard;
checkIdCard = function checkIdCard(text, options) {
  if (typeof text === 'string') {
    const today = __mcvalidationToday(options);
    if (today !== null && __mcWriteAscii(text, today)) {
      const r = wasm.__mcCheckIdCard(text.length, today.length);
      if (r !== 255) return r;
    }
  }
  return __mcCheckIdCardSlow(text, options);
};
{
  const proto = IdCardChecker.prototype;
  const slowCheck = proto.check;
  const slowIsValid = proto.isValid;
  proto.check = function check(text) {
    if (typeof text === 'string' && this.__wbg_ptr && __mcWriteAscii(text, '')) {
      return wasm.idcardchecker___mcCheck(this.__wbg_ptr, text.length);
    }
    return slowCheck.call(this, text);
  };
  proto.isValid = function isValid(text) {
    if (typeof text === 'string' && this.__wbg_ptr && __mcWriteAscii(text, '')) {
      return wasm.idcardchecker___mcIsValid(this.__wbg_ptr, text.length) !== 0;
    }
    return slowIsValid.call(this, text);
  };
}
// ID cards in batch (`checkIdCards`, `IdCardChecker.checkMany`): instead of JSON.stringify of the whole array, a
// wasm-bindgen string copy and a JSON reader, the items are written straight into the scratch buffer as a tape (see
// src/validation/packed.rs: a u16 header per item, then the strings' UTF-8 bytes), in chunks of about 64 KB, and one
// raw call per chunk answers one code per item. Where the host has TextEncoder, a chunk's strings are joined and
// encoded in one native call (when they are all ASCII; otherwise they are written character by character, as in the
// mini-program). Items get the codes the generated call gives them: a string is checked as the text JSON.stringify
// carries (a lone surrogate as U+FFFD); a string over 512 UTF-16 units (so over 256 characters) is TOO_LONG; a
// number, boolean, null, undefined, hole, function or symbol (written by JSON.stringify as something else than a
// string) is NOT_STRING. An array holding an object or a BigInt (whose answer depends on toJSON and on the whole
// array), an array with its own toJSON, a non-array, a `today` that is not an ASCII string, or a `today` the wasm
// does not read as a date: the generated call, which answers or throws. Each item is read once.
const __mcvalidationEncoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
/** The codes of `values` (an array) through the tape, or null for the generated call. `today` is ASCII ('' none);
 * `call(todayLen, count, len)` runs the raw export over the scratch buffer and answers the codes' address or 0. */
function __mcvalidationCheckMany(values, today, call) {
  if (typeof values.toJSON === 'function') return null;
  const CHUNK = 65536;
  const NONE = {};
  const n = values.length;
  const out = new Uint8Array(n);
  const tl = today.length;
  const chunk = [];
  const strs = [];
  let carry = NONE;
  let i = 0; // items read
  let done = 0; // items answered
  do {
    // the items of this chunk: each takes its header and at most 3 bytes per UTF-16 unit of text
    chunk.length = 0;
    strs.length = 0;
    let used = 0;
    while (carry !== NONE || i < n) {
      let v;
      if (carry !== NONE) {
        v = carry;
        carry = NONE;
      } else {
        v = values[i++];
      }
      let need = 2;
      if (typeof v === 'string') {
        if (v.length <= 512) need += 3 * v.length;
      } else if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
        return null;
      }
      if (used + need > CHUNK) {
        carry = v;
        break;
      }
      used += need;
      chunk.push(v);
      if (typeof v === 'string' && v.length <= 512) strs.push(v);
    }
    const count = chunk.length;
    const ptr = wasm.__mcScratch(tl + CHUNK);
    const mem = getUint8ArrayMemory0();
    for (let k = 0; k < tl; k++) mem[ptr + k] = today.charCodeAt(k);
    const head = ptr + tl;
    const text = head + 2 * count;
    let p = text;
    let ascii = false;
    if (__mcvalidationEncoder !== null && strs.length > 0) {
      const joined = strs.join('');
      const r = __mcvalidationEncoder.encodeInto(joined, mem.subarray(text, text + 3 * joined.length));
      if (r.written === joined.length) {
        ascii = true; // one byte per unit: each string's length is its byte count
        p = text + r.written;
      }
    }
    for (let k = 0; k < count; k++) {
      const v = chunk[k];
      const h = head + 2 * k;
      if (typeof v !== 'string') {
        mem[h] = 0xff; mem[h + 1] = 0xff; // NOT_STRING
        continue;
      }
      const len = v.length;
      if (len > 512) {
        mem[h] = 0xfe; mem[h + 1] = 0xff; // TOO_LONG
        continue;
      }
      if (ascii) {
        mem[h] = len & 255; mem[h + 1] = len >> 8;
        continue;
      }
      const start = p;
      p = __mcvalidationUtf8(mem, p, v);
      const bytes = p - start;
      mem[h] = bytes & 255; mem[h + 1] = bytes >> 8;
    }
    const at = call(tl, count, p - head);
    if (at === 0) return null;
    if (count > 0) out.set(getUint8ArrayMemory0().subarray(at, at + count), done);
    done += count;
  } while (carry !== NONE || i < n);
  return out;
}
const __mcCheckIdCardsSlow = checkIdCards;
checkIdCards = function checkIdCards(values, options) {
  const today = __mcvalidationToday(options);
  if (today !== null && Array.isArray(values) && today.length <= 64 && /^[\x00-\x7f]*$/.test(today)) {
    const out = __mcvalidationCheckMany(values, today, (tl, count, len) => wasm.__mcCheckIdCards(tl, count, len));
    if (out !== null) return out;
  }
  return __mcCheckIdCardsSlow(values, options);
};
{
  const proto = IdCardChecker.prototype;
  const slowCheckMany = proto.checkMany;
  proto.checkMany = function checkMany(values) {
    if (Array.isArray(values) && this.__wbg_ptr && typeof wasm.idcardchecker___mcCheckMany === 'function') {
      const self = this.__wbg_ptr;
      const out = __mcvalidationCheckMany(values, '', (tl, count, len) => wasm.idcardchecker___mcCheckMany(self, count, len));
      if (out !== null) return out;
    }
    return slowCheckMany.call(this, values);
  };
}
// IdCardChecker getters: after `check`, the facts sit as eight i32 words in the checker (see `__mcFacts` in
// src/wasm/validation.rs: valid, regionCode, provinceCode, birthDate, male, age (-1: none), kind, upgraded), so
// each getter is a read from wasm memory instead of a call into wasm. A freed checker (no pointer) takes the
// generated getter, which reports the error as before.
{
  const proto = IdCardChecker.prototype;
  const kinds = ['resident', 'hongKongPermit', 'macaoPermit', 'taiwanPermit'];
  let words = new Int32Array(0);
  /** The index of the checker's first word in `words` (an Int32Array over memory, renewed when memory grows and
   * the old view is detached). */
  const at = (self) => {
    let i = self.__mcFactsAt;
    if (i === undefined) i = self.__mcFactsAt = wasm.idcardchecker___mcFacts(self.__wbg_ptr) >>> 2;
    if (words.length === 0) words = new Int32Array(wasm.memory.buffer);
    return i;
  };
  const slow = (name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const define = (name, get) => Object.defineProperty(proto, name, { configurable: true, enumerable: false, get });
  const slowValid = slow('valid');
  define('valid', function valid() {
    if (!this.__wbg_ptr) return slowValid.call(this);
    const i = at(this); // first: it may renew `words`
    return words[i] === 1;
  });
  const slowRegion = slow('regionCode');
  define('regionCode', function regionCode() {
    if (!this.__wbg_ptr) return slowRegion.call(this);
    const i = at(this);
    return words[i] === 1 ? words[i + 1] : undefined;
  });
  const slowProvince = slow('provinceCode');
  define('provinceCode', function provinceCode() {
    if (!this.__wbg_ptr) return slowProvince.call(this);
    const i = at(this);
    return words[i] === 1 ? words[i + 2] : undefined;
  });
  const slowBirth = slow('birthDate');
  define('birthDate', function birthDate() {
    if (!this.__wbg_ptr) return slowBirth.call(this);
    const i = at(this);
    return words[i] === 1 ? words[i + 3] : undefined;
  });
  const slowSex = slow('sex');
  define('sex', function sex() {
    if (!this.__wbg_ptr) return slowSex.call(this);
    const i = at(this);
    return words[i] === 1 ? (words[i + 4] === 1 ? 'male' : 'female') : undefined;
  });
  const slowAge = slow('age');
  define('age', function age() {
    if (!this.__wbg_ptr) return slowAge.call(this);
    const i = at(this);
    return words[i] === 1 && words[i + 5] >= 0 ? words[i + 5] : undefined;
  });
  const slowKind = slow('kind');
  define('kind', function kind() {
    if (!this.__wbg_ptr) return slowKind.call(this);
    const i = at(this);
    return words[i] === 1 ? kinds[words[i + 6]] : undefined;
  });
  const slowUpgraded = slow('upgraded');
  define('upgraded', function upgraded() {
    if (!this.__wbg_ptr) return slowUpgraded.call(this);
    const i = at(this);
    return words[i] === 1 ? words[i + 7] === 1 : undefined;
  });
}
// FormSchema.validate: one walk of the value makes a plain copy of it, the object JSON.parse(JSON.stringify(value))
// gives (toJSON called, undefined and functions dropped, non-finite numbers as null, keys in the value's order), and
// writes that copy's JSON text as UTF-8 into a byte buffer, which is copied into wasm memory (no JSON.stringify, no
// TextEncoder: the mini-program has none). The wasm reads the text as tokens and validates it with the same code as
// the generated call (which reads JSON.stringify's text the same way). On success the wasm answers only the edits
// (the normalised values, each with its path), applied to the copy, which is the answer's value; otherwise the
// `{ ok: false, issues }` outcome as ASCII-only JSON text. Anything else (a value that is not an object, one the copy
// does not take: a class instance, a boxed primitive, a BigInt, a `__proto__` key, nesting deeper than 64, a throw;
// options with keys other than `today` / `locale`, a `today` that is not a string, a freed schema, text the wasm
// leaves to serde_json: a string with an escape, i.e. a quote, backslash, control character or lone surrogate)
// takes the generated call.
{
  const proto = FormSchema.prototype;
  const slowValidate = proto.validate;
  const utf8 = __mcvalidationUtf8;
  // Where the host has them (browsers, Node), TextEncoder.encodeInto and TextDecoder do the same work natively:
  // encodeInto writes the same bytes as `utf8` (lone surrogates as U+FFFD too), and the answer is ASCII.
  const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
  const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;
  const write = encoder
    ? (mem, at, s) => at + encoder.encodeInto(s, mem.subarray(at, at + 3 * s.length)).written
    : utf8;
  const ascii = (mem, at, len) => {
    if (decoder) return decoder.decode(mem.subarray(at, at + len));
    let s = '';
    for (let i = 0; i < len; i += 8192) {
      s += String.fromCharCode.apply(null, mem.subarray(at + i, at + Math.min(len, i + 8192)));
    }
    return s;
  };
  const FAIL = {};
  const SKIP = {};
  const objectProto = Object.prototype;
  const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
  const SHORT = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114, 34: 34, 92: 92 }; // \b \t \n \f \r \" \\
  let buf = new Uint8Array(4096);
  let pos = 0;
  let busy = false;
  const room = (n) => {
    if (pos + n <= buf.length) return;
    let size = buf.length * 2;
    while (size < pos + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(buf.subarray(0, pos));
    buf = b;
  };
  const ascii7 = (t) => {
    room(t.length);
    for (let i = 0; i < t.length; i++) buf[pos++] = t.charCodeAt(i);
  };
  /** `s` as a JSON string in UTF-8, escaped as JSON.stringify escapes it (lone surrogates as \uXXXX). */
  const str = (s) => {
    const n = s.length;
    room(6 * n + 2);
    const b = buf;
    let p = pos;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 34 && c !== 92) {
          b[p++] = c;
        } else {
          b[p++] = 92;
          const e = SHORT[c];
          if (e !== undefined) {
            b[p++] = e;
          } else {
            b[p++] = 117; b[p++] = 48; b[p++] = 48; b[p++] = HEX[c >> 4]; b[p++] = HEX[c & 15];
          }
        }
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (c >> 18);
          b[p++] = 0x80 | ((c >> 12) & 63);
          b[p++] = 0x80 | ((c >> 6) & 63);
          b[p++] = 0x80 | (c & 63);
        } else {
          b[p++] = 92; b[p++] = 117;
          b[p++] = HEX[c >> 12]; b[p++] = HEX[(c >> 8) & 15]; b[p++] = HEX[(c >> 4) & 15]; b[p++] = HEX[c & 15];
        }
      } else {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    b[p++] = 34;
    pos = p;
  };
  /** `v` (the value at `key` of its holder) as JSON.stringify then JSON.parse would give it, its text written at
   * `pos`: SKIP where stringify leaves the member out (nothing written), FAIL for what the copy leaves to the
   * generated call. */
  const copy = (v, key, depth) => {
    if (typeof v === 'object' && v !== null && typeof v.toJSON === 'function') {
      v = v.toJSON(typeof key === 'number' ? String(key) : key);
    }
    switch (typeof v) {
      case 'string':
        str(v);
        return v;
      case 'boolean':
        ascii7(v ? 'true' : 'false');
        return v;
      case 'number':
        if (!Number.isFinite(v)) {
          ascii7('null');
          return null;
        }
        ascii7(String(v));
        return v === 0 ? 0 : v;
      case 'undefined':
      case 'function':
      case 'symbol':
        return SKIP;
      case 'object':
        break;
      default:
        return FAIL;
    }
    if (v === null) {
      ascii7('null');
      return null;
    }
    if (depth > 64) return FAIL;
    if (Array.isArray(v)) {
      const n = v.length;
      const out = new Array(n);
      room(1);
      buf[pos++] = 91;
      for (let i = 0; i < n; i++) {
        if (i > 0) {
          room(1);
          buf[pos++] = 44;
        }
        const x = copy(v[i], i, depth + 1);
        if (x === FAIL) return FAIL;
        if (x === SKIP) {
          ascii7('null');
          out[i] = null;
        } else {
          out[i] = x;
        }
      }
      room(1);
      buf[pos++] = 93;
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== objectProto && proto !== null) return FAIL;
    const keys = Object.keys(v);
    const out = {};
    room(1);
    buf[pos++] = 123;
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === '__proto__') return FAIL;
      const mark = pos;
      if (!first) {
        room(1);
        buf[pos++] = 44;
      }
      str(k);
      room(1);
      buf[pos++] = 58;
      const x = copy(v[k], k, depth + 1);
      if (x === FAIL) return FAIL;
      if (x === SKIP) {
        pos = mark;
      } else {
        out[k] = x;
        first = false;
      }
    }
    room(1);
    buf[pos++] = 125;
    return out;
  };
  {
    // `wasm` is looked up per call: the mini-program glue instantiates it after this code runs.
    proto.validate = function validate(value, options) {
      const raw = wasm === undefined ? undefined : wasm.formschema___mcValidate;
      if (typeof value !== 'object' || value === null || !this.__wbg_ptr || typeof raw !== 'function') {
        return slowValidate.call(this, value, options);
      }
      let today = null;
      let locale = null;
      if (typeof options === 'object' && options !== null) {
        const t = options.today;
        if (typeof t === 'string') today = t;
        else if (t !== undefined && t !== null) return slowValidate.call(this, value, options);
        const l = options.locale;
        if (typeof l === 'string') locale = l;
        const d = options.allowDataOnly;
        const i = options.allowIot;
        const y = options.layout;
        if ((d !== undefined && d !== null) || (i !== undefined && i !== null) || (y !== undefined && y !== null)) {
          return slowValidate.call(this, value, options);
        }
      }
      if (busy) return slowValidate.call(this, value, options); // called again from a toJSON: the buffer is in use
      let data;
      pos = 0;
      busy = true;
      try {
        data = copy(value, '', 0);
      } catch (e) {
        data = FAIL;
      } finally {
        busy = false;
      }
      if (data === FAIL || data === SKIP || typeof data !== 'object' || data === null || Array.isArray(data)) {
        return slowValidate.call(this, value, options);
      }
      const tl = today === null ? 0 : today.length;
      const ll = locale === null ? 0 : locale.length;
      const n = pos;
      const ptr = wasm.__mcScratch(n + 3 * (tl + ll));
      const mem = getUint8ArrayMemory0();
      mem.set(n === buf.length ? buf : buf.subarray(0, n), ptr);
      const a = ptr + n;
      const b = today === null ? a : write(mem, a, today);
      const c = locale === null ? b : write(mem, b, locale);
      const out = raw(this.__wbg_ptr, a - ptr, today === null ? 0 : 1 + b - a, locale === null ? 0 : 1 + c - b);
      if (out === 0) return slowValidate.call(this, value, options);
      const m = getUint8ArrayMemory0();
      const len = m[out] | (m[out + 1] << 8) | (m[out + 2] << 16) | (m[out + 3] << 24);
      if (m[out + 4] !== 91) return JSON.parse(ascii(m, out + 4, len >>> 0)); // not '[': the issues
      if (len === 2) return { ok: true, value: data };
      const edits = JSON.parse(ascii(m, out + 4, len >>> 0));
      for (let i = 0; i < edits.length; i++) {
        const e = edits[i];
        const last = e.length - 2;
        let o = data;
        for (let j = 0; j < last; j++) o = o[e[j]];
        o[e[last]] = e[last + 1];
      }
      return { ok: true, value: data };
    };
  }
}
