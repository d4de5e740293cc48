// JS vector adapters of the eligibility pillar: { callName: (api, args) => result }.
export default {};
