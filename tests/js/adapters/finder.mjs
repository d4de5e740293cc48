// JS vector adapters of the finder pillar: { callName: (api, args) => result }.
export default {};
