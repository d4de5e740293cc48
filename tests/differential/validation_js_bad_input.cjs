// Bad input that only JavaScript can send (cyclic objects, BigInt, deep nesting, Date objects, missing options):
// each must give a precise issue or MallcareError, never a trap. Usage:
//   node tests/differential/validation_js_bad_input.cjs [path/to/pkg/node/mallcare.js]
const assert = require('node:assert');
const path = require('node:path');
const api = require(process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..', '..', 'pkg', 'node', 'mallcare.js'));

const codes = (r) => (r.ok ? [] : r.issues.map((i) => i.code));
const cyc = { a: 1 }; cyc.self = cyc;
assert.deepStrictEqual(codes(api.validateForm({ a: { type: 'string' } }, cyc)), ['INPUT_CYCLIC']);
assert.deepStrictEqual(codes(api.validateForm(cyc, {})), ['INPUT_CYCLIC']);
assert.throws(() => api.FormSchema.load(cyc), (e) => e.name === 'MallcareError' && e.code === 'INPUT_CYCLIC');
assert.deepStrictEqual(codes(api.validateForm({ a: { type: 'string' } }, { a: 10n })), ['INPUT_NOT_JSON']);
let deep = {}; let cur = deep; for (let i = 0; i < 100000; i++) { cur.x = {}; cur = cur.x; }
assert.deepStrictEqual(codes(api.validateForm({ a: { type: 'any' } }, deep)), ['INPUT_TOO_DEEP']);
let deep2 = {}; cur = deep2; for (let i = 0; i < 300; i++) { cur.x = {}; cur = cur.x; }
assert.deepStrictEqual(codes(api.validateForm({ a: { type: 'any' } }, deep2)), ['INPUT_TOO_DEEP']);
assert.deepStrictEqual(codes(api.validateMobile('1'.repeat(1 << 20))), ['MOBILE_TOO_LONG']);
assert.deepStrictEqual(codes(api.validateIdCard({})), ['INPUT_NOT_STRING']);
assert.deepStrictEqual(codes(api.validateIdCard(undefined)), ['INPUT_NOT_STRING']);
assert.deepStrictEqual(codes(api.validateIdCard('11010519491231002X', { today: 20260501 })), ['OPTIONS_INVALID']);
assert.strictEqual(api.validateIdCard('11010519491231002X').value.age, null);
const r = api.validateForm({ fields: { a: { type: 'date' }, b: { type: 'date' } }, rules: [{ type: 'dateNotBefore', field: 'b', other: 'a' }] },
  { a: new Date('2026-05-02T00:30:00+08:00'), b: new Date('2026-05-01T23:00:00+08:00') });
assert.deepStrictEqual(codes(r), ['FORM_DATE_ORDER']);
assert.throws(() => api.validateMany('idCard', 'x'), (e) => e.code === 'INPUT_NOT_ARRAY');
assert.throws(() => api.validateMany(1, []), (e) => e.code === 'INPUT_NOT_STRING');
const b = api.validateMany('idCard', ['11010519491231002X', 5, null, undefined, {}], { compact: true });
assert.deepStrictEqual([b.total, b.valid, b.invalid.map((x) => x.index)], [5, 1, [1, 2, 3, 4]]);
assert.deepStrictEqual(codes(api.validateInvoiceTitle(null)), ['INPUT_NOT_OBJECT']);
assert.deepStrictEqual(codes(api.validateGtin('2212345012343', { layout: 5 })), ['OPTIONS_INVALID']);
assert.deepStrictEqual(codes(api.validateForm({ a: { type: 'string' } }, { a: 'x\ud800' })), ['INPUT_NOT_JSON']);
const lone = api.validateMany('mobile', ['13800138000', '\ud800'], { compact: true });
assert.deepStrictEqual([lone.total, lone.valid, lone.invalid[0].issues[0].code], [2, 1, 'MOBILE_INVALID_CHAR']);
// after all that, the instance still works
assert.strictEqual(api.validateMobile('13800138000').ok, true);
console.log('validation JS bad-input checks: ok');
