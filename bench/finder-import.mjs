// Finder import and search rows: importing the PolyMap IMDF venue (target <= 200 ms in Node) and searching the
// sample mall (target <= 50 us), through the npm package. Needs finder-core's JS glue: Venue.fromImdf(files) and
// venue.search(query, options).
import fs from 'node:fs';
import path from 'node:path';

export async function rows({ api, measure, root }) {
  const dir = path.join(root, 'tests', 'data', 'imdf', 'polymap');
  const files = {};
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('json')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  const out = [];
  out.push({
    name: 'Venue.fromImdf(PolyMap: 8 levels, 443 units, 472 openings)',
    mallcare: { median_us: measure(() => api.Venue.fromImdf(files), { iterations: 5 }) },
    native: 'imdfImportPolymap',
    target: '<= 200 ms',
  });
  const mall = api.Venue.sample();
  const queries = ['xbk', 'xingbake', '星巴克', 'starbuks', 'chongqing', 'hot pot', 'xinbake', 'yuegao', '咖啡', 'qqqq'];
  out.push({
    name: 'venue.search over the sample mall (10 queries: pinyin, initials, hanzi, typos)',
    mallcare: { median_us: measure((i) => mall.search(queries[i % queries.length]), { iterations: 2000 }) },
    native: 'searchSample',
    target: '<= 50 us',
  });
  out.push({
    name: 'venue.search, open first at an instant',
    mallcare: { median_us: measure((i) => mall.search(queries[i % queries.length], { at: '2026-05-02T12:00:00+08:00', openFirst: true }), { iterations: 2000 }) },
    native: 'searchSampleOpenFirst',
    target: '<= 50 us',
  });
  return out;
}
