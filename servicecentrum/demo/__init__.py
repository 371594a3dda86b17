"""Demo data for trying the product and for benchmarks."""
