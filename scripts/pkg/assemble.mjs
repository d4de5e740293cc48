// Second half of scripts/build-pkg.sh: turns wasm-bindgen's output into the npm package layout.
//  - pkg/node/index.mjs: ESM face of the Node build (named exports, plus a no-op default `init` for isomorphic code)
//  - pkg/miniprogram/mallcare.js: the MVP build's glue as CommonJS with its own UTF-8 codec, exposing the two
//    wasm-bindgen internals the loader needs; no WebAssembly, TextEncoder, TextDecoder, fetch or import.meta in it.
//  - pkg/miniprogram/mallcare.wasm.br: the MVP wasm, brotli-compressed (WXWebAssembly loads .wasm.br directly).
//  - the size table (stdout) and pkg/sizes.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = path.join(root, 'pkg');
const p = (...a) => path.join(pkg, ...a);
const fail = (m) => { console.error(`[pkg] ${m}`); process.exit(1); };

// --- Glue patch: short ASCII strings from wasm without TextDecoder ----------------------------------------------
// V8's TextDecoder.decode costs ~0.3 µs even for a 10-byte string; most strings mallcare returns (dates, codes, ids)
// are short ASCII. Measured: version() 0.70 -> 0.39 µs per call in Node 20. Non-ASCII or long strings still decode
// with TextDecoder.
const SLOW = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const FAST = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getUint8ArrayMemory0();
    if (len <= 64) {
        let s = '';
        for (let i = ptr, end = ptr + len; i < end; i++) {
            const c = mem[i];
            if (c > 0x7f) return decodeText(mem.subarray(ptr, ptr + len));
            s += String.fromCharCode(c);
        }
        return s;
    }
    return decodeText(mem.subarray(ptr, ptr + len));
}`;
for (const f of ['web/mallcare.js', 'node/mallcare.js']) {
  const text = fs.readFileSync(p(f), 'utf8');
  if (text.includes(FAST)) continue; // already patched (assemble run twice)
  if (!text.includes(SLOW)) fail(`${f}: wasm-bindgen's getStringFromWasm0 changed; update the patch in assemble.mjs`);
  fs.writeFileSync(p(f), text.replace(SLOW, FAST));
}

// --- Overlays: hand-written JS fast paths (scripts/pkg/overlay/*.js; rules in its README) ----------------------
const overlayDir = path.join(root, 'scripts', 'pkg', 'overlay');
const overlays = fs.readdirSync(overlayDir).filter((f) => f.endsWith('.js')).sort().map((f) => {
  const text = fs.readFileSync(path.join(overlayDir, f), 'utf8');
  const list = (tag) => (text.match(new RegExp(`^// @${tag} (.*)$`, 'm'))?.[1] ?? '').split(/\s+/).filter(Boolean);
  const dts = path.join(overlayDir, f.replace(/\.js$/, '.d.ts'));
  return { file: f, text, requires: list('requires'), exports: list('exports'), dts: fs.existsSync(dts) ? fs.readFileSync(dts, 'utf8') : '' };
});
const MARK = '\n// ---- mallcare overlays (scripts/pkg/overlay) ----\n';
/** The overlays whose required names the glue defines (a build without a pillar skips that pillar's overlay). */
const applicable = (glue) => overlays.filter((o) => o.requires.every((n) =>
  new RegExp(`(function|class) ${n}\\b`).test(glue)));
/** Appends the applicable overlays to a glue; `style` is 'esm', 'cjs' or 'mp' (mini-program, exports listed later). */
function withOverlays(glue, style) {
  if (glue.includes(MARK)) return { glue, added: [] };
  let out = glue + MARK;
  const added = [];
  for (const o of applicable(glue)) {
    out += `// ${o.file}\n${o.text}\n`;
    for (const n of o.exports) {
      const defined = new RegExp(`^(export )?(function|class) ${n}\\b`, 'm').test(glue);
      if (style === 'cjs') out += `exports.${n} = ${n};\n`;
      else if (style === 'esm' && !defined) out += `export { ${n} };\n`;
      if (!defined) added.push(n);
    }
  }
  return { glue: out, added };
}
for (const [f, style] of [['web/mallcare.js', 'esm'], ['node/mallcare.js', 'cjs']]) {
  const text = fs.readFileSync(p(f), 'utf8');
  const { glue: patched } = withOverlays(text, style);
  fs.writeFileSync(p(f), patched);
  const dts = p(f.replace(/\.js$/, '.d.ts'));
  const types = fs.readFileSync(dts, 'utf8');
  const extra = applicable(text).map((o) => o.dts).filter(Boolean).join('\n');
  if (extra && !types.includes(extra)) fs.writeFileSync(dts, types + '\n' + extra);
}

