#!/usr/bin/env bash
# Seeing the GIL, after David Beazley's "Understanding the Python GIL" (2010):
# the same CPU-bound and I/O-bound work split over 1, 2, 4 and 8 threads on
# the GIL build, the free-threaded build, and the free-threaded build with
# the GIL turned back on (-X gil=1); and, for the two other answers to the
# GIL, over as many processes (multiprocessing) and asyncio tasks on the GIL
# build.
#
#   scripts/compare_gil.sh OUTDIR
#
# Writes OUTDIR/results.csv (every run), OUTDIR/results.md (a table of the
# fastest run of each: elapsed seconds and speed-up over one worker) and
# OUTDIR/speedup.svg (speed-up against the number of workers, one line per
# build and model, one panel per workload). Progress goes to stderr.
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

gil=target/release/gilpy
ft=target/ft/release/gilpy
plot=target/release/gilplot
if [ "${NO_BUILD:-}" != 1 ]; then
  # Both builds share one target folder, so the dependencies compile once;
  # the binaries are copied out of it as each build finishes.
  mkdir -p "$out/bin"
  echo "== building the GIL build" >&2
  cargo build --release --bin gilpy --bin gilplot >&2
  cp target/release/gilpy target/release/gilplot "$out/bin/"
  echo "== building the free-threaded build" >&2
  cargo build --release --features free-threading --bin gilpy >&2
  cp target/release/gilpy "$out/bin/gilpy-ft"
  # Leave target/release/gilpy as the GIL build, as a reader expects.
  cargo build --release --bin gilpy >&2
  echo "== built in $((SECONDS - start)) s" >&2
  gil="$out/bin/gilpy"
  ft="$out/bin/gilpy-ft"
  plot="$out/bin/gilplot"
fi
for b in "$gil" "$ft" "$plot"; do
  [ -x "$b" ] || { echo "$0: $b is missing" >&2; exit 1; }
done

# label|model|command
builds=(
  "GIL build|threads|$gil"
  "free-threaded|threads|$ft"
  "free-threaded -X gil=1|threads|$ft -X gil=1"
  "processes (GIL build)|processes|$gil"
  "asyncio (GIL build)|asyncio|$gil"
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
    rest="${entry#*|}"
    model="${rest%%|*}"
    cmd="${rest#*|}"
    for n in $threads; do
      for ((r = 1; r <= runs; r++)); do
        # shellcheck disable=SC2086 # $cmd holds the binary and its options
        t=$($cmd scripts/compare_workload.py "$workload" "$n" "$scale" "$model")
        echo "$name,$label,$n,$t" >>"$csv"
        printf '%-10s %-24s %d worker(s), run %d/%d: %s s\n' \
          "$name" "$label" "$n" "$r" "$runs" "$t" >&2
      done
    done
  done
done

"$plot" "$csv" "$out"
echo "== done in $((SECONDS - start)) s: $out/results.md, $out/speedup.svg" >&2
cat "$out/results.md"
