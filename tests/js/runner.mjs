// The one JS vector runner. Every JS runtime (Node ESM, Node CJS, Chromium via Vite, the mini-program simulation)
// hands it the mallcare API object and the vector files; it must not use TextEncoder, fetch or other host APIs so that
// it runs unchanged inside the mini-program simulation.
import { adapters } from './adapters/index.mjs';

export function subset(expected, actual, path) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object, got ${show(actual)}`;
    for (const k of Object.keys(expected)) {
      if (!(k in actual) || actual[k] === undefined) {
        if (expected[k] === null) continue;
        return `${path}.${k}: missing (expected ${show(expected[k])})`;
      }
      const r = subset(expected[k], actual[k], `${path}.${k}`);
      if (r) return r;
    }
    return null;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`;
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} items, got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const r = subset(expected[i], actual[i], `${path}[${i}]`);
      if (r) return r;
    }
    return null;
  }
  if (expected === null && (actual === null || actual === undefined)) return null;
  return expected === actual ? null : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function show(v) {
  try { const s = JSON.stringify(v); return s && s.length > 300 ? s.slice(0, 300) + '…' : s; } catch (e) { return String(v); }
}

/** Calls one vector step; returns { value } or { error: issues }. A throw that is not a MallcareError is a failure. */
export function callStep(api, step) {
  const fn = adapters[step.call];
  try {
    const value = fn ? fn(api, step.args || []) : api[step.call](...(step.args || []));
    return { value };
  } catch (e) {
    if (e && e.name === 'MallcareError' && Array.isArray(e.issues)) return { error: e.issues, thrown: e };
    return { crash: e };
  }
}

function reset(api) {
  api.resetCalendar();
  api.setLocale('zh-CN');
}

/**
 * Runs vector files: `files` is an array of { name, doc }. Returns { passed, failed: [message] , steps }.
 */
export function runVectors(api, files) {
  let passed = 0;
  const failed = [];
  for (const { name, doc } of files) {
    for (const kase of doc.cases) {
      reset(api);
      const steps = kase.steps || [kase];
      steps.forEach((step, i) => {
        const where = `${name} :: ${kase.name} (step ${i})`;
        if (step.locale) api.setLocale(step.locale);
        const got = callStep(api, step);
        if (step.locale) api.setLocale('zh-CN');
        const ex = step.expect || {};
        let msg = null;
        if (got.crash) msg = `threw a non-MallcareError: ${String(got.crash && got.crash.stack || got.crash).split('\n').slice(0, 2).join(' | ')}`;
        else if ('value' in ex && 'value' in got) msg = subset(ex.value, got.value, 'value');
        else if ('error' in ex && got.error) {
          msg = subset(ex.error, got.error, 'error');
          if (!msg && got.thrown.code !== got.error[0].code) msg = `err.code ${got.thrown.code} is not the first issue's code`;
        } else if ('value' in ex) msg = `expected a value, got error ${show(got.error)}`;
        else if ('error' in ex) msg = `expected an error, got value ${show(got.value)}`;
        else msg = 'case has neither expect.value nor expect.error';
        if (msg) failed.push(`${where}: ${msg}`); else passed++;
      });
    }
  }
  reset(api);
  return { passed, failed, steps: passed + failed.length };
}
