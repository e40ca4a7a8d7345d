"""Fixtures for the ORUK API and harvest tests: a published directory and schema checks."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from earlyhelp.oruk import schemas

Json = dict[str, Any]
GetJson = Callable[..., Json]

ITEM_SCHEMAS = {
    "services": schemas.SERVICE_LIST,
    "service_at_locations": schemas.SERVICE_AT_LOCATION_LIST,
    "organizations": schemas.ORGANIZATION_LIST,
    "taxonomies": schemas.TAXONOMY,
    "taxonomy_terms": schemas.TAXONOMY_TERM,
}
ENVELOPE = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")


def assert_valid(schema: str, instance: Any) -> None:
    problems = [f"{schemas.where(e)}: {e.message}" for e in schemas.errors(schema, instance)]
    assert problems == [], problems


def assert_page(path: str, body: Json) -> None:
    """The envelope is exactly the profile's, and every item validates."""
    assert list(body) == [*ENVELOPE, "contents"]
    assert isinstance(body["contents"], list)
    for item in body["contents"]:
        assert_valid(ITEM_SCHEMAS[path], item)


@pytest.fixture
def get_json(client: Client) -> GetJson:
    def get(url: str, status: int = 200, **params: Any) -> Json:
        response = client.get(url, params)
        assert response.status_code == status, response.content[:500]
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Type"] == "application/json"
        body: Json = response.json()
        return body

    return get


def located(service: Any, *, name: str, postcode: str, latitude: str, longitude: str) -> None:
    """Give a service one place, through the harvest's location action."""
    from decimal import Decimal

    from earlyhelp.oruk.actions import set_locations
    from earlyhelp.oruk.feed import AddressData, LocationData

    set_locations(
        by=None,
        service=service,
        locations=[
            LocationData(
                name=name,
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
                addresses=(AddressData("1 High Street", "Testford", postcode),),
            )
        ],
    )


from tests.integration.directory.conftest import make_service  # noqa: E402, F401 (fixture)
