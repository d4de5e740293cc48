// The eligibility overlay (scripts/pkg/overlay/eligibility.js) against the generated path, through the built package
// in Node: `evaluate(object)` / `evaluateMany(objects)` take the raw crossing (the object's JSON.stringify text
// written into wasm memory, a tape of numbers back); `evaluate(JSON text)` is the generated call (wasm-bindgen's
// string passing, the same request reader, the same tape). Over every request in the eligibility vectors, the benchmark's
// orders and thousands of mutations of them (fields removed, nulled, mistyped, out of range, non-ASCII, unknown),
// both must give the same value (same keys in the same order) or throw the same MallcareError.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { tenLineRequest } from '../../bench/eligibility.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const api = createRequire(import.meta.url)(path.join(root, 'pkg', 'node', 'mallcare.js'));

/** Every (policy document, request) pair the eligibility vectors evaluate. */
function vectorCases() {
  const out = [];
  for (const f of fs.readdirSync(path.join(root, 'tests', 'vectors')).filter((x) => x.startsWith('eligibility'))) {
    for (const c of JSON.parse(fs.readFileSync(path.join(root, 'tests', 'vectors', f), 'utf8')).cases) {
      if (c.call === 'ReturnPolicy.evaluate' && typeof c.args[1] === 'object') out.push([c.args[0], c.args[1]]);
      if (c.call === 'ReturnPolicy.evaluateMany') for (const r of c.args[1]) if (typeof r === 'object') out.push([c.args[0], r]);
    }
  }
  return out;
}

function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: { name: e.name, code: e.code, message: e.message, issues: e.issues } };
  }
}

function same(p, req, options, label) {
  const fast = outcome(() => p.evaluate(req, options));
  let text;
  try { text = JSON.stringify(req); } catch { return; }
  if (text === undefined) return;
  const slow = outcome(() => p.evaluate(text, options));
  assert.deepStrictEqual(fast, slow, label);
  assert.equal(JSON.stringify(fast), JSON.stringify(slow), `${label}: key order`);
}

let seed = 0x2545f491;
function rnd(k) {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % k;
}

const ODD = [undefined, null, 0, -1, 1, 1.5, -0, 2 ** 53, 1e21, NaN, '', 'x', '衣服', '😀', '\ud800', true, false, [], {}, ['a'],
  '2026-05-02T10:00:00+08:00', '2026-05-02', 4294967296, 1e12, 1e13, () => 1];

/** A copy of `v` with one random place changed. */
function mutate(v) {
  const c = structuredClone(v);
  const places = [];
  const walk = (o, d) => {
    if (o === null || typeof o !== 'object' || d > 6) return;
    for (const k of Object.keys(o)) { places.push([o, k]); walk(o[k], d + 1); }
  };
  walk(c, 0);
  const [o, k] = places[rnd(places.length)];
  switch (rnd(6)) {
    case 0: delete o[k]; break;
    case 1: o[`extra${rnd(3)}`] = rnd(2) ? undefined : 1; break;
    case 2: if (typeof o[k] === 'number') o[k] = [o[k] + 1, o[k] - 1, -o[k], o[k] * 1000][rnd(4)]; else o[k] = ODD[rnd(ODD.length)]; break;
    case 3: if (typeof o[k] === 'string') o[k] = o[k] + ['é', '衣', '😀', '"\\', '\n'][rnd(5)]; else o[k] = ODD[rnd(ODD.length)]; break;
    default: o[k] = ODD[rnd(ODD.length)];
  }
  return c;
}

test('eligibility overlay: evaluate(object) equals the generated path on every vector request and mutations', () => {
  const store = fs.readFileSync(path.join(root, 'data', 'eligibility', 'example-store-policy.json'), 'utf8');
  const cases = vectorCases();
  assert.ok(cases.length > 50, `only ${cases.length} vector requests`);
  for (let k = 0; k < 16; k++) cases.push([store, tenLineRequest(k)]);
  const policies = new Map();
  const policyOf = (doc) => {
    const key = typeof doc === 'string' ? doc : JSON.stringify(doc);
    if (!policies.has(key)) policies.set(key, doc === 'statutory' ? api.ReturnPolicy.statutory() : api.ReturnPolicy.load(doc));
    return policies.get(key);
  };
  let checked = 0;
  try {
    for (const [doc, req] of cases) {
      let p;
      try { p = policyOf(doc); } catch { continue; }
      for (const options of [undefined, { explain: false }, { explain: true }, {}]) same(p, req, options, JSON.stringify(req));
      checked++;
      for (let m = 0; m < 60; m++) {
        const r = mutate(req);
        same(p, r, rnd(2) ? undefined : { explain: false }, `mutation ${m} of ${JSON.stringify(req).slice(0, 200)}`);
      }
    }
    assert.ok(checked > 50);
    // Not plain objects and odd options take the generated path and agree with it too.
    const [doc, req] = cases[0];
    const p = policyOf(doc);
    for (const options of [null, 5, 'x', { explain: 1 }, { explain: null }, [], () => 1]) same(p, req, options, `options ${String(options)}`);
    same(p, Object.assign(Object.create({ inherited: 1 }), req), undefined, 'object with a prototype');
    same(p, { ...req, toJSON() { return req; } }, undefined, 'toJSON');
  } finally {
    for (const p of policies.values()) p.free();
  }
});

