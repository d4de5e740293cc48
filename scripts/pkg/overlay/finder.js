// @requires Venue __mcScratch
// @exports
// Routes without options: the two endpoint ids are written as ASCII bytes into wasm memory, and the answer is read
// back from the route's tape (src/finder/tape.rs: numbers in a Float64Array, all text in one UTF-16 buffer) instead
// of JSON text + JSON.parse. Same object as the generated path: same keys in the same order, same values.
// Anything else (options given, non-ASCII or long ids, an endpoint that is not a string or a one-key
// {node|place|parking} object, an error to throw) takes the generated path, which answers or throws as before.
{
  const proto = Venue.prototype;
  const slowRoute = proto.route;
  const KIND = { node: 1, place: 2, parking: 3 };
  // [kind, id] of an endpoint the fast path takes, else null.
  const endpoint = (e) => {
    if (typeof e === 'string') return [0, e];
    if (typeof e !== 'object' || e === null) return null;
    const keys = Object.keys(e);
    if (keys.length !== 1) return null;
    const key = keys[0];
    const kind = Object.prototype.hasOwnProperty.call(KIND, key) ? KIND[key] : undefined;
    if (kind === undefined) return null;
    const id = e[key];
    return typeof id === 'string' ? [kind, id] : null;
  };
  // The tape being read (see src/finder/tape.rs): numbers, all text, and the read positions in both.
  let f = null;
  let text = '';
  let p = 0;
  let at = 0;
  // The tape's text (UTF-16 code units, little-endian like wasm memory) as one string. In Node, Buffer's utf16le
  // decoding (about 2 us for a 1,000-unit route, against about 30 us for String.fromCharCode.apply over the
  // units); in browsers TextDecoder (ignoreBOM: a leading U+FEFF stays text); in mini-programs, which have neither,
  // String.fromCharCode in chunks. Rust strings are valid Unicode, so the text holds no lone surrogates and all three
  // give the same string.
  const isNode = typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
    process.versions !== null && typeof process.versions.node === 'string' && typeof Buffer === 'function';
  // A TextDecoder is used only if it really decodes UTF-16LE (the mini-program glue declares a UTF-8-only stand-in
  // under that name, which refuses the label; a decoder that accepted it wrongly is caught by the probe).
  const utf16 = (() => {
    if (isNode || typeof TextDecoder !== 'function') return null;
    try {
      const d = new TextDecoder('utf-16le', { ignoreBOM: true });
      return d.decode(new Uint16Array([0x661f, 0x5df4, 0x20])) === '\u661f\u5df4 ' ? d : null;
    } catch {
      return null;
    }
  })();
  const textAt = (buf, ptr, len) => {
    if (isNode) return Buffer.from(buf, ptr, 2 * len).toString('utf16le');
    const units = new Uint16Array(buf, ptr, len);
    if (utf16 !== null) return utf16.decode(units);
    let out = '';
    for (let i = 0; i < units.length; i += 8192) {
      out += String.fromCharCode.apply(null, units.subarray(i, Math.min(units.length, i + 8192)));
    }
    return out;
  };
  const open = (ptr) => {
    const buf = wasm.memory.buffer;
    const head = new Float64Array(buf, ptr, 3);
    f = new Float64Array(buf, ptr, head[0]);
    text = textAt(buf, head[1], head[2]);
    p = 3;
    at = 0;
  };
  const num = () => f[p++];
  const str = () => {
    const end = f[p++];
    const s = text.substring(at, end);
    at = end;
    return s;
  };
  const stop = () => {
    const mask = num();
    const o = { level: str(), levelName: str(), x: num(), y: num() };
    if (mask & 1) o.place = str();
    if (mask & 2) o.parking = str();
    o.name = str();
    o.nameEn = str();
    return o;
  };
  const readRoute = () => {
    const route = { metres: num(), seconds: num(), optimize: str(), mode: str(), from: stop(), to: stop() };
    const legs = new Array(num());
    for (let i = 0; i < legs.length; i++) {
      const leg = { level: str(), levelName: str(), ordinal: num(), points: new Array(num()), metres: 0 };
      const pts = leg.points;
      for (let k = 0; k < pts.length; k++) pts[k] = [num(), num()];
      leg.metres = num();
      legs[i] = leg;
    }
    route.legs = legs;
    const steps = new Array(num());
    for (let i = 0; i < steps.length; i++) {
      const s = { kind: str() };
      const mask = num();
      if (mask & 1) s.turn = str();
      if (mask & 2) s.metres = num();
      if (mask & 4) s.landmark = str();
      if (mask & 8) s.connector = str();
      if (mask & 16) s.direction = str();
      if (mask & 32) s.toLevel = str();
      s.level = str();
      s.text = str();
      s.textEn = str();
      steps[i] = s;
    }
    route.steps = steps;
    const connectors = new Array(num());
    for (let i = 0; i < connectors.length; i++) connectors[i] = str();
    route.connectors = connectors;
    route.version = str();
    return route;
  };
  const decode = (ptr) => {
    open(ptr);
    return readRoute();
  };
  proto.route = function route(from, to, options) {
    if (options === undefined && this.__wbg_ptr) {
      const a = endpoint(from);
      const b = a && endpoint(to);
      if (b && __mcWriteAscii(a[1], b[1])) {
        const ptr = wasm.venue___mcRoute(this.__wbg_ptr, a[0], a[1].length, b[0], b[1].length);
        if (ptr !== 0) return decode(ptr);
      }
    }
    return slowRoute.call(this, from, to, options);
  };
}
