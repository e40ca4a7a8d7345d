"""The county directory editors' workspace: the county's services, add and change one with
the Offer editor's rules, which schools' Offers show it, the health check across them."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Phone, Scope, Service
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.offers.models import ServiceChangeNotice
from tests.persona_clients import client_for
from tests.universe import Universe

pytestmark = pytest.mark.django_db

BASE = "/staff/local-authority/testshire/directory/"


def service_url(service: Service, page: str = "") -> str:
    return f"{BASE}services/{service.pk}/{page}"


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Testshire Family Hub",
        "organization_name": "Testshire County Council",
        "description": "Help for families with children of any age.",
        "phone": "01905 822666 ext 2",
        "topics": ["family-support"],
        "levels": ["1", "2"],
        "email": "hub@example.org",
        "url": "https://www.example.org/hub",
    }
    data.update(changes)
    return data


def test_the_list_shows_the_countys_services_and_how_many_offers_show_each(
    universe: Universe, dora: Client, django_assert_max_num_queries: object
) -> None:
    for i in range(3):
        county_service(universe, f"Testshire service {i}")
    with django_assert_max_num_queries(25):  # type: ignore[operator]
        page = dora.get(BASE)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Testshire Young Carers" in text and "1 school" in text
    assert "Testshire service 2" in text
    assert "Samaritans" not in text  # national, not the county's
    assert "Breakfast club" not in text  # a school's own provision


def test_the_list_is_searched_and_paged(universe: Universe, dora: Client) -> None:
    for i in range(30):
        county_service(universe, f"Hub {i:02d}")
    first = dora.get(BASE).content.decode()
    assert "31 services" in first and "Hub 24" in first and "Hub 25" not in first  # 25 a page
    assert "Hub 25" in dora.get(BASE, {"page": 2}).content.decode()
    found = dora.get(BASE, {"q": "young carers"}).content.decode()
    assert "Testshire Young Carers" in found and "Hub 01" not in found
    assert "No services match" in dora.get(BASE, {"q": "nothing like it"}).content.decode()


def test_a_service_is_added_with_the_offer_editors_phone_rules(
    universe: Universe, dora: Client
) -> None:
    refused = dora.post(f"{BASE}services/add/", form_data(phone="999"))
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "<title>Error: Add a service" in text
    assert "This is an emergency number" in text
    assert not Service.objects.filter(name="Testshire Family Hub").exists()

    added = dora.post(f"{BASE}services/add/", form_data())
    service = Service.objects.get(name="Testshire Family Hub")
    assert added.status_code == 302 and added["Location"] == service_url(service)
    assert service.scope == Scope.LOCAL and service.owner_local_authority == universe.county
    assert service.organization.name == "Testshire County Council"
    phone = Phone.objects.get(service=service)
    assert (phone.number, phone.extension) == ("+441905822666", "2")


def test_the_service_page_shows_the_schools_whose_offers_show_it(
    universe: Universe, dora: Client
) -> None:
    page = dora.get(service_url(universe.young_carers)).content.decode()
    assert "Northfield Primary" in page
    assert "Southbank Academy" not in page
    assert "0113 496 0300" in page


def test_a_change_shows_in_the_offer_and_is_told_to_the_school(
    universe: Universe, dora: Client, ed: Client
) -> None:
    service = universe.young_carers
    edit = dora.get(service_url(service, "change/")).content.decode()
    assert 'value="0113 496 0300"' in edit and 'value="Testshire Youth Support"' in edit
    saved = dora.post(
        service_url(service, "change/"),
        form_data(name=service.name, phone="01905 822777", topics=["young-carers"], levels=["3"]),
    )
    assert saved.status_code == 302
    family_sees = Client().get(reverse("offers:offer", args=[universe.northfield.slug]))
    assert "01905 822777" in family_sees.content.decode()  # live: no edit by the school
    overview = ed.get("/staff/schools/northfield-primary/offer/").content.decode()
    assert "Phone changed from 0113 496 0300 to 01905 822777" in overview
    assert "by Dora Reed" in overview


def test_the_health_check_finds_problems_across_the_countys_services(
    universe: Universe, dora: Client
) -> None:
    silent = county_service(universe, "Silent service", phones=())
    page = dora.get(f"{BASE}health/").content.decode()
    assert "Silent service" in page
    assert "This service has no phone number and no opening times." in page
    assert service_url(silent, "change/") in page
    assert "Testshire Young Carers" not in page  # nothing wrong with it


def test_a_check_is_recorded_with_how_and_by_whom(universe: Universe, dora: Client) -> None:
    service = universe.young_carers
    refused = dora.post(service_url(service, "check/"), {})
    assert "Select how you checked the service" in refused.content.decode()
    done = dora.post(service_url(service, "check/"), {"method": "phone_call"})
    assert done.status_code == 302
    service.refresh_from_db()
    assert (service.assured_method, service.assured_by_name) == ("phone_call", "Dora Reed")
    assert AuditEvent.objects.filter(action=AuditAction.SERVICE_CHECKED).count() == 1
    page = dora.get(service_url(service)).content.decode()
    assert "Phone call" in page and "Dora Reed" in page


def test_a_withdrawn_service_is_kept_and_the_school_told(
    universe: Universe, dora: Client, ed: Client
) -> None:
    service = universe.young_carers
    confirm = dora.get(service_url(service, "withdraw/")).content.decode()
    assert "Northfield Primary" in confirm
    dora.post(service_url(service, "withdraw/"))
    service.refresh_from_db()
    assert service.status == "inactive"
    overview = ed.get("/staff/schools/northfield-primary/offer/").content.decode()
    assert "Withdrawn: no longer shown to families" in overview
    assert "Withdrawn" in dora.get(BASE, {"show": "withdrawn"}).content.decode()


def test_a_directory_editor_lands_on_the_workspace(dora: Client) -> None:
    response = dora.get("/staff/")
    assert response.status_code == 302 and response["Location"] == BASE


@pytest.mark.parametrize("page", ["", "services/add/", "health/"])
def test_nobody_else_reaches_the_county_pages(universe: Universe, otto: Client, page: str) -> None:
    url = BASE + page
    assert otto.get(url).status_code == 404  # another county's editor
    assert client_for(universe.lara).get(url).status_code == 404  # an LA officer, not an editor
    assert client_for(universe.ed).get(url).status_code == 404  # a school's Offer editor
    assert Client().get(url).status_code == 302  # signed out: to sign in


@pytest.mark.parametrize("page", ["", "change/", "check/", "withdraw/"])
def test_only_the_countys_own_services_are_reached(
    universe: Universe, dora: Client, otto: Client, page: str
) -> None:
    assert otto.get(service_url(universe.young_carers, page)).status_code == 404
    assert client_for(universe.ed).get(service_url(universe.young_carers, page)).status_code == 404
    assert dora.get(service_url(universe.samaritans, page)).status_code == 404  # national
    assert dora.get(service_url(universe.breakfast_club, page)).status_code == 404  # a school's


def county_service(
    universe: Universe, name: str, phones: tuple[PhoneData, ...] = (PhoneData("+441134960400"),)
) -> Service:
    return create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=universe.county,
        data=ServiceData(
            name=name,
            organization_name="Testshire County Council",
            description="Support for families.",
            minimum_age=Decimal(0),
            phones=phones,
            topics=("family-support",),
            levels=(1,),
        ),
    )


def test_a_service_unchecked_for_the_set_time_is_unverified(
    universe: Universe, dora: Client, settings: Any
) -> None:
    settings.SERVICE_UNVERIFIED_AFTER_DAYS = 180
    service, today = universe.young_carers, timezone.localdate()
    checked = Service.objects.filter(pk=service.pk)
    checked.update(assured_date=today - timedelta(days=180))
    assert "Unverified</strong>" not in dora.get(BASE).content.decode()
    checked.update(assured_date=today - timedelta(days=181))
    listed = dora.get(BASE, {"show": "unverified"}).content.decode()
    assert "Testshire Young Carers" in listed and "Unverified</strong>" in listed
    assert "1 service not checked since" in listed
    dora.post(service_url(service, "check/"), {"method": "provider_confirmed"})
    after = dora.get(BASE, {"show": "unverified"}).content.decode()
    assert "0 services" in after and "Unverified</strong>" not in after


def test_an_edit_is_not_a_check(universe: Universe, dora: Client) -> None:
    service = universe.young_carers
    checked_on = service.assured_date
    assert checked_on is not None
    with time_machine.travel(checked_on + timedelta(days=30), tick=False):
        dora.post(
            service_url(service, "change/"),
            form_data(name=service.name, topics=["young-carers"], levels=["3"]),
        )
    service.refresh_from_db()
    assert service.assured_date == checked_on


def test_the_school_dismisses_a_change_once_read(
    universe: Universe, dora: Client, ed: Client
) -> None:
    service = universe.young_carers
    dora.post(
        service_url(service, "change/"),
        form_data(name=service.name, email="", topics=["young-carers"], levels=["3"]),
    )
    overview = "/staff/schools/northfield-primary/offer/"
    assert "Email youngcarers@example.org removed" in ed.get(overview).content.decode()
    notice = ServiceChangeNotice.objects.get(offer=universe.northfield.offer)
    assert (
        client_for(universe.sam).post(f"{overview}notices/{notice.pk}/dismiss/").status_code == 404
    )
    ed.post(f"{overview}notices/{notice.pk}/dismiss/")
    assert "Email youngcarers@example.org removed" not in ed.get(overview).content.decode()
    notice.refresh_from_db()
    assert notice.dismissed_by_name == "Ed Jones"
    assert AuditEvent.objects.filter(action=AuditAction.OFFER_SERVICE_CHANGE_DISMISSED).count() == 1


def test_families_see_when_a_county_service_was_checked(universe: Universe, dora: Client) -> None:
    service = universe.young_carers
    dora.post(service_url(service, "check/"), {"method": "phone_call"})
    today = timezone.localdate()
    offer = Client().get(reverse("offers:offer", args=[universe.northfield.slug])).content.decode()
    assert f"Checked on {govuk_date(today)}" in offer
    page = Client().get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Checked today" in page


def test_the_health_check_reads_the_county_in_a_few_queries(
    universe: Universe, dora: Client, django_assert_max_num_queries: Any
) -> None:
    for i in range(12):
        county_service(universe, f"Hub {i}", phones=())
    with django_assert_max_num_queries(20):
        page = dora.get(f"{BASE}health/")
    assert page.content.decode().count("no phone number and no opening times") == 12
