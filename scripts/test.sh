#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: formatting and lints, the core's
# native tests, Yew component tests in headless Chromium, and end-to-end tests against
# the release build (screenshots land in target/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-tools.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --features inline-engine -- -D warnings

echo "== core: native unit, integration and doc tests"
cargo test

echo "== components: wasm-bindgen-test in headless Chromium"
# The component tests run the engine on the page's thread: their runner serves no worker script.
cargo test --target wasm32-unknown-unknown --test web --features inline-engine

echo "== end to end: release build in Chromium"
trunk build --release=true
node --test --test-concurrency=1 tests/e2e/
