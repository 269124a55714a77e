"""Fake downloads on a thread pool: the waits overlap."""
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

URLS = [f"https://example.com/page/{i}" for i in range(12)]


def download(url):
    time.sleep(0.1)  # stands in for network latency; releases the GIL
    if url.endswith("7"):
        raise ConnectionError(f"{url} timed out")
    return url, len(url) * 100


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=6) as pool:
    futures = [pool.submit(download, url) for url in URLS]
    for future in as_completed(futures):
        try:
            url, size = future.result()
            print(f"fetched {url} ({size} bytes)")
        except ConnectionError as e:
            print(f"failed: {e}")
elapsed = time.perf_counter() - start
print(f"{len(URLS)} downloads of 0.1 s each took {elapsed:.2f} s with 6 threads")
