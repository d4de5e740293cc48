// Eligibility rows: ReturnPolicy.evaluate through the npm package (JS marshalling included) and json-rules-engine
// running an equivalent rule set over the same requests, in the same process.
//
// The json-rules-engine side is written to be honestly equivalent for these requests: the same facts (days since
// sign-for in China time, channel, category, tags, member tier, reason, condition), the same rules as the example
// store policy plus the statutory floor (seven-day no-reason with exclusions and intactness, the store's 15/30-day
// windows, fresh-food exclusion and photo evidence, near-expiry 80%, free pick-up, defect returns), one engine.run
// per item, and the refund computed in JS from the line's share of discounts and points (proportional, rounded:
// less exact than mallcare's largest remainder). It does not compute business-day deadlines; mallcare does.
import fs from 'node:fs';
import path from 'node:path';

const CATS = ['clothing/apparel', 'clothing/shoes', 'food/packaged', 'cosmetics/skincare', 'toys', 'home-textile',
  'electronics/accessory', 'bags', 'food/fresh', 'home/kitchenware'];

/** The 10-line order of examples/bench_eligibility.rs, with `k` varying the day so requests differ. */
export function tenLineRequest(k = 0) {
  const lines = CATS.map((c, i) => ({ id: `L${i}`, sku: `SKU${i}`, category: c, quantity: 1 + (i % 3), unitPriceFen: 1990 + 1000 * i }));
  const sum = lines.reduce((s, l) => s + l.quantity * l.unitPriceFen, 0);
  const due = sum - 3000 - 500;
  const day = 4 + (k % 12);
  return {
    now: `2026-05-${String(day).padStart(2, '0')}T10:00:00+08:00`,
    order: {
      channel: 'online', soldAt: '2026-05-01T10:00:00+08:00', signedAt: '2026-05-03T15:00:00+08:00',
      member: { tier: k % 2 ? 'gold' : 'silver' }, lines,
      discounts: [{ kind: 'coupon', amountFen: 3000, thresholdFen: 20000 }],
      points: { points: 500, valueFen: 500 },
      payments: [{ method: 'wechat', amountFen: due - 10000 }, { method: 'storedValue', amountFen: 10000 }],
    },
    items: [
      { lineId: 'L1', quantity: 1, reason: 'size', want: 'refund' },
      { lineId: 'L4', quantity: 1, reason: 'noReason', want: 'refund' },
      { lineId: 'L8', quantity: 1, reason: 'spoiled', want: 'refund', evidence: { photos: 1 } },
    ],
  };
}

const DAY = 86400000;
/** Civil day number in China time (UTC+8) of an RFC 3339 timestamp. */
const chinaDay = (ts) => Math.floor((Date.parse(ts) + 8 * 3600000) / DAY);

function rulesEngine(Engine) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const noFault = { fact: 'fault', operator: 'equal', value: false };
  const add = (name, priority, all, params) => engine.addRule({ name, priority, conditions: { all }, event: { type: name, params } });
  // The law.
  add('law:no-reason-7d', 100, [noFault, { fact: 'distance', operator: 'equal', value: true },
    { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 7 },
    { fact: 'lawExcluded', operator: 'equal', value: false }, { fact: 'intact', operator: 'equal', value: true }],
  { refund: true, basis: 'law' });
  add('law:defect-7d', 100, [{ fact: 'fault', operator: 'equal', value: true },
    { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 7 }], { refund: true, exchange: true, repair: true, basis: 'law' });
  add('law:defect-2y', 99, [{ fact: 'fault', operator: 'equal', value: true },
    { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 730 }], { exchange: true, repair: true, basis: 'law' });
  // The store (example-store-policy.json).
  add('base-15d', 0, [noFault, { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 15 },
    { fact: 'tagsRemoved', operator: 'equal', value: false }, { fact: 'storeExcluded', operator: 'equal', value: false }],
  { refund: true, exchange: true, basis: 'store' });
  add('members-30d', 10, [noFault, { fact: 'memberTier', operator: 'in', value: ['gold', 'platinum'] },
    { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 30 }, { fact: 'storeExcluded', operator: 'equal', value: false }],
  { refund: true, exchange: true, basis: 'store' });
  add('fresh-photo-refund', 30, [{ fact: 'category', operator: 'in', value: ['food/fresh', 'food/bakery'] },
    { fact: 'photos', operator: 'lessThan', value: 1 }, { fact: 'fault', operator: 'equal', value: true }], { evidence: 1 });
  add('near-expiry', 40, [{ fact: 'tags', operator: 'contains', value: 'nearExpiry' },
    { fact: 'daysSinceReceived', operator: 'lessThanInclusive', value: 7 }], { refund: true, exchange: true, percent: 80, basis: 'store' });
  add('large-pickup', 50, [{ fact: 'tags', operator: 'contains', value: 'large' }], { freePickup: true });
  return engine;
}

