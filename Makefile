# The two commands of the README: `make demo` (build and serve the demo) and `make test` (every test).
.PHONY: demo test setup pkg test-js bench size
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
setup:
	bash scripts/setup.sh
pkg: setup
	bash scripts/build-pkg.sh
# The JS runtimes only, against the package already in pkg/ (run `make pkg` first): Node ESM/CJS, the mini-program
# simulation, Chromium (vectors and the demo), types and size checks.
test-js:
	node_modules/.bin/tsc -p tests/types/tsconfig.json
	node_modules/.bin/tsc -p tests/types/tsconfig.node.json
	node_modules/.bin/vite build --config tests/browser/vite.config.mjs
	node_modules/.bin/vite build --config www/vite.config.mjs
	node --test tests/js/*.test.mjs tests/js/*.test.cjs
bench:
	bash scripts/bench.sh
size: setup
	bash scripts/size-report.sh
