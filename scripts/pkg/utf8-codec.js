// UTF-8 TextEncoder/TextDecoder stand-ins for mini-program runtimes, which lack both. Declared as locals so the
// wasm-bindgen glue below uses them instead of globals. Strict: invalid sequences decode to U+FFFD as TextDecoder does.
class TextEncoder {
  encode(str) {
    const out = [];
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
        else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
  encodeInto(str, view) {
    const bytes = this.encode(str);
    if (bytes.length > view.length) throw new RangeError('encodeInto: buffer too small');
    view.set(bytes);
    return { read: str.length, written: bytes.length };
  }
}
class TextDecoder {
  // UTF-8 only: any other label throws a RangeError, as a real TextDecoder does for a label it does not know, so
  // code that asks for another encoding (the finder overlay's 'utf-16le') learns it is not available here.
  constructor(label = 'utf-8') {
    const l = String(label).trim().toLowerCase();
    if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') throw new RangeError(`TextDecoder: ${label} is not supported here`);
    this.encoding = 'utf-8';
  }
  decode(bytes) {
    if (!bytes) return '';
    let s = '';
    const n = bytes.length;
    let chunk = [];
    for (let i = 0; i < n;) {
      const b = bytes[i];
      let c = 0xfffd, need = 0;
      if (b < 0x80) { c = b; need = 0; }
      else if (b >= 0xc2 && b < 0xe0) { c = b & 31; need = 1; }
      else if (b >= 0xe0 && b < 0xf0) { c = b & 15; need = 2; }
      else if (b >= 0xf0 && b < 0xf5) { c = b & 7; need = 3; }
      else { chunk.push(0xfffd); i++; continue; }
      let ok = i + need < n;
      for (let k = 1; ok && k <= need; k++) { const x = bytes[i + k]; if ((x & 0xc0) !== 0x80) ok = false; else c = (c << 6) | (x & 63); }
      if (!ok || (need === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (need === 3 && (c < 0x10000 || c > 0x10ffff))) {
        chunk.push(0xfffd); i++; continue;
      }
      i += need + 1;
      if (c >= 0x10000) { c -= 0x10000; chunk.push(0xd800 + (c >> 10), 0xdc00 + (c & 1023)); } else chunk.push(c);
      if (chunk.length > 8192) { s += String.fromCharCode.apply(null, chunk); chunk = []; }
    }
    return s + String.fromCharCode.apply(null, chunk);
  }
}
