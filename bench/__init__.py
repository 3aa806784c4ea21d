"""Benchmarks (``make bench``); not part of the plugin package."""
