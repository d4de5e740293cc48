#!/usr/bin/env bash
# Brings a fresh machine to a state where mallcare builds and tests. Idempotent: each step
# checks first and says what it does and why. Safe to run again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '[setup] %s\n' "$*"; }
WB_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml / Cargo.lock

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then say "apt-get update (once)"; as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. A Rust toolchain that can target wasm32-unknown-unknown.
sysroot=$(rustc --print sysroot)
if [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
  say "rustup has the wasm32-unknown-unknown target: using it (std rebuilt from rust-src for the MVP build)"
  if [ ! -d "$sysroot/lib/rustlib/src/rust/library" ]; then
    say "rustup component add rust-src (std source, for -Z build-std)"
    rustup component add rust-src
  fi
  echo "rustup" > .wasm-toolchain
else
  say "rustup lacks the wasm32 target (and cannot download it here): using Debian's rustc + std source with -Z build-std"
  if [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/src/rust/library ] || [ ! -e "$(readlink -f /usr/bin/rust-lld 2>/dev/null || echo /nonexistent)" ]; then
    say "installing rustc-web cargo-web rust-web-src lld-22 from bookworm-security"
    apt_install -t bookworm-security rustc-web cargo-web rust-web-src lld-22
  else
    say "Debian rustc $(/usr/bin/rustc --version | cut -d' ' -f2) and std source already present"
  fi
  echo "debian" > .wasm-toolchain
fi

# 2. wasm-bindgen CLI matching the crate version (also gives wasm-bindgen-test-runner).
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (takes ~4 min the first time)"
  cargo install -q wasm-bindgen-cli --version "=$WB_VERSION"
else
  say "wasm-bindgen $WB_VERSION already installed"
fi

# 3. Chromium + chromedriver for the browser tests (Debian's; no browser downloads work here).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian chromium + chromium-driver for headless browser tests"
  apt_install chromium chromium-driver
else
  say "chromium present: $(chromium --version 2>/dev/null | head -1)"
fi

# 3b. A Chinese font, so the browser renders (and screenshots show) Chinese text instead of empty boxes.
if ! fc-list 2>/dev/null | grep -qi -e "wqy" -e "noto sans cjk"; then
  say "installing fonts-wqy-microhei (a CJK font for the headless browser)"
  apt_install fonts-wqy-microhei
else
  say "a CJK font is present"
fi

# 4. JS tooling and competitor packages (test/bench tools only): wasm-opt (binaryen), playwright-core,
#    vite, typescript, id-validator, async-validator, json-rules-engine, ngraph.path.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (dev tools: binaryen's wasm-opt, playwright-core, vite, typescript, benchmark competitors)"
  npm ci --no-audit --no-fund --loglevel=error
else
  say "node_modules up to date"
fi

# 5. Python reference implementations for differential tests (test tools only), in a virtual environment of the
#    project (target/pyenv): nothing is installed into the system's Python, and no root is needed for it.
PYENV=target/pyenv
if ! "$PYENV/bin/python" -c 'import stdnum, phonenumbers' >/dev/null 2>&1; then
  if [ ! -x "$PYENV/bin/python" ]; then
    say "python3 -m venv $PYENV (a private Python for the test oracles)"
    mkdir -p target
    python3 -m venv "$PYENV" >/dev/null 2>&1 || { say "apt: python3-venv"; apt_install python3-venv; python3 -m venv "$PYENV"; }
  fi
  say "pip install python-stdnum phonenumbers into $PYENV (differential test oracles)"
  "$PYENV/bin/python" -m pip install -q --disable-pip-version-check python-stdnum phonenumbers
else
  say "python-stdnum and phonenumbers present in $PYENV"
fi
say "done"
