// The shared vectors through the npm package in Node, as CommonJS: `require("mallcare")`, no init.
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('mallcare');

test('Node CJS: ready on require', () => {
  assert.equal(api.nextWorkday('2026-09-30'), '2026-10-08');
});

test('Node CJS: every shared vector', async () => {
  const { runVectors } = await import('./runner.mjs');
  const { loadVectorFiles } = await import('./node-vectors.mjs');
  const r = runVectors(api, loadVectorFiles());
  assert.ok(r.steps > 0, 'no vectors ran');
  assert.deepEqual(r.failed, [], `${r.failed.length} of ${r.steps} steps failed`);
});
