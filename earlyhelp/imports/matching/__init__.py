"""Match before create: find the directory record an imported service already is.

`rules.match_services` is pure (plain records in, matches out) so every rule has a unit
test; `pool.candidate_records` reads the few directory records worth comparing for a school.
"""
