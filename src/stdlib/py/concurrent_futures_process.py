"""concurrent.futures.process: the process-pool executor."""

from concurrent.futures import BrokenProcessPool, ProcessPoolExecutor
