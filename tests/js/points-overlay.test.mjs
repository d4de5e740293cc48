// The points overlay (scripts/pkg/overlay/points.js) against the generated path, through the built package in Node:
// `earn` with an order object and `balance` with an event array take the packed fast path, while the same arguments
// as JSON text take the generated path. On thousands of random inputs, including every kind of value the overlay
// must hand over (unknown keys, nulls, undefined, wrong types, toJSON, class instances, non-ASCII and lone
// surrogates, fractions, -0, NaN, huge numbers, odd timestamps and dates), both give the same answer or throw the same
// MallcareError.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as api from 'mallcare';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
// The generated glue alone (cut before its overlays), loaded from the package's directory: the reference for the
// calls whose JSON-text argument the overlay also handles (`balance` with a ledger as text).
const MARK = '\n// ---- mallcare overlays (scripts/pkg/overlay) ----\n';
const glue = fs.readFileSync(path.join(root, 'pkg', 'node', 'mallcare.js'), 'utf8');
const plainPath = path.join(root, 'pkg', 'node', 'mallcare.points-plain.test.cjs');
fs.writeFileSync(plainPath, glue.slice(0, glue.indexOf(MARK)));
const plain = createRequire(import.meta.url)(plainPath);
fs.rmSync(plainPath);
const exampleDoc = fs.readFileSync(path.join(root, 'data', 'points', 'example-program.json'), 'utf8');
const skuDoc = JSON.stringify({
  version: 's',
  earning: {
    rounding: { mode: 'round', scope: 'line' },
    exclusions: { skus: ['S3'], brands: ['品牌X'] },
    rules: [
      { id: 's1', priority: 5, combine: 'multiply', multiplierPercent: 150, when: { skus: ['S1', 'S2'] } },
      { id: 'b', priority: 6, combine: 'add', bonusPoints: 77, when: { brands: ['B1'] } },
    ],
  },
  expiry: { mode: 'afterDays', days: 30, warnDays: 10 },
  clawback: { whenSpent: 'allowNegative' },
});

/** A small deterministic generator. */
function rng(seed) {
  let s = seed >>> 0;
  const next = (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
  return { next, pick: (xs) => xs[next(xs.length)], chance: (k) => next(k) === 0 };
}

/** What a call did: its answer, or the error's name, code, issues and message. */
function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { err: { name: e.name, code: e.code, issues: e.issues, message: e.message } };
  }
}

class Line {
  constructor(paidFen) {
    this.paidFen = paidFen;
  }
}

const odd = [null, undefined, 1.5, -0, NaN, 1e21, 2 ** 53 + 2, '12', true, [], {}, '\uD800x', 'A\uFFFD', '化妆品'];
const dates = ['2026-05-20', '2026-05-05', '2026-02-30', '2026-5-20', '２０２６-05-20', null, 20260520];
const times = [
  '2026-05-05T19:30:00+08:00', '2026-09-26T21:00:00+08:00', '2026-05-05T11:30:00Z', '2026-05-05T23:59:59.5+08:00',
  '2026-05-05T24:00:00+08:00', '2026-13-05T10:00:00+08:00', '2026-05-05 10:00:00+08:00', '2026-05-05T10:00:00+0800',
  '2026-05-05T10:00:60+08:00',
];

function randomLine(g, i, bad) {
  const l = bad && g.chance(30) ? new Line(1000) : {};
  if (!bad || !g.chance(15)) l.paidFen = bad && g.chance(20) ? g.pick(odd) : g.next(400000);
  if (g.chance(2)) l.id = bad && g.chance(20) ? g.pick(odd) : `L${i}"\\é`;
  if (g.chance(2)) l.sku = bad && g.chance(20) ? g.pick(odd) : `S${g.next(5)}`;
  if (!g.chance(4)) l.category = bad && g.chance(20) ? g.pick(odd) : g.pick(['cosmetics', 'apparel', 'food', 'giftCard', '化妆品']);
  if (g.chance(2)) l.brand = bad && g.chance(20) ? g.pick(odd) : g.pick(['B0', 'B1', '品牌X']);
  if (g.chance(6)) l.pointsPaid = bad && g.chance(5) ? g.pick(odd) : g.next(300);
  if (g.chance(6)) l.pendingUntil = bad ? g.pick(dates) : '2026-05-20';
  if (bad && g.chance(40)) l.extra = 1;
  if (bad && g.chance(60)) l.toJSON = () => ({ paidFen: 5 });
  return l;
}

