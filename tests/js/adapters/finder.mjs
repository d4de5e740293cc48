// JS vector adapters of the finder pillar: { callName: (api, args) => result }.
// `Venue.*` calls take the venue as their first argument: a document (object or JSON text), or "sample".
const cache = new Map();

function venue(api, doc) {
  if (doc === 'sample') return api.Venue.sample();
  const key = typeof doc === 'string' ? doc : JSON.stringify(doc);
  let v = cache.get(key);
  if (!v) {
    v = api.Venue.load(doc);
    cache.set(key, v);
  }
  return v;
}

export default {
  'Venue.load': (api, [doc]) => api.Venue.load(doc).summary,
  'Venue.sample': (api) => api.Venue.sample().summary,
  'Venue.route': (api, [doc, from, to, options]) => venue(api, doc).route(from, to, options),
  'Venue.nearest': (api, [doc, from, what, options]) => venue(api, doc).nearest(from, what, options),
  'Venue.tour': (api, [doc, from, stops, options]) => venue(api, doc).tour(from, stops, options),
  'Venue.findCar': (api, [doc, from, code, options]) => venue(api, doc).findCar(from, code, options),
  'Venue.parkingSpace': (api, [doc, code]) => venue(api, doc).parkingSpace(code),
};
