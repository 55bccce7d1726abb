"""Shared set-up for the benchmarks (a package, so ``make bench`` does not run it)."""
