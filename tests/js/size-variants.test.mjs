// The builds that the size budgets measure (target/size-variants/<variant>, made by scripts/size-report.sh: the
// foundation alone and the foundation plus one pillar) are working builds, not just byte counts: each is
// instantiated in Node and passes the shared vectors of what it contains.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runVectors } from './runner.mjs';
import { loadVectorFiles } from './node-vectors.mjs';

const FOUNDATION = ['calendar', 'money', 'time'];
const VARIANTS = { foundation: [], validation: ['validation'], eligibility: ['eligibility'], points: ['points'], finder: ['finder'] };

for (const [variant, own] of Object.entries(VARIANTS)) {
  test(`size variant "${variant}" runs its vectors`, async () => {
    const dir = `target/size-variants/${variant}`;
    assert.ok(fs.existsSync(`${dir}/mallcare_bg.wasm`), `${dir} missing: run scripts/size-report.sh (make size)`);
    const api = await import(pathToFileURL(`${dir}/mallcare.js`).href);
    api.initSync({ module: fs.readFileSync(`${dir}/mallcare_bg.wasm`) });
    const prefixes = [...FOUNDATION, ...own];
    const files = loadVectorFiles().filter((f) => prefixes.some((p) => f.name.startsWith(p)));
    const r = runVectors(api, files);
    assert.ok(r.steps > 0, 'no vectors ran');
    assert.deepEqual(r.failed, [], `${r.failed.length} of ${r.steps} steps failed`);
    if (variant === 'foundation') {
      assert.equal(typeof api.validateMobile, 'undefined', 'the foundation build must not contain a pillar');
    }
  });
}
