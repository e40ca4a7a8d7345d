"""The weekly meeting page: the agenda for a date and a decision per item."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from earlyhelp.casework.models import EntryKind, MeetingDecision
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from tests.early_help_universe import add_pupil, sign_in

pytestmark = pytest.mark.django_db
ADDRESS = reverse("casework:meeting", args=["northfield-primary", "2026-11-09"])


def concern(universe, by, pupil, at):
    with time_machine.travel(at, tick=False):
        log_concern(
            school=universe.northfield,
            details=ConcernDetails(
                account="Upset at lunch.", occurred_at=datetime.fromisoformat(at)
            ),
            pupils=[Involved(pupil)],
            by=by,
        )


def test_who_may_see_the_meeting(client, universe):
    assert client.get(ADDRESS).status_code == 302
    sign_in(client, universe.tom)
    assert client.get(ADDRESS).status_code == 403
    sign_in(client, universe.sam)
    assert client.get(ADDRESS).status_code == 404
    sign_in(client, universe.dee)
    assert (
        client.get(reverse("casework:meeting", args=["northfield-primary", "nope"])).status_code
        == 404
    )


def test_a_decision_per_item_goes_into_the_chronology(client, universe, children):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    concern(universe, universe.ed, children.ben, "2026-11-06T10:00+00:00")
    sign_in(client, universe.dee)
    page = client.get(ADDRESS).content.decode()
    assert "Pattern alerts (1)" in page and "New concerns (2)" in page
    key = f"pattern-{children.ben.pk}-2026-11-09"
    response = client.post(
        ADDRESS, {"which": key, f"{key}-item": key, f"{key}-decision": "Call dad."}
    )
    assert response.status_code == 302
    assert MeetingDecision.objects.get().item_key == key
    assert children.ben.chronology_entries.filter(kind=EntryKind.MEETING).count() == 1
    again = client.get(ADDRESS).content.decode()
    assert "Call dad." in again


def test_an_empty_decision_is_an_error(client, universe, children):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    sign_in(client, universe.dee)
    key = (
        client.get(ADDRESS).content.decode().split('name="which" value="concern-')[1].split('"')[0]
    )
    key = f"concern-{key}"
    page = client.post(ADDRESS, {"which": key, f"{key}-item": key, f"{key}-decision": ""})
    assert page.status_code == 200
    assert "Enter the decision" in page.content.decode()


def test_attendees_are_saved(client, universe):
    sign_in(client, universe.dee)
    client.post(ADDRESS, {"which": "attendees", "attendees": "Dee Lane\nTom Webb"})
    assert "Tom Webb" in client.get(ADDRESS).content.decode()


def test_the_agenda_without_n_plus_1(client, universe, django_assert_max_num_queries):
    for n in range(5):
        pupil = add_pupil(universe.northfield, f"Kid{n}", "Test", 20 + n)
        concern(universe, universe.tom, pupil, "2026-11-05T10:00+00:00")
        concern(universe, universe.ed, pupil, "2026-11-06T10:00+00:00")
    sign_in(client, universe.dee)
    with django_assert_max_num_queries(20):
        page = client.get(ADDRESS)
    assert "Pattern alerts (5)" in page.content.decode()
    assert date(2026, 11, 9)
