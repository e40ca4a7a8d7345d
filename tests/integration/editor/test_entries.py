"""Services in the Offer: order within a level, change of level, removal."""

import re

from django.urls import reverse

from earlyhelp.offers.models import OfferEntry
from tests.integration.editor.support import html, overview_order, url


def entry(service) -> OfferEntry:
    return OfferEntry.objects.get(service=service)


def test_move_a_service_up_within_its_level(ed, client, universe):
    names = ["Breakfast club", "Samaritans"]
    assert overview_order(ed, names) == names
    response = ed.post(url("entry-move", entry(universe.samaritans).pk), {"direction": "up"})
    assert response.status_code == 302
    assert overview_order(ed, names) == ["Samaritans", "Breakfast club"]
    # The public page keeps the published order until the editor publishes.
    public = html(client.get(reverse("offers:offer", args=["northfield-primary"])))
    level_1 = public[public.index('id="level-1"') :]
    assert level_1.index("Breakfast club") < level_1.index("Samaritans")


def test_move_down_then_past_the_end_does_nothing_more(ed, universe):
    names = ["Breakfast club", "Samaritans"]
    club = entry(universe.breakfast_club)
    ed.post(url("entry-move", club.pk), {"direction": "down"})
    ed.post(url("entry-move", club.pk), {"direction": "down"})
    assert overview_order(ed, names) == ["Samaritans", "Breakfast club"]
    positions = list(OfferEntry.objects.filter(level=1).values_list("position", flat=True))
    assert sorted(positions) == [1, 2]


def test_the_overview_links_each_level_to_its_own_page_to_order_it(ed, universe):
    page = html(ed.get(url("overview")))
    assert "Move up" not in page[page.index('id="services"') :]  # one form, not a button a step
    assert url("level-services", 1) in page


def test_change_the_level_of_a_service(ed, universe):
    carers = entry(universe.young_carers)
    page = html(ed.get(url("entry-level", carers.pk)))
    assert "If we can&#x27;t help (level 3: targeted)" in page
    assert re.search(r'<input[^>]*value="3"[^>]*checked', page)  # where it is now
    response = ed.post(url("entry-level", carers.pk), {"level": "2"})
    assert response.status_code == 302
    carers.refresh_from_db()
    assert carers.level == 2


def test_a_level_must_be_chosen(ed, universe):
    carers = entry(universe.young_carers)
    response = ed.post(url("entry-level", carers.pk), {"level": "9"})
    assert response.status_code == 200
    assert "govuk-error-summary" in html(response)
    carers.refresh_from_db()
    assert carers.level == 3


def test_remove_a_service_after_confirming(ed, universe):
    samaritans = entry(universe.samaritans)
    assert "Remove Samaritans from your Offer?" in html(ed.get(url("entry-remove", samaritans.pk)))
    assert OfferEntry.objects.filter(pk=samaritans.pk).exists()
    response = ed.post(url("entry-remove", samaritans.pk))
    assert response.status_code == 302
    assert not OfferEntry.objects.filter(pk=samaritans.pk).exists()
    page = html(ed.get(url("overview")))
    assert "Samaritans removed from your Offer" in page  # the success message
    assert "Samaritans" not in page[page.index('id="services"') :]
