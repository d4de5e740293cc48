// Prints and saves (target/size-report.json) the wasm size of each variant built by scripts/size-report.sh.
import fs from 'node:fs';
import zlib from 'node:zlib';
const sizes = (b) => ({ raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
const report = {};
for (const v of process.argv.slice(2)) report[v] = sizes(fs.readFileSync(`target/size-variants/${v}/mallcare_bg.wasm`));
const base = report.foundation;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('\nweb wasm after wasm-opt -Oz (KB = 1024 bytes); "+" rows are the increment over the foundation alone');
console.log('variant'.padEnd(24) + 'raw KB'.padStart(8) + ' gzip KB'.padStart(9) + ' brotli KB'.padStart(10));
for (const [v, s] of Object.entries(report)) {
  const label = v === 'foundation' ? 'foundation alone' : `+ ${v}`;
  const d = v === 'foundation' ? { ...s } : { raw: s.raw - base.raw, gzip: s.gzip - base.gzip, brotli: s.brotli - base.brotli };
  report[v].increment = d;
  console.log(label.padEnd(24) + kb(d.raw) + ' ' + kb(d.gzip) + '  ' + kb(d.brotli));
}
fs.writeFileSync('target/size-report.json', JSON.stringify(report, null, 1) + '\n');
