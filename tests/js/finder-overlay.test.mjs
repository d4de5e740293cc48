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

function same(venue, from, to, call = 'route') {
  let fast, slow, fastErr, slowErr;
  try { fast = venue[call](from, to); } catch (e) { fastErr = e; }
  try { slow = venue[call](from, to, {}); } catch (e) { slowErr = e; }
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

test('finder overlay: the fast nearest, findCar and tour paths are the ones in use', () => {
  assert.match(api.Venue.prototype.nearest.toString(), /__mcNearest/);
  assert.match(api.Venue.prototype.findCar.toString(), /__mcFindCar/);
  assert.match(api.Venue.prototype.tour.toString(), /__mcTour/);
});

test('finder overlay: sample mall nearest, findCar and tour equal the generated path (and the same errors)', () => {
  const mall = api.Venue.sample();
  const places = mall.places.map((p) => p.id);
  const kinds = [...new Set(mall.places.map((p) => p.kind))];
  const categories = [...new Set(mall.places.map((p) => p.category).filter(Boolean))];
  const froms = [...places.filter((_, i) => i % 5 === 0), ...places.filter((_, i) => i % 9 === 1).map((id) => ({ place: id })),
    { parking: 'B2-A-001' }, { parking: 'b1-b-005' }, { parking: 'NOPE-1' }, 'B2-A-001', 'no-such-id', { node: 'no-such-node' },
    '商场', { place: places[0], extra: 1 }, { level: 'L1', x: 1, y: 2 }, 42, null, 'a\nb'];
  const whats = [...kinds, ...categories, [kinds[0], kinds[1]], [...categories.slice(0, 3), 'restroom'], [], ['restroom', 'nope'],
    'nope', '', 'a\nrestroom', ['restroom\nexit'], '洗手间', 7, null, [1]];
  let answered = 0;
  for (let i = 0; i < froms.length; i++) {
    for (let j = i % 3; j < whats.length; j += 3) if (same(mall, froms[i], whats[j], 'nearest')) answered++;
  }
  assert.ok(answered > 150, `only ${answered} answered nearest calls compared`);
  const codes = ['B2-A-001', 'b1-b-005', 'B2-A-002', 'B1-B-005', 'NOPE-1', '', 'B2-A-001\nx', '车位', 5, null];
  let cars = 0;
  for (let i = 0; i < froms.length; i++) {
    for (let j = i % 2; j < codes.length; j += 2) if (same(mall, froms[i], codes[j], 'findCar')) cars++;
  }
  assert.ok(cars > 40, `only ${cars} answered findCar calls compared`);
  const stopSets = [places.slice(3, 5), places.slice(10, 16), [places[20], { place: places[21] }, { parking: 'B2-A-001' }],
    [places[30], places[30]], [places[40]], [], [places[1], 'no-such-id'], [places[2], '商场'], [places[3], 'a\nb'],
    ['s-1-05', 's-2-07', 's-3-11', 's-4-02', 's-5-20', 's-6-03'], places.slice(50, 59), 'not-an-array', [places[5], null]];
  let tours = 0;
  for (let i = 0; i < froms.length; i += 2) {
    for (const stops of stopSets) if (same(mall, froms[i], stops, 'tour')) tours++;
  }
  assert.ok(tours > 60, `only ${tours} answered tours compared`);
  // Chinese text crossed intact.
  assert.match(mall.nearest(places[0], 'restroom')[0].route.steps.at(-1).text, /^到达/);
});

test('finder overlay: generated venue nearest and tour equal the generated path', () => {
  const doc = gridDoc({ levels: 3, cols: 10, rows: 8 });
  doc.places = doc.nodes.filter((_, i) => i % 37 === 0).map((n, i) => ({ id: `p${i}`, kind: i % 3 ? 'store' : 'restroom',
    name: `店${i}`, nameEn: `Shop ${i}`, level: n.level, entrances: [n.id], ...(i % 3 ? { category: i % 2 ? 'cafe' : 'fashion' } : {}) }));
  const venue = api.Venue.load(doc);
  const ids = doc.nodes.map((n) => n.id);
  let s = 5;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s % ids.length; };
  let n = 0;
  for (let i = 0; i < 120; i++) {
    if (same(venue, { node: ids[next()] }, ['restroom', 'cafe', 'fashion'][i % 3], 'nearest')) n++;
    const stops = Array.from({ length: 1 + (i % 4) }, (_, k) => (k % 2 ? { place: `p${next() % doc.places.length}` } : `p${next() % doc.places.length}`));
    if (same(venue, i % 2 ? ids[next()] : { node: ids[next()] }, stops, 'tour')) n++;
  }
  assert.ok(n > 200, `only ${n} answered calls compared`);
});
