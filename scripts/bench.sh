#!/usr/bin/env bash
# The benchmark (not part of the tests): parse + compute the same generated files natively,
# in the app's Wasm in headless Chromium, and with PapaParse in the same browser; then the
# file chosen through the page until the report is on screen. Prints medians and ratios.
#   scripts/bench.sh            40,000 rows and 1,000,000 rows, 5 runs each
#   scripts/bench.sh 40k        only the 40,000-row file
#   scripts/bench.sh 1m         only the 1,000,000-row file
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
mkdir -p target/bench
[ -f target/bench/40k.csv ] || python3 scripts/make_bench_data.py 1000 target/bench/40k.csv
case "${1:-all}" in
  40k) sizes=("40k") ;;
  1m) sizes=("1m") ;;
  *) sizes=("40k" "1m") ;;
esac
if [[ " ${sizes[*]} " == *" 1m "* ]]; then
  [ -f target/bench/1m.csv ] || python3 scripts/make_bench_data.py 25000 target/bench/1m.csv
fi
cargo build --release -p scorecard-core --example bench_native
trunk build --release=true >/dev/null
echo "| file | rows | native ms | Wasm ms | Wasm/native | Wasm first run ms | PapaParse parse ms | PapaParse+JS ms | PapaParse parse / file to screen | file to screen ms | longest page stall ms | native peak MB | Wasm memory MB | browser memory, file to screen, MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for s in "${sizes[@]}"; do
  f="target/bench/$s.csv"
  runs=5; [ "$s" = "1m" ] && runs=3
  native=$(target/release/examples/bench_native "$f" "$runs")
  browser=$(node bench/bench.mjs "$f" "$runs")
  python3 - "$f" "$native" "$browser" <<'PY'
import json, os, sys
f, n, b = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
lines = sum(1 for _ in open(f)) - 1
print(f"| {os.path.basename(f)} ({os.path.getsize(f) / 1e6:.1f} MB) | {lines:,} | {n['median_ms']:.0f} | {b['wasm_ms']:.0f} | "
      f"{b['wasm_ms'] / n['median_ms']:.2f} | {b['wasm_first_ms']:.0f} | {b['papa_parse_ms']:.0f} | {b['papa_total_ms']:.0f} | "
      f"{b['papa_parse_ms'] / b['screen_ms']:.2f} | {b['screen_ms']:.0f} | {b['stall_ms']} | {n['peak_rss_mb']:.0f} | {b['wasm_memory_mb']} | {b['screen_memory_mb']} |")
PY
done
# What a visitor downloads: the page (before any file; its hashed CSS, not help.css), then the small engine worker (once
# a CSV arrives), and the full engine (only for a workbook, in or out).
gz() { gzip -9 -c "$1" | wc -c; }
page=0; for f in dist/scorecard-*.wasm dist/scorecard-*.js dist/loader.js dist/*-*.css; do n=$(gz "$f"); page=$((page + n)); echo "gzip -9 $(basename "$f"): $n bytes"; done
engine() { local total=0 n f; for f in "dist/$1_bg.wasm" "dist/$1.js" "dist/$1_loader.js"; do n=$(gz "$f"); total=$((total + n)); echo "gzip -9 $(basename "$f"): $n bytes" >&2; done; echo "$total"; }
csv=$(engine engine_csv); full=$(engine engine_full)
echo "first download (page): $page bytes; after a CSV (page + small engine): $((page + csv)) bytes; the full engine (workbooks only): $full bytes"
