"""Benchmarks run by `make bench` (not part of `make test`): see bench/__main__.py."""
