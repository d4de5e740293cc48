// JS vector adapters of the validation pillar: { callName: (api, args) => result }.
// `FormSchema.*` calls take the descriptor as their first argument: load once, call the method, free the handle.
function withSchema(api, descriptor, f) {
  const s = api.FormSchema.load(descriptor);
  try { return f(s); } finally { s.free(); }
}

export default {
  'FormSchema.load': (api, [descriptor]) =>
    withSchema(api, descriptor, (s) => ({ name: s.name ?? null, fingerprint: s.fingerprint, ruleCount: s.ruleCount })),
  'FormSchema.validate': (api, [descriptor, value, options]) => withSchema(api, descriptor, (s) => s.validate(value, options)),
  'FormSchema.validateMany': (api, [descriptor, values, options]) =>
    withSchema(api, descriptor, (s) => s.validateMany(values, options)),
};
