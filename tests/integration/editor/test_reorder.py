"""The services under a level put in a new order in one form, one number each (issue 12)."""

from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.offers.actions.editing import add_entry
from earlyhelp.offers.models import OfferEntry
from tests.integration.editor.support import html, offer_of, overview_order, url


def three_more(universe) -> list[str]:
    names = []
    for n in range(3):
        service = create_service(
            by=None,
            scope=Scope.NATIONAL,
            data=ServiceData(name=f"Helpline {n}", organization_name=f"Charity {n}"),
        )
        add_entry(by=None, offer=offer_of(universe.northfield), service=service, level=1)
        names.append(service.name)
    return names


def positions(level: int = 1) -> dict[int, str]:
    entries = OfferEntry.objects.filter(level=level).select_related("service")
    return {e.pk: e.service.name for e in entries}


def order_of(level: int = 1) -> list[str]:
    entries = OfferEntry.objects.filter(level=level).order_by("position", "id")
    return [e.service.name for e in entries.select_related("service")]


def test_the_page_gives_each_service_a_position_number(ed, universe):
    page = html(ed.get(url("level-services", 1)))
    assert page.count('inputmode="numeric"') == 2
    club = OfferEntry.objects.get(service=universe.breakfast_club)
    assert f'name="position-{club.pk}"' in page and 'value="1"' in page
    assert 'Position<span class="govuk-visually-hidden"> of Breakfast club' in page


def test_one_post_puts_every_service_in_its_new_place(ed, universe):
    three_more(universe)
    before = order_of()
    assert before == ["Breakfast club", "Samaritans", "Helpline 0", "Helpline 1", "Helpline 2"]
    wanted = {
        "Helpline 2": 1,
        "Breakfast club": 2,
        "Samaritans": 3,
        "Helpline 0": 4,
        "Helpline 1": 5,
    }
    form = {f"position-{pk}": str(wanted[name]) for pk, name in positions().items()}
    response = ed.post(url("level-services", 1), form)
    assert response.status_code == 302
    assert order_of() == ["Helpline 2", "Breakfast club", "Samaritans", "Helpline 0", "Helpline 1"]
    assert AuditEvent.objects.filter(action="offer.entries_reordered").count() == 1
    assert overview_order(ed, order_of()) == order_of()


def test_moving_one_service_to_1_puts_it_first_and_the_others_make_room(ed, universe):
    three_more(universe)
    current = {
        pk: index
        for index, pk in enumerate(
            OfferEntry.objects.filter(level=1)
            .order_by("position", "id")
            .values_list("pk", flat=True),
            start=1,
        )
    }
    last = max(current, key=current.__getitem__)
    form = {f"position-{pk}": str(1 if pk == last else index) for pk, index in current.items()}
    ed.post(url("level-services", 1), form)
    assert order_of() == ["Helpline 2", "Breakfast club", "Samaritans", "Helpline 0", "Helpline 1"]


def test_a_position_out_of_range_is_refused_and_nothing_moves(ed, universe):
    before = order_of()
    form = {f"position-{pk}": "9" for pk in positions()}
    page = html(ed.post(url("level-services", 1), form))
    assert "<title>Error:" in page
    assert "The position of Breakfast club must be 2 or less" in page
    assert order_of() == before
    assert not AuditEvent.objects.filter(action="offer.entries_reordered").exists()


def test_an_unchanged_order_writes_nothing(ed, universe):
    form = {
        f"position-{pk}": str(i)
        for i, pk in enumerate(
            OfferEntry.objects.filter(level=1)
            .order_by("position", "id")
            .values_list("pk", flat=True),
            start=1,
        )
    }
    response = ed.post(url("level-services", 1), form, follow=True)
    assert "nothing was changed" in html(response)
    assert not AuditEvent.objects.filter(action="offer.entries_reordered").exists()


def test_a_list_changed_since_the_page_was_read_is_refused(ed, universe):
    form = {f"position-{pk}": "1" for pk in positions()}
    three_more(universe)  # someone else added services meanwhile
    page = html(ed.post(url("level-services", 1), form))
    assert "changed since you opened the page" in page


def test_another_schools_editor_cannot_see_the_page(sam, universe):
    assert sam.get(url("level-services", 1)).status_code == 404


def test_signed_out_goes_to_sign_in(client, universe):
    response = client.get(url("level-services", 1))
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:sign-in")
    )


def test_no_such_level(ed, universe):
    assert ed.get(url("level-services", 7)).status_code == 404
