// JS vector adapters of the validation pillar: { callName: (api, args) => result }.
export default {};
