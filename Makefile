# The two commands of the README: `make demo` (build and serve the demo) and `make test` (every test).
.PHONY: demo test setup pkg bench size clean-pkg
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
setup:
	bash scripts/setup.sh
pkg: setup
	bash scripts/build-pkg.sh
bench:
	bash scripts/bench.sh
size: setup
	bash scripts/size-report.sh
