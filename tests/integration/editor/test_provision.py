"""The school's own provision: described in the editor, in the directory once published."""

from datetime import time
from decimal import Decimal

from django.urls import reverse

from earlyhelp.directory.actions import update_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.offers.models import OfferEntry
from tests.integration.editor.support import html, url


def provision_form(**changes):
    data = {
        "name": "Listening and talking",
        "description": "A quiet room and a trusted adult, every lunchtime.",
        "phone": "0113 496 0555",
        "phone_2": "",
        "email": "listening@northfield.example.org",
        "url": "www.example.org/listening",
        "minimum_age": "4.5",
        "maximum_age": "11",
        "topics": ["mental-health", "bullying"],
        "levels": ["2", "1"],
        "referral_routes": ["self", "parent"],
        "delivery": ["in-person"],
        "days": ["MO", "TU", "WE", "TH", "FR"],
        "opens_at": "12:15",
        "closes_at": "1pm",
        "opening_note": "Term time only",
        "free": "yes",
    }
    return {**data, **changes}


def test_add_provision_stores_it_hidden_until_published(ed, client, universe):
    response = ed.post(url("provision-add"), provision_form())
    assert response.status_code == 302
    service = Service.objects.get(name="Listening and talking")
    assert (service.scope, service.owner_school, service.status) == (
        Scope.SCHOOL,
        universe.northfield,
        ServiceStatus.INACTIVE,
    )
    assert service.minimum_age == Decimal("4.5")
    assert service.url == "https://www.example.org/listening"
    assert [p.number for p in service.phones.all()] == ["+441134960555"]
    schedule = service.schedules.get()
    assert (schedule.byday, schedule.opens_at, schedule.closes_at) == (
        "MO,TU,WE,TH,FR",
        time(12, 15),
        time(13, 0),
    )
    assert service.cost_options.get().amount == 0
    entry = OfferEntry.objects.get(service=service)
    assert entry.level == 1  # the first level ticked
    assert client.get(reverse("directory:service", args=[service.pk])).status_code == 404


def test_change_provision_keeps_what_the_form_does_not_show(ed, universe):
    club = universe.breakfast_club
    data = ServiceData(
        name="Breakfast club",
        organization_name="Northfield Primary",
        phones=(
            PhoneData("+441134960600", "voice", "Office"),
            PhoneData("+441134960601"),
            PhoneData("+441134960602", "text", "Texts only"),
        ),
        languages=("English", "Polish"),
        topics=("family-support",),
        levels=(1,),
    )
    update_service(by=None, service=club, data=data)
    form = html(ed.get(url("provision", club.pk)))
    assert "0113 496 0600" in form and "0113 496 0601" in form
    response = ed.post(
        url("provision", club.pk),
        provision_form(name="Breakfast club", phone="0113 496 0600", phone_2="0113 496 0700"),
    )
    assert response.status_code == 302
    club.refresh_from_db()
    assert club.status == ServiceStatus.ACTIVE  # it is on the published Offer; still is
    phones = [(p.number, p.type, p.description) for p in club.phones.all()]
    assert phones == [
        ("+441134960600", "voice", "Office"),
        ("+441134960700", "voice", ""),
        ("+441134960602", "text", "Texts only"),
    ]
    assert sorted(lang.name for lang in club.languages.all()) == ["English", "Polish"]
    assert club.description == "A quiet room and a trusted adult, every lunchtime."


def test_provision_form_checks_ages_and_times(ed, universe):
    response = ed.post(
        url("provision-add"),
        provision_form(minimum_age="12", maximum_age="5", opens_at="9:00", closes_at="8:00"),
    )
    page = html(response)
    assert response.status_code == 200
    assert "The oldest age must be the same as or more than the youngest age" in page
    assert "The closing time must be after the opening time" in page
    response = ed.post(url("provision-add"), provision_form(days=[], opens_at="25:00"))
    assert "The opening time must be a real time" in html(response)
    response = ed.post(url("provision-add"), provision_form(opens_at="noonish"))
    assert "Enter the opening time like 8:00 or 15:30" in html(response)
    assert not Service.objects.filter(name="Listening and talking").exists()


def test_remove_then_delete_provision(ed, universe):
    ed.post(url("provision-add"), provision_form())
    service = Service.objects.get(name="Listening and talking")
    entry = OfferEntry.objects.get(service=service)
    # While it is in the Offer, delete explains what to do first and deletes nothing.
    assert "is in your Offer" in html(ed.get(url("provision-delete", service.pk)))
    ed.post(url("provision-delete", service.pk))
    assert Service.objects.filter(pk=service.pk).exists()
    ed.post(url("entry-remove", entry.pk))
    assert "Not in your Offer" in html(ed.get(url("overview")))
    assert "Delete Listening and talking?" in html(ed.get(url("provision-delete", service.pk)))
    response = ed.post(url("provision-delete", service.pk))
    assert response.status_code == 302
    assert not Service.objects.filter(pk=service.pk).exists()


def test_published_provision_cannot_be_deleted_until_published_without_it(ed, universe):
    club = universe.breakfast_club
    entry = OfferEntry.objects.get(service=club)
    ed.post(url("entry-remove", entry.pk))
    assert "is on your published Offer" in html(ed.get(url("provision-delete", club.pk)))
    ed.post(url("provision-delete", club.pk))
    assert Service.objects.filter(pk=club.pk).exists()


def test_provision_not_in_the_offer_can_be_added_back(ed, universe):
    club = universe.breakfast_club
    ed.post(url("entry-remove", OfferEntry.objects.get(service=club).pk))
    assert ed.get(url("choose-add", club.pk)).status_code == 200
    ed.post(url("choose-add", club.pk), {"level": "2", "next": url("overview")})
    assert OfferEntry.objects.get(service=club).level == 2
