"""Acceptance: a seed Offer imported with --save, then published in the editor, gives an Offer
page whose services link to the directory records already there, with no duplicates."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Phone, Scope, Service, ServiceStatus
from earlyhelp.imports.models import Outcome
from earlyhelp.offers.models import OfferVersion
from tests.integration.editor.support import html
from tests.integration.imports.saving import SEEDS, save, waiting_run

SEED = "000_cfad87b9be8402cd.txt"  # Pitcheroak School's Offer (Worcestershire)

pytestmark = pytest.mark.skipif(
    SEEDS is None or not (SEEDS / SEED).is_file(),
    reason="the shared seed Offers are not on this machine",
)


def county_service(universe, name: str, phone: str, url: str = "") -> Service:
    return create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=universe.county,
        data=ServiceData(
            name=name, organization_name=name, url=url, phones=(PhoneData(phone),), levels=(2,)
        ),
    )


def test_a_saved_seed_publishes_with_links_to_the_existing_records(ed, client, universe):
    assert SEEDS is not None
    front_door = county_service(universe, "Family Front Door", "+441905822666")
    carers = county_service(
        universe,
        "Worcestershire Young Carers",
        "+441905619886",
        "http://www.yss.org.uk/worcestershire-young-carers",
    )
    mind = create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(
            name="Mind",
            organization_name="Mind",
            url="https://www.mind.org.uk",
            phones=(PhoneData("+443001233393"),),
        ),
    )
    existing = [front_door, carers, mind, universe.samaritans]
    numbers = ["+441905822666", "+441905619886", "+443001233393", "116123"]

    save(SEEDS / SEED)
    run = waiting_run(universe.northfield)
    assert {row.service_id for row in run.services.filter(outcome=Outcome.MATCHED)} >= {
        s.pk for s in existing
    }
    assert OfferVersion.objects.filter(offer__school=universe.northfield).count() == 1

    due = timezone.localdate() + timedelta(days=300)
    response = ed.post(
        reverse("offers_staff:publish", args=["northfield-primary"]),
        {"review_due_0": due.day, "review_due_1": due.month, "review_due_2": due.year},
    )
    assert response.status_code == 302
    assert OfferVersion.objects.filter(offer__school=universe.northfield).count() == 2

    page = html(client.get(reverse("offers:offer", args=["northfield-primary"])))
    for service in existing:
        assert f'href="/directory/{service.pk}/"' in page, service.name
    for service, number in zip(existing, numbers, strict=True):
        holders = set(Phone.objects.filter(number=number).values_list("service_id", flat=True))
        assert holders == {service.pk}, number  # no copy of a record already there
    assert Service.objects.filter(name__iexact="Family Front Door").count() == 1
    created = [row.service for row in run.services.filter(outcome=Outcome.CREATED)]
    assert created and all(s is not None and s.scope == Scope.SCHOOL for s in created)
    assert all(s is not None and s.status == ServiceStatus.ACTIVE for s in created)
