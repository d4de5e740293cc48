// JS vector adapters of the finder pillar: { callName: (api, args) => result }.
// `Venue.*` calls take the venue as their first argument: a document (object or JSON text), "sample", or
// {"$imdfVenue": name} (an IMDF archive imported with Venue.fromImdf). Arguments may hold {"$fixture": name} (a
// top-level `fixtures` entry of a finder vector file) and {"$imdf": name} (an archive: file name -> JSON text), as
// in tests/adapters/finder.rs. Those two need the files: in Node they are read from disk; other runtimes may set
// `globalThis.mallcareFinderFixtures = { fixtures: {name: value}, imdf: {name: {file: text}} }` before running.
const cache = new Map();
let store = null;

function nodeFs() {
  const p = typeof process === 'object' && process && typeof process.getBuiltinModule === 'function' ? process : null;
  return p ? { fs: p.getBuiltinModule('fs'), path: p.getBuiltinModule('path'), url: p.getBuiltinModule('url') } : null;
}

function fixtures() {
  if (store) return store;
  if (globalThis.mallcareFinderFixtures) return (store = globalThis.mallcareFinderFixtures);
  const node = nodeFs();
  store = { fixtures: {}, imdf: {} };
  if (!node) return store;
  const here = node.path.dirname(node.url.fileURLToPath(import.meta.url));
  const root = node.path.join(here, '..', '..', '..');
  const vectors = node.path.join(root, 'tests', 'vectors');
  for (const f of node.fs.readdirSync(vectors)) {
    if (!f.startsWith('finder') || !f.endsWith('.json')) continue;
    const doc = JSON.parse(node.fs.readFileSync(node.path.join(vectors, f), 'utf8'));
    Object.assign(store.fixtures, doc.fixtures || {});
  }
  const tiny = JSON.parse(node.fs.readFileSync(node.path.join(root, 'data', 'finder', 'imdf-fixtures', 'tiny.json'), 'utf8'));
  store.imdf.tiny = Object.fromEntries(Object.entries(tiny).map(([k, v]) => [k, JSON.stringify(v)]));
  const poly = node.path.join(root, 'tests', 'data', 'imdf', 'polymap');
  store.imdf.polymap = {};
  for (const f of ['manifest.json', 'venue.geojson', 'building.geojson', 'level.geojson', 'unit.geojson', 'opening.geojson',
    'amenity.geojson', 'occupant.geojson', 'anchor.geojson']) {
    store.imdf.polymap[f] = node.fs.readFileSync(node.path.join(poly, f), 'utf8');
  }
  return store;
}

function resolve(v) {
  if (Array.isArray(v)) return v.map(resolve);
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$fixture') return resolve(fixtures().fixtures[v.$fixture]);
    if (keys.length === 1 && keys[0] === '$imdf') return fixtures().imdf[v.$imdf];
    if (keys.length === 1 && keys[0] === '$imdfVenue') return v;
    return Object.fromEntries(keys.map((k) => [k, resolve(v[k])]));
  }
  return v;
}

function venue(api, doc) {
  if (doc === 'sample') return api.Venue.sample();
  const key = typeof doc === 'string' ? doc : JSON.stringify(doc);
  let v = cache.get(key);
  if (!v) {
    v = doc && typeof doc === 'object' && doc.$imdfVenue ? api.Venue.fromImdf(fixtures().imdf[doc.$imdfVenue]) : api.Venue.load(doc);
    cache.set(key, v);
  }
  return v;
}

const withVenue = (method) => (api, args) => {
  const [doc, ...rest] = resolve(args);
  return venue(api, doc)[method](...rest);
};

export default {
  'Venue.load': (api, [doc]) => api.Venue.load(resolve(doc)).summary,
  'Venue.sample': (api) => api.Venue.sample().summary,
  'Venue.route': (api, args) => {
    const [doc, from, to, ...more] = resolve(args);
    const v = venue(api, doc);
    const r = v.route(from, to, ...more);
    // Without options the package's overlay answers (scripts/pkg/overlay/finder.js); it must equal the generated
    // path ({} is the same query through it) in every runtime.
    if (more.length === 0 && JSON.stringify(v.route(from, to, {})) !== JSON.stringify(r)) {
      throw new Error('the route overlay answered differently from the generated path');
    }
    return r;
  },
  'Venue.nearest': withVenue('nearest'),
  'Venue.tour': withVenue('tour'),
  'Venue.findCar': withVenue('findCar'),
  'Venue.parkingSpace': withVenue('parkingSpace'),
  'Venue.search': withVenue('search'),
  importImdf: (api, args) => api.importImdf(...resolve(args)),
};
