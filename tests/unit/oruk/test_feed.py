"""Reading one ORUK service record into what the directory's actions take."""

from datetime import time
from decimal import Decimal
from typing import Any

import pytest

from earlyhelp.oruk import schemas
from earlyhelp.oruk.feed import RecordError, fingerprint, read_service, schema_problems

ID = "0f0f0f0f-0000-4000-8000-000000000001"


def record(**changes: Any) -> dict[str, Any]:
    return {
        "id": ID,
        "name": "Kite Club",
        "status": "active",
        "organization": {"id": ID, "name": "Testshire Kites", "description": ""},
    } | changes


def test_a_minimal_record_is_read() -> None:
    read = read_service(record())
    assert read.remote_id == ID
    assert read.data.name == "Kite Club"
    assert read.data.organization_name == "Testshire Kites"
    assert read.data.languages == () and read.data.free is None


def test_phones_are_normalised_and_undiallable_ones_left_out() -> None:
    read = read_service(
        record(
            phones=[{"id": ID, "number": "0113 496 0123"}, {"id": ID, "number": "ring us"}],
            contacts=[{"id": ID, "phones": [{"id": ID, "number": "+44 113 496 0123"}]}],
        )
    )
    assert [p.number for p in read.data.phones] == ["+441134960123"]
    assert read.warnings == (
        f"service {ID} (Kite Club): field phones[1].number: 'ring us' cannot be dialled; left out",
    )


def test_weekly_schedules_are_kept_and_others_left_out_with_a_warning() -> None:
    read = read_service(
        record(
            schedules=[
                {
                    "id": ID,
                    "freq": "WEEKLY",
                    "byday": "MO, TU",
                    "opens_at": "09:00",
                    "closes_at": "12:00:00",
                },
                {"id": ID, "freq": "MONTHLY", "bymonthday": "1"},
            ]
        )
    )
    (schedule,) = read.data.schedules
    assert (schedule.byday, schedule.opens_at, schedule.closes_at) == ("MO,TU", time(9), time(12))
    assert "schedules[1]" in read.warnings[0]


def test_our_terms_map_to_ours_and_others_are_kept_apart() -> None:
    def term(taxonomy: str, code: str) -> dict[str, Any]:
        return {
            "id": ID,
            "taxonomy_term": {
                "id": ID,
                "name": code,
                "description": "",
                "taxonomy": taxonomy,
                "code": code,
            },
        }

    read = read_service(
        record(
            attributes=[
                term("earlyhelp-topic", "bullying"),
                term("earlyhelp-level-of-need", "level-2"),
                term("earlyhelp-topic", "not-a-topic"),
                term("esd", "Family Support"),
            ]
        )
    )
    assert read.data.topics == ("bullying",) and read.data.levels == (2,)
    assert [(t.taxonomy, t.code) for t in read.other_terms] == [
        ("earlyhelp-topic", "not-a-topic"),
        ("esd", "family-support"),
    ]


def test_directory_rules_refuse_a_record() -> None:
    with pytest.raises(RecordError, match="field minimum_age: more than maximum_age"):
        read_service(record(minimum_age=12, maximum_age=5))
    with pytest.raises(RecordError, match="field email"):
        read_service(record(email="kites@"))


def test_schema_problems_name_the_service_and_the_field() -> None:
    (problem,) = schema_problems(schemas.SERVICE, record(contacts=[{"id": "x"}]))
    assert problem == f"service {ID} (Kite Club): field contacts[0].id: 'x' is not a 'uuid'"
    assert schema_problems(schemas.SERVICE, record()) == []


def test_ages_and_fingerprints() -> None:
    read = read_service(record(minimum_age=2.5))
    assert read.data.minimum_age == Decimal("2.50")
    assert fingerprint(record()) == fingerprint(dict(reversed(list(record().items()))))
    assert fingerprint(record()) != fingerprint(record(name="Kite Club!"))


def test_a_position_off_the_earth_is_left_out_with_a_warning() -> None:
    place = {"id": ID, "location_type": "physical", "latitude": 100, "longitude": 101}
    read = read_service(record(service_at_locations=[{"id": ID, "location": place}]))
    (location,) = read.locations
    assert (location.latitude, location.longitude) == (None, None)
    assert "service_at_locations[0].location.latitude: 100 is not a latitude" in read.warnings[0]