const PERISHABLE = new Set(['food/fresh', 'food/live', 'food/bakery']);
const FAULTS = new Set(['qualityDefect', 'spoiled', 'wrongItem', 'damagedInTransit', 'notAsDescribed']);

/** The competitor's whole decision for one request: facts, engine runs, union, money. */
async function competitorDecide(engine, req) {
  const o = req.order;
  const lines = new Map(o.lines.map((l) => [l.id, l]));
  const subs = o.lines.map((l) => l.paidFen ?? l.quantity * l.unitPriceFen);
  const total = subs.reduce((a, b) => a + b, 0);
  const off = (o.discounts || []).reduce((s, d) => s + d.amountFen, 0) + (o.points ? o.points.valueFen : 0);
  const received = chinaDay(o.signedAt || o.soldAt);
  const today = chinaDay(req.now);
  const out = [];
  let refund = 0;
  for (const it of req.items) {
    const l = lines.get(it.lineId);
    const c = it.condition || {};
    const fault = FAULTS.has(it.reason);
    const facts = {
      fault, distance: o.channel !== 'store', daysSinceReceived: today - received, category: l.category, tags: l.tags || [],
      memberTier: o.member ? o.member.tier : undefined, photos: it.evidence ? it.evidence.photos || 0 : 0,
      tagsRemoved: !!c.tagsRemoved, lawExcluded: PERISHABLE.has(l.category) || !!l.madeToOrder || !!l.confirmedNonReturnable,
      storeExcluded: PERISHABLE.has(l.category), intact: !(c.sealBroken || c.activated || c.tagsRemoved || c.damaged || c.accessoriesMissing),
    };
    const { events } = await engine.run(facts);
    const allowed = { refund: false, exchange: false, repair: false };
    let percent = 100; let evidence = 0; let rules = [];
    for (const e of events) {
      rules.push(e.type);
      const p = e.params || {};
      for (const k of ['refund', 'exchange', 'repair']) if (p[k]) allowed[k] = true;
      if (p.percent && !events.some((x) => x.params && x.params.basis === 'law')) percent = p.percent;
      if (p.evidence) evidence = p.evidence;
    }
    const idx = o.lines.indexOf(l);
    const lineCash = subs[idx] - Math.round((off * subs[idx]) / total);
    const paid = Math.round((lineCash * it.quantity) / l.quantity);
    const granted = allowed[it.want];
    const r = granted && it.want === 'refund' ? Math.round((paid * percent) / 100) : 0;
    refund += r;
    out.push({ lineId: it.lineId, granted, allowed, rules, evidence, refundFen: r });
  }
  return { items: out, refundFen: refund };
}

