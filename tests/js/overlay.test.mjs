// The package overlays (scripts/pkg/overlay/*.js) against the calls wasm-bindgen generated, in one Node process:
// the overlaid Node glue (pkg/node/mallcare.js) next to the same glue cut before its overlays. Every input must get
// the same answer, or the same thrown error code, from both. Overlays only change how arguments cross.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sampleIds } from '../../bench/validation.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const MARK = '\n// ---- mallcare overlays (scripts/pkg/overlay) ----\n';

const glue = fs.readFileSync(path.join(root, 'pkg', 'node', 'mallcare.js'), 'utf8');
const fast = require(path.join(root, 'pkg', 'node', 'mallcare.js'));
// The generated glue alone, loaded from the same directory (it reads mallcare_bg.wasm next to itself).
const plainPath = path.join(root, 'pkg', 'node', 'mallcare.plain.test.cjs');
fs.writeFileSync(plainPath, glue.slice(0, glue.indexOf(MARK)));
const plain = require(plainPath);
fs.rmSync(plainPath);

/** The answer of fn(), or `throw:<code>` for a MallcareError (any other exception fails the test). */
function outcome(fn) {
  try {
    return fn();
  } catch (e) {
    assert.equal(e.name, 'MallcareError', `unexpected ${e}`);
    return `throw:${e.code}`;
  }
}

/** A deterministic mix: valid and invalid IDs, each mutated in the ways people and programs get them wrong. */
function inputs() {
  const ids = sampleIds(20000);
  let x = 7;
  const rnd = (m) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % m; };
  const odd = ['１', 'x', 'X', ' ', '-', '中', '\u0000', '😀', 'é', '0', '9'];
  const out = [];
  for (const id of ids) {
    out.push(id);
    const k = rnd(6);
    if (k === 0) out.push(id.toLowerCase());
    else if (k === 1) { const i = rnd(id.length); out.push(id.slice(0, i) + odd[rnd(odd.length)] + id.slice(i + 1)); }
    else if (k === 2) out.push(id.slice(0, 15));
    else if (k === 3) out.push(` ${id} `);
    else if (k === 4) out.push(id + id);
    else out.push(id.slice(0, 6) + '20991231' + id.slice(14));
  }
  out.push('', '110105194912310021', '11010519491231002x', '１１０１０５１９４９１２３１００２Ｘ', 'a'.repeat(97), '1'.repeat(96),
    '1'.repeat(1 << 20), 42, null, undefined, {}, [], true, 110105194912310021n);
  return out;
}

const OPTIONS = [undefined, null, {}, { today: '2026-05-01' }, { today: '2026-05-01', locale: 'en' }, { today: null },
  { today: '2026-13-01' }, { today: '２０２６-05-01' }, { today: 20260501 }, { locale: 'en' }];

test('checkIdCard: the overlay answers (or throws) as the generated call does', () => {
  const all = inputs();
  let n = 0;
  for (const opts of OPTIONS) {
    for (const v of opts && opts.today === '2026-05-01' && !opts.locale ? all : all.slice(0, 3000)) {
      assert.deepEqual(outcome(() => fast.checkIdCard(v, opts)), outcome(() => plain.checkIdCard(v, opts)),
        `checkIdCard(${String(v).slice(0, 40)}, ${JSON.stringify(opts)})`);
      n++;
    }
  }
  assert.ok(n > 50000);
});

test('IdCardChecker: check, the fact getters and isValid agree with the generated methods', () => {
  const a = new fast.IdCardChecker('2026-05-01');
  const b = new plain.IdCardChecker('2026-05-01');
  const facts = (c) => [c.valid, c.regionCode, c.provinceCode, c.birthDate, c.age, c.sex, c.kind, c.upgraded];
  for (const v of inputs()) {
    assert.equal(outcome(() => a.check(v)), outcome(() => b.check(v)), `check(${String(v).slice(0, 40)})`);
    assert.deepEqual(facts(a), facts(b), `facts after check(${String(v).slice(0, 40)})`);
    assert.equal(outcome(() => a.isValid(v)), outcome(() => b.isValid(v)), `isValid(${String(v).slice(0, 40)})`);
  }
  a.free();
  b.free();
});
