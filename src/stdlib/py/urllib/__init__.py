"""The `urllib` package: `parse`, `request`, `response` and `error`."""
