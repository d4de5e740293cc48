// Reads tests/vectors/*.json for the Node-based runners.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const vectorDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'vectors');

/** Every vector file; MALLCARE_VECTORS=calendar,money limits a local run to files starting with those prefixes. */
export function loadVectorFiles() {
  const only = (process.env.MALLCARE_VECTORS || '').split(',').filter(Boolean);
  return fs.readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .map((name) => ({ name, doc: JSON.parse(fs.readFileSync(path.join(vectorDir, name), 'utf8')) }));
}
