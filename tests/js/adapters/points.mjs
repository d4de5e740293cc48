// JS vector adapters of the points pillar: { callName: (api, args) => result }.
export default {};
