"""The directory published by the API and harvested into an empty directory is the same."""

from typing import Any

import pytest
from django.test import Client

from earlyhelp.directory.models import Organization, Service
from earlyhelp.offers.models import OfferEntry
from earlyhelp.oruk.feed import fingerprint
from tests.integration.oruk.conftest import located
from tests.integration.oruk.feed_server import FeedServer, feed_server
from tests.integration.oruk.test_harvest import run
from tests.universe import Universe

__all__ = ["feed_server"]

pytestmark = pytest.mark.django_db


def published(client: Client) -> list[dict[str, Any]]:
    """Every public service as /services/{id} gives it, walking every page."""
    records, page = [], 1
    while True:
        body = client.get("/api/oruk/services", {"page": page, "per_page": 2}).json()
        records += [client.get(f"/api/oruk/services/{s['id']}").json() for s in body["contents"]]
        if body["last_page"]:
            return records
        page += 1


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """What must survive the trip: the service, its contacts, hours, places and terms."""
    return {
        "name": record["name"],
        "description": record.get("description"),
        "url": record.get("url"),
        "email": record.get("email"),
        "ages": (record.get("minimum_age"), record.get("maximum_age")),
        "organization": record["organization"]["name"],
        "phones": sorted(p["number"] for p in record.get("phones", [])),
        "contacts": sorted(c.get("email", "") for c in record.get("contacts", [])),
        "schedules": sorted(
            (s["byday"], s["opens_at"], s["closes_at"]) for s in record.get("schedules", [])
        ),
        "terms": sorted(
            (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"])
            for a in record.get("attributes", [])
        ),
        "places": sorted(
            (
                p["location"].get("name"),
                p["location"].get("latitude"),
                tuple(a["postal_code"] for a in p["location"].get("addresses", [])),
            )
            for p in record.get("service_at_locations", [])
        ),
        "areas": sorted(a["name"] for a in record.get("service_areas", [])),
        "languages": sorted(x["name"] for x in record.get("languages", [])),
        "free": [c.get("amount") for c in record.get("cost_options", [])],
    }


def test_round_trip(universe: Universe, client: Client, feed_server: FeedServer) -> None:
    located(
        universe.young_carers,
        name="Family hub",
        postcode="TE1 1AA",
        latitude="52.19",
        longitude="-2.22",
    )
    before = published(client)
    assert len(before) == 3
    feed_server.services = {r["id"]: r for r in before}
    # An empty directory: every service and organization gone (taxonomies stay).
    OfferEntry.objects.all().delete()
    Service.objects.all().delete()
    Organization.objects.all().delete()
    assert "3 new" in run(feed_server)
    after = published(client)
    assert sorted(map(comparable, after), key=str) == sorted(map(comparable, before), key=str)
    assert len({fingerprint(r) for r in after}) == 3
