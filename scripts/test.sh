#!/usr/bin/env bash
# Every test of mallcare, from a fresh clone: set-up, native (fmt, clippy, unit/integration/doc tests, differential
# tests), wasm under Node (wasm-bindgen-test), the npm package (Node ESM + CJS), the mini-program simulation,
# headless Chromium through a real Vite build, TypeScript types, and the size budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n===== %s =====\n' "$*"; }
start=$(date +%s)

step "set-up (idempotent)"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (all pillars, with the wasm glue) -D warnings"
cargo clippy --all-targets --features wasm -- -D warnings

step "cargo test (unit, integration, shared vectors, property tests, doctests)"
cargo test
step "cargo test --lib --features wasm (unit tests of code only the JS glue uses, run natively)"
cargo test --lib --features wasm

for t in tests/differential/*.py; do
  [ -e "$t" ] || continue
  step "differential: $t"
  target/pyenv/bin/python "$t"   # the venv scripts/setup.sh made (python-stdnum, phonenumbers)
done

step "shared vectors as wasm under Node (wasm-bindgen-test)"
source scripts/wasm-env.sh
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner wasm_cargo node test --test vectors

step "build the npm package"
bash scripts/build-pkg.sh

step "size budgets (foundation alone and each pillar's increment)"
bash scripts/size-report.sh

step "TypeScript: tsc --noEmit against the package's .d.ts (bundler and node16 resolution)"
node_modules/.bin/tsc -p tests/types/tsconfig.json
node_modules/.bin/tsc -p tests/types/tsconfig.node.json

step "Vite production builds: the browser test page and the demo app"
node_modules/.bin/vite build --config tests/browser/vite.config.mjs
node_modules/.bin/vite build --config www/vite.config.mjs

step "JS: npm package in Node (ESM, CJS), mini-program simulation, Chromium (vectors and the demo), size budgets"
node --test --test-reporter=spec tests/js/*.test.mjs tests/js/*.test.cjs

echo
echo "all tests passed in $(( $(date +%s) - start )) s"