// --- Node ---------------------------------------------------------------------------------------------------
fs.writeFileSync(p('node', 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(p('web', 'package.json'), '{ "type": "module" }\n');
const require = createRequire(import.meta.url);
const nodeApi = require(p('node', 'mallcare.js'));
const names = Object.keys(nodeApi).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default').sort();
if (!names.includes('isWorkday')) fail('node build lacks isWorkday');
fs.writeFileSync(p('node', 'index.mjs'), `// Generated by scripts/pkg/assemble.mjs: the ESM face of the Node build. Ready on import (no init needed).
import { createRequire } from 'node:module';
const api = createRequire(import.meta.url)('./mallcare.js');
export const { ${names.join(', ')} } = api;
/** Browser code calls \`await init()\`; in Node the module is ready on import, so this only returns it. */
export default async function init() { return api; }
/** Synchronous twin of \`init\`, for symmetry with the web build. */
export function initSync() { return api; }
`);
fs.writeFileSync(p('node', 'index.d.mts'), `// Generated by scripts/pkg/assemble.mjs.
export * from './mallcare.js';
/** In Node the module is ready on import; \`init\` exists so isomorphic code can \`await init()\` everywhere. */
export default function init(): Promise<typeof import('./mallcare.js')>;
export function initSync(): typeof import('./mallcare.js');
`);

// --- Mini-program ---------------------------------------------------------------------------------------------
let glue = fs.readFileSync(path.join(root, 'target', 'mp-glue', 'mallcare.js'), 'utf8');
const cut = glue.indexOf('async function __wbg_load(');
if (cut < 0) fail('unexpected wasm-bindgen glue: no __wbg_load');
glue = glue.slice(0, cut);
if (!glue.includes(SLOW)) fail('mini-program glue: getStringFromWasm0 changed; update the patch in assemble.mjs');
glue = glue.replace(SLOW, FAST);
const exported = [];
glue = glue.replace(/^export (function|class) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => { exported.push(name); return `${kind} ${name}`; });
if (/^export /m.test(glue)) fail('unexpected export left in the mini-program glue');
for (const banned of ['import.meta', 'fetch(', 'WebAssembly', 'FinalizationRegistry(']) {
  // FinalizationRegistry is only used behind a typeof guard; anything else here would break in a mini-program.
  if (banned !== 'FinalizationRegistry(' && glue.includes(banned)) fail(`mini-program glue still uses ${banned}`);
}
const mpOverlaid = withOverlays(glue, 'mp');
glue = mpOverlaid.glue;
exported.push(...mpOverlaid.added);
const codec = fs.readFileSync(path.join(root, 'scripts', 'pkg', 'utf8-codec.js'), 'utf8');
const mp = `// Generated by scripts/pkg/assemble.mjs from wasm-bindgen's web glue of the MVP build. Do not edit.
"use strict";
${codec}
${glue}
module.exports = { __wbg_get_imports, __wbg_finalize_init, ${exported.join(', ')} };
`;
fs.writeFileSync(p('miniprogram', 'mallcare.js'), mp);
const mvp = fs.readFileSync(path.join(root, 'target', 'mp-glue', 'mallcare.mvp.wasm'));
fs.writeFileSync(p('miniprogram', 'mallcare.wasm.br'),
  zlib.brotliCompressSync(mvp, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: mvp.length } }));
fs.writeFileSync(p('miniprogram', 'package.json'), '{ "type": "commonjs" }\n');

// --- Docs and licences inside the package ---------------------------------------------------------------------
fs.copyFileSync(path.join(root, 'README.md'), p('README.md'));
fs.copyFileSync(path.join(root, 'data', 'holiday-cn', 'LICENSE'), p('LICENSE-holiday-cn'));

// --- Size table -----------------------------------------------------------------------------------------------
const files = ['web/mallcare_bg.wasm', 'node/mallcare_bg.wasm', 'miniprogram/mallcare.wasm.br',
  'web/mallcare.js', 'node/mallcare.js', 'node/index.mjs', 'miniprogram/index.js', 'miniprogram/mallcare.js'];
const rows = files.map((f) => {
  let b = fs.readFileSync(p(f));
  if (f.endsWith('.br')) b = zlib.brotliDecompressSync(b);
  return {
    file: f, raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const features = process.env.MALLCARE_FEATURES || 'validation,eligibility,points,finder';
fs.writeFileSync(p('sizes.json'), JSON.stringify({ features, rows }, null, 1) + '\n');
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`\nSize of the npm package (features: ${features}); KB = 1024 bytes; .br row shows the decompressed wasm`);
console.log('file'.padEnd(32) + 'raw KB'.padStart(8) + 'gzip KB'.padStart(9) + ' brotli KB');
for (const r of rows) console.log(r.file.padEnd(32) + kb(r.raw) + ' ' + kb(r.gzip) + ' ' + kb(r.brotli));
const mpTotal = ['miniprogram/mallcare.wasm.br', 'miniprogram/mallcare.js', 'miniprogram/index.js']
  .reduce((s, f) => s + fs.statSync(p(f)).size, 0);
console.log(`mini-program files as shipped: ${(mpTotal / 1024).toFixed(1)} KB (limit of a mini-program package: 2048 KB)\n`);
