#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: formatting and lints, the core's
# native tests, Yew component tests in headless Chromium, and end-to-end tests against
# the release build (screenshots land in target/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-tools.sh

# Chromium for the browser tests; LibreOffice (Writer, no GUI) reads the Word document back;
# unzip opens the downloaded .docx in the end-to-end test.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v soffice >/dev/null || ! command -v unzip >/dev/null; then
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver libreoffice-writer-nogui unzip
fi

export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The LibreOffice read-back of the Word document must run, not skip, here.
export SCORECARD_REQUIRE_SOFFICE=1
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

echo "== format and lints"
cargo fmt --all --check
# Natively: the calculator (with and without the workbook code) and the page's state.
cargo clippy --all-targets -- -D warnings
cargo clippy -p scorecard-core --no-default-features --all-targets -- -D warnings
# In Wasm: the page and the engine worker.
cargo clippy --target wasm32-unknown-unknown -p scorecard -p scorecard-engine --all-targets -- -D warnings
# The full engine (workbooks in and out) is a build of its own.
cargo clippy --target wasm32-unknown-unknown -p scorecard-engine --features full --all-targets -- -D warnings

echo "== core and state: native unit, integration and doc tests"
cargo test

echo "== fuzzing: every target for a bounded few thousand inputs"
STRICT=1 scripts/fuzz-smoke.sh

echo "== components: wasm-bindgen-test in headless Chromium"
# The app is started with the engine on the page's thread: the runner serves no worker script.
cargo test --target wasm32-unknown-unknown -p scorecard --test web

echo "== end to end: release build in Chromium"
trunk build --release=true
node --test --test-concurrency=1 tests/e2e/
