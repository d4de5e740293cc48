// Call adapters: a vector's `call` name is looked up here first; otherwise the runner calls api[call](...args).
// Each pillar owns one file and exports a default object { callName: (api, args) => result }.
import validation from './validation.mjs';
import eligibility from './eligibility.mjs';
import points from './points.mjs';
import finder from './finder.mjs';

export const adapters = { ...validation, ...eligibility, ...points, ...finder };
