// Bundled by Vite exactly as a web shop would: `import init, {...} from "mallcare"`.
import init, * as api from 'mallcare';
import { runVectors } from '../js/runner.mjs';

const modules = import.meta.glob('../vectors/*.json', { eager: true, import: 'default' });
const files = Object.keys(modules).sort().map((k) => ({ name: k.split('/').pop(), doc: modules[k] }));

// Vector fixtures that Node runners read from disk (see tests/js/adapters/finder.mjs), bundled here instead.
import tinyImdf from '../../data/finder/imdf-fixtures/tiny.json';
const polymap = import.meta.glob('../data/imdf/polymap/*.{json,geojson}', { eager: true, query: '?raw', import: 'default' });
globalThis.mallcareFinderFixtures = {
  fixtures: Object.assign({}, ...files.filter((f) => f.name.startsWith('finder')).map((f) => f.doc.fixtures || {})),
  imdf: {
    tiny: Object.fromEntries(Object.entries(tinyImdf).map(([k, v]) => [k, JSON.stringify(v)])),
    polymap: Object.fromEntries(Object.entries(polymap).map(([k, v]) => [k.split('/').pop(), v])),
  },
};

(async () => {
  const t0 = performance.now();
  await init();
  const initMs = performance.now() - t0;
  let result;
  try {
    result = runVectors(api, files);
  } catch (e) {
    result = { passed: 0, failed: [`runner crashed: ${e && e.stack || e}`], steps: 0 };
  }
  result.initMs = initMs;
  result.userAgent = navigator.userAgent;
  document.getElementById('out').textContent =
    `${result.passed} passed, ${result.failed.length} failed (of ${result.steps} steps)\n` + result.failed.join('\n');
  window.__mallcareResults = result;
})();
