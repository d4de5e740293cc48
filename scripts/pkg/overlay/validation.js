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
