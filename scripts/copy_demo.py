"""Copying files on a thread pool.

Writes a folder of files, then copies them with shutil.copyfile from a
ThreadPoolExecutor of 1, 2, 4 and 8 threads. Reads and writes release the
GIL, so what decides the speed-up is the disk (and the page cache), not
the interpreter; on a warm cache copying is mostly memory bandwidth.
"""
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

FILES = 64
FILE_BYTES = 2 * 1024 * 1024


def make_sources(folder):
    block = bytes(range(256)) * (FILE_BYTES // 256)
    paths = []
    for i in range(FILES):
        p = os.path.join(folder, f"src{i:03d}.bin")
        with open(p, "wb") as f:
            f.write(block)
        paths.append(p)
    return paths


def run(sources, dest, threads):
    os.makedirs(dest)
    jobs = [(p, os.path.join(dest, os.path.basename(p))) for p in sources]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda job: shutil.copyfile(*job), jobs))
    elapsed = time.perf_counter() - start
    copied = sum(os.path.getsize(d) for _, d in jobs)
    assert copied == FILES * FILE_BYTES, copied
    shutil.rmtree(dest)
    return elapsed


def gil_state():
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    return "on" if enabled else "off"


def main():
    print(f"{sys.version.split()[0]} {sys.version[sys.version.find('('):]}  GIL {gil_state()}")
    print(f"copying {FILES} files of {FILE_BYTES // (1024 * 1024)} MiB")
    print()
    print(f"{'threads':>8}{'elapsed (s)':>14}{'MiB/s':>10}{'speed-up':>10}")
    with tempfile.TemporaryDirectory() as folder:
        sources = make_sources(folder)
        base = None
        for n in (1, 2, 4, 8):
            elapsed = run(sources, os.path.join(folder, f"copy{n}"), n)
            base = base or elapsed
            mib = FILES * FILE_BYTES / (1024 * 1024) / elapsed
            print(f"{n:>8}{elapsed:>14.3f}{mib:>10.0f}{base / elapsed:>9.2f}x")


if __name__ == "__main__":
    main()
