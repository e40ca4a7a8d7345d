"""The weekly meeting page: the agenda for a date as one form, a decision per item."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from earlyhelp.casework.models import MeetingDecision
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern, triage_concern
from earlyhelp.concerns.models import Concern, Outcome, Part
from earlyhelp.records.models import EntryKind
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
    assert page.count("Save the decisions") == 1 and "Record the decision" not in page
    key = f"pattern-{children.ben.pk}-2026-11-09"
    response = client.post(
        ADDRESS, {f"{key}-decision": "Call dad.", f"{key}-reason": "Two staff worried."}
    )
    assert response.status_code == 302
    assert MeetingDecision.objects.get().item_key == key
    assert children.ben.chronology_entries.filter(kind=EntryKind.MEETING).count() == 1
    again = client.get(ADDRESS).content.decode()
    assert "Call dad. Reason: Two staff worried." in again
    assert "Pattern alerts (0)" in again and "Decided (1)" in again
    assert "1 decision saved." in again


def keys(client):
    page = client.get(ADDRESS).content.decode()
    return [part.split('"')[0] for part in page.split('id="concern-')[1:]]


def test_two_typed_decisions_are_saved_in_one_submit(client, universe, children):
    concern(universe, universe.tom, children.ava, "2026-11-05T10:00+00:00")
    cai = add_pupil(universe.northfield, "Cai", "Rowe", 31)
    concern(universe, universe.tom, cai, "2026-11-06T10:00+00:00")
    sign_in(client, universe.dee)
    ava, cai_key = (f"concern-{key}" for key in keys(client))
    response = client.post(
        ADDRESS,
        {
            "attendees": "Dee Lane",
            f"{ava}-decision": "Monitor at lunch.",
            f"{ava}-reason": "First worry.",
            f"{cai_key}-decision": "Offer breakfast club.",
            f"{cai_key}-reason": "Hungry twice.",
        },
    )
    assert response.status_code == 302
    saved = {d.pupil: d.decision for d in MeetingDecision.objects.all()}
    assert saved == {
        children.ava: "Monitor at lunch. Reason: First worry.",
        cai: "Offer breakfast club. Reason: Hungry twice.",
    }
    assert cai.chronology_entries.filter(kind=EntryKind.MEETING).count() == 1
    page = client.get(ADDRESS).content.decode()
    assert "2 decisions saved." in page and "New concerns (0)" in page


def test_one_invalid_item_saves_nothing_and_keeps_every_typed_value(client, universe, children):
    concern(universe, universe.tom, children.ava, "2026-11-05T10:00+00:00")
    cai = add_pupil(universe.northfield, "Cai", "Rowe", 31)
    concern(universe, universe.tom, cai, "2026-11-06T10:00+00:00")
    sign_in(client, universe.dee)
    ava, cai_key = (f"concern-{key}" for key in keys(client))
    page = client.post(
        ADDRESS,
        {
            "attendees": "Dee Lane\nTom Webb",
            f"{ava}-decision": "Monitor at lunch.",
            f"{ava}-reason": "First worry.",
            f"{cai_key}-decision": "Offer breakfast club.",
            f"{cai_key}-reason": "",
        },
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "<title>Error:" in text and "govuk-error-summary" in text
    assert "Enter the reason for the decision about Cai Rowe" in text
    assert "Monitor at lunch." in text and "First worry." in text
    assert "Offer breakfast club." in text and "Tom Webb" in text
    assert not MeetingDecision.objects.exists()
    assert not children.ava.chronology_entries.filter(kind=EntryKind.MEETING).exists()


def test_an_empty_form_decides_nothing(client, universe, children):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    sign_in(client, universe.dee)
    assert client.post(ADDRESS, {"attendees": ""}).status_code == 302
    assert not MeetingDecision.objects.exists()


def test_a_reason_without_a_decision_is_an_error(client, universe, children):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    sign_in(client, universe.dee)
    (key,) = (f"concern-{key}" for key in keys(client))
    page = client.post(ADDRESS, {f"{key}-decision": "", f"{key}-reason": "Because."})
    assert page.status_code == 200
    assert "Enter the decision about Ben Stone" in page.content.decode()


def test_each_item_says_what_it_is_about(client, universe, children):
    cai = add_pupil(universe.northfield, "Cai", "Rowe", 31)
    with time_machine.travel("2026-11-05T10:00+00:00", tick=False):
        log_concern(
            school=universe.northfield,
            details=ConcernDetails(
                account="Cai pushed Ava into the fence; Ben saw it.",
                occurred_at=datetime.fromisoformat("2026-11-05T09:00+00:00"),
                categories=("child_on_child",),
                immediate_risk=True,
            ),
            pupils=[
                Involved(children.ava),
                Involved(cai, Part.ALLEGED_HARMER),
                Involved(children.ben, Part.WITNESS),
            ],
            by=universe.tom,
        )
    sign_in(client, universe.dee)
    page = client.get(ADDRESS).content.decode()
    assert "Child-on-child abuse" in page and "Cai pushed Ava into the fence" in page
    assert "Immediate risk" in page
    assert "Cai Rowe (alleged harmer)" in page and "Ben Stone (witness)" in page
    minutes = client.get(
        reverse("casework:meeting_minutes", args=["northfield-primary", "2026-11-09"])
    )
    assert "agenda and minutes" in minutes.content.decode()


def test_a_concern_decided_in_the_inbox_is_shown_as_decided(client, universe, children):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    triage_concern(
        concern=Concern.objects.get(),
        outcome=Outcome.MONITOR,
        reason="Known to the family worker.",
        service_name="",
        link_pupils=[],
        by=universe.dee,
    )
    sign_in(client, universe.dee)
    page = client.get(ADDRESS).content.decode()
    assert "New concerns (0)" in page and "Decided (1)" in page
    assert "Monitor: Known to the family worker." in page


def test_attendees_are_saved(client, universe):
    sign_in(client, universe.dee)
    client.post(ADDRESS, {"attendees": "Dee Lane\nTom Webb"})
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


def test_a_decision_typed_while_another_dsl_decided_the_item_is_still_saved(
    client, universe, children
):
    concern(universe, universe.tom, children.ben, "2026-11-05T10:00+00:00")
    sign_in(client, universe.dee)
    (key,) = (f"concern-{key}" for key in keys(client))
    first = {f"{key}-decision": "Monitor.", f"{key}-reason": "First look."}
    assert client.post(ADDRESS, first).status_code == 302
    second = {f"{key}-decision": "Call mum.", f"{key}-reason": "Second look."}
    assert client.post(ADDRESS, second).status_code == 302
    assert MeetingDecision.objects.count() == 2
    page = client.get(ADDRESS).content.decode()
    assert "Call mum. Reason: Second look." in page and "Monitor. Reason: First look." in page
