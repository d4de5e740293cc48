// @requires checkIdCard IdCardChecker __mcCheckIdCard
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
  let words = null;
  /** The index of the checker's first word in an Int32Array view of memory (refreshed when memory grows). */
  const at = (self) => {
    let ptr = self.__mcFactsPtr;
    if (ptr === undefined) ptr = self.__mcFactsPtr = wasm.idcardchecker___mcFacts(self.__wbg_ptr) >>> 0;
    const buffer = getUint8ArrayMemory0().buffer;
    if (words === null || words.buffer !== buffer) words = new Int32Array(buffer);
    return ptr >>> 2;
  };
  const getter = (name, read) => {
    const slow = Object.getOwnPropertyDescriptor(proto, name).get;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get() {
        if (!this.__wbg_ptr) return slow.call(this);
        const i = at(this);
        return read(i);
      },
    });
  };
  getter('valid', (i) => words[i] === 1);
  getter('regionCode', (i) => (words[i] === 1 ? words[i + 1] : undefined));
  getter('provinceCode', (i) => (words[i] === 1 ? words[i + 2] : undefined));
  getter('birthDate', (i) => (words[i] === 1 ? words[i + 3] : undefined));
  getter('sex', (i) => (words[i] === 1 ? (words[i + 4] === 1 ? 'male' : 'female') : undefined));
  getter('age', (i) => (words[i] === 1 && words[i + 5] >= 0 ? words[i + 5] : undefined));
  getter('kind', (i) => (words[i] === 1 ? kinds[words[i + 6]] : undefined));
  getter('upgraded', (i) => (words[i] === 1 ? words[i + 7] === 1 : undefined));
}
