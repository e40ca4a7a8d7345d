"""The UK profile's filters on /services and /service_at_locations."""

from datetime import time

import pytest
import time_machine

from earlyhelp.directory.actions import update_service
from earlyhelp.directory.data import ScheduleData, ServiceData
from earlyhelp.directory.models import Postcode, TaxonomyTerm
from tests.integration.directory.conftest import MakeService
from tests.integration.oruk.conftest import GetJson, located
from tests.universe import Universe

pytestmark = pytest.mark.django_db


def names(get_json: GetJson, path: str = "services", **params: str) -> set[str]:
    body = get_json(f"/api/oruk/{path}", **params)
    key = "service" if path == "service_at_locations" else None
    return {(item[key] if key else item)["name"] for item in body["contents"]}


def test_search_uses_the_directory_search(make_service: MakeService, get_json: GetJson) -> None:
    make_service("Kite Club", description="Kites for young carers on Saturdays.")
    make_service("Chess Club", description="Chess after school.")
    assert names(get_json, search="kites") == {"Kite Club"}
    assert names(get_json, search="chess") == {"Chess Club"}


def test_taxonomy_filters(make_service: MakeService, get_json: GetJson) -> None:
    make_service("Kite Club", topics=("bullying",))
    make_service("Chess Club", topics=("young-carers",), levels=(2,))
    bullying = TaxonomyTerm.objects.get(code="bullying")
    assert names(get_json, taxonomy_term_id=str(bullying.hsds_id)) == {"Kite Club"}
    level = TaxonomyTerm.objects.get(code="level-2")
    assert names(get_json, taxonomy_id=str(level.taxonomy.hsds_id)) == {"Chess Club"}


def test_ages_mean_admits_a_person_of_that_age(
    make_service: MakeService, get_json: GetJson
) -> None:
    make_service("Under fives", minimum_age=0, maximum_age=4)
    make_service("Teens", minimum_age=13, maximum_age=19)
    make_service("Everyone")
    assert names(get_json, minimum_age="3") == {"Under fives", "Everyone"}
    assert names(get_json, maximum_age="15") == {"Teens", "Everyone"}
    assert names(get_json, minimum_age="4", maximum_age="13") == {"Everyone"}


def test_day_and_times(make_service: MakeService, get_json: GetJson) -> None:
    make_service("Weekdays", schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9), time(17)),))
    make_service("Saturday mornings", schedules=(ScheduleData("SA", time(10), time(12)),))
    make_service("No hours")
    assert names(get_json, day="SA") == {"Saturday mornings"}
    assert names(get_json, day="mo") == {"Weekdays"}
    assert names(get_json, start_time="09:30") == {"Saturday mornings"}
    assert names(get_json, end_time="12:00") == {"Saturday mornings"}
    assert names(get_json, day="MO", end_time="17:00:00") == {"Weekdays"}
    assert names(get_json, day="SU") == set()


def test_modified_after(make_service: MakeService, get_json: GetJson) -> None:
    with time_machine.travel("2026-11-01 10:00 +0000", tick=False):
        make_service("Old")
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        make_service("New")
    assert names(get_json, modified_after="2026-11-10") == {"New"}
    assert names(get_json, modified_after="2026-11-20T09:59:00Z") == {"New"}
    assert names(get_json, modified_after="2026-11-20T10:00:01+00:00") == set()


def test_proximity_from_a_postcode_or_a_point(make_service: MakeService, get_json: GetJson) -> None:
    # Worcester-ish; Evesham about 22 km away; Birmingham about 40 km away.
    located(
        make_service("Hub in town"),
        name="Town hub",
        postcode="WR1 1AA",
        latitude="52.1920",
        longitude="-2.2200",
    )
    located(
        make_service("Hub nearby"),
        name="Near hub",
        postcode="WR1 2BB",
        latitude="52.2000",
        longitude="-2.2300",
    )
    located(
        make_service("Evesham hub"),
        name="Evesham",
        postcode="WR11 4AA",
        latitude="52.0920",
        longitude="-1.9470",
    )
    located(
        make_service("City hub"),
        name="City",
        postcode="B1 1AA",
        latitude="52.4800",
        longitude="-1.9000",
    )
    make_service("Online only")
    near = {"Hub in town", "Hub nearby"}
    assert names(get_json, postcode="wr11aa", proximity="2000") == near
    assert names(get_json, postcode="WR1 1AA", proximity="30000") == near | {"Evesham hub"}
    assert names(get_json, "service_at_locations", postcode="WR1 1AA", proximity="2000") == near
    point = {"latitude": "52.19", "longitude": "-2.22"}
    assert names(get_json, proximity="50000", **point) == near | {"Evesham hub", "City hub"}
    assert names(get_json, "service_at_locations") == near | {"Evesham hub", "City hub"}


def test_a_walk_of_search_pages_returns_every_match_once(
    make_service: MakeService, get_json: GetJson
) -> None:
    for n in range(5):
        make_service(f"Kite Club {n}", description="Kites on Saturdays.")
    make_service("Chess Club", description="Chess after school.")
    seen: list[str] = []
    for page in (1, 2, 3):
        body = get_json("/api/oruk/services", search="kites", page=page, per_page=2)
        assert body["total_items"] == 5 and body["total_pages"] == 3
        assert body["last_page"] == (page == 3)
        seen += [item["name"] for item in body["contents"]]
    assert sorted(seen) == [f"Kite Club {n}" for n in range(5)]
    assert get_json("/api/oruk/services", search="kites", page=4, per_page=2)["contents"] == []
    # With another filter too, the search's matches are filtered and listed by name.
    body = get_json("/api/oruk/services", search="kites", minimum_age="5", per_page=2)
    assert body["total_items"] == 5 and [i["name"] for i in body["contents"]] == [
        "Kite Club 0",
        "Kite Club 1",
    ]


def test_a_search_leaves_out_what_is_not_public(universe: Universe, get_json: GetJson) -> None:
    update_service(
        by=None,
        service=universe.breakfast_club,
        data=ServiceData(
            name="Breakfast club", organization_name="Northfield Primary", description="Toast."
        ),
    )
    assert names(get_json, search="breakfast") == set()


def test_a_postcode_from_the_loaded_postcode_table(
    make_service: MakeService, get_json: GetJson
) -> None:
    # No service is at WR9 8AA, so only the loaded centroid (load-postcodes) can place it.
    Postcode.objects.create(
        postcode="WR9 8AA", district="WR9", area="WR", latitude="52.2660", longitude="-2.1530"
    )
    located(
        make_service("Droitwich hub"),
        name="Hub",
        postcode="WR9 7BB",
        latitude="52.2680",
        longitude="-2.1500",
    )
    located(
        make_service("Evesham hub"),
        name="Evesham",
        postcode="WR11 4AA",
        latitude="52.0920",
        longitude="-1.9470",
    )
    assert names(get_json, postcode="wr9 8aa", proximity="2000") == {"Droitwich hub"}
