"""Every URL of the Offer editor, tried by each persona who must not get in.

The URLs are read from `offers_staff`'s own patterns, so a new view is tested the day it
is added; a new kind of id in a URL fails here until `IDS` says which object to use.
"""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope, Service
from earlyhelp.imports.models import OfferUpload, UploadStatus
from earlyhelp.offers import staff_urls
from earlyhelp.offers.actions.editing import add_entry
from earlyhelp.offers.actions.publishing import default_review_due, publish_offer
from earlyhelp.offers.models import Offer, ServiceChangeNotice
from earlyhelp.schools.actions import PersonDetails, add_key_person, create_local_authority
from tests.integration.editor.support import html, url
from tests.signin import sign_in
from tests.universe import Universe

PATTERNS = [p for p in staff_urls.urlpatterns if isinstance(p, URLPattern)]
NAMES = [p.name for p in PATTERNS]

# For each id a URL takes: an object of Northfield Primary that Ed may see.
IDS: dict[str, Callable[[Universe], int]] = {
    "level": lambda u: 2,
    "person_id": lambda u: u.northfield.key_people.get().pk,
    "provision_id": lambda u: u.breakfast_club.pk,
    "entry_id": lambda u: u.northfield.offer.entries.get(service=u.samaritans).pk,
    "service_id": lambda u: u.young_carers.pk,
    "number": lambda u: 1,
    "upload_id": lambda u: failed_upload(u).pk,
    "notice_id": lambda u: service_notice(u.northfield.offer, u.young_carers).pk,
}


def service_notice(offer: Offer, service: Service) -> ServiceChangeNotice:
    """The county changed a service the Offer shows, and told the school's editors."""
    found = ServiceChangeNotice.objects.filter(offer=offer, service=service).first()
    return found or ServiceChangeNotice.objects.create(
        offer=offer,
        service=service,
        service_name=service.name,
        changes=["Phone changed from 0113 496 0300 to 0113 496 0301"],
        changed_at=timezone.now(),
    )


def failed_upload(universe: Universe) -> OfferUpload:
    """An Offer document Northfield uploaded that could not be read."""
    return OfferUpload.objects.create(
        school=universe.northfield,
        document_name="offer.txt",
        created_at=timezone.now(),
        status=UploadStatus.FAILED,
        problem="The file is empty.",
    )


def northfield_url(name: str, universe: Universe) -> str:
    pattern = next(p for p in PATTERNS if p.name == name)
    converters = pattern.pattern.converters
    missing = set(converters) - set(IDS)
    assert not missing, f"Say which object to use for {missing} in IDS"
    kwargs = {key: IDS[key](universe) for key in converters}
    return reverse(f"offers_staff:{name}", kwargs={"school_slug": "northfield-primary", **kwargs})


def test_every_editor_url_is_covered():
    assert "overview" in NAMES
    assert len(NAMES) == len(set(NAMES)), "each URL needs its own name"
    assert all(p.name for p in PATTERNS)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", NAMES)
def test_anonymous_is_sent_to_sign_in(client: Client, universe, name, method):
    response = getattr(client, method)(northfield_url(name, universe))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", NAMES)
def test_staff_of_another_school_get_not_found(sam, universe, name, method):
    response = getattr(sam, method)(northfield_url(name, universe))
    assert response.status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", NAMES)
def test_staff_without_edit_offer_are_refused(tom, universe, name, method):
    response = getattr(tom, method)(northfield_url(name, universe))
    assert response.status_code == 403


@pytest.mark.parametrize("name", NAMES)
def test_county_officer_without_a_school_role_gets_not_found(universe, name):
    client = Client()
    sign_in(client, universe.lara)
    assert client.get(northfield_url(name, universe)).status_code == 404


@pytest.mark.parametrize("name", NAMES)
def test_the_editor_reaches_every_page(ed, universe, name):
    """The refusals above are about the person, not a broken URL: Ed gets in."""
    response = ed.get(northfield_url(name, universe))
    assert response.status_code == (405 if name.endswith(("-move", "-dismiss")) else 200)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]  # not kept after signing out


def test_deputy_dsl_edits_but_may_not_publish(dan, universe):
    assert dan.get(url("overview")).status_code == 200
    assert dan.get(url("texts")).status_code == 200
    assert dan.get(url("publish")).status_code == 403
    assert dan.post(url("publish")).status_code == 403
    page = html(dan.get(url("overview")))
    assert url("publish") not in page
    assert "publishes the Offer" in page


@pytest.fixture
def southbank_things(universe: Universe) -> dict[str, int]:
    """Objects of Southbank Academy, whose ids Ed tries through Northfield's URLs."""
    southbank = universe.southbank
    person = add_key_person(
        by=None, school=southbank, details=PersonDetails(name="Sue Park", roles=("dsl",))
    )
    own = create_service(
        by=None,
        scope=Scope.SCHOOL,
        owner_school=southbank,
        data=ServiceData(name="Southbank nurture group", organization_name="Southbank Academy"),
    )
    entry = add_entry(by=None, offer=southbank.offer, service=own, level=1)
    publish_offer(by=None, offer=southbank.offer)
    # A version 2 Northfield does not have: reviewed, with a new review date.
    publish_offer(
        by=None, offer=southbank.offer, review_due=default_review_due() + timedelta(days=1)
    )
    other_county = make_county_named("Otherham")
    elsewhere = create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=other_county,
        data=ServiceData(name="Otherham Young Carers", organization_name="Otherham Council"),
    )
    return {
        "person": person.pk,
        "provision": own.pk,
        "entry": entry.pk,
        "service": elsewhere.pk,
        "notice": service_notice(southbank.offer, own).pk,
    }


def make_county_named(name: str):
    return create_local_authority(
        by=None,
        name=name,
        front_door_name="Children's Front Door",
        front_door_phone="+441134960003",
        out_of_hours_phone="+441134960004",
    )


@pytest.mark.parametrize(
    ("name", "thing"),
    [
        ("person", "person"),
        ("person-remove", "person"),
        ("person-move", "person"),
        ("provision", "provision"),
        ("provision-delete", "provision"),
        ("choose-add", "provision"),
        ("entry-level", "entry"),
        ("entry-remove", "entry"),
        ("entry-move", "entry"),
        ("choose-add", "service"),
        ("notice-dismiss", "notice"),
    ],
)
def test_another_schools_ids_are_not_found_through_your_school(ed, southbank_things, name, thing):
    target = url(name, southbank_things[thing])
    assert ed.get(target).status_code == 404
    assert ed.post(target, {"direction": "up", "level": "1"}).status_code == 404


def test_a_version_or_level_that_does_not_exist_is_not_found(ed, southbank_things):
    assert ed.get(url("version", 2)).status_code == 404  # Southbank has a version 2
    assert ed.get(url("level", 5)).status_code == 404
    assert ed.get(url("level", 0)).status_code == 404


def test_another_school_of_the_same_editor_is_not_leaked_by_slug(ed, universe):
    assert ed.get(url("overview", slug="no-such-school")).status_code == 404
    assert ed.get(url("overview", slug="southbank-academy")).status_code == 404


def test_staff_home_needs_sign_in(client: Client, universe):
    response = client.get(reverse("staff:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_staff_home_lists_only_your_schools(sam, tom, ed, universe):
    sams = html(sam.get(reverse("staff:home")))
    assert "Southbank Academy" in sams
    assert "Northfield Primary" not in sams
    toms = html(tom.get(reverse("staff:home")))
    assert "Northfield Primary" in toms
    assert url("overview") not in toms  # Tom may not edit, so no link to the editor
    assert url("overview") in html(ed.get(reverse("staff:home")))
