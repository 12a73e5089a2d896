#!/usr/bin/env bash
# Installs whatever is missing, then builds Scorecard and serves it on http://127.0.0.1:8080
# (the "Try with sample data" button is on the first screen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
exec trunk serve --release=true --address 127.0.0.1 --port 8080
