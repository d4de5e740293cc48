// Where the time goes through the npm package: batch and per-call costs split by valid / invalid / non-string
// input and by answer size. Usage: node tests/differential/validation_js_probe.mjs pkg/node/mallcare.js
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const api = require(new URL(process.argv[2], 'file://' + process.cwd() + '/').pathname);
const { sampleIds } = await import(new URL('../../bench/validation.mjs', import.meta.url).href);
const ids = sampleIds(100000);
const valid = ids.filter((_, i) => i % 4 !== 3), invalid = ids.filter((_, i) => i % 4 === 3);
const nums = ids.map((_, i) => i);
function t(name, f, n) { f(); const t0 = performance.now(); const reps = 3; for (let r = 0; r < reps; r++) f(); console.log(name.padEnd(44), ((performance.now() - t0) * 1000 / reps / n).toFixed(3), 'µs/item'); }
t('compact valid ids', () => api.validateMany('idCard', valid, { compact: true }), valid.length);
t('compact invalid ids', () => api.validateMany('idCard', invalid, { compact: true }), invalid.length);
t('compact non-strings', () => api.validateMany('idCard', nums, { compact: true }), nums.length);
t('compact postal codes valid', () => api.validateMany('postalCode', valid.map(() => '100001'), { compact: true }), valid.length);
t('compact mobile empty strings', () => api.validateMany('mobile', valid.map(() => ''), { compact: true }), valid.length);
t('per call validateIdCard valid', () => { for (const id of valid.slice(0, 20000)) api.validateIdCard(id); }, 20000);
t('per call validateIdCard invalid', () => { for (const id of invalid.slice(0, 20000)) api.validateIdCard(id); }, 20000);
t('per call validatePostalCode', () => { for (let i = 0; i < 20000; i++) api.validatePostalCode('100001'); }, 20000);
t('per call validatePostalCode bad', () => { for (let i = 0; i < 20000; i++) api.validatePostalCode('1'); }, 20000);
t('per call isWorkday', () => { for (let i = 0; i < 20000; i++) api.isWorkday('2026-01-05'); }, 20000);
t('per call parseAmount', () => { for (let i = 0; i < 20000; i++) api.parseAmount('12.50'); }, 20000);
