"""The demo's training: a mix of states at each school and read-and-sign half done."""

from datetime import date

import pytest
import time_machine

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.training.demo import load_demo_training
from earlyhelp.training.summary import summary_for_school
from tests.universe import make_user

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)


@time_machine.travel("2026-03-10 12:00Z", tick=False)
def test_each_school_has_current_due_soon_overdue_and_missing(universe):
    u = universe
    for name in ("amy", "ben", "cat"):
        grant_role(by=None, user=make_user(name, name.title(), "Demo"), role=Role.STAFF,
                   school=u.northfield)  # fmt: skip
    load_demo_training(today=TODAY)
    summary = summary_for_school(u.northfield, today=TODAY)
    assert summary.staff_count == 6
    totals = [sum(getattr(t, f) for t in summary.by_type) for f in ("current", "due_soon")]
    totals += [summary.overdue_items, sum(t.missing for t in summary.by_type)]
    assert all(totals), totals
    part_one = next(d for d in summary.read_and_sign if "Part one" in d.title)
    policy = next(d for d in summary.read_and_sign if d.title == "Child protection policy")
    assert (part_one.signed, part_one.expected) == (3, 6)
    assert (policy.signed, policy.expected) == (3, 6)
    southbank = summary_for_school(u.southbank, today=TODAY)
    assert southbank.staff_count == 1 and southbank.by_type
