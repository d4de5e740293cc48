// @requires Venue __mcScratch
// @exports
// route, nearest, findCar and tour without options: the endpoint ids (and the kinds, code or stops) are written as
// ASCII bytes into wasm memory, and the answer is read back from a tape (src/finder/tape.rs: numbers in a
// Float64Array, all text in one UTF-16 buffer) instead of JSON text + JSON.parse. Same object as the generated path:
// same keys in the same order, same values. Anything else (options given, non-ASCII or long ids, ids with a line
// break, an endpoint that is not a string or a one-key {node|place|parking} object, an error to throw) takes the
// generated path, which answers or throws as before.
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
  const utf16 = !isNode && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
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
  const readPlace = () => {
    const mask = num();
    const o = { id: str(), kind: str(), name: str(), nameEn: str() };
    if (mask & 1) o.brand = str();
    if (mask & 2) o.category = str();
    o.level = str();
    if (mask & 4) o.unit = str();
    if (mask & 8) o.hours = str();
    if (mask & 16) o.phone = str();
    if (mask & 32) {
      const py = new Array(num());
      for (let i = 0; i < py.length; i++) py[i] = str();
      o.pinyin = py;
    }
    o.x = num();
    o.y = num();
    return o;
  };
  const decode = (ptr) => {
    open(ptr);
    return readRoute();
  };
  const decodeNearest = (ptr) => {
    open(ptr);
    const hits = new Array(num());
    for (let i = 0; i < hits.length; i++) hits[i] = { place: readPlace(), metres: num(), seconds: num(), route: readRoute() };
    return hits;
  };
  const decodeFindCar = (ptr) => {
    open(ptr);
    const mask = num();
    const space = { code: str(), level: str(), levelName: str() };
    if (mask & 1) space.zone = str();
    space.x = num();
    space.y = num();
    return { space, toCar: readRoute(), fromCar: readRoute() };
  };
  const decodeTour = (ptr) => {
    open(ptr);
    const order = new Array(num());
    for (let i = 0; i < order.length; i++) order[i] = num();
    const tour = { order, metres: num(), seconds: num(), exact: num() === 1 };
    const legs = new Array(num());
    for (let i = 0; i < legs.length; i++) legs[i] = readRoute();
    tour.legs = legs;
    return tour;
  };
  // Writes `s` (ASCII only) into the scratch buffer; false when a character is not ASCII. (The shared
  // __mcWriteAscii takes at most 96 characters; a tour's stops may be more.)
  const __mcfinderWrite = (s) => {
    const ptr = wasm.__mcScratch(s.length);
    const mem = getUint8ArrayMemory0();
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return false;
      mem[ptr + i] = c;
    }
    return true;
  };
  // One line of the raw calls' text: a kind digit and the id (no line breaks in it), or null.
  const line = (e) => {
    const x = endpoint(e);
    return x && x[1].indexOf('\n') < 0 ? x[0] + x[1] : null;
  };
  const slowNearest = proto.nearest;
  proto.nearest = function nearest(from, what, options) {
    if (options === undefined && this.__wbg_ptr) {
      const a = line(from);
      const w = typeof what === 'string' ? [what] : Array.isArray(what) && what.length > 0 ? what : null;
      if (a !== null && w !== null && w.every((x) => typeof x === 'string' && x.indexOf('\n') < 0)) {
        const s = a + '\n' + w.join('\n');
        if (__mcfinderWrite(s)) {
          const ptr = wasm.venue___mcNearest(this.__wbg_ptr, s.length);
          if (ptr !== 0) return decodeNearest(ptr);
        }
      }
    }
    return slowNearest.call(this, from, what, options);
  };
  const slowFindCar = proto.findCar;
  proto.findCar = function findCar(from, code, options) {
    if (options === undefined && this.__wbg_ptr && typeof code === 'string' && code.indexOf('\n') < 0) {
      const a = line(from);
      if (a !== null) {
        const s = a + '\n' + code;
        if (__mcfinderWrite(s)) {
          const ptr = wasm.venue___mcFindCar(this.__wbg_ptr, s.length);
          if (ptr !== 0) return decodeFindCar(ptr);
        }
      }
    }
    return slowFindCar.call(this, from, code, options);
  };
  const slowTour = proto.tour;
  proto.tour = function tour(from, stops, options) {
    if (options === undefined && this.__wbg_ptr && Array.isArray(stops) && stops.length > 0) {
      const parts = [from, ...stops].map(line);
      if (!parts.includes(null)) {
        const s = parts.join('\n');
        if (__mcfinderWrite(s)) {
          const ptr = wasm.venue___mcTour(this.__wbg_ptr, s.length);
          if (ptr !== 0) return decodeTour(ptr);
        }
      }
    }
    return slowTour.call(this, from, stops, options);
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
