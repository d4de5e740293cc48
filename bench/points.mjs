// Points rows: PointsProgram.earn on a 100-line order and balance over a 10,000-event ledger through the npm package,
// next to the native build (examples/bench_points.rs, same inputs, same entry points). No competitor: no open-source
// JS loyalty engine computes the same thing (json-rules-engine evaluates rule conditions, not points ledgers).
import fs from 'node:fs';
import path from 'node:path';

/** The 100-line order of examples/bench_points.rs (same generator). */
export function order100() {
  const cats = ['cosmetics', 'apparel', 'food', 'giftCard', 'shoes'];
  const lines = [];
  for (let i = 0; i < 100; i++) {
    lines.push({ id: `L${i}`, sku: `SKU${i}`, category: cats[i % 5], brand: `B${i % 7}`, paidFen: 1990 + 137 * i });
  }
  return { id: 'SO-BENCH', store: 'SH-NJL', channel: 'pos', lines };
}

function iso(ms) {
  // China time, +08:00, as Timestamp prints it.
  const d = new Date(ms + 8 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+08:00`;
}

/** The 10,000-event ledger of examples/bench_points.rs (same generator). */
export function events10k() {
  const start = Date.UTC(2025, 11, 31, 16, 0, 0); // 2026-01-01T00:00:00+08:00
  const events = [];
  for (let i = 0; i < 10000; i++) {
    const at = iso(start + i * 3600 * 1000);
    events.push(i % 4 === 3 ? { type: 'redeem', at, points: 50 } : { type: 'earn', at, points: 100, ref: `O${i}` });
  }
  return events;
}

export async function rows({ api, measure, root }) {
  if (!api.PointsProgram) return [{ name: 'points: the package was built without the points feature', mallcare: { median_us: NaN } }];
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'data', 'points', 'example-program.json'), 'utf8'));
  const program = api.PointsProgram.load(doc);
  const order = order100();
  const member = { tier: 'gold' };
  const at = '2026-05-05T19:30:00+08:00';
  const events = events10k();
  const asOf = '2027-03-01T00:00:00+08:00';
  // Sanity: the same answers as the native side computes (and the vectors pin the rules).
  const check = program.balance(events, asOf);
  if (check.available !== 7500 * 100 - 2500 * 50) throw new Error(`balance sanity check failed: ${check.available}`);
  const out = [];
  // The full answer is ~30 KB of JSON (every line with its per-rule breakdown) that JSON.parse turns into objects;
  // the target row is the answer a checkout needs: detail "total" (total, order breakdown, notes, events).
  // An order object crosses packed by the package's overlay (scripts/pkg/overlay/points.js): the native rows
  // `...Packed` read the same packed input. Same answers as the JSON-text path (tests/js/points-overlay.test.mjs).
  out.push({
    name: 'PointsProgram.earn (100-line order object, full answer ~30 KB)',
    mallcare: { median_us: measure(() => program.earn(order, member, at), { iterations: 2000 }) },
    native: 'pointsEarn100Packed',
  });
  // Compact answers (options.detail): most of a 100-line answer is per-line detail that JSON.parse must build.
  for (const [detail, nativeName] of [['lines', 'pointsEarn100LinesPacked'], ['total', 'pointsEarn100TotalPacked']]) {
    if (program.earn(order, member, at, { detail }).detail !== detail) continue; // a package without the option
    out.push({
      name: `PointsProgram.earn (100-line order object, detail: "${detail}")`,
      mallcare: { median_us: measure(() => program.earn(order, member, at, { detail }), { iterations: 2000 }) },
      native: nativeName,
      target: detail === 'total' ? '≤ 20 µs; wasm/native ≤ 1.5x (answer a checkout needs)' : '',
    });
  }
  // The same order as JSON text (as stored or fetched): the generated path, read by the JSON reader in wasm.
  const orderText = JSON.stringify(order);
  out.push({
    name: 'PointsProgram.earn (100-line order as JSON text, detail: "total")',
    mallcare: { median_us: measure(() => program.earn(orderText, member, at, { detail: 'total' }), { iterations: 2000 }) },
    native: 'pointsEarn100Total',
  });
  out.push({
    name: '  JSON.stringify(order) alone (JS; what an object cost before the overlay)',
    mallcare: { median_us: measure(() => JSON.stringify(order), { iterations: 2000 }) },
  });
  out.push({
    name: 'PointsProgram.balance (10,000 events as objects)',
    mallcare: { median_us: measure(() => program.balance(events, asOf), { iterations: 20, rounds: 7 }) },
    native: 'pointsBalance10kPacked',
    target: '≤ 2 ms; wasm/native ≤ 1.5x',
  });
  out.push({
    name: '  JSON.stringify(events) alone (JS; what objects cost before the overlay)',
    mallcare: { median_us: measure(() => JSON.stringify(events), { iterations: 20, rounds: 7 }) },
  });
  // A ledger kept as JSON text (as stored or fetched) crosses without JSON.stringify: same native work.
  const eventsText = JSON.stringify(events);
  out.push({
    name: 'PointsProgram.balance (10,000 events as JSON text)',
    mallcare: { median_us: measure(() => program.balance(eventsText, asOf), { iterations: 20, rounds: 7 }) },
    native: 'pointsBalance10k',
    target: '≤ 2 ms; wasm/native ≤ 1.5x',
  });
  // The ledger handle: read once, query many (the 10,000 events cross the boundary once).
  if (typeof program.ledger === 'function') {
    out.push({
      name: 'PointsProgram.ledger (read + check 10,000 events)',
      mallcare: { median_us: measure(() => program.ledger(events).free(), { iterations: 20, rounds: 7 }) },
      native: 'pointsLedgerLoad10k',
    });
    const ledger = program.ledger(events);
    if (ledger.balance(asOf).available !== check.available) throw new Error('ledger balance differs from balance');
    out.push({
      name: 'PointsLedger.balance (10,000 events, handle)',
      mallcare: { median_us: measure(() => ledger.balance(asOf), { iterations: 50, rounds: 7 }) },
      native: 'pointsLedgerBalance10k',
      target: '≤ 2 ms; wasm/native ≤ 1.5x',
    });
    ledger.free();
  }
  program.free();
  return out;
}
