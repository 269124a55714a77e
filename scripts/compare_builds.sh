#!/usr/bin/env bash
# Builds gilpy with and without the GIL and runs the same workloads on both:
# the demo table, then the shared GIL benchmarks (if ../shared/bench exists).
#   scripts/compare_builds.sh            # demo only
#   scripts/compare_builds.sh --bench    # also the thread benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
CARGO_TARGET_DIR=target/ft cargo build --release --features free-threading
gil=target/release/gilpy
ft=target/ft/release/gilpy
for bin in "$gil" "$ft" "$ft -X gil=1"; do
  echo "===== $bin"
  $bin scripts/demo.py
  echo
done
if [ "${1:-}" = "--bench" ] && [ -x ../shared/bench/run ]; then
  ../shared/bench/run --no-cpu python3 "$gil" "$ft" "$ft -X gil=1"
fi
