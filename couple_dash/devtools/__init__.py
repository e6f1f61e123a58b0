"""Tools for tests and benchmarks (like ``reflex.testing``): never imported by the running app."""
