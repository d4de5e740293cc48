// Node ESM and CJS type entries (module resolution node16).
import init, { isWorkday, splitAmount } from 'mallcare';
import { createRequire } from 'node:module';
const api = await init();
const ok: boolean = isWorkday('2026-01-04') && api.isWorkday('2026-01-04');
const parts: number[] = splitAmount(100, [1, 1]);
const cjs = createRequire(import.meta.url)('mallcare') as typeof import('mallcare');
void [ok, parts, cjs];
