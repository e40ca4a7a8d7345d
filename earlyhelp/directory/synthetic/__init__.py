"""A synthetic county-scale directory for load tests and benchmarks (`earlyhelp synth`)."""
