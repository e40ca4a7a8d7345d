"""The ORUK API: every endpoint validates against the UK profile; paging, CORS, 404s, 304s."""

import json
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from earlyhelp.directory.actions import set_service_status, update_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Service, Taxonomy, TaxonomyTerm
from earlyhelp.oruk import schemas
from earlyhelp.oruk.params import MAX_PER_PAGE
from tests.integration.directory.conftest import MakeService
from tests.integration.oruk.conftest import GetJson, assert_page, assert_valid, located
from tests.universe import Universe, young_carers_data

pytestmark = pytest.mark.django_db


def test_api_info_names_the_profile(get_json: GetJson) -> None:
    info = get_json("/api/oruk/")
    assert info["version"] == "HSDS-UK-3.0"
    assert info["profile"].startswith("https://")
    assert info["openapi_url"] == "http://testserver/api/oruk/openapi.json"
    document = get_json("/api/oruk/openapi.json")
    assert document["openapi"] == "3.0.0"
    assert "/services/{id}" in document["paths"]


@pytest.mark.parametrize(
    "path", ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]
)
def test_every_list_validates(universe: Universe, get_json: GetJson, path: str) -> None:
    located(
        universe.young_carers,
        name="Family hub",
        postcode="TE1 1AA",
        latitude="52.19",
        longitude="-2.22",
    )
    body = get_json(f"/api/oruk/{path}")
    assert_page(path, body)
    assert body["total_items"] >= 1


def test_a_service_is_fully_nested_and_valid(universe: Universe, get_json: GetJson) -> None:
    located(
        universe.young_carers,
        name="Family hub",
        postcode="TE1 1AA",
        latitude="52.19",
        longitude="-2.22",
    )
    body = get_json(f"/api/oruk/services/{universe.young_carers.hsds_id}")
    assert_valid(schemas.SERVICE, body)
    assert body["id"] == str(universe.young_carers.hsds_id)
    assert body["organization"]["name"] == "Testshire Youth Support"
    assert body["phones"] == [
        {"id": body["phones"][0]["id"], "number": "+441134960300", "type": "voice"}
    ]
    assert body["schedules"][0] | {"id": ""} == {
        "id": "",
        "service_id": body["id"],
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "MO,TU,WE,TH,FR",
        "opens_at": "09:00:00",
        "closes_at": "17:00:00",
    }
    (place,) = body["service_at_locations"]
    assert place["location"]["name"] == "Family hub"
    assert place["location"]["latitude"] == 52.19
    assert place["location"]["addresses"][0]["postal_code"] == "TE1 1AA"
    assert {a["taxonomy_term"]["code"] for a in body["attributes"]} >= {"young-carers", "level-2"}
    assert body["cost_options"][0]["amount"] == 0
    assert body["minimum_age"] == 7 and body["maximum_age"] == 17


def test_other_details_validate(universe: Universe, get_json: GetJson) -> None:
    located(
        universe.samaritans,
        name="Call centre",
        postcode="TE2 2BB",
        latitude="52.2",
        longitude="-2.2",
    )
    place = get_json("/api/oruk/service_at_locations")["contents"][0]
    body = get_json(f"/api/oruk/service_at_locations/{place['id']}")
    assert_valid(schemas.SERVICE_AT_LOCATION, body)
    assert body["service"]["name"] == "Samaritans"
    organization = get_json(f"/api/oruk/organizations/{body['service']['organization']['id']}")
    assert_valid(schemas.ORGANIZATION, organization)
    assert [s["name"] for s in organization["services"]] == ["Samaritans"]
    taxonomy = Taxonomy.objects.get(name="earlyhelp-topic")
    body = get_json(f"/api/oruk/taxonomies/{taxonomy.hsds_id}")
    assert_valid(schemas.TAXONOMY, body)
    assert len(body["taxonomy_terms"]) == taxonomy.terms.count()
    term = TaxonomyTerm.objects.get(taxonomy=taxonomy, code="young-carers")
    body = get_json(f"/api/oruk/taxonomy_terms/{term.hsds_id}")
    assert_valid(schemas.TAXONOMY_TERM, body)
    assert body["name"] == "Young carers"


def test_only_public_services_are_published(
    universe: Universe, client: Client, get_json: GetJson
) -> None:
    set_service_status(by=None, service=universe.samaritans, status="inactive")
    names = {s["name"] for s in get_json("/api/oruk/services")["contents"]}
    # The school's breakfast club is on its published Offer, so it is public.
    assert names == {"Testshire Young Carers", "Breakfast club"}
    get_json(f"/api/oruk/services/{universe.samaritans.hsds_id}", status=404)
    # An edit the school has not published yet is a draft: not public until it is.
    breakfast = universe.breakfast_club
    update_service(
        by=None,
        service=breakfast,
        data=ServiceData(name="Breakfast club (draft)", organization_name="Northfield Primary"),
    )
    names = {s["name"] for s in get_json("/api/oruk/services")["contents"]}
    assert names == {"Testshire Young Carers"}
    get_json(f"/api/oruk/services/{breakfast.hsds_id}", status=404)
    orgs = {o["name"] for o in get_json("/api/oruk/organizations")["contents"]}
    assert orgs == {"Testshire Youth Support"}


