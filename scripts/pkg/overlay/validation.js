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
