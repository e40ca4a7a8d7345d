"""The demo's staff training (issue 15): every demo school has current, due-soon, overdue
and missing training, and KCSIE Part one signed by about half its staff."""

from django.utils import timezone

from earlyhelp.schools.models import School
from earlyhelp.training.summary import summary_for_school


def test_each_demo_school_has_a_mix_and_read_and_sign_half_done(demo):
    today = timezone.localdate()
    schools = list(School.objects.order_by("name"))
    assert len(schools) == 3
    for school in schools:
        summary = summary_for_school(school, today=today)
        states = [sum(getattr(t, f) for t in summary.by_type) for f in ("current", "due_soon")]
        states += [summary.overdue_items, sum(t.missing for t in summary.by_type)]
        assert all(states), (school.name, states)
        part_one = next(d for d in summary.read_and_sign if "Part one" in d.title)
        assert 0 < part_one.signed < part_one.expected, (school.name, part_one)
