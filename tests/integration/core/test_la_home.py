"""The local authority's home: its officers land there, see each school's row with counts
under 5 suppressed (page and CSV), and every read is audited."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.attendance.models import DayMarks
from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.actions.episodes import step_up
from earlyhelp.core.la_home import SUPPRESSED
from earlyhelp.core.la_views import CSV_HEADER
from earlyhelp.offers.health import check_offer
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import LA_VIEWED
from earlyhelp.schools.actions import create_local_authority
from tests.early_help_universe import add_pupil, assessed, open_with_consent
from tests.signin import sign_in
from tests.universe import make_user

pytestmark = pytest.mark.django_db
HOME = reverse("la:home", args=["testshire"])
CSV = reverse("la:home_csv", args=["testshire"])
MONDAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _tuesday(time_machine):
    time_machine.move_to("2026-12-08 10:00Z", tick=False)


def pupils(school, first, count, serial):
    return [add_pupil(school, first, f"Pupil{n}", serial + n) for n in range(count)]


def mark(pupil: Pupil, code: str) -> None:
    DayMarks.objects.create(pupil=pupil, school=pupil.school, date=MONDAY, am=code, pm=code)


@pytest.fixture
def busy(universe):
    """Northfield: 6 open, 5 of them stepped up to level 4; 6 pupils with marks, 5 absent.
    Southbank: 2 open, 1 stepped up; 2 pupils with marks, 1 absent."""
    north = pupils(universe.northfield, "North", 6, 10)
    for n, pupil in enumerate(north):
        episode = assessed(pupil, universe.dee)
        if n < 5:
            step_up(episode=episode, summary="Needs more help.", by=universe.dee)
        mark(pupil, "O" if n < 5 else "/")
    south = pupils(universe.southbank, "South", 2, 40)
    step_up(episode=assessed(south[0], universe.sam), summary="Needs more.", by=universe.sam)
    open_with_consent(south[1], universe.sam)
    mark(south[0], "O")
    mark(south[1], "/")
    return universe


def test_anonymous_people_are_sent_to_sign_in(client, universe):
    for address in (HOME, CSV):
        response = client.get(address)
        assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_schools_dsl_and_another_authoritys_officer_get_404(client, universe):
    sign_in(client, universe.dee)
    assert client.get(HOME).status_code == 404
    assert client.get(CSV).status_code == 404
    other = make_county_named("Otherford")
    officer = make_user("otto", "Otto", "Field")
    grant_role(by=None, user=officer, role=Role.LA_OFFICER, local_authority=other)
    sign_in(client, officer)
    assert client.get(HOME).status_code == 404
    assert client.get(CSV).status_code == 404
    assert client.get(reverse("la:home", args=[other.slug])).status_code == 200


def make_county_named(name):
    return create_local_authority(
        by=None, name=name, front_door_name="Front Door",
        front_door_phone="+441134960011", out_of_hours_phone="+441134960012",
    )  # fmt: skip


def test_the_officer_lands_on_the_la_home_after_signing_in(client, universe):
    sign_in(client, universe.lara)
    response = client.get(reverse("staff:home"))
    assert response.status_code == 302 and response["Location"] == HOME
    page = client.get(HOME).content.decode()
    assert "Northfield Primary" in page and "Southbank Academy" in page
    assert "You do not hold a role" not in page


def test_each_school_row_with_counts_under_5_suppressed(client, busy):
    sign_in(client, busy.lara)
    page = client.get(HOME).content.decode()
    north, south = section(page, "Northfield Primary"), section(page, "Southbank Academy")
    assert value(north, "Open early help, Level 2: additional needs") == SUPPRESSED
    assert value(north, "Open early help, Level 4: specialist") == "5"
    assert value(north, "Step-ups to Family Front Door this school year") == "5"
    assert value(north, "Persistent absence (10% or more)") == "5 pupils (83.3%)"
    assert value(north, "Severe absence (50% or more)") == "5 pupils (83.3%)"
    assert "Offer health" in north and "error" in north
    assert "83.3%" not in south and "50.0%" not in south
    assert south.count("fewer than 5") == 7  # four levels, step-ups, two absence rows
    assert "Pupil0" not in page and "Pupil1" not in page  # no child named
    assert reverse("casework_la:overview", args=["testshire"]) in page


def value(section: str, key: str) -> str:
    start = section.index(f">{key}</dt>")
    start = section.index(">", section.index("<dd", start)) + 1
    return section[start : section.index("</dd>", start)]


def section(page: str, school: str) -> str:
    start = page.index(f">{school}</h2>")
    end = page.find('<div class="govuk-summary-card">', start)
    return page[start : end if end > 0 else len(page)]


def test_offer_health_is_the_health_checks_count(client, universe):
    findings = check_offer(universe.northfield.offer, today=date(2026, 12, 8))
    errors = sum(1 for f in findings if f.is_error)
    sign_in(client, universe.lara)
    north = section(client.get(HOME).content.decode(), "Northfield Primary")
    assert value(north, "Offer health").startswith(f"{errors} error")
    assert f"{len(findings) - errors} warning" in value(north, "Offer health")


def test_the_csv_has_the_header_and_one_suppressed_row_per_school(client, busy):
    sign_in(client, busy.lara)
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == CSV_HEADER
    north, south = rows[1], rows[2]
    assert north[0] == "Northfield Primary" and south[0] == "Southbank Academy"
    assert north[5:9] == [SUPPRESSED, SUPPRESSED, SUPPRESSED, "5"]  # open, by level
    assert north[9:] == ["5", "6", "5", "83.3", "5", "83.3"]  # step-ups, pupils, absence
    assert south[5:] == [SUPPRESSED] * 10
    assert len(rows) == 3


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(client, universe):
    universe.southbank.name = "=HYPERLINK(1)"
    universe.southbank.save()
    sign_in(client, universe.lara)
    rows = list(csv.reader(io.StringIO(client.get(CSV).content.decode())))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_every_read_is_audited(client, universe):
    sign_in(client, universe.lara)
    client.get(HOME)
    client.get(CSV)
    client.get(reverse("casework_la:overview", args=["testshire"]))
    events = AuditEvent.objects.filter(action=LA_VIEWED, actor_id=str(universe.lara.pk))
    assert [e.details["page"] for e in events.order_by("id")] == ["home", "home.csv", "casework"]
    assert {e.object_id for e in events} == {str(universe.county.pk)}


def test_a_dsl_still_sees_their_schools(client, universe):
    sign_in(client, universe.dee)
    page = client.get(reverse("staff:home")).content.decode()
    assert "Northfield Primary" in page and "Your local authorit" not in page