test('eligibility overlay: evaluateMany equals the generated path element by element', () => {
  const store = fs.readFileSync(path.join(root, 'data', 'eligibility', 'example-store-policy.json'), 'utf8');
  const p = api.ReturnPolicy.load(store);
  try {
    const reqs = Array.from({ length: 24 }, (_, k) => (k % 3 === 2 ? mutate(tenLineRequest(k)) : tenLineRequest(k)));
    for (const options of [undefined, { explain: false }]) {
      const fast = p.evaluateMany(reqs, options);
      // The reference: the generated call, element by element (evaluate(text)).
      const slow = reqs.map((r) => {
        try {
          return { ok: true, value: p.evaluate(JSON.stringify(r) ?? r, options) };
        } catch (e) {
          return { ok: false, issues: e.issues };
        }
      });
      assert.deepStrictEqual(fast, slow);
      assert.equal(JSON.stringify(fast), JSON.stringify(slow));
      // Elements given as JSON text (the raw crossing too) agree as well.
      const texts = p.evaluateMany(reqs.map((r) => JSON.stringify(r) ?? r), options);
      assert.equal(JSON.stringify(texts), JSON.stringify(slow));
    }
    assert.throws(() => p.evaluateMany('x'), (e) => e.name === 'MallcareError' && e.code === 'INPUT_NOT_ARRAY');
  } finally {
    p.free();
  }
});

test('eligibility overlay: evaluateJson is the decision as JSON text', () => {
  const p = api.ReturnPolicy.statutory();
  try {
    const req = tenLineRequest(3);
    req.order.lines = req.order.lines.filter((l) => l.category !== 'food/fresh');
    req.items = req.items.filter((i) => i.lineId !== 'L8');
    req.order.discounts = [];
    req.order.points = undefined;
    const sum = req.order.lines.reduce((a, l) => a + l.quantity * l.unitPriceFen, 0);
    req.order.payments = [{ method: 'wechat', amountFen: sum }];
    const d = p.evaluate(req);
    assert.ok(p.__mcStrings instanceof Map && p.__mcStrings.size > 0, 'the overlay did not decode a tape');
    // Keys in the order of src/eligibility/write.rs.
    assert.deepEqual(Object.keys(d), ['status', 'policy', 'items', 'refund', 'approval', 'reviewBy', 'refundBy', 'reasons', 'rules']);
    assert.deepEqual(Object.keys(d.items[0]), ['lineId', 'quantity', 'reason', 'want', 'granted', 'allowed', 'reasons', 'rules',
      'evidenceNeeded', 'approval', 'freightPayer', 'freePickup', 'money', 'exchange', 'warrantyUntil']);
    assert.deepEqual(Object.keys(d.refund), ['totalFen', 'points', 'itemsFen', 'shippingFen', 'couponBreakageFen', 'giftDeductionFen', 'byPayment']);
    const text = JSON.stringify(req);
    for (const options of [undefined, { explain: false }]) {
      const json = p.evaluateJson(text, options);
      assert.equal(typeof json, 'string');
      assert.equal(json, JSON.stringify(p.evaluate(req, options)));
    }
    // JSON text that is not a request, or not UTF-16 the encoder keeps, agrees with evaluate(text) (the generated call).
    for (const t of [text.replace('"online"', '"by pigeon"'), text.replaceAll('"L1"', '"L1\ud800"'), text.replaceAll('"L1"', '"L1衣😀"'), text.replace('"L1"', '"L0"'), '[]', '1']) {
      const viaJson = outcome(() => JSON.parse(p.evaluateJson(t)));
      assert.deepStrictEqual(viaJson, outcome(() => p.evaluate(t)), t.slice(0, 80));
    }
    assert.throws(() => p.evaluateJson(req), (e) => e.name === 'MallcareError' && e.code === 'INPUT_NOT_STRING');
    assert.throws(() => p.evaluateJson('{'), (e) => e.name === 'MallcareError' && e.code === 'JSON_SYNTAX');
  } finally {
    p.free();
  }
});

test('eligibility overlay: large requests (wasm memory grows between writing and reading) agree too', () => {
  const p = api.ReturnPolicy.statutory();
  try {
    for (const n of [500, 4000]) {
      const lines = Array.from({ length: n }, (_, i) => ({ id: `line-${i}-${'x'.repeat(i % 50)}`, category: 'toys', quantity: 2, unitPriceFen: 1000 + i, tags: ['t'] }));
      const req = {
        now: '2026-05-06T10:00:00+08:00',
        order: { channel: 'online', soldAt: '2026-05-01T10:00:00+08:00', signedAt: '2026-05-03T15:00:00+08:00', lines,
          payments: [{ method: 'wechat-支付😀', amountFen: lines.reduce((a, l) => a + 2 * l.unitPriceFen, 0) }] },
        items: lines.filter((_, i) => i % 3 === 0).map((l) => ({ lineId: l.id, quantity: 1, reason: 'noReason', want: 'refund' })),
      };
      same(p, req, undefined, `${n} lines`);
      same(p, req, { explain: false }, `${n} lines, lean`);
    }
  } finally {
    p.free();
  }
});

test('eligibility overlay: a freed policy still throws as before', () => {
  const p = api.ReturnPolicy.statutory();
  p.free();
  assert.throws(() => p.evaluate(tenLineRequest(0)));
});
