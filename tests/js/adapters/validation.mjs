// JS vector adapters of the validation pillar: { callName: (api, args) => result }.
// `FormSchema.*` calls take the descriptor as their first argument (load once, then call the method).
export default {
  'FormSchema.load': (api, [descriptor]) => {
    const s = api.FormSchema.load(descriptor);
    return { name: s.name ?? null, fingerprint: s.fingerprint, ruleCount: s.ruleCount };
  },
  'FormSchema.validate': (api, [descriptor, value, options]) => api.FormSchema.load(descriptor).validate(value, options),
  'FormSchema.validateMany': (api, [descriptor, values, options]) =>
    api.FormSchema.load(descriptor).validateMany(values, options),
};
