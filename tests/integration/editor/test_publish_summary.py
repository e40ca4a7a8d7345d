"""Publishing says what changed since the last version and what the health check found;
with nothing changed there is nothing to publish (issue 12)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.offers.actions.editing import add_entry, remove_entry
from earlyhelp.offers.actions.publishing import NothingToPublish, publish_offer
from earlyhelp.offers.models import OfferVersion
from earlyhelp.schools.actions import PersonDetails, add_key_person
from tests.integration.editor.support import html, noon, offer_of, review_due, url
from tests.integration.editor.test_provision import provision_form
from tests.integration.editor.test_publishing import date_fields
from tests.signin import sign_in


def changes_on_the_page(page: str) -> list[str]:
    part = page[page.index('id="changes"') :]
    part = part[: part.index("</ul>")]
    return [item.split("</li>")[0] for item in part.split("<li>")[1:]]


def test_nothing_changed_means_no_publish_button(ed, universe):
    page = html(ed.get(url("publish")))
    assert "Nothing to publish" in page
    assert "Your draft is the same as version 1" in page
    assert ">Publish</button>" not in page


def test_the_action_refuses_to_publish_an_unchanged_offer(universe):
    offer = offer_of(universe.northfield)
    assert offer.review_due is not None
    with pytest.raises(NothingToPublish, match="Nothing has changed since version 1"):
        publish_offer(by=None, offer=offer, review_due=offer.review_due)
    assert OfferVersion.objects.filter(offer=offer).count() == 1


def test_a_post_with_nothing_changed_publishes_nothing(ed, universe):
    offer = offer_of(universe.northfield)
    assert offer.review_due is not None
    ed.post(url("publish"), date_fields(offer.review_due))
    assert OfferVersion.objects.filter(offer=offer).count() == 1


def test_the_page_lists_the_changes_in_words(ed, universe):
    offer = offer_of(universe.northfield)
    ed.post(url("texts"), {"introduction": "New words.", "raising_concerns": "", "attendance": ""})
    ed.post(url("provision-add"), provision_form())
    helpline = create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(name="Kind Words Helpline", organization_name="Kind Words"),
    )
    add_entry(by=None, offer=offer, service=helpline, level=3)
    samaritans = offer.entries.get(service__name="Samaritans")
    remove_entry(by=None, entry=samaritans)
    add_key_person(
        by=None,
        school=universe.northfield,
        details=PersonDetails(name="Ben Ash", roles=("deputy_dsl",), phone="+441134960101"),
    )
    changes = changes_on_the_page(html(ed.get(url("publish"))))
    assert "Changed the introduction." in changes
    assert any(c.startswith("Added Listening and talking under") for c in changes)
    assert any(c.startswith("Added Kind Words Helpline under") for c in changes)
    assert "Removed Samaritans." in changes
    assert any(c.startswith("Added a key person: Ben Ash (Deputy Designated") for c in changes)
    assert not any("_" in change for change in changes)  # words, never codes


def test_a_changed_phone_of_the_schools_own_provision_is_named(ed, universe):
    club = universe.breakfast_club
    response = ed.post(
        url("provision", club.pk),
        provision_form(name="Breakfast club", phone="0113 496 0999", email=""),
    )
    assert response.status_code == 302
    changes = changes_on_the_page(html(ed.get(url("publish"))))
    assert any("phone numbers" in c and "Breakfast club" in c for c in changes)


def test_the_health_checks_errors_are_shown_before_publishing(ed, universe):
    offer = offer_of(universe.northfield)
    service = create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(name="Safe at home", organization_name="Safe", phones=(PhoneData("999"),)),
    )
    add_entry(by=None, offer=offer, service=service, level=2)
    page = html(ed.get(url("publish")))
    assert 'id="health-errors"' in page
    assert "999 is given as this service’s own phone number" in page
    assert ">Publish</button>" in page


def test_an_overdue_unchanged_offer_can_be_confirmed_with_a_new_review_date(ed, universe):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due + timedelta(days=1))):
        sign_in(ed, universe.ed)
        page = html(ed.get(url("publish")))
        assert "Nothing to publish" in page and "Confirm it is up to date" in page
        ed.post(url("publish"), date_fields(timezone.localdate() + timedelta(days=300)))
        assert OfferVersion.objects.filter(offer__school=universe.northfield).count() == 2
