"""The concurrent package: gilpy provides only its submodule
concurrent.futures (the file concurrent_futures.py)."""
