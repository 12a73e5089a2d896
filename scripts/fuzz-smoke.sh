#!/usr/bin/env bash
# A bounded fuzz run for CI: every target in fuzz/ runs RUNS inputs (3000 by default),
# starting from its seeds, with a fixed seed so a run can be repeated. It shows the
# targets still build and run, and catches a crash a few thousand mutations away; it is
# not a fuzzing campaign (see README, Fuzzing).
#
#   scripts/fuzz-smoke.sh            # installs cargo-fuzz 0.13.2 where it is missing
#   RUNS=20000 scripts/fuzz-smoke.sh
#
# The fuzz crate is a workspace of its own, built in FUZZ_TARGET_DIR (default
# target/fuzz). Known reader failures are listed in tests/fixtures/hostile/classes.tsv;
# a crash here names its input under fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${RUNS:-3000}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$root/target/fuzz}"

# The fuzzer driver (fuzz/ builds on the stable toolchain with --sanitizer none).
cargo fuzz --version 2>/dev/null | grep -q 0.13.2 \
  || cargo install --locked cargo-fuzz --version 0.13.2

cd fuzz
start=$(date +%s)
cargo fuzz build --sanitizer none -O
echo "== built in $(( $(date +%s) - start )) s"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# target, then its seed directories. The hostile classes are not seeds: many are known
# failures (classes.tsv) and would stop the run at its first input.
run() {
  local target="$1"
  shift
  mkdir -p "$work/$target"
  local t0 status
  t0=$(date +%s)
  set +e
  cargo fuzz run --sanitizer none -O "$target" "$work/$target" "$@" -- \
    -runs="$runs" -seed=1 -timeout=10 -rss_limit_mb=2048 >"$work/$target.log" 2>&1
  status=$?
  set -e
  # libFuzzer's chatter is long; its last count, and what went wrong if anything did.
  grep -E "DONE|ERROR|panicked at|allocation of|SUMMARY|Test unit" "$work/$target.log" || tail -5 "$work/$target.log"
  echo "== $target: $runs runs in $(( $(date +%s) - t0 )) s, exit $status"
  return "$status"
}

failed=0
run read_any "$root/tests/fixtures/samples" "$root/tests/fixtures/xlsx" || failed=1
run read_csv_rows "$root/tests/fixtures/samples" || failed=1
run share_decode seeds/share_decode || failed=1
# xlsx_structure soon writes a cell reference far past column XFD or a shared-string
# count of four billion: open classes in classes.tsv (cell-reference-beyond-xfd.xlsx,
# shared-strings-4-billion.xlsx). Until the reader is fixed its crash is reported, not
# failed on; STRICT=1 fails on it (set it in CI once those rows are `fixed`).
if ! run xlsx_structure seeds/xlsx_structure; then
  if [ "${STRICT:-0}" = 1 ]; then
    failed=1
  else
    echo "== xlsx_structure: a crash, likely a known open class (classes.tsv); not failing without STRICT=1"
  fi
fi
echo "== all targets in $(( $(date +%s) - start )) s"
exit "$failed"
