"""The local authority's attendance page: per-school rates with small counts suppressed, the
children notified as missing education by name and no one else, its officers only."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.attendance.actions import (
    MISSING_EDUCATION_NOTIFIED,
    NoticeRefused,
    import_marks,
    notify_missing_education,
)
from earlyhelp.attendance.la_views import CSV_HEADER
from earlyhelp.attendance.models import MissingEducationNotice
from earlyhelp.attendance.register import Mark
from earlyhelp.audit.models import AuditEvent
from earlyhelp.records.models import Task, TaskKind
from earlyhelp.schools.access import LA_VIEWED
from tests.early_help_universe import add_pupil
from tests.integration.core.test_la_home import make_county_named
from tests.signin import sign_in
from tests.universe import make_user
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
PAGE = reverse("attendance_la:overview", args=["testshire"])
CSV = reverse("attendance_la:csv", args=["testshire"])
SCHOOL = reverse("attendance:overview", args=["northfield-primary"])
# Two school weeks: Monday 16 to Friday 27 November 2026.
DAYS = [date(2026, 11, 16) + timedelta(days=n) for n in range(12) if n % 7 < 5]


@pytest.fixture(autouse=True)
def _friday(time_machine):
    time_machine.move_to("2026-11-27 16:00Z", tick=False)


def register(school, pupils_codes):
    """Each pupil's code for each of the ten days (one letter: the same every day)."""
    marks = [
        Mark(n, pupil.upn, day, session, code)
        for n, (pupil, code, day, session) in enumerate(
            (p, (c * 10)[i], d, s)
            for p, c in pupils_codes
            for i, d in enumerate(DAYS)
            for s in ("AM", "PM")
        )
    ]
    import_marks(school=school, marks=marks, by=None)
    run_worker()  # the alerts


@pytest.fixture
def absences(universe):
    """Northfield: 7 pupils, 6 persistently absent, 5 of them severely (truant two weeks:
    missing education). Southbank: 3 pupils, 1 missing education."""
    north = [add_pupil(universe.northfield, "North", f"Pupil{n}", 10 + n) for n in range(7)]
    codes = ["O"] * 5 + ["II////////", "/"]  # one ill two days of ten: 80 %
    register(universe.northfield, list(zip(north, codes, strict=True)))
    south = [add_pupil(universe.southbank, "South", f"Pupil{n}", 40 + n) for n in range(3)]
    register(universe.southbank, list(zip(south, ["O", "/", "/"], strict=True)))
    return north, south


def test_officer_sees_rates_suppressed_under_five_and_only_notified_names(
    client, universe, absences
):
    north, south = absences
    notify_missing_education(pupil=north[0], first_day=DAYS[0], by=universe.dee)
    sign_in(client, universe.lara)
    page = client.get(PAGE).content.decode()
    assert "Attendance in your schools" in page
    northfield = page[page.index("Northfield Primary</h3>") :]
    assert "6 pupils (85.7%)" in northfield  # persistent: 6 of 7
    assert "5 pupils (71.4%)" in northfield  # severe: the 5 truants
    southbank = page[page.index("Southbank Academy</h3>") :]
    assert southbank.count("fewer than 5") == 4  # pupils, persistent, severe, runs
    assert "North Pupil0" in page and f"UPN {north[0].upn}" in page
    assert "16 November 2026" in page and "by Dee" in page
    for pupil in [*north[1:], *south]:
        assert pupil.display_name not in page


def test_the_csv_suppresses_the_same_counts(client, universe, absences):
    sign_in(client, universe.lara)
    response = client.get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == CSV_HEADER
    assert rows[1] == ["Northfield Primary", "7", "6", "85.7", "5", "71.4", "5", "0"]
    assert rows[2] == ["Southbank Academy", *["fewer than 5"] * 6, "0"]


def test_another_authoritys_officer_and_school_staff_get_404(client, universe, absences):
    for person in (universe.dee, universe.tom):
        sign_in(client, person)
        assert client.get(PAGE).status_code == 404
        assert client.get(CSV).status_code == 404
    other = make_county_named("Otherford")
    officer = make_user("otto", "Otto", "Field")
    grant_role(by=None, user=officer, role=Role.LA_OFFICER, local_authority=other)
    sign_in(client, officer)
    assert client.get(PAGE).status_code == 404
    page = client.get(reverse("attendance_la:overview", args=[other.slug])).content.decode()
    assert "North Pupil" not in page and "Northfield" not in page


def test_each_opening_is_audited_and_the_la_home_links_here(client, universe):
    sign_in(client, universe.lara)
    client.get(PAGE)
    client.get(CSV)
    pages = AuditEvent.objects.filter(action=LA_VIEWED).values_list("details__page", flat=True)
    assert list(pages) == ["attendance", "attendance.csv"]
    assert PAGE in client.get(reverse("la:home", args=["testshire"])).content.decode()


def test_the_school_notifies_from_its_list_once_and_the_task_closes(client, universe, absences):
    north, _ = absences
    sign_in(client, universe.dee)
    html = client.get(SCHOOL).content.decode()
    assert html.count("Notify the local authority<span") == 5
    url = reverse("attendance:notify", args=["northfield-primary", north[0].pk])
    response = client.post(url, {"first_day": "2026-11-16"})
    assert response["Location"] == f"{SCHOOL}#missing-{north[0].pk}"
    client.post(url, {"first_day": "2026-11-16"})  # a second tap adds nothing
    client.post(url, {"first_day": "not a day"})
    notice = MissingEducationNotice.objects.get()
    assert (notice.pupil, notice.local_authority, notice.first_day) == (
        north[0],
        universe.county,
        DAYS[0],
    )
    task = Task.objects.get(pupil=north[0], kind=TaskKind.CME_NOTIFY)
    assert task.done_by == universe.dee and task.done_at == notice.notified_at
    assert AuditEvent.objects.filter(action=MISSING_EDUCATION_NOTIFIED).count() == 1
    html = client.get(SCHOOL).content.decode()
    assert html.count("Notify the local authority<span") == 4
    assert "Local authority notified</strong> on 27 November 2026 by Dee" in html


def test_a_day_that_starts_no_run_is_refused(universe, absences):
    north, _ = absences
    with pytest.raises(NoticeRefused, match="no run of missing education"):
        notify_missing_education(pupil=north[6], first_day=DAYS[0], by=universe.dee)
    with pytest.raises(NoticeRefused, match="no run"):
        notify_missing_education(pupil=north[0], first_day=DAYS[1], by=universe.dee)
    assert not MissingEducationNotice.objects.exists()
