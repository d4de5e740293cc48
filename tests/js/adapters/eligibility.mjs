// JS vector adapters of the eligibility pillar: { callName: (api, args) => result }.
// The first argument is the policy document (object or JSON text) or the string "statutory", exactly as the native
// adapter (tests/adapters/eligibility.rs) reads it.
function policy(api, doc) {
  return doc === 'statutory' ? api.ReturnPolicy.statutory() : api.ReturnPolicy.load(doc);
}

/** Runs `f` on a policy handle and frees the handle's wasm memory afterwards. */
function using(api, doc, f) {
  const p = policy(api, doc);
  try {
    return f(p);
  } finally {
    p.free();
  }
}

export default {
  'ReturnPolicy.statutory': (api) => using(api, 'statutory', (p) => ({ version: p.version, fingerprint: p.fingerprint })),
  'ReturnPolicy.load': (api, [doc]) => using(api, doc, (p) => ({ version: p.version, fingerprint: p.fingerprint })),
  'ReturnPolicy.lint': (api, [doc]) => using(api, doc, (p) => p.lint()),
  'ReturnPolicy.evaluate': (api, [doc, request, options]) => using(api, doc, (p) => p.evaluate(request, options)),
  // JSON text in, JSON text out: the vectors compare the parsed text.
  'ReturnPolicy.evaluateJson': (api, [doc, text, options]) => using(api, doc, (p) => JSON.parse(p.evaluateJson(text, options))),
  'ReturnPolicy.evaluateMany': (api, [doc, requests, options]) => using(api, doc, (p) => p.evaluateMany(requests, options)),
};
