"""Fixtures for the public Offer: pages fetched as a family would, Offers of any size."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html  # type: ignore[import-untyped]

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.directory.taxonomies import TOPICS
from earlyhelp.offers.actions.editing import add_entry, update_offer_text
from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.offers.models import Offer, OfferVersion
from earlyhelp.schools.models import School
from tests.universe import Universe, make_school

NON_SENSITIVE_TOPICS = [t.code for t in TOPICS if not t.quick_exit]


def offer_url(school: School | str) -> str:
    return reverse("offers:offer", args=[getattr(school, "slug", school)])


def pdf_url(school: School | str) -> str:
    return reverse("offers:offer-pdf", args=[getattr(school, "slug", school)])


def get_page(client: Client, school: School | str) -> Any:
    response = client.get(offer_url(school))
    assert response.status_code == 200
    return lxml_html.fromstring(response.content.decode())


def with_class(name: str, tag: str = "*") -> str:
    """An XPath step for elements of `tag` that have the class `name`."""
    return f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


def published_version(school: School) -> OfferVersion:
    version = Offer.objects.select_related("published_version").get(school=school).published_version
    assert version is not None
    return version


def republish(universe: Universe) -> None:
    """Publish Northfield's Offer again, with a change: an unchanged Offer is refused."""
    offer = universe.northfield.offer
    update_offer_text(
        by=universe.ed,
        offer=offer,
        introduction=f"{offer.introduction} Updated.",
        raising_concerns=offer.raising_concerns,
        attendance=offer.attendance,
    )
    publish_offer(by=universe.ed, offer=offer)


def service_data(name: str, i: int, *topics: str) -> ServiceData:
    return ServiceData(
        name=name,
        organization_name=f"Organisation {i % 7}",
        description="Support for children and families.",
        url=f"https://www.example.org/services/{i}",
        email=f"service{i}@example.org",
        minimum_age=Decimal(5),
        maximum_age=Decimal(16),
        phones=(PhoneData(f"+44113496{i % 1000:04d}"),),
        topics=topics or (NON_SENSITIVE_TOPICS[i % len(NON_SENSITIVE_TOPICS)],),
        levels=(1 + i % 4,),
        referral_routes=("self",),
        delivery=("phone",),
    )


@pytest.fixture
def offer_with_services(universe: Universe) -> Callable[[int], School]:
    """A new school in Testshire whose published Offer shows `count` services of all kinds."""

    def build(count: int) -> School:
        school = make_school(universe.county, f"Size {count} School")
        for i in range(count):
            scope = (Scope.SCHOOL, Scope.LOCAL, Scope.NATIONAL)[i % 3]
            service = create_service(
                by=None,
                scope=scope,
                data=service_data(f"{school.name} service {i + 1}", i),
                owner_school=school if scope == Scope.SCHOOL else None,
                owner_local_authority=universe.county if scope == Scope.LOCAL else None,
            )
            add_entry(by=None, offer=school.offer, service=service, level=1 + i % 4)
        publish_offer(by=None, offer=school.offer)
        return school

    return build
