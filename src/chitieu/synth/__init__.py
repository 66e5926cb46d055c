"""Synthetic datasets for scale tests and benchmarks (generated from a seed, never bundled)."""
