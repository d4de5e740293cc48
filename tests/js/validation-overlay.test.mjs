// The validation overlays (scripts/pkg/overlay/validation.js) against the generated calls they stand in for, on
// many inputs: IdCardChecker's getters (read from wasm memory) must say what validateIdCard says, for valid and
// invalid numbers, 15-digit legacy numbers, residence permits, non-ASCII and non-string input.
// Run after a package build: node --test tests/js/validation-overlay.test.mjs  (MALLCARE_PKG=<path of a CJS glue>
// tests another build).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { sampleIds } from '../../bench/validation.mjs';

const api = process.env.MALLCARE_PKG ? createRequire(import.meta.url)(process.env.MALLCARE_PKG) : await import('mallcare');

/** A 17-digit body with its ISO 7064 MOD 11-2 check character. */
const withCheck = (body) => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * w[i];
  return body + '10X98765432'[sum % 11];
};

const edge = [
  withCheck('81000019900101001'), withCheck('82000019851231002'), withCheck('83000020000229003'),
  '11010519491231002X', '11010519491231002x', '110105491231002', '810000199001010015', '820000199001010012',
  '830000199001010019', '710000199001010013', '11010520300101001X', ' 11010519491231002X ', '１１０１０５１９４９１２３１００２Ｘ',
  '110105194912310021', '', 'x'.repeat(300), '110105194902300021', 42, null, undefined, {}, '身份证',
];

/** What the getters should hold after `check(id)`, from the full validateIdCard answer. */
function expected(id, today) {
  const r = typeof id === 'string' ? api.validateIdCard(id, today ? { today } : undefined) : { ok: false };
  if (!r.ok) return { valid: false, regionCode: undefined, provinceCode: undefined, birthDate: undefined, sex: undefined, age: undefined, kind: undefined, upgraded: undefined };
  const v = r.value;
  return {
    valid: true,
    regionCode: Number(v.regionCode),
    provinceCode: v.kind === 'taiwanPermit' ? 71 : Number(v.regionCode.slice(0, 2)), // documented: permits 83 → 71
    birthDate: Number(v.birthDate.replaceAll('-', '')),
    sex: v.sex,
    age: v.age ?? undefined,
    kind: v.kind,
    upgraded: v.upgradedFrom !== null,
  };
}

const facts = (c) => ({ valid: c.valid, regionCode: c.regionCode, provinceCode: c.provinceCode, birthDate: c.birthDate, sex: c.sex, age: c.age, kind: c.kind, upgraded: c.upgraded });

for (const today of ['2026-05-01', undefined]) {
  test(`IdCardChecker getters agree with validateIdCard (today ${today ?? 'none'})`, () => {
    const c = new api.IdCardChecker(today);
    const inputs = [...edge, ...sampleIds(3000)];
    let valid = 0;
    for (const id of inputs) {
      const code = c.check(id);
      const want = expected(id, today);
      assert.equal(code === 0, want.valid, `check(${JSON.stringify(id)})`);
      assert.deepEqual(facts(c), want, `getters after check(${JSON.stringify(id)})`);
      if (want.valid) valid++;
    }
    assert.ok(valid > 2000, `only ${valid} valid inputs`);
    c.free();
  });
}

test('IdCardChecker: two checkers keep their own facts; a freed one fails as the generated getters do', () => {
  const a = new api.IdCardChecker('2026-05-01');
  const b = new api.IdCardChecker('2026-05-01');
  a.check('11010519491231002X');
  assert.equal(b.check(withCheck('81000019900101001')), 0);
  assert.equal(a.regionCode, 110105);
  assert.equal(b.kind, 'hongKongPermit');
  b.check('bad');
  assert.equal(a.valid, true);
  assert.equal(b.valid, false);
  a.free();
  assert.throws(() => a.regionCode);
  b.free();
});