function randomMember(g, bad) {
  switch (g.next(bad ? 6 : 5)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return { tier: bad ? g.pick(['gold', 'platinum', null, 5]) : g.pick(['gold', 'silver', 'diamond', 'base']) };
    case 3: return { tier: 'gold', birthday: bad ? g.pick(dates) : '1990-05-05', firstPurchase: bad ? g.pick([true, 'yes', null]) : g.pick([true, false]),
      pointsEarnedToday: bad ? g.pick([-1, 1.5, null]) : g.pick([0, 100, 99999]), availablePoints: g.pick([5, null, undefined, ...(bad ? ['x'] : [])]), id: g.pick(['M1', null, ...(bad ? [7, '\uDC00'] : [])]) };
    case 4: return { firstPurchase: true, campaignPoints: bad ? g.pick([{ 'anniversary-triple': 100 }, [], null]) : {} };
    default: return g.pick([[], 'member', 5, { unknown: 1 }]);
  }
}

function randomOrder(g, bad) {
  const n = g.chance(30) ? 0 : 1 + g.next(12);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(randomLine(g, i, bad));
  if (bad && g.chance(10)) lines.length += 1; // a hole
  const order = { lines };
  if (g.chance(2)) order.id = bad && g.chance(20) ? g.pick(odd) : `SO-${g.next(100)}`;
  if (g.chance(3)) order.store = 'SH-NJL';
  if (g.chance(2)) order.channel = bad ? g.pick(['pos', 'app', null, 3]) : g.pick(['pos', 'app']);
  if (bad && g.chance(10)) order.lines = 'x';
  if (bad && g.chance(10)) order.more = true;
  return bad && g.chance(10) ? [order] : order;
}

function randomOptions(g) {
  switch (g.next(8)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return { detail: 'total' };
    case 3: return { detail: 'lines', locale: 'en' };
    case 4: return { detail: 'full', locale: 'zh-CN' };
    case 5: return { locale: 'en-US' };
    case 6: return g.pick([{ detail: 'everything' }, { detail: 3 }, { locale: 5 }, 'total', 7]);
    default: return { detail: null, locale: null };
  }
}

test('points overlay: earn with an order object answers as the generated path (JSON text)', () => {
  let fast = 0;
  for (const [k, doc] of [exampleDoc, skuDoc].entries()) {
    const p = api.PointsProgram.load(doc);
    const g = rng(20261123 + k);
    for (let i = 0; i < 1500; i++) {
      const bad = g.chance(4);
      const order = randomOrder(g, bad);
      const member = randomMember(g, bad);
      const at = bad && g.chance(4) ? g.pick([5, null, undefined, ...times]) : g.pick(times.slice(0, 4));
      const options = bad ? randomOptions(g) : g.pick([undefined, { detail: 'total' }, { detail: 'lines', locale: 'en' }, { locale: 'en-US' }]);
      let text;
      try {
        text = JSON.stringify(order);
      } catch {
        continue;
      }
      const a = outcome(() => p.earn(order, member, at, options));
      const b = outcome(() => p.earn(text, member, at, options));
      assert.deepEqual(a, b, `case ${i}: ${text} ${JSON.stringify(member)} ${at} ${JSON.stringify(options)}`);
      if (a.ok) fast++;
    }
    p.free();
  }
  assert.ok(fast > 500, `only ${fast} answers`);
});

/** A random ledger (`bad`: with every kind of wrong value) and an as-of time. */
function randomLedger(g, bad) {
  let t = Date.UTC(2025, 11, 31, 16);
  const events = [];
  const n = g.next(30);
  for (let j = 0; j < n; j++) {
    t += g.next(20) * 7 * 3600e3 - (bad && g.chance(30) ? 7200e3 : 0);
    const type = bad && g.chance(40) ? g.pick(['spend', null, 1]) :
      g.pick(['earn', 'earn', 'earn', 'earn', 'redeem', 'redeem', 'clawback', 'adjust', 'expire']);
    const local = new Date(t + 8 * 3600e3).toISOString().slice(0, 19);
    const at = bad && g.chance(10) ? g.pick([...times, 5, null]) : `${local}+08:00`;
    const points = bad && g.chance(30) ? g.pick(odd) :
      type === 'expire' ? 0 : type === 'adjust' ? g.next(100) - 20 : type === 'earn' ? 100 + g.next(300) : 1 + g.next(30);
    const e = { type, at, points };
    if (type === 'earn' && g.chance(2)) e.availableOn = bad && g.chance(5) ? g.pick(dates) : local.slice(0, 10);
    if (type === 'earn' && g.chance(5)) e.expiresOn = g.pick(['2026-12-31', '2027-06-30', ...(bad ? dates : [])]);
    if (g.chance(2)) e.ref = bad && g.chance(10) ? g.pick(odd) : `O${g.next(j + 1)}`;
    if (g.chance(8)) e.note = bad && g.chance(5) ? g.pick(odd) : '人工调整';
    if (bad && g.chance(60)) e.extra = 1;
    if (bad && g.chance(80)) e.toJSON = () => ({ type: 'earn', at, points: 1 });
    events.push(e);
  }
  const asOf = g.chance(20) ? '2026-01-01T00:00:00Z' : `${new Date(t + 8 * 3600e3 + g.next(3) * 30 * 86400e3).toISOString().slice(0, 19)}+08:00`;
  return { events, asOf };
}

