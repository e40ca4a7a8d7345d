"""Choosing county and national services for the Offer."""

import re

from earlyhelp.directory.actions import create_service, set_service_status
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope, Service
from earlyhelp.offers.models import OfferEntry
from earlyhelp.schools.actions import create_local_authority
from tests.integration.editor.support import html, url


def national(name: str, **data) -> Service:
    return create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(name=name, organization_name=name, **data),
    )


def test_lists_own_county_and_national_services_and_marks_those_in_the_offer(ed, universe):
    otherham = create_local_authority(
        by=None,
        name="Otherham",
        front_door_name="Front Door",
        front_door_phone="+441134960005",
        out_of_hours_phone="+441134960006",
    )
    create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=otherham,
        data=ServiceData(name="Otherham Parenting", organization_name="Otherham Council"),
    )
    closed = national("Closed Helpline")
    set_service_status(by=None, service=closed, status="defunct")
    national("Kooth", topics=("mental-health",), levels=(1, 2))
    page = html(ed.get(url("choose")))
    assert "Testshire Young Carers" in page and "Samaritans" in page and "Kooth" in page
    assert "Otherham Parenting" not in page  # another council's service
    assert "Closed Helpline" not in page
    assert "Breakfast club" not in page  # the school's own provision is managed elsewhere
    assert page.count("In your Offer") == 2
    assert url("choose-add", universe.samaritans.pk) not in page


def test_filter_by_name_and_topic(ed, universe):
    national("Kooth", topics=("mental-health",))
    national("Childline", topics=("bullying",))
    by_name = html(ed.get(url("choose"), {"q": "child"}))
    assert "Childline" in by_name and "Kooth" not in by_name
    by_topic = html(ed.get(url("choose"), {"topic": "mental-health"}))
    assert "Kooth" in by_topic and "Samaritans" in by_topic and "Childline" not in by_topic
    assert "No services match" in html(ed.get(url("choose"), {"q": "zzz"}))


def test_pages_of_twenty(ed, universe):
    for n in range(25):
        national(f"Helpline {n:02d}")
    first = html(ed.get(url("choose")))
    assert "27 services" in first
    assert "Helpline 00" in first and "Testshire Young Carers" not in first
    assert 'rel="next"' in first
    second = html(ed.get(url("choose"), {"page": "2", "q": ""}))
    assert "Testshire Young Carers" in second and 'rel="prev"' in second
    nonsense = html(ed.get(url("choose"), {"page": "nonsense"}))  # the first page
    assert "Helpline 00" in nonsense and "Testshire Young Carers" not in nonsense


def test_add_asks_for_the_level_with_the_services_lowest_level_first(ed, universe):
    kooth = national("Kooth", topics=("mental-health",), levels=(3, 2))
    page = html(ed.get(url("choose-add", kooth.pk), {"next": url("choose") + "?q=koo"}))
    assert re.search(r'<input[^>]*value="2"[^>]*checked', page)
    assert "Need a bit of help? (level 2: additional needs)" in page
    response = ed.post(
        url("choose-add", kooth.pk), {"level": "2", "next": url("choose") + "?q=koo"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("choose") + "?q=koo"  # back to the same search
    added = OfferEntry.objects.get(service=kooth)
    assert (added.level, added.position) == (2, 1)
    assert "Kooth added under “Need a bit of help?”" in html(ed.get(response["Location"]))


def test_adding_twice_explains_instead_of_failing(ed, universe):
    response = ed.post(url("choose-add", universe.samaritans.pk), {"level": "1"}, follow=True)
    assert "Samaritans is already in your Offer." in html(response)
    assert OfferEntry.objects.filter(service=universe.samaritans).count() == 1


def test_next_must_stay_on_this_site(ed, universe):
    kooth = national("Kooth")
    response = ed.post(
        url("choose-add", kooth.pk), {"level": "1", "next": "https://evil.example.org/"}
    )
    assert response["Location"] == url("choose")


def test_a_full_page_costs_no_more_queries_than_a_short_one(
    ed, universe, django_assert_max_num_queries
):
    ed.get(url("choose"))
    with django_assert_max_num_queries(12) as short:
        ed.get(url("choose"))
    for n in range(25):
        national(f"Helpline {n:02d}", topics=("bullying",), levels=(1, 2))
    with django_assert_max_num_queries(len(short.captured_queries)):
        page = html(ed.get(url("choose")))
    assert "Helpline 17" in page


def test_the_chooser_understands_words_as_the_public_search_does(ed, universe):
    national("West Mercia Women's Aid", topics=("domestic-abuse",))
    national("Anti-Bullying Helpline", topics=("bullying",))
    found = html(ed.get(url("choose"), {"q": "womens aid"}))
    assert "West Mercia Women&#x27;s Aid" in found or "West Mercia Women’s Aid" in found
    assert "Anti-Bullying Helpline" not in found
    misspelt = html(ed.get(url("choose"), {"q": "bulying"}))
    assert "Anti-Bullying Helpline" in misspelt
