"""Benchmarks: each reports ratios against a peer or the raw engine measured in the same run."""
