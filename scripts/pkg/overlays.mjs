// The package overlays (scripts/pkg/overlay/*.js, rules in its README): appends them to a wasm-bindgen glue.
// Used by assemble.mjs for the package and by scripts/size-report.sh for the size-measured builds, so that those
// builds run as the package does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const overlayDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'overlay');
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
export function withOverlays(glue, style) {
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

/** The TypeScript declarations the overlays applicable to this glue add (empty when none). */
export function overlayTypes(glue) {
  return applicable(glue).map((o) => o.dts).filter(Boolean).join('\n');
}

// As a script: `node scripts/pkg/overlays.mjs <glue.js> esm|cjs` patches that file in place.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, style] = process.argv.slice(2);
  fs.writeFileSync(file, withOverlays(fs.readFileSync(file, 'utf8'), style).glue);
}
