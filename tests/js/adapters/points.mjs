// JS vector adapters of the points pillar: { callName: (api, args) => result }.
// A vector call `PointsProgram.<method>` passes the program document first: PointsProgram.load(doc).<method>(...rest).
// Documents are written inline in the vectors (the runner does not hand adapters the vector file, so there is no
// `$fixture` lookup); the native adapter (tests/adapters/points.rs) reads the same arguments the same way.
function withProgram(api, doc, fn) {
  const program = api.PointsProgram.load(doc);
  try {
    return fn(program);
  } finally {
    if (typeof program.free === 'function') program.free();
  }
}

const method = (name) => (api, [doc, ...rest]) => withProgram(api, doc, (p) => p[name](...rest));

export default {
  'PointsProgram.load': (api, [doc]) => withProgram(api, doc, (p) => ({ version: p.version, fingerprint: p.fingerprint })),
  'PointsProgram.earn': method('earn'),
  'PointsProgram.balance': method('balance'),
  'PointsProgram.redeem': method('redeem'),
  'PointsProgram.clawback': method('clawback'),
  'PointsProgram.tier': method('tier'),
  'PointsProgram.benefits': method('benefits'),
  'PointsProgram.parkingFee': method('parkingFee'),
};
