"""Benchmarks: each ``*_bench.py`` module measures one part against a peer in the same run."""
