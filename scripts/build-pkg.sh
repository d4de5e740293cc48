#!/usr/bin/env bash
# Builds the npm package in pkg/: web/bundler ESM, Node (CJS + ESM, ready synchronously), and the mini-program
# build (MVP wasm feature set, brotli-compressed, no WebAssembly/TextEncoder/TextDecoder/fetch needed).
# Prints a size table (raw / gzip / brotli) of every .wasm and JS entry and writes pkg/sizes.json.
# Usage: scripts/build-pkg.sh [--features "a,b"]   (default: all pillars)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
say() { printf '[pkg] %s\n' "$*"; }
FEATURES="validation,eligibility,points,finder"
if [ "${1:-}" = "--features" ]; then FEATURES="$2"; fi
FEATS="wasm${FEATURES:+,$FEATURES}"
WASM_OPT=node_modules/.bin/wasm-opt
POST_MVP="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types"
# A panic can only abort (library code denies unwrap/expect/panic/indexing); immediate-abort drops the panic
# message machinery from the wasm. It needs std rebuilt (build-std), which both routes here use for these builds.
IA_FLAGS="-Zunstable-options -Cpanic=immediate-abort"

build() { # flavour -> path of the .wasm
  local flavour=$1 extra=""
  [ "$flavour" = mvp ] && extra="-C target-cpu=mvp"
  say "cargo build --release wasm32 ($flavour, features $FEATS)"
  WASM_EXTRA_RUSTFLAGS="$IA_FLAGS $extra" wasm_cargo "$flavour" build --release --lib --no-default-features --features "$FEATS" -q
}
build default
build mvp
W=target/wasm-default/wasm32-unknown-unknown/release/mallcare.wasm
WMVP=target/wasm-mvp/wasm32-unknown-unknown/release/mallcare.wasm

rm -rf pkg/web pkg/node target/mp-glue
say "wasm-bindgen: web (ESM + bundlers), nodejs (CJS), web glue for the mini-program"
wasm-bindgen --target web --out-dir pkg/web --out-name mallcare "$W"
wasm-bindgen --target nodejs --out-dir pkg/node --out-name mallcare "$W"
wasm-bindgen --target web --out-dir target/mp-glue --out-name mallcare "$WMVP"

say "wasm-opt -Oz (post-MVP features for web/node; --mvp-features for the mini-program, which also validates it)"
for f in pkg/web/mallcare_bg.wasm pkg/node/mallcare_bg.wasm; do
  $WASM_OPT $POST_MVP -Oz --strip-debug --strip-producers "$f" -o "$f"
done
mkdir -p pkg/miniprogram
$WASM_OPT --mvp-features -Oz --strip-debug --strip-producers target/mp-glue/mallcare_bg.wasm -o target/mp-glue/mallcare.mvp.wasm
$WASM_OPT --mvp-features target/mp-glue/mallcare.mvp.wasm -o /dev/null   # validation only: fails on any post-MVP feature

say "assembling entries (Node ESM wrapper, mini-program CJS glue, brotli wasm) and the size table"
node scripts/pkg/assemble.mjs
