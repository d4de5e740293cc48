// Foundation rows: calendar and money through the npm package vs the native build, and the package's cold start.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export async function rows({ api, measure, root }) {
  const dates = [];
  for (let i = 0; i < 365; i++) dates.push(new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
  const out = [];
  out.push({ name: 'isWorkday (365 dates)', mallcare: { median_us: measure((i) => api.isWorkday(dates[i % 365]), { iterations: 20000 }) }, native: 'isWorkday' });
  out.push({ name: 'addBusinessDays(d, 10)', mallcare: { median_us: measure((i) => api.addBusinessDays(dates[i % 300], 10), { iterations: 20000 }) }, native: 'addBusinessDays10' });
  out.push({ name: 'businessDaysBetween (1 year)', mallcare: { median_us: measure(() => api.businessDaysBetween('2025-06-01', '2026-06-01'), { iterations: 2000 }) }, native: 'businessDaysBetweenYear' });
  out.push({ name: 'parseAmount("¥1,234.50")', mallcare: { median_us: measure(() => api.parseAmount('¥1,234.50'), { iterations: 20000 }) }, native: 'parseAmount' });
  out.push({ name: 'formatAmount(123450)', mallcare: { median_us: measure(() => api.formatAmount(123450), { iterations: 20000 }) }, native: 'formatAmount' });
  const w = Array.from({ length: 10 }, (_, i) => 1000 + i * 37);
  out.push({ name: 'splitAmount(9999, 10 weights)', mallcare: { median_us: measure(() => api.splitAmount(9999, w), { iterations: 20000 }) }, native: 'split10' });
  // Cold start: a fresh Node process that requires the package and makes one call (compile + instantiate + call),
  // minus a fresh Node process that does nothing.
  const run = (code) => {
    const t = [];
    for (let i = 0; i < 7; i++) {
      const t0 = process.hrtime.bigint();
      execFileSync(process.execPath, ['-e', code], { cwd: root });
      t.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    t.sort((a, b) => a - b);
    return t[3];
  };
  const empty = run('0');
  const cold = run("require('mallcare').isWorkday('2026-01-04')");
  out.push({ name: 'cold start: require + first call (new process, minus empty process)', mallcare: { median_us: cold - empty } });
  const wasmPath = path.join(root, 'pkg', 'node', 'mallcare_bg.wasm');
  const bytes = (await import('node:fs')).readFileSync(wasmPath);
  out.push({ name: 'WebAssembly.compile of the package wasm (in process)', mallcare: { median_us: await (async () => {
    const t = [];
    for (let i = 0; i < 9; i++) { const t0 = performance.now(); await WebAssembly.compile(bytes); t.push((performance.now() - t0) * 1000); }
    t.sort((a, b) => a - b); return t[4];
  })() } });
  return out;
}
