# Sourced by the build and test scripts: defines `wasm_cargo`, which runs cargo for wasm32-unknown-unknown with
# whichever toolchain scripts/setup.sh found (rustup's target, or Debian's rustc + std source with build-std).
# Usage: wasm_cargo <mvp|default> <cargo subcommand and args...>
WASM_TOOLCHAIN=$(cat "$(dirname "${BASH_SOURCE[0]}")/../.wasm-toolchain" 2>/dev/null || echo unknown)
wasm_cargo() {
  local flavour=$1; shift
  local sub=$1; shift
  local dir="target/wasm-$flavour"
  local flags="${WASM_EXTRA_RUSTFLAGS:-}"
  [ "$flavour" = mvp ] && [ -z "${WASM_EXTRA_RUSTFLAGS:-}" ] && flags="-C target-cpu=mvp"
  local build_std="std,panic_abort"
  [ "$sub" = test ] && build_std="std,panic_abort,test"
  case "$WASM_TOOLCHAIN" in
    rustup)
      # std is rebuilt from rustup's rust-src (needed for the MVP build and the immediate-abort panic strategy).
      RUSTC_BOOTSTRAP=1 RUSTFLAGS="$flags" CARGO_TARGET_DIR="$dir" \
        cargo "$sub" --target wasm32-unknown-unknown -Z build-std="$build_std" "$@" ;;
    debian)
      RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTFLAGS="$flags" CARGO_TARGET_DIR="$dir" \
        /usr/bin/cargo "$sub" --target wasm32-unknown-unknown -Z build-std="$build_std" "$@" ;;
    *) echo "no wasm toolchain recorded: run scripts/setup.sh first" >&2; return 1 ;;
  esac
}
