#!/usr/bin/env bash
# Measures the web wasm (after wasm-bindgen and wasm-opt -Oz) for the foundation alone and for the foundation plus
# each pillar, and writes target/size-report.json; tests/js/size.test.mjs checks the budgets from it.
# Usage: scripts/size-report.sh [variant...]   (default: all; the foundation is always measured, since the pillar
# rows are increments over it). Example while working on one pillar: scripts/size-report.sh points
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
POST_MVP="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types"
out=target/size-variants
mkdir -p "$out"
variants="foundation ${*:-validation eligibility points finder}"
for v in $variants; do
  feats="wasm"; [ "$v" != foundation ] && feats="wasm,$v"
  WASM_EXTRA_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" wasm_cargo size build --release --lib -q --no-default-features --features "$feats"
  rm -rf "$out/$v"
  wasm-bindgen --target web --out-dir "$out/$v" --out-name mallcare target/wasm-size/wasm32-unknown-unknown/release/mallcare.wasm
  echo '{ "type": "module" }' > "$out/$v/package.json"   # tests/js/size-variants.test.mjs imports the ESM glue
  node scripts/pkg/overlays.mjs "$out/$v/mallcare.js" esm   # the package's JS fast paths, as the package has them
  node_modules/.bin/wasm-opt $POST_MVP -Oz --strip-debug --strip-producers "$out/$v/mallcare_bg.wasm" -o "$out/$v/mallcare_bg.wasm"
done
node scripts/pkg/size-report.mjs $variants
