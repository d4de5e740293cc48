// @requires checkIdCard IdCardChecker __mcCheckIdCard FormSchema
// @exports checkIdCard
// ID cards per call: the number (and `today`) are written as ASCII bytes into wasm memory, skipping wasm-bindgen's
// string passing (about half the cost of a call). Anything else (a non-string, non-ASCII or long text, a bad
// `today`, a `today` that is not a string) takes the generated path, which answers or throws exactly as before.
const __mcCheckIdCardSlow = checkIdCard;
checkIdCard = function checkIdCard(text, options) {
  if (typeof text === 'string') {
    let today = '';
    if (options !== undefined && options !== null && typeof options === 'object') {
      const t = options.today;
      if (typeof t === 'string') today = t;
      else if (t !== undefined && t !== null) return __mcCheckIdCardSlow(text, options);
    }
    if (__mcWriteAscii(text, today)) {
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
// FormSchema.validate: the value crosses as its JSON.stringify text, written as UTF-8 straight into wasm memory
// (no TextEncoder: the mini-program has none), and the outcome comes back as ASCII-only JSON text (non-ASCII
// characters escaped by the wasm) that JSON.parse turns into the same object the generated call builds. The wasm
// side runs the same parse, validation and answer writer as the generated call. Anything else (a value that is not
// an object, a value JSON.stringify refuses, options with keys other than `today` / `locale`, a `today` that is not
// a string, a freed schema) takes the generated call.
{
  const proto = FormSchema.prototype;
  const slowValidate = proto.validate;
  /** Writes `s` as UTF-8 at `at` (room for 3 bytes per UTF-16 unit is there); answers the end. Lone surrogates
   * (which JSON.stringify never leaves in its text, but an option might hold) become U+FFFD, as TextEncoder does. */
  const utf8 = (mem, at, s) => {
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
  };
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
        for (const k of ['allowDataOnly', 'allowIot', 'layout']) {
          const o = options[k];
          if (o !== undefined && o !== null) return slowValidate.call(this, value, options);
        }
      }
      let text;
      try {
        text = JSON.stringify(value);
      } catch (e) {
        return slowValidate.call(this, value, options);
      }
      if (typeof text !== 'string') return slowValidate.call(this, value, options);
      const tl = today === null ? 0 : today.length;
      const ll = locale === null ? 0 : locale.length;
      const ptr = wasm.__mcScratch(3 * (text.length + tl + ll));
      const mem = getUint8ArrayMemory0();
      const a = write(mem, ptr, text);
      const b = today === null ? a : write(mem, a, today);
      const c = locale === null ? b : write(mem, b, locale);
      const out = raw(this.__wbg_ptr, a - ptr, today === null ? 0 : 1 + b - a, locale === null ? 0 : 1 + c - b);
      if (out === 0) return slowValidate.call(this, value, options);
      const m = getUint8ArrayMemory0();
      const len = m[out] | (m[out + 1] << 8) | (m[out + 2] << 16) | (m[out + 3] << 24);
      return JSON.parse(ascii(m, out + 4, len >>> 0));
    };
  }
}
