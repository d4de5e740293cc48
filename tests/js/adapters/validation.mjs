// JS vector adapters of the validation pillar: { callName: (api, args) => result }.
// `FormSchema.*` calls take the descriptor as their first argument: load once, call the method, free the handle.
function withSchema(api, descriptor, f) {
  const s = api.FormSchema.load(descriptor);
  try { return f(s); } finally { s.free(); }
}

// `IdCardChecker.*` calls take `today` first and the method's arguments after; getters are read after `check`.
function withChecker(api, today, f) {
  const c = new api.IdCardChecker(today ?? undefined);
  try { return f(c); } finally { c.free(); }
}

export default {
  checkIdCards: (api, args) => Array.from(api.checkIdCards(...args)),
  'IdCardChecker.check': (api, [today, text]) => withChecker(api, today, (c) => {
    const code = c.check(text);
    return { code, valid: c.valid, regionCode: c.regionCode, provinceCode: c.provinceCode, birthDate: c.birthDate,
      age: c.age, sex: c.sex, kind: c.kind, upgraded: c.upgraded };
  }),
  'IdCardChecker.isValid': (api, [today, text]) => withChecker(api, today, (c) => c.isValid(text)),
  'IdCardChecker.checkMany': (api, [today, values]) => withChecker(api, today, (c) => Array.from(c.checkMany(values))),
  'FormSchema.load': (api, [descriptor]) =>
    withSchema(api, descriptor, (s) => ({ name: s.name ?? null, fingerprint: s.fingerprint, ruleCount: s.ruleCount })),
  'FormSchema.validate': (api, [descriptor, value, options]) => withSchema(api, descriptor, (s) => s.validate(value, options)),
  'FormSchema.validateMany': (api, [descriptor, values, options]) =>
    withSchema(api, descriptor, (s) => s.validateMany(values, options)),
};