test('points overlay: balance with an event array answers as the generated path (JSON text)', () => {
  let answers = 0;
  for (const [k, doc] of [exampleDoc, skuDoc].entries()) {
    const p = api.PointsProgram.load(doc);
    const q = plain.PointsProgram.load(doc);
    const g = rng(1123 + k);
    for (let i = 0; i < 600; i++) {
      const bad = g.chance(3);
      const { events, asOf } = randomLedger(g, bad);
      const arg = bad && g.chance(40) ? g.pick([{ events }, 'x']) : events;
      let text;
      try {
        text = typeof arg === 'string' ? arg : JSON.stringify(arg);
      } catch {
        continue;
      }
      const a = outcome(() => p.balance(arg, asOf));
      const b = outcome(() => p.balance(text, asOf));
      assert.deepEqual(a, b, `case ${i}: ${text} ${asOf}`);
      // The text itself through the generated glue alone (the overlay copies text too).
      assert.deepEqual(outcome(() => q.balance(text, asOf)), b, `case ${i} (generated glue): ${text} ${asOf}`);
      if (a.ok) answers++;
    }
    p.free();
    q.free();
  }
  assert.ok(answers > 300, `only ${answers} answers`);
});

test('points overlay: balance with a ledger as JSON text answers as the generated glue alone', () => {
  let answers = 0;
  const p = api.PointsProgram.load(exampleDoc);
  const q = plain.PointsProgram.load(exampleDoc);
  const g = rng(77);
  // Count the answers the overlay's text path gave (every answer should come from it).
  const proto = api.PointsProgram.prototype;
  const direct = proto.__mcBalanceJson;
  let viaText = 0;
  proto.__mcBalanceJson = function counted(...args) {
    const r = direct.apply(this, args);
    if (r !== '') viaText++;
    return r;
  };
  // Texts the overlay copies with encodeInto: ASCII, non-ASCII (2-, 3- and 4-byte UTF-8, so the first copy does not
  // fit), lone surrogates (written as U+FFFD by both paths), whitespace, broken JSON, a BOM, an empty string.
  const extras = ['', ' ', '[]', ' [ ] ', '\uFEFF[]', '[', 'x', 'null', '{}', '[1]', '["😀"]', '[{"type":"earn"}]'];
  for (let i = 0; i < 800; i++) {
    const bad = g.chance(3);
    const { events, asOf } = randomLedger(g, bad);
    let text;
    try {
      text = JSON.stringify(events, null, g.chance(4) ? 2 : undefined);
    } catch {
      continue;
    }
    if (g.chance(5)) text = text.replace(/人工调整/g, g.pick(['é', '😀', '\uD800', '\uDC00x', '调整'.repeat(g.next(40))]));
    if (g.chance(10)) text = g.pick(extras);
    if (g.chance(20)) text = text.slice(0, g.next(text.length + 1));
    const a = outcome(() => p.balance(text, asOf));
    assert.deepEqual(a, outcome(() => q.balance(text, asOf)), `case ${i}: ${text} ${asOf}`);
    if (a.ok) answers++;
  }
  for (const at of [5, null, undefined, ...times]) {
    const text = JSON.stringify([{ type: 'earn', at: '2026-01-01T10:00:00+08:00', points: 5 }]);
    const a = outcome(() => p.balance(text, at));
    assert.deepEqual(a, outcome(() => q.balance(text, at)), `at ${at}`);
    if (a.ok) answers++;
  }
  proto.__mcBalanceJson = direct;
  p.free();
  q.free();
  assert.ok(answers > 200, `only ${answers} answers`);
  assert.equal(viaText, answers, 'answers not given by the text path');
});

test('points overlay: the fast paths are in place', () => {
  const p = api.PointsProgram.load(exampleDoc);
  assert.equal(typeof p.__mcEarn, 'function');
  assert.notEqual(api.PointsProgram.prototype.earn.toString().indexOf('__mcpointsEarn'), -1);
  assert.notEqual(api.PointsProgram.prototype.balance.toString().indexOf('__mcpointsBalance'), -1);
  assert.notEqual(api.PointsProgram.prototype.balance.toString().indexOf('__mcpointsBalanceText'), -1);
  assert.equal(typeof p.__mcBalanceJson, 'function');
  p.free();
});
