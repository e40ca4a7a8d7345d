"""One service's page at /directory/<id>/: everything a family needs to get help."""

import re
from datetime import date, time
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from earlyhelp.directory.actions import set_service_status
from earlyhelp.directory.data import PhoneData, ScheduleData
from earlyhelp.directory.models import Address, Location, ServiceAtLocation


def url(service) -> str:
    return str(reverse("directory:service", args=[service.pk]))


def page(client, service, **params) -> str:
    response = client.get(url(service), params)
    assert response.status_code == 200
    return str(response.content.decode())


@pytest.fixture
def kites(make_service):
    service = make_service(
        "Kite Club",
        organization_name="Amberlode Trust",
        description="Flying kites on the common.\n\nBring a coat.",
        minimum_age=Decimal("7.5"),
        maximum_age=Decimal(17),
        eligibility_description="Families living in Testshire.",
        application_process="Fill in the form on our website.",
        referral_routes=("self", "school"),
        delivery=("in-person", "online"),
        levels=(2,),
        topics=("bullying",),
        phones=(PhoneData("+441134960123", description="Mornings"), PhoneData("116123")),
        email="kites@example.org",
        emails=("office@example.org",),
        url="https://www.example.org/kites",
        additional_urls=("https://www.example.org/kites/blog",),
        free=False,
        fees_description="£2 a session",
        schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9), time(17)),),
        service_areas=("Testshire",),
        languages=("English", "Polish"),
        assured_date=date(2026, 3, 9),
    )
    add_place(service, "Common Pavilion")
    return service


def add_place(service, name: str) -> None:
    location = Location.objects.create(name=name)
    Address.objects.create(
        location=location, address_1="1 Common Lane", city="Testbury", postal_code="ZZ1 1XX"
    )
    ServiceAtLocation.objects.create(service=service, location=location)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_page_shows_everything_about_the_service(client, kites):
    html = page(client, kites)
    plain = text(html)
    assert '<h1 class="govuk-heading-l">Kite Club</h1>' in html
    assert "Amberlode Trust" in plain
    assert "Flying kites on the common." in plain and "Bring a coat." in plain
    assert "Ages 7.5 to 17" in plain
    assert "Who can use it Families living in Testshire." in plain
    assert "Level of need Level 2: additional needs" in plain
    assert "You can contact them yourself" in plain
    assert "The school can refer" in plain
    assert "Fill in the form on our website." in plain
    assert "How the support is given: in person, online." in plain
    assert 'href="tel:+441134960123">0113 496 0123</a> – Mornings' in html
    assert 'href="tel:116123">116 123</a>' in html
    assert 'href="mailto:kites@example.org"' in html and 'href="mailto:office@example.org"' in html
    assert 'href="https://www.example.org/kites"' in html
    assert 'href="https://www.example.org/kites/blog"' in html
    assert "Common Pavilion 1 Common Lane Testbury ZZ1 1XX" in plain
    assert "Area Testshire" in plain
    assert "Languages English, Polish" in plain
    assert "Cost Charges apply: £2 a session" in plain
    assert "Monday to Friday, 9am to 5pm" in plain
    assert "Closed on bank holidays." in plain
    assert "Checked on 9 March 2026" in plain  # long ago: the date
    assert 'href="tel:999"' in html
    assert "Exit this page" in html  # on every public page


def test_a_recent_check_is_counted_in_days(client, kites):
    with time_machine.travel("2026-03-21 10:00 +0000", tick=False):
        page = client.get(reverse("directory:service", args=[kites.pk])).content.decode()
    assert "Checked 12 days ago" in text(page)


def test_open_now_follows_the_clock(client, kites):
    with time_machine.travel("2026-11-24 10:00 +0000", tick=False):  # a Tuesday
        assert "Open now" in page(client, kites)
    with time_machine.travel("2026-11-24 18:00 +0000", tick=False):
        assert "Closed now" in page(client, kites)
    with time_machine.travel("2026-12-25 10:00 +0000", tick=False):  # Christmas Day
        assert "Closed now" in page(client, kites)


@pytest.mark.parametrize("status", ["inactive", "defunct"])
def test_services_no_longer_offered_are_not_found(client, kites, status):
    set_service_status(by=None, service=kites, status=status)
    assert client.get(url(kites)).status_code == 404


def test_an_unknown_service_is_not_found(client, db):
    assert client.get(reverse("directory:service", args=[999999])).status_code == 404


def test_a_temporarily_closed_service_says_so(client, kites):
    set_service_status(by=None, service=kites, status="temporarily closed")
    assert "This service is temporarily closed" in page(client, kites)


def test_quick_exit_on_a_sensitive_service(client, make_service):
    refuge = make_service("Safe Steps Refuge", topics=("domestic-abuse",))
    assert "Exit this page" in page(client, refuge)


def test_from_a_schools_offer_the_councils_front_door_shows(client, universe):
    html = page(client, universe.samaritans, school="northfield-primary")
    assert "Testshire Family Front Door" in html
    assert 'href="/directory/?school=northfield-primary"' in html


def test_ages_without_an_upper_limit_and_services_for_any_age(client, make_service):
    adults = make_service("Adult Learning", minimum_age=Decimal(18))
    anyone = make_service("Open Door", minimum_age=Decimal(0))
    unstated = make_service("Quiet Room")
    assert "Ages 18 and over" in text(page(client, adults))
    assert "Ages Any age" in text(page(client, anyone))
    assert "Ages Not stated: ask the service" in text(page(client, unstated))


def test_the_page_costs_a_fixed_number_of_queries(client, kites, make_service):
    with CaptureQueriesContext(connection) as one:
        page(client, kites)
    busy = make_service(
        "Busy Line",
        phones=tuple(PhoneData(f"+44113496010{n}") for n in range(5)),
        emails=tuple(f"line{n}@example.org" for n in range(5)),
        topics=("bullying", "online-safety", "mental-health"),
        schedules=tuple(ScheduleData(day, time(9), time(17)) for day in ("MO", "TU", "WE")),
        languages=("English", "Welsh", "Urdu"),
        url="https://www.example.org/busy",
        additional_urls=tuple(f"https://www.example.org/busy/{n}" for n in range(3)),
    )
    for name in ("North Hall", "South Hall", "West Hall"):
        add_place(busy, name)
    with CaptureQueriesContext(connection) as other:
        page(client, busy)
    assert len(other) == len(one) <= 14
