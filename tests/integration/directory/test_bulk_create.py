"""Many services in batched writes: the same rows and search text as one at a time."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.bulk import NewService, create_services
from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
from earlyhelp.directory.models import Organization, Scope, Service
from earlyhelp.directory.search import SearchParams, build_search_text, search_services
from earlyhelp.lib.errors import ActionError

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def data(number: int, **extra: object) -> ServiceData:
    values: dict[str, object] = {
        "name": f"Night line {number}",
        "organization_name": "Samaritans of Testshire",
        "description": "Someone to talk to about anything that is troubling you.",
        "free": True,
        "minimum_age": None,
        "phones": (PhoneData("+441134960000"),),
        "topics": ("mental-health", "bereavement"),
        "delivery": ("phone",),
        "schedules": (ScheduleData("FR,SA", time(20), time(2)),),
        "service_areas": ("Testshire",),
        **extra,
    }
    return ServiceData(**values)  # type: ignore[arg-type]


def test_services_created_in_batches_are_whole_and_found() -> None:
    Organization.objects.create(name="SAMARITANS OF TESTSHIRE")
    services = create_services(
        by=None, items=[NewService(data(n), Scope.NATIONAL) for n in range(3)], reason="test"
    )
    assert [s.name for s in services] == ["Night line 0", "Night line 1", "Night line 2"]
    assert Organization.objects.count() == 1  # found without regard to case
    service = Service.objects.get(pk=services[1].pk)
    assert service.search_text == build_search_text(service)
    assert list(service.phones.values_list("number", flat=True)) == ["+441134960000"]
    assert set(service.terms.values_list("code", flat=True)) == {
        "mental-health",
        "bereavement",
        "phone",
    }
    event = AuditEvent.objects.get(action=AuditAction.DIRECTORY_SERVICES_CREATED)
    assert event.details["services"] == 3
    saturday_1am = datetime(2026, 11, 28, 1, 0, tzinfo=LONDON)
    found = search_services(SearchParams(q="someone to talk to", open_now=True, at=saturday_1am))
    assert set(found.ids) == {s.pk for s in services}
    monday_1am = datetime(2026, 11, 23, 1, 0, tzinfo=LONDON)
    closed = search_services(SearchParams(q="someone to talk to", open_now=True, at=monday_1am))
    assert closed.ids == []


def test_an_unknown_term_refuses_them_all() -> None:
    items = [
        NewService(data(1), Scope.NATIONAL),
        NewService(data(2, topics=("nope",)), Scope.NATIONAL),
    ]
    with pytest.raises(ActionError, match="nope"):
        create_services(by=None, items=items)
    assert not Service.objects.exists()
