// The shared vectors through the npm package in Node, as an ES module: `import { ... } from "mallcare"`.
import test from 'node:test';
import assert from 'node:assert/strict';
import init, * as api from 'mallcare';
import { runVectors } from './runner.mjs';
import { loadVectorFiles } from './node-vectors.mjs';

test('Node ESM: ready on import, init() is a harmless no-op', async () => {
  assert.equal(typeof api.isWorkday, 'function');
  assert.equal(api.isWorkday('2026-01-04'), true); // before any init
  const same = await init();
  assert.equal(same.isWorkday('2026-01-04'), true);
});

test('Node ESM: every shared vector', () => {
  const r = runVectors(api, loadVectorFiles());
  assert.ok(r.steps > 0, 'no vectors ran');
  assert.deepEqual(r.failed, [], `${r.failed.length} of ${r.steps} steps failed`);
});

test('Node ESM: misuse throws a MallcareError with code and issues', () => {
  assert.throws(() => api.isWorkday('2026-02-30'), (e) =>
    e instanceof Error && e.name === 'MallcareError' && e.code === 'DATE_INVALID' &&
    Array.isArray(e.issues) && e.issues[0].path === '' && /日期无效/.test(e.issues[0].message));
  api.setLocale('en');
  try {
    assert.throws(() => api.addBusinessDays('2026-12-31', 1), (e) => e.code === 'CALENDAR_YEAR_UNKNOWN' && /no holiday data for 2027/.test(e.message));
  } finally { api.setLocale('zh-CN'); }
});

test('Node ESM: hostile inputs never trap the instance', () => {
  const hostile = [undefined, null, 0, -1, NaN, Infinity, 1e308, '', 'x'.repeat(1 << 20), {}, [], () => 1, Symbol('s'), 10n];
  for (const v of hostile) {
    for (const fn of ['isWorkday', 'nextWorkday', 'dayKind', 'formatAmount', 'loadCalendarYear']) {
      try { api[fn](v); } catch (e) { assert.equal(e.name, 'MallcareError', `${fn}(${String(typeof v)}) threw ${e}`); }
    }
    for (const fn of ['parseAmount', 'parseTimestamp']) {
      const r = api[fn](v);
      assert.equal(typeof r.ok, 'boolean');
    }
    try { api.splitAmount(100, [v]); } catch (e) { assert.equal(e.name, 'MallcareError'); }
  }
  // Still alive and correct afterwards.
  assert.equal(api.isWorkday('2026-02-14'), true);
});
