"""The editor's overview: the draft at a glance, its state, and the review reminder."""

from datetime import timedelta

import time_machine
from django.conf import settings
from django.urls import reverse

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.offers.actions.editing import add_entry, set_level_heading
from tests.integration.editor.support import html, noon, review_due, url
from tests.signin import sign_in


def test_overview_shows_the_draft_in_the_schools_own_words(ed, universe):
    set_level_heading(
        by=None, offer=universe.northfield.offer, level=3, heading="When we need others"
    )
    page = html(ed.get(url("overview")))
    assert "<h1" in page and page.count("<h1") == 1
    assert "We help families early." in page
    assert (
        "Dee Lane" in page and "Designated Safeguarding Lead" in page and "01134960100" not in page
    )
    assert "0113 496 0100" in page
    assert "Breakfast club" in page
    assert "When we need others" in page  # level 3 in the school's words
    assert "Testshire Young Carers" in page and "Testshire" in page
    assert "Samaritans" in page and "National" in page
    for name in (
        "preview",
        "publish",
        "versions",
        "texts",
        "person-add",
        "provision-add",
        "choose",
    ):
        assert url(name) in page


def test_overview_says_whether_the_draft_differs_from_what_families_see(ed, universe):
    assert "No changes since version 1" in html(ed.get(url("overview")))
    ed.post(
        url("texts"),
        {"introduction": "New words.", "raising_concerns": "", "attendance": ""},
    )
    assert "Your draft has changes that families do not see" in html(ed.get(url("overview")))


def test_a_county_correction_is_not_a_change_to_the_draft(ed, universe):
    """County services are shown live, so the county's edits need no re-publishing."""
    from earlyhelp.directory.actions import update_service
    from tests.universe import young_carers_data

    data = young_carers_data()
    update_service(
        by=None,
        service=universe.young_carers,
        data=data.__class__(**{**data.__dict__, "description": "Now with a Saturday club."}),
    )
    assert "No changes since version 1" in html(ed.get(url("overview")))


def test_no_review_banner_while_the_review_is_far_off(ed, universe):
    assert "Review due" not in html(ed.get(url("overview")))


def test_review_banner_when_the_review_date_comes_near(ed, universe):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due - timedelta(days=settings.OFFER_REVIEW_REMINDER_DAYS))):
        sign_in(ed, universe.ed)  # sessions last 12 hours
        page = html(ed.get(url("overview")))
    assert "Review due" in page
    assert "Your Offer is due for review on" in page


def test_review_banner_when_the_review_is_overdue(ed, universe):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due + timedelta(days=3))):
        sign_in(ed, universe.ed)
        page = html(ed.get(url("overview")))
        home = html(ed.get(reverse("staff:home")))
    assert "Your Offer was due for review on" in page
    assert "Overdue" in page
    assert "Review overdue" in home


def test_overview_queries_do_not_grow_with_the_offer(ed, universe, django_assert_max_num_queries):
    ed.get(url("overview"))  # warm up the session and the taxonomy
    with django_assert_max_num_queries(25) as few:
        ed.get(url("overview"))
    offer = universe.northfield.offer
    for n in range(25):
        service = create_service(
            by=None,
            scope=Scope.NATIONAL,
            data=ServiceData(
                name=f"Helpline {n}", organization_name=f"Charity {n}", topics=("bullying",)
            ),
        )
        add_entry(by=None, offer=offer, service=service, level=1 + n % 4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = ed.get(url("overview"))
    assert "Helpline 24" in html(response)
