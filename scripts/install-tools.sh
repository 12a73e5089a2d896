#!/usr/bin/env bash
# Installs what building Scorecard needs and is missing: the wasm32 target,
# trunk, the wasm-bindgen CLI that matches Cargo.lock, and (through npm) a
# wasm-opt new enough for rustc 1.95 plus playwright-core for the browser tests.
# Versions and why: ../shared/TOOLCHAIN.md. Safe to run again; it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback

have() { "$1" --version 2>/dev/null | grep -q "$2"; }

rustup target list --installed | grep -q wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

# trunk 0.22 needs a newer rustc than this toolchain; 0.21.14 fits.
have trunk 0.21.14 || cargo install --locked trunk@0.21.14

# The CLI must match the wasm-bindgen crate pinned in Cargo.toml exactly.
# Its own lock file names a crate the registry lacks, hence no --locked.
have wasm-bindgen 0.2.130 || cargo install wasm-bindgen-cli --version 0.2.130

# From npm, pinned in tools/package-lock.json: wasm-opt (binaryen 132), playwright-core,
# axe-core (accessibility check) and papaparse (the benchmark's JavaScript baseline).
if ! (cd tools && npm ls --depth=0 >/dev/null 2>&1) || [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  (cd tools && npm ci --no-audit --no-fund)
fi
