// The finder overlay (scripts/pkg/overlay/finder.js) against the generated path, through the built package in Node:
// `venue.route(from, to)` without options takes the fast path (ids written into wasm memory, the answer read from
// the route's tape); `venue.route(from, to, {})` is the same query through the generated call (JSON text +
// JSON.parse). Both must give the same object (keys, order and values) or the same MallcareError, on many inputs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { gridDoc } from '../../bench/finder.mjs';

const require = createRequire(import.meta.url);
const api = require('mallcare');

function same(venue, from, to) {
  let fast, slow, fastErr, slowErr;
  try { fast = venue.route(from, to); } catch (e) { fastErr = e; }
  try { slow = venue.route(from, to, {}); } catch (e) { slowErr = e; }
  if (slowErr) {
    assert.ok(fastErr, `fast path answered where the generated path threw ${slowErr.code}`);
    assert.equal(fastErr.name, slowErr.name);
    assert.equal(fastErr.code, slowErr.code);
    assert.deepEqual(fastErr.issues, slowErr.issues);
    return false;
  }
  assert.ok(!fastErr, `fast path threw ${fastErr && fastErr.code}`);
  // Same text (so the same keys in the same order and the same numbers), and deeply equal.
  assert.equal(JSON.stringify(fast), JSON.stringify(slow));
  assert.deepEqual(fast, slow);
  return true;
}

test('finder overlay: the fast route path is the one in use', () => {
  assert.match(api.Venue.prototype.route.toString(), /__mcRoute/);
});

test('finder overlay: sample mall routes equal the generated path (places, nodes, parking, errors)', () => {
  const mall = api.Venue.sample();
  const places = mall.places.map((p) => p.id);
  const parking = ['B2-A-001', 'b1-b-005', 'B2-A-002', 'NOPE-1'];
  const ends = [...places.slice(0, 60).map((id) => id), ...places.slice(60, 90).map((id) => ({ place: id })),
    ...parking.map((code) => ({ parking: code })), 'B2-A-001', 'no-such-id', { node: 'no-such-node' }, '商场',
    { place: places[0], extra: 1 }, { level: 'L1', x: 1, y: 2 }, 42, null];
  let answered = 0;
  for (let i = 0; i < ends.length; i++) {
    for (let j = 0; j < ends.length; j += 7) {
      if (same(mall, ends[i], ends[(i + j) % ends.length])) answered++;
    }
  }
  assert.ok(answered > 100, `only ${answered} answered routes compared`);
  // Non-ASCII text in the answer (Chinese names and steps) crossed intact.
  const r = mall.route({ parking: 'B2-A-001' }, places[0]);
  assert.match(r.steps.at(-1).text, /^到达/);
});

test('finder overlay: generated venue routes equal the generated path', () => {
  const doc = gridDoc({ levels: 4, cols: 12, rows: 9 });
  const venue = api.Venue.load(doc);
  const ids = doc.nodes.map((n) => n.id);
  let s = 3;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s % ids.length; };
  for (let i = 0; i < 300; i++) assert.ok(same(venue, { node: ids[next()] }, i % 2 ? ids[next()] : { node: ids[next()] }));
});

