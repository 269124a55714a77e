"""A worker exception that cannot be unpickled in the parent breaks the
executor (BrokenProcessPool) instead of leaving its future waiting for ever."""
from concurrent.futures import ProcessPoolExecutor
class KwErr(Exception):
    def __init__(self, *, code): super().__init__(f"code {code}")
def f(): raise KwErr(code=3)
def g(x): return x * 2
if __name__ == "__main__":
    with ProcessPoolExecutor(1) as ex:
        try: ex.submit(f).result()
        except Exception as e: print(type(e).__name__)
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(g, range(5))))
