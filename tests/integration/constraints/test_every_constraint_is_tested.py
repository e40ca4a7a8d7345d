"""Every database constraint of every earlyhelp model has a test that breaks it: a new
CheckConstraint or UniqueConstraint fails here until a `refused(<its name>, ...)` call
(tests/constraints.py) shows the database refusing a row that breaks it."""

import re
from pathlib import Path

from tests.constraints import all_constraints

TESTS = Path(__file__).resolve().parents[2]
REFUSED = re.compile(r'refused\(\s*"([a-z0-9_]+)"')


def constraints_broken_by_a_test() -> set[str]:
    return {name for path in TESTS.rglob("test_*.py") for name in REFUSED.findall(path.read_text())}


def test_every_constraint_is_broken_by_a_test():
    declared = set(all_constraints())
    assert len(declared) >= 50
    assert sorted(declared - constraints_broken_by_a_test()) == []


def test_no_test_names_a_constraint_that_does_not_exist():
    assert sorted(constraints_broken_by_a_test() - set(all_constraints())) == []
