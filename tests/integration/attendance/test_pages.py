"""The attendance pages: register import, today's calls, a pupil's calendar and history."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.attendance.access import VIEWED
from earlyhelp.attendance.actions import CALL_RECORDED
from earlyhelp.attendance.models import DayMarks, FirstDayCall, MarkAmendment
from earlyhelp.audit.models import AuditEvent
from tests.concerns_universe import add_roll, signed_in
from tests.universe import make_user

OVERVIEW = "/staff/schools/northfield-primary/attendance/"
IMPORT = OVERVIEW + "import/"
TODAY = "2026-03-10 09:30Z"


@pytest.fixture
def roll(universe):
    return add_roll(universe)


@pytest.fixture
def officer(universe):
    user = make_user("olive", "Olive", "Marsh")
    grant_role(by=None, user=user, role=Role.ATTENDANCE_OFFICER, school=universe.northfield)
    return user


def upload(client, text, name="register.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def register(roll, amy_am="/", ben_am="N"):
    return (
        "upn,date,session,code\n"
        f"{roll.amy.upn},2026-03-09,AM,/\n{roll.amy.upn},2026-03-09,PM,\\\n"
        f"{roll.ben.upn},2026-03-09,AM,/\n{roll.ben.upn},2026-03-09,PM,\\\n"
        f"{roll.amy.upn},2026-03-10,AM,{amy_am}\n{roll.ben.upn},10/03/2026,am,{ben_am}\n"
    )


@time_machine.travel(TODAY, tick=False)
def test_officer_imports_then_sees_todays_calls(client, universe, roll, officer):
    signed_in(client, officer)
    html = upload(client, register(roll)).content.decode()
    assert "Register imported" in html
    assert "6 marks added, 0 amended, 0 unchanged" in html
    assert "added to the safeguarding team's tasks and the weekly meeting within a minute" in html
    html = client.get(OVERVIEW).content.decode()
    assert "First-day calls for 10 March 2026" in html
    assert "Ben Cross" in html and "Amy Bell" not in html


@time_machine.travel(TODAY, tick=False)
def test_bad_lines_are_all_listed_and_nothing_is_imported(client, universe, roll, officer):
    signed_in(client, officer)
    bad = register(roll, amy_am="H", ben_am="Y9")
    html = upload(client, bad).content.decode()
    assert "<title>Error: Import the register" in html
    assert "Nothing was imported: fix 2 lines" in html
    assert "Line 6: the code &#x27;H&#x27; was retired in August 2024" in html
    assert "Line 7: &#x27;Y9&#x27; is not an attendance code" in html
    assert not DayMarks.objects.exists()


def test_a_file_that_is_not_csv_is_refused(client, universe, officer):
    signed_in(client, officer)
    html = upload(client, "x", name="register.xlsx").content.decode()
    assert "The selected file must be a CSV" in html


@time_machine.travel(TODAY, tick=False)
def test_pupil_page_shows_the_calendar_and_the_amendment_history(client, universe, roll, officer):
    signed_in(client, officer)
    upload(client, register(roll))
    upload(client, register(roll, ben_am="I"))
    assert MarkAmendment.objects.count() == 1
    html = client.get(f"{OVERVIEW}{roll.ben.pk}/").content.decode()
    assert "Attendance: Ben Cross" in html
    assert "changed from <strong>N</strong> to <strong>I</strong> by Olive Marsh" in html
    assert "March 2026" in html
    assert "66.7%: persistent absence" in html  # 2 of 3 sessions attended
    assert "3: 2 attended, 1 authorised absence, 0 unauthorised absence" in html
    viewed = AuditEvent.objects.filter(action=VIEWED, object_id=str(roll.ben.pk))
    assert [e.details for e in viewed] == [{"page": "attendance"}]
    assert viewed.get().actor_name == "Olive Marsh"


@pytest.mark.parametrize("persona", ["dee", "officer"])
def test_dsl_and_officer_may_open_the_pages(client, universe, roll, officer, persona):
    user = officer if persona == "officer" else universe.dee
    signed_in(client, user)
    for url in (OVERVIEW, IMPORT, f"{OVERVIEW}{roll.amy.pk}/"):
        assert client.get(url).status_code == 200


def test_teacher_may_not_and_other_school_is_404_and_anonymous_signs_in(client, universe, roll):
    pages = (OVERVIEW, IMPORT, f"{OVERVIEW}{roll.amy.pk}/")
    for url in pages:
        assert client.get(url).status_code == 302
    signed_in(client, universe.tom)
    for url in pages:
        assert client.get(url).status_code == 403
    signed_in(client, universe.sam)
    for url in pages:
        assert client.get(url).status_code == 404


def test_a_pupil_of_another_school_is_404(client, universe, roll, officer):
    signed_in(client, officer)
    assert client.get(f"{OVERVIEW}{roll.dan.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(action=VIEWED).exists()


@time_machine.travel(TODAY, tick=False)
def test_first_day_calls_are_recorded_in_a_tap_and_leave_the_outstanding_list(
    client, universe, roll, officer
):
    signed_in(client, officer)
    upload(client, register(roll, amy_am="-", ben_am="N"))
    html = client.get(OVERVIEW).content.decode()
    assert "Still to do: 2" in html
    assert html.count("Not called yet") == 2
    call = f"{OVERVIEW}calls/{roll.ben.pk}/"
    response = client.post(call, {"outcome": "no_answer"})
    assert response.status_code == 302
    assert response["Location"] == f"{OVERVIEW}#call-{roll.ben.pk}"
    html = client.get(OVERVIEW).content.decode()
    assert "Still to do: 2" in html and "Last try: No answer at 09:30 (Olive Marsh)" in html
    client.post(call, {"outcome": "safe_and_well"})
    html = client.get(OVERVIEW).content.decode()
    assert "Still to do: 1" in html and "Done: 1" in html
    assert "Ben Cross</a>: Safe and well confirmed at 09:30 (Olive Marsh)" in html
    assert [c.outcome for c in FirstDayCall.objects.order_by("id")] == [
        "no_answer",
        "safe_and_well",
    ]
    events = AuditEvent.objects.filter(action=CALL_RECORDED)
    assert [e.details["outcome"] for e in events] == ["no_answer", "safe_and_well"]


def test_an_unknown_outcome_records_nothing_and_others_may_not_record(
    client, universe, roll, officer
):
    call = f"{OVERVIEW}calls/{roll.ben.pk}/"
    signed_in(client, officer)
    client.post(call, {"outcome": "shrug"})
    assert not FirstDayCall.objects.exists()
    assert client.get(call).status_code == 405
    signed_in(client, universe.tom)
    assert client.post(call, {"outcome": "no_answer"}).status_code == 403
    signed_in(client, universe.sam)
    assert client.post(call, {"outcome": "no_answer"}).status_code == 404
    assert not FirstDayCall.objects.exists()
