// Reads tests/vectors/*.json for the Node-based runners.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const vectorDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'vectors');

export function loadVectorFiles() {
  return fs.readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()
    .map((name) => ({ name, doc: JSON.parse(fs.readFileSync(path.join(vectorDir, name), 'utf8')) }));
}
