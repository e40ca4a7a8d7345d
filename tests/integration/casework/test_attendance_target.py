"""An early help plan's attendance target (issue 13), and each review showing progress."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.register import read_register
from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.csvfile import read_csv
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import list_entries
from tests.early_help_universe import open_with_consent, sign_in

pytestmark = pytest.mark.django_db
# Two school weeks, Monday 19 October to Friday 30 October 2026: 20 possible sessions.
DAYS = [date(2026, 10, 19) + timedelta(days=n) for n in range(12) if n % 7 < 5]


def url(name, pupil):
    return reverse(f"children:{name}", args=[pupil.school.slug, pupil.pk])


def register_for(school, pupil: Pupil, *, ill: int) -> None:
    """The child ill (authorised, `I`) for the first `ill` sessions, present otherwise."""
    lines = ["upn,date,session,code"]
    for n, day in enumerate(DAYS):
        for s, session in enumerate(("AM", "PM")):
            lines.append(f"{pupil.upn},{day},{session},{'I' if 2 * n + s < ill else '/'}")
    data = ("\n".join(lines) + "\n").encode()
    marks = read_register(read_csv(data, max_bytes=len(data) + 1), roll={pupil.upn})
    import_marks(school=school, marks=marks, by=None)


def review(client, pupil, held_on: date):
    fields = {"held_on_0": held_on.day, "held_on_1": held_on.month, "held_on_2": held_on.year}
    return client.post(
        url("early-help-review", pupil), {"outcome": "no_change", "scale": "5", **fields}
    )


@time_machine.travel("2026-11-02 10:00Z", tick=False)
def test_a_review_shows_the_childs_attendance_against_the_plans_target(client, universe, children):
    ava = children.ava
    episode = open_with_consent(ava, universe.dee)
    register_for(universe.northfield, ava, ill=3)  # 17 of 20 sessions: 85.0 %
    sign_in(client, universe.dee)
    assert "None set" in client.get(url("early-help", ava)).content.decode()

    saved = client.post(url("early-help-attendance-target", ava), {"target": "95"})
    assert saved.status_code == 302
    episode.refresh_from_db()
    assert str(episode.attendance_target) == "95.0"
    assert (
        AuditEvent.objects.filter(action=AuditAction.EARLY_HELP_ATTENDANCE_TARGET_SET).count() == 1
    )
    assert any("Attendance target: 95" in e.summary for e in list_entries(ava))

    review(client, ava, date(2026, 11, 2))
    page = client.get(url("early-help", ava)).content.decode()
    assert "95.0% of sessions" in page
    assert "Attendance this school year: 85.0% (target 95.0%, not met)" in page


@time_machine.travel("2026-11-02 10:00Z", tick=False)
def test_a_target_met_and_a_review_without_a_register(client, universe, children):
    ava, ben = children.ava, children.ben
    open_with_consent(ava, universe.dee)
    open_with_consent(ben, universe.dee)
    register_for(universe.northfield, ava, ill=1)  # 19 of 20: 95.0 %, exactly the target
    sign_in(client, universe.dee)
    client.post(url("early-help-attendance-target", ava), {"target": "95"})
    review(client, ava, date(2026, 11, 2))
    assert "95.0% (target 95.0%, met)" in client.get(url("early-help", ava)).content.decode()
    review(client, ben, date(2026, 11, 2))  # no register for Ben: no attendance line
    assert "Attendance this school year" not in client.get(url("early-help", ben)).content.decode()


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("ninety", "Enter the target as a number, like 95"),
        ("101", "The target must be between 1 and 100"),
        ("0", "The target must be between 1 and 100"),
        ("92.55", "Enter the target with at most one decimal place"),
    ],
)
def test_a_bad_target_is_refused_and_nothing_saved(client, universe, children, typed, error):
    episode = open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.dee)
    page = client.post(url("early-help-attendance-target", children.ava), {"target": typed})
    assert page.status_code == 200
    assert error in page.content.decode() and "<title>Error: " in page.content.decode()
    episode.refresh_from_db()
    assert episode.attendance_target is None


def test_a_target_is_removed_by_leaving_it_blank(client, universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.dee)
    client.post(url("early-help-attendance-target", children.ava), {"target": "90"})
    client.post(url("early-help-attendance-target", children.ava), {"target": ""})
    episode.refresh_from_db()
    assert episode.attendance_target is None
    assert "None set" in client.get(url("early-help", children.ava)).content.decode()


def test_a_teacher_cannot_set_a_target(client, universe, children):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.tom)
    response = client.post(url("early-help-attendance-target", children.ava), {"target": "90"})
    assert response.status_code in (403, 404)