export async function rows({ api, measure, measureAsync, require, root }) {
  const doc = fs.readFileSync(path.join(root, 'data', 'eligibility', 'example-store-policy.json'), 'utf8');
  const policy = api.ReturnPolicy.load(doc);
  const statutory = api.ReturnPolicy.statutory();
  const requests = Array.from({ length: 64 }, (_, k) => tenLineRequest(k));
  const simple = {
    now: '2026-05-06T10:00:00+08:00',
    order: { channel: 'online', soldAt: '2026-05-01T10:00:00+08:00', signedAt: '2026-05-03T15:00:00+08:00',
      lines: [{ id: 'L1', category: 'clothing/shoes', quantity: 1, unitPriceFen: 39900 }],
      payments: [{ method: 'wechat', amountFen: 39900 }] },
    items: [{ lineId: 'L1', quantity: 1, reason: 'noReason', want: 'refund' }],
  };
  const out = [];
  const texts = requests.map((r) => JSON.stringify(r));
  const lean = { explain: false };
  const one = measure((i) => policy.evaluate(requests[i % 64]), { iterations: 2000 });
  out.push({ name: 'ReturnPolicy.evaluate: 10-line order, 3 items (JS object in, object out)', mallcare: { median_us: one },
    native: 'eligibility.order10 JSON in, JSON out', target: '<= 10 µs median' });
  out.push({ name: 'ReturnPolicy.evaluate(req, { explain: false }): same order (JS object in, lean object out)',
    mallcare: { median_us: measure((i) => policy.evaluate(requests[i % 64], lean), { iterations: 2000 }) },
    native: 'eligibility.order10 JSON in, lean JSON out', target: '<= 10 µs median' });
  out.push({ name: 'ReturnPolicy.evaluateJson(text, { explain: false }): same order (JSON text in, JSON text out)',
    mallcare: { median_us: measure((i) => policy.evaluateJson(texts[i % 64], lean), { iterations: 2000 }) },
    native: 'eligibility.order10 JSON in, lean JSON out', target: '<= 10 µs median' });
  // The same order through the generated call (no overlay): JSON text in, one JSON.parse of the answer out.
  out.push({ name: 'ReturnPolicy.evaluate(JSON.stringify(req)): same order, generated path (text in, JSON.parse out)',
    mallcare: { median_us: measure((i) => policy.evaluate(JSON.stringify(requests[i % 64])), { iterations: 2000 }) },
    native: 'eligibility.order10 JSON in, JSON out' });
  out.push({ name: 'ReturnPolicy.evaluate: 1 line, statutory', mallcare: { median_us: measure(() => statutory.evaluate(simple), { iterations: 5000 }) },
    native: 'eligibility.simple (statutory, 1 line, parsed request)' });
  const batch = measure(() => policy.evaluateMany(requests), { iterations: 50 }) / requests.length;
  const batchLean = measure(() => policy.evaluateMany(requests, lean), { iterations: 50 }) / requests.length;
  let competitor = null;
  try {
    const { Engine } = require('json-rules-engine');
    const engine = rulesEngine(Engine);
    const c = await measureAsync(async (i) => { await competitorDecide(engine, requests[i % 64]); }, { iterations: 200 });
    competitor = { name: 'json-rules-engine 7 (equivalent rules)', median_us: c };
  } catch (e) {
    competitor = { name: `json-rules-engine unavailable: ${e && e.message}`, median_us: NaN };
  }
  out.push({ name: 'throughput per request: evaluateMany(64 x 10-line, objects in/out) vs json-rules-engine', mallcare: { median_us: batch },
    competitor, target: '>= 50x' });
  out.push({ name: 'throughput per request: evaluateMany(64 x 10-line, { explain: false }) vs json-rules-engine', mallcare: { median_us: batchLean },
    competitor, target: '>= 50x' });
  console.log(`eligibility: json-rules-engine / mallcare per request = ${(competitor.median_us / batch).toFixed(1)}x (full), ${(competitor.median_us / batchLean).toFixed(1)}x (explain: false)`);
  policy.free();
  statutory.free();
  return out;
}