def test_a_walk_of_every_page_returns_every_service_once(
    make_service: MakeService, get_json: GetJson
) -> None:
    for n in range(7):
        make_service(f"Club {n % 3}")  # repeated names: the order must still be stable
    seen: list[str] = []
    for page in (1, 2, 3):
        body = get_json("/api/oruk/services", page=page, per_page=3)
        assert_page("services", body)
        assert body["total_items"] == 7 and body["total_pages"] == 3
        assert body["page_number"] == page
        assert body["first_page"] == (page == 1) and body["last_page"] == (page == 3)
        assert body["size"] == (1 if page == 3 else 3)
        seen += [s["id"] for s in body["contents"]]
    assert len(seen) == len(set(seen)) == 7
    beyond = get_json("/api/oruk/services", page=4, per_page=3)
    assert beyond["contents"] == [] and beyond["size"] == 0 and beyond["last_page"] is True
    assert beyond["empty"] is False


def test_per_page_is_honoured_up_to_the_maximum(
    make_service: MakeService, get_json: GetJson
) -> None:
    make_service("Only one")
    body = get_json("/api/oruk/services", per_page=MAX_PER_PAGE * 10)
    assert body["total_pages"] == 1 and body["size"] == 1
    empty = get_json("/api/oruk/services", search="qwxvbnm")
    assert empty["empty"] is True and empty["total_items"] == 0 and empty["contents"] == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "x"}, "page must be a whole number"),
        ({"page": "0"}, "page must be from 1"),
        ({"per_page": "-3"}, "per_page must be at least 1"),
        ({"taxonomy_term_id": "nope"}, "taxonomy_term_id must be a UUID"),
        ({"minimum_age": "old"}, "minimum_age must be an age"),
        ({"day": "Monday"}, "day must be one of MO"),
        ({"start_time": "9am"}, "start_time must be a time"),
        ({"modified_after": "yesterday"}, "modified_after must be a date"),
        ({"postcode": "ZZ9 9ZZ"}, "not known to this directory"),
        ({"latitude": "52", "longitude": "-2", "proximity": "far"}, "proximity must be"),
    ],
)
def test_a_bad_parameter_is_a_json_400(
    client: Client, params: dict[str, str], message: str
) -> None:
    response = client.get("/api/oruk/services", params)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/oruk/services/00000000-0000-4000-8000-000000000000",
        "/api/oruk/services/not-a-uuid",
        "/api/oruk/taxonomies/12",
        "/api/oruk/taxonomy_terms/00000000-0000-4000-8000-000000000000",
        "/api/oruk/service_at_locations/x",
        "/api/oruk/organizations/x",
        "/api/oruk/no-such-thing",
    ],
)
def test_unknown_or_malformed_ids_are_a_json_404(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["status"] == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client: Client, method: str) -> None:
    response = getattr(client, method)("/api/oruk/services")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "read-only" in response.json()["error"]


def test_a_preflight_is_answered(client: Client) -> None:
    response = client.options("/api/oruk/services")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_etag_and_last_modified_give_304s(universe: Universe, client: Client) -> None:
    url = f"/api/oruk/services/{universe.young_carers.hsds_id}"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["ETag"] == first["ETag"]
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    listing = client.get("/api/oruk/services")
    assert (
        client.get("/api/oruk/services", headers={"If-None-Match": listing["ETag"]}).status_code
        == 304
    )
    update_service(by=None, service=universe.young_carers, data=young_carers_data())
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200


def test_a_page_costs_the_same_queries_however_many_services(
    make_service: MakeService, client: Client
) -> None:
    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    first = make_service("Alpha", phones=(), topics=("bullying",))
    located(first, name="Hub", postcode="TE1 1AA", latitude="52.1", longitude="-2.1")
    few = {url: queries(url) for url in _urls(first)}
    for n in range(6):
        more = make_service(f"Beta {n}", topics=("bullying", "young-carers"), levels=(1, 2))
        located(more, name=f"Hub {n}", postcode="TE1 1AA", latitude="52.1", longitude="-2.1")
    many = {url: queries(url) for url in _urls(first)}
    assert many == few


def _urls(service: Service) -> list[str]:
    return [
        "/api/oruk/services?per_page=50",
        "/api/oruk/service_at_locations?per_page=50",
        f"/api/oruk/services/{service.hsds_id}",
        "/api/oruk/export.ndjson",
    ]


def test_the_export_streams_every_public_service(universe: Universe, client: Client) -> None:
    response = client.get("/api/oruk/export.ndjson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Access-Control-Allow-Origin"] == "*"
    lines = b"".join(response.streaming_content).decode().splitlines()  # type: ignore[attr-defined]
    records: list[dict[str, Any]] = [json.loads(line) for line in lines]
    for record in records:
        assert_valid(schemas.SERVICE, record)
    assert sorted(r["name"] for r in records) == [
        "Breakfast club",
        "Samaritans",
        "Testshire Young Carers",
    ]


def test_ages_are_kept_as_numbers(make_service: MakeService, get_json: GetJson) -> None:
    make_service("Toddlers", minimum_age=Decimal("1.5"), maximum_age=Decimal(4))
    (item,) = get_json("/api/oruk/services")["contents"]
    assert item["minimum_age"] == 1.5 and item["maximum_age"] == 4
