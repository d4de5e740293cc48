// A simulated mini-program runtime (run as its own process by miniprogram.test.mjs): the globals mini-programs lack
// are deleted before mallcare/miniprogram is loaded, and only WXWebAssembly.instantiate(path, imports) is provided,
// reading package paths like WeChat does (brotli .wasm.br included). Prints the vector results as JSON.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const RealWebAssembly = WebAssembly;
const pkgDir = path.dirname(require.resolve('mallcare/package.json'));
const loaded = [];
const WXWebAssembly = {
  instantiate(p, imports) {
    if (typeof p !== 'string' || !p.startsWith('/')) return Promise.reject(new Error('WXWebAssembly needs an absolute package path'));
    // WeChat's "build npm" puts the package's `miniprogram` folder at /miniprogram_npm/mallcare/.
    const rel = p.replace(/^\/miniprogram_npm\/mallcare\//, 'miniprogram/');
    let bytes = fs.readFileSync(path.join(pkgDir, rel));
    if (p.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
    loaded.push({ path: p, bytes: bytes.length });
    return RealWebAssembly.instantiate(bytes, imports);
  },
};
// Node's `process` and `Buffer` go too (mini-programs have neither; the package must not take a Node-only path there).
const proc = process;
const removed = ['WebAssembly', 'TextEncoder', 'TextDecoder', 'fetch', 'FinalizationRegistry', 'WeakRef', 'Buffer', 'process'];
for (const g of removed) { delete globalThis[g]; }
for (const g of removed) { if (typeof globalThis[g] !== 'undefined') throw new Error(`could not remove ${g}`); }
globalThis.WXWebAssembly = WXWebAssembly;

(async () => {
  const vectorsDir = proc.argv[2];
  const only = (proc.env.MALLCARE_VECTORS || '').split(',').filter(Boolean);
  const files = fs.readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort()
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .map((name) => ({ name, doc: JSON.parse(fs.readFileSync(path.join(vectorsDir, name), 'utf8')) }));
  // The finder adapter reads its fixtures from disk only where `process` exists; here they are handed over as the
  // browser page does (tests/browser/main.js).
  const root = path.join(vectorsDir, '..', '..');
  const tiny = JSON.parse(fs.readFileSync(path.join(root, 'data', 'finder', 'imdf-fixtures', 'tiny.json'), 'utf8'));
  const poly = path.join(root, 'tests', 'data', 'imdf', 'polymap');
  globalThis.mallcareFinderFixtures = {
    fixtures: Object.assign({}, ...fs.readdirSync(vectorsDir).filter((f) => f.startsWith('finder') && f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(vectorsDir, f), 'utf8')).fixtures || {})),
    imdf: {
      tiny: Object.fromEntries(Object.entries(tiny).map(([k, v]) => [k, JSON.stringify(v)])),
      polymap: Object.fromEntries(fs.readdirSync(poly).filter((f) => /\.(geo)?json$/.test(f))
        .map((f) => [f, fs.readFileSync(path.join(poly, f), 'utf8')])),
    },
  };
  const mp = require('mallcare/miniprogram');
  const api = await mp.init();
  const again = await mp.init();
  const { runVectors } = await import(proc.argv[3]);
  const r = runVectors(api, files);
  proc.stdout.write(JSON.stringify({
    ...r, loaded, sameInstance: api.version() === again.version(),
    globals: removed.map((g) => [g, typeof globalThis[g]]),
    unicode: api.parseAmount('￥１２．５').value, zhMessage: api.parseAmount('12.345').issues[0].message,
  }));
})().catch((e) => { proc.stdout.write(JSON.stringify({ crash: String(e && e.stack || e) })); proc.exitCode = 1; });
