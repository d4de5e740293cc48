#!/usr/bin/env bash
# The main job: builds everything the demo needs (set-up, the npm package, the www/ app) and serves www/ on
# 127.0.0.1, printing the URL. Stop with Ctrl-C. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-pkg.sh
node_modules/.bin/vite build --config www/vite.config.mjs
exec node scripts/serve-demo.mjs "${PORT:-8080}"
