#!/usr/bin/env bash
# Runs small threaded programs on the free-threaded build under race
# detectors and fails if any reports a data race.
#
#   scripts/race_check.sh            # ThreadSanitizer (needs nightly Rust)
#   scripts/race_check.sh --helgrind # also valgrind's helgrind, for reference
#
# ThreadSanitizer is the verdict: the whole program, the standard library
# included (-Zbuild-std), is instrumented, so it sees every atomic operation
# and the order it gives. helgrind and drd see only pthread calls and their
# own annotations; the free-threaded build synchronises through atomics
# (reference counts, per-object spin locks, the standard library's futex
# locks), so they report races between atomic operations and on the data
# those operations order. The helgrind run prints its report counts, grouped by
# where they are, but does not decide the result.
#
# Both runs use the system allocator (feature `system-allocator`): the
# detectors see into malloc, not into mimalloc.
set -euo pipefail
cd "$(dirname "$0")/.."

programs=(
  tests/race/containers.py
  tests/race/objects.py
  tests/race/sync_primitives.py
  tests/stress/shared_containers.py
  tests/stress/attribute_sites.py
  tests/stress/condition_pingpong.py
  tests/stress/queue_many.py
  tests/stress/barrier_executor.py
)

target=$(rustc -vV | sed -n 's/^host: //p')
# Nightly Rust and its standard library sources (for -Zbuild-std).
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
rustup component add rust-src --toolchain nightly >/dev/null 2>&1 || true
echo "== building the free-threaded build with ThreadSanitizer"
RUSTFLAGS="-Zsanitizer=thread" CARGO_PROFILE_DEV_OPT_LEVEL=1 \
  cargo +nightly build -Zbuild-std --target "$target" \
  --features free-threading,system-allocator --target-dir target/tsan
tsan_bin=target/tsan/$target/debug/gilpy

failed=0
for p in "${programs[@]}"; do
  log=$(mktemp)
  if TSAN_OPTIONS="halt_on_error=0 exitcode=66" "$tsan_bin" "$p" >/dev/null 2>"$log"; then
    status=0
  else
    status=$?
  fi
  races=$(grep -c "WARNING: ThreadSanitizer" "$log" || true)
  echo "tsan  $p: exit $status, $races reports"
  if [ "$status" -ne 0 ] || [ "$races" -ne 0 ]; then
    failed=1
    sed -n '1,80p' "$log"
  fi
  rm -f "$log"
done

if [ "${1:-}" = "--helgrind" ]; then
  echo "== building the free-threaded build for valgrind"
  CARGO_TARGET_DIR=target/ft cargo build --features free-threading,system-allocator
  for p in "${programs[@]}"; do
    log=$(mktemp)
    valgrind --tool=helgrind --error-limit=no target/ft/debug/gilpy "$p" >/dev/null 2>"$log" || true
    echo "helgrind $p: $(grep -c 'Possible data race' "$log" || true) reports; innermost frames:"
    grep -A 3 "Possible data race" "$log" | sed -n 's/^==[0-9]*==    at 0x[0-9A-F]*: \([^ (]*\).*/\1/p' \
      | sort | uniq -c | sort -rn | sed -n '1,15p'
    rm -f "$log"
  done
fi

if [ "$failed" -ne 0 ]; then
  echo "race check FAILED"
  exit 1
fi
echo "race check passed: no ThreadSanitizer report"
