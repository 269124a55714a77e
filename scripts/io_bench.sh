#!/bin/sh
# Compares the I/O workloads of io_bench.py between python3 and the given
# gilpy binaries, in one run: each interpreter runs the script RUNS times
# (default 3); the table shows the median wall-clock time per workload and
# its ratio to python3's, then the same for CPU time.
#
#     scripts/io_bench.sh target/release/gilpy [OTHER_BINARY...]
#     RUNS=5 scripts/io_bench.sh target/release/gilpy
#     SCRIPT=models_bench.py scripts/io_bench.sh target/release/gilpy
#
# SCRIPT (a script in this folder with the same output) chooses the
# workloads: models_bench.py has those of processes and asyncio.
set -eu
if [ $# -eq 0 ]; then
    echo "usage: $0 BINARY..." >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for interp in python3 "$@"; do
    i=0
    while [ "$i" -lt "$runs" ]; do
        "$interp" "$here/${SCRIPT:-io_bench.py}" | sed "s|^|$interp |" >>"$out"
        i=$((i + 1))
    done
done
python3 - "$out" python3 "$@" <<'PY'
import statistics, sys
path, interps = sys.argv[1], sys.argv[2:]
times = {}
for line in open(path):
    interp, name, wall, cpu = line.rsplit(None, 3)
    by = times.setdefault(name, {}).setdefault(interp, ([], []))
    by[0].append(float(wall))
    by[1].append(float(cpu))
width = max(len(n) for n in times) + 2
for k, what in ((0, "wall-clock"), (1, "CPU")):
    print(f"median {what} time of {len(by[0])} runs")
    head = f"{'workload':<{width}}"
    head += "".join(f"{i.split('/')[-1]:>12}" for i in interps)
    head += "".join(f"{'ratio':>8}" for _ in interps[1:])
    print(head)
    for name, by_interp in times.items():
        med = [statistics.median(by_interp[i][k]) for i in interps]
        row = f"{name:<{width}}" + "".join(f"{m:>11.3f}s" for m in med)
        row += "".join(f"{m / med[0]:>7.2f}x" for m in med[1:])
        print(row)
    print()
PY
