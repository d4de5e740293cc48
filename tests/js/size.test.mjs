// Size budgets (deterministic, so they are tests): brotli of the web wasm after wasm-opt, from target/size-report.json
// (scripts/size-report.sh) and pkg/sizes.json (scripts/build-pkg.sh).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const KB = 1024;
// Issue budgets: foundation alone <= 40 KB; each pillar's increment: validation 25, eligibility 40, points 30, finder 60.
const BUDGET = { foundation: 40, validation: 25, eligibility: 40, points: 30, finder: 60 };

test('size budgets per variant (brotli)', () => {
  const report = JSON.parse(fs.readFileSync('target/size-report.json', 'utf8'));
  for (const [v, kb] of Object.entries(BUDGET)) {
    assert.ok(report[v], `variant ${v} was not measured`);
    const got = report[v].increment.brotli;
    console.log(`# ${v}: ${(got / KB).toFixed(1)} KB brotli (budget ${kb} KB)`);
    assert.ok(got <= kb * KB, `${v} is ${(got / KB).toFixed(1)} KB brotli, over its ${kb} KB budget`);
  }
});

test('the whole package stays within the sum of the budgets and the mini-program limit', () => {
  const { rows } = JSON.parse(fs.readFileSync('pkg/sizes.json', 'utf8'));
  const web = rows.find((r) => r.file === 'web/mallcare_bg.wasm');
  const total = Object.values(BUDGET).reduce((a, b) => a + b, 0);
  assert.ok(web.brotli <= total * KB, `web wasm ${web.brotli} bytes brotli > ${total} KB`);
  const mp = fs.statSync('pkg/miniprogram/mallcare.wasm.br').size;
  assert.ok(mp < 2 * 1024 * KB, 'mini-program wasm.br under 2 MB');
});
