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

// FormSchema.validate: the overlay (value as JSON text into wasm memory, answer as ASCII JSON text) against the
// generated call alone, on the form vectors, the ready forms, thousands of mutated values and the inputs the overlay
// hands back to the generated call. The answers must be the same JSON text (key order included) or the same throw.
{
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { returnValue } = await import('../../bench/validation.mjs');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const require = createRequire(import.meta.url);
  const MARK = '\n// ---- mallcare overlays (scripts/pkg/overlay) ----\n';
  const gluePath = process.env.MALLCARE_PKG || path.join(root, 'pkg', 'node', 'mallcare.js');
  const glue = fs.readFileSync(gluePath, 'utf8');
  const plainPath = path.join(path.dirname(gluePath), 'mallcare.plain-forms.test.cjs');
  fs.writeFileSync(plainPath, glue.slice(0, glue.indexOf(MARK)));
  const plain = require(plainPath);
  fs.rmSync(plainPath);
  const fast = require(gluePath);

  const answer = (fn) => {
    try {
      return JSON.stringify(fn());
    } catch (e) {
      assert.equal(e.name, 'MallcareError', `unexpected ${e}`);
      return `throw:${e.code}:${JSON.stringify(e.issues)}`;
    }
  };
  const same = (name, descriptor, value, options) => {
    let f;
    let p;
    try {
      f = fast.FormSchema.load(descriptor);
      p = plain.FormSchema.load(descriptor);
    } catch (e) {
      return false;
    }
    const a = answer(() => f.validate(value, options));
    const b = answer(() => p.validate(value, options));
    f.free();
    p.free();
    let shown;
    try {
      shown = JSON.stringify(value)?.slice(0, 300);
    } catch {
      shown = String(value);
    }
    assert.equal(a, b, `${name}: ${shown} ${JSON.stringify(options)}`);
    return true;
  };

  test('FormSchema.validate: the overlay answers as the generated call on the form vectors', () => {
    const vectors = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'vectors', 'validation-forms.json'), 'utf8'));
    let n = 0;
    for (const c of vectors.cases) {
      if (c.call !== 'validateForm') continue;
      const [descriptor, value, options] = c.args;
      for (const o of [options, undefined, { ...(options ?? {}), locale: 'en' }]) if (same(c.name, descriptor, value, o)) n++;
    }
    assert.ok(n > 60, `only ${n} vector cases ran`);
  });

  test('FormSchema.validate: the overlay answers as the generated call on mutated values and odd inputs', () => {
    let x = 99;
    const rnd = (m) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % m; };
    const odd = ['', ' ', '１３８００１３８０００', '+86 138-0013-8000', '😀', '\ud800', 'a"b\\c\n\t\u0001', '李雷', 'x'.repeat(10001),
      '2026-02-30', '2026-05-01T08:00:00+08:00', '¥1,234.50', -1, 0, 1.5, 1e21, 2 ** 53 + 2, -0, true, null, [], {}, [1, 2],
      { a: 1 }, '6901234567890', '2212345012343', 'return', 'other', '13800138000', '91110000600037341L'];
    const keys = ['orderNo', 'purchaseDate', 'requestDate', 'contactName', 'mobile', 'kind', 'refundMethod', 'items', 'extra', '__proto__'];
    const itemKeys = ['gtin', 'quantity', 'paidAmount', 'reason', 'note', 'x'];
    const options = [undefined, null, {}, { today: '2026-05-01' }, { today: '2026-05-01', locale: 'en' }, { locale: 'en-US' },
      { today: null, locale: 'zh' }, { today: '2026-13-01' }, { today: '２０２６-05-01' }, { today: '' }, { locale: '' }, { locale: 7 },
      { today: 20260501 }, { allowIot: true }, { layout: 'x' }, 'en', 5];
    for (let i = 0; i < 3000; i++) {
      const v = JSON.parse(JSON.stringify(returnValue));
      for (let k = rnd(4); k > 0; k--) {
        const item = Array.isArray(v.items) ? v.items[rnd(2)] : null;
        if (rnd(3) === 0 && typeof item === 'object' && item !== null) {
          item[itemKeys[rnd(itemKeys.length)]] = odd[rnd(odd.length)];
        } else if (rnd(8) === 0) {
          delete v[keys[rnd(keys.length)]];
        } else {
          v[keys[rnd(keys.length)]] = odd[rnd(odd.length)];
        }
      }
      same('returnApplication', 'returnApplication', v, options[rnd(options.length)]);
    }
    const cyclic = { ...returnValue };
    cyclic.self = cyclic;
    let deep = {};
    for (let i = 0; i < 300; i++) deep = { a: deep };
    const inputs = [returnValue, cyclic, deep, { ...returnValue, big: 10n }, { ...returnValue, when: new Date(0) },
      { ...returnValue, f: () => 1, u: undefined }, { toJSON: () => undefined }, { toJSON: () => 'text' }, [returnValue],
      '{"orderNo": "SO-1"}', '{', 42, null, undefined, 'returnApplication', new Map(), Object.create(null)];
    for (const name of ['returnApplication', 'memberSignUp', 'invoiceRequest', 'deliveryAddress']) {
      for (const v of inputs) for (const o of options) same(name, name, v, o);
    }
  });

  // The overlay validates a plain copy of the value (what JSON.parse(JSON.stringify(value)) gives, keys sorted) and
  // applies the wasm's edits to it: values where that copy differs from the value itself, or takes the generated call.
  test('FormSchema.validate: the overlay copy matches the generated call (toJSON, Dates, holes, key order, edits)', () => {
    class Item { constructor() { this.gtin = '6901234567892'; this.quantity = 1; this.paidAmount = '1.00'; this.reason = 'other'; } }
    const withGetter = { ...returnValue };
    Object.defineProperty(withGetter, 'mobile', { enumerable: true, get: () => '+86 139 0013 9000' });
    const objectForm = { fields: {
      when: { type: 'date', required: true }, price: { type: 'amount' }, tel: { type: 'mobile' },
      map: { type: 'object', defaultField: { type: 'amount', min: 1 }, fields: { fixed: { type: 'string' } } },
      list: { type: 'array', fields: { 0: { type: 'mobile' }, 3: { type: 'string', required: true } }, defaultField: { type: 'amount' } },
      pick: { type: 'enum', enum: [{ a: 1 }, [1, 2], 'x', 1, null, true] },
    }, rules: [{ type: 'requiredWhen', field: 'price', when: 'pick', equals: { a: 1 } }] };
    const objectValues = [
      { when: new Date(Date.UTC(2026, 4, 1, 20)), price: '¥12.50', tel: '+86 138 0013 8000' },
      { when: new Date(NaN) }, { when: '2026-05-01', map: { 10: '1.5', 9: 2, b: '3', a: '0.5', fixed: 'x', 'é': '1', z: '4' } },
      { when: '2026-05-01', map: { '😀': '2', '\uffff': '3' } }, { when: '2026-05-01', map: JSON.parse('{"__proto__": "1"}') },
      { when: '2026-05-01', list: ['+86 13800138000', '1.00', , undefined, () => 1, NaN, Infinity, -0] },
      { when: '2026-05-01', list: ['13800138000', '2', '3', 'x'] }, { when: '2026-05-01', pick: { a: 1 } },
      { when: '2026-05-01', pick: { a: 1.0, b: undefined } }, { when: '2026-05-01', pick: [1, 2] }, { when: '2026-05-01', pick: 1.0 },
      { when: '2026-05-01', pick: { a: 1 }, price: 0 }, { when: { toJSON: (k) => (k === 'when' ? '2026-05-02' : 'bad') } },
      { when: '2026-05-01', map: new Item() }, { when: '2026-05-01', map: { a: new Item() } }, { when: '2026-05-01', map: [1, 2] },
      { when: '2026-05-01', tel: 'a"b\\c\u2028' }, { when: '2026-05-01', map: { 'a"b': '5', 'line\nbreak': '6' } },
      { when: '2026-05-01', price: 12.5 }, { when: '2026-05-01', price: 1e21 }, { when: '2026-05-01', price: 2 ** 60 },
      { when: '2026-05-01', extra: 10n }, { when: '2026-05-01', extra: Symbol('s') }, { when: '2026-05-01', deep: [[[[[[[[[[[[{}]]]]]]]]]]]] },
    ];
    for (const v of objectValues) for (const o of [undefined, { today: '2026-05-01', locale: 'en' }]) same('objectForm', objectForm, v, o);
    const items = [new Item(), { ...new Item(), paidAmount: '２.００' }];
    for (const o of [undefined, { today: '2026-05-01' }]) {
      same('returnApplication', 'returnApplication', { ...returnValue, items }, o);
      same('returnApplication', 'returnApplication', withGetter, o);
      same('returnApplication', 'returnApplication', { ...returnValue, purchaseDate: new Date(Date.UTC(2026, 3, 27, 17)) }, o);
    }
  });

  // checkIdCards / IdCardChecker.checkMany: the overlay writes the items as a tape into wasm memory in ~64 KB chunks;
  // every array must get the same codes (or the same throw) as the generated call, which JSON.stringify-es it.
  test('checkIdCards / checkMany: the overlay answers as the generated call on mixed arrays', () => {
    const codes = (fn) => {
      try {
        const r = fn();
        assert.ok(r instanceof Uint8Array, 'a Uint8Array');
        return Array.from(r).join(',');
      } catch (e) {
        assert.equal(e.name, 'MallcareError', `unexpected ${e}`);
        return `throw:${e.code}:${JSON.stringify(e.issues)}`;
      }
    };
    const ids = sampleIds(20000);
    const megabyte = '1'.repeat(1 << 20);
    const odd = [
      '11010519491231002X', '11010519491231002x', ' 11010519491231002X ', '１１０１０５１９４９１２３１００２Ｘ', '110105491231002',
      withCheck('81000019900101001'), '11010520300101001X', '', ' ', '身份证', '\ud800', '1101051949\ud83d\ude0012310', '\udc00\ud800x',
      '11010519491231002X\u0000', 'a"b\\c\n', '1'.repeat(256), '1'.repeat(257), '１'.repeat(256), '１'.repeat(257), '1'.repeat(512),
      '1'.repeat(513), '😀'.repeat(256), '😀'.repeat(257), '\ud800'.repeat(256), '\ud800'.repeat(257), ' '.repeat(600) + '11010519491231002X',
      42, 0, -0, NaN, Infinity, 1.5, true, false, null, undefined, () => 1, Symbol('s'),
    ];
    const objects = [{}, [], ['11010519491231002X'], new String('11010519491231002X'), new Date(0), 10n,
      { toJSON: () => '11010519491231002X' }, Object.create(null), new Number(5)];
    const holes = ['11010519491231002X', , '110105194912310021', , ,];
    const rnd = (() => { let x = 99; return (m) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % m; }; })();
    const arrays = [[], ids, odd, holes, [megabyte, megabyte, '11010519491231002X'], [...odd, megabyte], new Array(5), Array(70000).fill('11010519491231002X')];
    for (const o of objects) arrays.push([...odd, o], [o]);
    for (let i = 0; i < 120; i++) {
      const n = rnd(8) === 0 ? rnd(40000) : rnd(60);
      const a = [];
      for (let k = 0; k < n; k++) a.push(rnd(4) === 0 ? odd[rnd(odd.length)] : ids[rnd(ids.length)]);
      if (rnd(10) === 0) a.push(objects[rnd(objects.length)]);
      arrays.push(a);
    }
    const withToJSON = ['11010519491231002X'];
    withToJSON.toJSON = () => ['110105194912310021'];
    arrays.push(withToJSON);
    const options = [undefined, null, { today: '2026-05-01' }, { today: '2026-05-01', locale: 'en' }, { today: null }, {},
      { today: '1949-12-30' }, { today: '2026-02-30' }, { today: 'soon' }, { today: '２０２６-05-01' }, { today: 20260501 },
      { today: new Date(0) }, '2026-05-01', 5, () => 1];
    let compared = 0;
    for (const a of arrays) {
      for (const o of a.length > 1000 ? options.slice(0, 4) : options) {
        assert.equal(codes(() => fast.checkIdCards(a, o)), codes(() => plain.checkIdCards(a, o)),
          `checkIdCards(${JSON.stringify(a.slice(0, 8), (k, v) => (typeof v === 'bigint' ? `${v}n` : v))}..., ${JSON.stringify(o)})`);
        compared++;
      }
    }
    for (const notArray of [undefined, null, 'x', 42, {}, { length: 1, 0: '11010519491231002X' }, new Uint8Array(2)]) {
      assert.equal(codes(() => fast.checkIdCards(notArray)), codes(() => plain.checkIdCards(notArray)));
    }
    for (const today of ['2026-05-01', undefined]) {
      const f = new fast.IdCardChecker(today);
      const p = new plain.IdCardChecker(today);
      for (const a of arrays) assert.equal(codes(() => f.checkMany(a)), codes(() => p.checkMany(a)), `checkMany (today ${today})`);
      for (const notArray of [undefined, 'x', {}]) assert.equal(codes(() => f.checkMany(notArray)), codes(() => p.checkMany(notArray)));
      f.free();
      p.free();
      assert.throws(() => f.checkMany(ids.slice(0, 3)));
    }
    assert.ok(compared > 1000, `only ${compared} arrays compared`);
    // The fast path is taken (each item read once) for strings and primitives, and an array holding an object is
    // handed to the generated call (read again by JSON.stringify): counted through a Proxy.
    const reads = (items) => {
      let n = 0;
      const proxy = new Proxy(items, { get: (t, k, r) => { if (typeof k === 'string' && /^\d+$/.test(k)) n++; return Reflect.get(t, k, r); } });
      const a = Array.from(fast.checkIdCards(proxy, { today: '2026-05-01' }));
      assert.deepEqual(a, Array.from(plain.checkIdCards(items, { today: '2026-05-01' })));
      return n;
    };
    assert.equal(reads([...ids.slice(0, 50), 42, null, '１２', 'x'.repeat(600)]), 54);
    assert.equal(reads(['11010519491231002X', {}]), 4);
    // the verdicts are real: a quarter of the sample IDs carry a wrong check character
    const r = fast.checkIdCards(ids, { today: '2026-05-01' });
    const bad = r.reduce((n, c) => n + (c !== 0), 0);
    assert.ok(bad >= 4900 && bad <= 5100, `${bad} invalid of 20000`);
  });

  test('FormSchema.validate: a freed schema fails as the generated call does', () => {
    const f = fast.FormSchema.load('returnApplication');
    f.free();
    assert.throws(() => f.validate(returnValue));
  });
}
