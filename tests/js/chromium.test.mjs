// The shared vectors as wasm in headless Chromium, through a real Vite production build of a page that imports
// "mallcare" like a web shop does (tests/browser). Build first: `npx vite build tests/browser` (make test does it).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './chromium.mjs';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'browser', 'dist');

test('Chromium (Vite bundle): every shared vector', async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'tests/browser/dist missing: run the Vite build first');
  const wasmFiles = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasmFiles.length, 1, 'Vite emitted the wasm as an asset');
  const { server, url } = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => window.__mallcareResults, null, { timeout: 60000 });
    const r = await page.evaluate(() => window.__mallcareResults);
    assert.deepEqual(errors, []);
    assert.match(r.userAgent, /HeadlessChrome|Chrome/);
    assert.ok(r.steps > 0, 'no vectors ran');
    assert.deepEqual(r.failed, [], `${r.failed.length} of ${r.steps} steps failed`);
    console.log(`# chromium: ${r.passed} vector steps passed; init ${r.initMs.toFixed(1)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
});
