#!/usr/bin/env bash
# Seeing the GIL, after David Beazley's "Understanding the Python GIL" (2010):
# the same CPU-bound and I/O-bound work split over 1, 2, 4 and 8 threads on
# the GIL build, the free-threaded build, and the free-threaded build with
# the GIL turned back on (-X gil=1).
#
#   scripts/compare_gil.sh OUTDIR
#
# Writes OUTDIR/results.csv (every run), OUTDIR/results.md (a table of the
# fastest run of each: elapsed seconds and speed-up over one thread) and
# OUTDIR/speedup.svg (speed-up against thread count, one line per build,
# one panel per workload). Progress goes to stderr.
# Environment: RUNS (runs per configuration, default 3), THREADS (default
# "1 2 4 8"), SCALE (multiplies the work, default 1), NO_BUILD=1 to use the
# binaries already built.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$here"
runs="${RUNS:-3}"
threads="${THREADS:-1 2 4 8}"
scale="${SCALE:-1}"
start=$SECONDS

if [ "${NO_BUILD:-}" != 1 ]; then
  echo "== building the GIL build (target/release)" >&2
  cargo build --release --bin gilpy --bin gilplot >&2
  echo "== building the free-threaded build (target/ft/release)" >&2
  CARGO_TARGET_DIR=target/ft cargo build --release --features free-threading --bin gilpy >&2
  echo "== built in $((SECONDS - start)) s" >&2
fi
gil=target/release/gilpy
ft=target/ft/release/gilpy
plot=target/release/gilplot
for b in "$gil" "$ft" "$plot"; do
  [ -x "$b" ] || { echo "$0: $b is missing" >&2; exit 1; }
done

# label|command
builds=(
  "GIL build|$gil"
  "free-threaded|$ft"
  "free-threaded -X gil=1|$ft -X gil=1"
)
csv="$out/results.csv"
echo "workload,build,threads,elapsed" >"$csv"
for workload in cpu io; do
  case $workload in
    cpu) name=CPU-bound ;;
    io) name=I/O-bound ;;
  esac
  for entry in "${builds[@]}"; do
    label="${entry%%|*}"
    cmd="${entry#*|}"
    for n in $threads; do
      for ((r = 1; r <= runs; r++)); do
        # shellcheck disable=SC2086 # $cmd holds the binary and its options
        t=$($cmd scripts/compare_workload.py "$workload" "$n" "$scale")
        echo "$name,$label,$n,$t" >>"$csv"
        printf '%-10s %-24s %d thread(s), run %d/%d: %s s\n' \
          "$name" "$label" "$n" "$r" "$runs" "$t" >&2
      done
    done
  done
done

"$plot" "$csv" "$out"
echo "== done in $((SECONDS - start)) s: $out/results.md, $out/speedup.svg" >&2
cat "$out/results.md"
