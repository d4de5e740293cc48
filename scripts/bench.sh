#!/usr/bin/env bash
# `make bench`: builds the package, runs every native benchmark example (examples/bench_*.rs) and then bench/run.mjs,
# which measures the npm package next to the competitors in the same Node process and prints medians and ratios.
# Optional arguments select bench modules by prefix (e.g. `scripts/bench.sh finder`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
[ -f pkg/node/mallcare_bg.wasm ] && [ "${REBUILD:-0}" = 0 ] || bash scripts/build-pkg.sh
: > target/bench-native.jsonl
for ex in examples/bench_*.rs; do
  name=$(basename "$ex" .rs)
  echo "[bench] native: $name"
  cargo run -q --release --example "$name" | tee -a target/bench-native.jsonl
done
node bench/run.mjs "$@"
