// The benchmark harness (`make bench`): runs mallcare through the npm package in Node next to its competitor in the
// same process, and next to the native build (examples/bench_*.rs, run by scripts/bench.sh before this), and
// prints one table of medians and ratios. Each bench/<pillar>.mjs exports `async function rows(ctx)`.
//
// A row: { name, mallcare: { median_us }, competitor?: { name, median_us }, native?: <name of a native row>,
//          target?: "text" }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Median of `rounds` rounds; each round times `iterations` calls of fn and divides. Returns µs per call. */
export function measure(fn, { iterations = 1000, rounds = 7, warmup = Math.max(10, iterations / 10) } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn(i);
    per.push(((performance.now() - t0) * 1000) / iterations);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

/** Same as measure for async functions. */
export async function measureAsync(fn, { iterations = 100, rounds = 5 } = {}) {
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await fn(i);
    per.push(((performance.now() - t0) * 1000) / iterations);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

function nativeRows() {
  const file = path.join(here, '..', 'target', 'bench-native.jsonl');
  const map = new Map();
  if (!fs.existsSync(file)) return map;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    try { const r = JSON.parse(line); map.set(r.name, r); } catch { /* not a row */ }
  }
  return map;
}

const api = require('mallcare');
const ctx = { api, measure, measureAsync, require, root: path.join(here, '..') };
const only = process.argv.slice(2);
const modules = fs.readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs').sort()
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
const native = nativeRows();
const table = [];
for (const m of modules) {
  const mod = await import(pathToFileURL(path.join(here, m)).href);
  try {
    for (const row of await mod.rows(ctx)) table.push({ module: m.replace('.mjs', ''), ...row });
  } catch (e) {
    table.push({ module: m.replace('.mjs', ''), name: `FAILED: ${e && e.message}`, mallcare: { median_us: NaN } });
  }
}
const fmt = (us) => (us === undefined || Number.isNaN(us) ? '' : us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
console.log(`\nmallcare benchmarks: Node ${process.version}, medians; ratio > 1 means mallcare is faster (or wasm slower than native for "wasm/native")\n`);
const head = ['module', 'case', 'mallcare (npm, Node)', 'competitor', 'competitor median', 'speed-up', 'native', 'wasm/native', 'target'];
const lines = [head];
for (const r of table) {
  const n = r.native ? native.get(r.native) : undefined;
  const nUs = n ? n.median_ns / 1000 : undefined;
  lines.push([r.module, r.name, fmt(r.mallcare.median_us), r.competitor ? r.competitor.name : '', r.competitor ? fmt(r.competitor.median_us) : '',
    r.competitor ? `${(r.competitor.median_us / r.mallcare.median_us).toFixed(1)}x` : '', nUs !== undefined ? fmt(nUs) : '',
    nUs !== undefined ? `${(r.mallcare.median_us / nUs).toFixed(2)}x` : '', r.target || '']);
}
const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
for (const l of lines) console.log(l.map((c, i) => String(c).padEnd(widths[i])).join('  '));
if (native.size) {
  console.log('\nnative rows (cargo run --release --example bench_*):');
  for (const r of native.values()) console.log(`  ${r.name}: ${fmt(r.median_ns / 1000)}${r.per_sec ? `  (${Math.round(r.per_sec).toLocaleString('en')} /s)` : ''}`);
}
fs.mkdirSync(path.join(here, '..', 'target'), { recursive: true });
fs.writeFileSync(path.join(here, '..', 'target', 'bench-results.json'), JSON.stringify({ table, native: [...native.values()] }, null, 1));
