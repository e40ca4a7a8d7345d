"""`earlyhelp harvest-oruk` against a local ORUK server: paging, changes, withdrawals, refusal."""

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import (
    Attribute,
    Location,
    Phone,
    Schedule,
    Scope,
    Service,
    ServiceStatus,
)
from earlyhelp.directory.search import SearchParams, search_services
from earlyhelp.oruk.models import HarvestedService, HarvestRun
from earlyhelp.schools.models import LocalAuthority
from tests.integration.oruk.conftest import GetJson
from tests.integration.oruk.feed_server import FeedServer, feed_server, record, uuid_for
from tests.universe import make_county

__all__ = ["feed_server"]

pytestmark = pytest.mark.django_db


def run(server: FeedServer, *extra: str) -> str:
    out = StringIO()
    call_command("harvest-oruk", server.base_url, "--source", "testshire", *extra, stdout=out)
    return out.getvalue()


def state() -> dict[str, Any]:
    """Everything a second harvest of the same feed must leave exactly as it was."""
    return {
        "services": sorted(Service.objects.values_list("id", "last_modified", "status", "name")),
        "phones": sorted(Phone.objects.values_list("id", "number")),
        "schedules": sorted(Schedule.objects.values_list("id", "byday")),
        "locations": sorted(Location.objects.values_list("id", "name")),
        "attributes": sorted(Attribute.objects.values_list("id", "taxonomy_term_id")),
        "events": AuditEvent.objects.exclude(action__startswith="harvest.").count(),
    }


def test_every_page_is_harvested_with_phones_places_hours_and_terms(
    feed_server: FeedServer,
) -> None:
    county = make_county()
    feed_server.services = {r["id"]: r for r in (record(n) for n in range(1, 6))}
    output = run(feed_server, "--local-authority", county.slug)
    assert "Page 3/3: 5 services listed" in output
    assert "Fetched 5/5 services" in output
    assert "Done: 5 services in the feed; 5 new, 0 updated, 0 unchanged, 0 withdrawn." in output
    assert any("page=3" in r for r in feed_server.requests)
    service = Service.objects.get(harvested__remote_id=uuid_for(3))
    assert service.name == "Harvested service 3"
    assert (service.scope, service.owner_local_authority) == (Scope.LOCAL, county)
    assert list(service.phones.values_list("number", flat=True)) == ["+441134960003"]
    assert list(service.contacts.values_list("email", flat=True)) == ["hub3@example.org"]
    (schedule,) = service.schedules.all()
    assert (schedule.byday, str(schedule.opens_at), str(schedule.closes_at)) == (
        "MO,WE",
        "09:00:00",
        "15:30:00",
    )
    (place,) = service.service_at_locations.select_related("location")
    assert place.location.name == "Family hub 3"
    assert str(place.location.latitude) == "52.190000"
    assert place.location.addresses.get().postal_code == "TE1 1AA"
    terms = set(service.terms.values_list("taxonomy__name", "code"))
    assert terms == {
        ("earlyhelp-topic", "bullying"),
        ("esd-service-types", "family-support-services"),
    }
    harvested = service.harvested
    assert harvested.source.name == "testshire" and not harvested.withdrawn
    # Findable in the public directory search like any other service.
    found = search_services(SearchParams(q="harvested service 3"))
    assert service.pk in found.ids


def test_a_second_run_of_the_same_feed_changes_nothing(feed_server: FeedServer) -> None:
    feed_server.services = {r["id"]: r for r in (record(n) for n in range(1, 4))}
    run(feed_server)
    before = state()
    first_seen = HarvestedService.objects.get(remote_id=uuid_for(1)).last_seen
    output = run(feed_server)
    assert "0 new, 0 updated, 3 unchanged, 0 withdrawn" in output
    assert state() == before
    assert HarvestedService.objects.get(remote_id=uuid_for(1)).last_seen > first_seen


def test_a_changed_service_is_updated(feed_server: FeedServer, get_json: GetJson) -> None:
    feed_server.services = {r["id"]: r for r in (record(n) for n in range(1, 4))}
    run(feed_server)
    untouched = Service.objects.get(harvested__remote_id=uuid_for(1)).last_modified
    changed = record(2, phones=[{"id": uuid_for(2, 2), "number": "+44 113 496 0999"}])
    feed_server.services[changed["id"]] = changed
    output = run(feed_server)
    assert "0 new, 1 updated, 2 unchanged, 0 withdrawn" in output
    service = Service.objects.get(harvested__remote_id=uuid_for(2))
    assert list(service.phones.values_list("number", flat=True)) == ["+441134960999"]
    assert Service.objects.get(harvested__remote_id=uuid_for(1)).last_modified == untouched
    assert Location.objects.count() == 3  # the old place of service 2 replaced, not added to
    published = get_json(f"/api/oruk/services/{service.hsds_id}")
    assert published["phones"][0]["number"] == "+441134960999"


def test_a_service_gone_from_the_feed_is_withdrawn_not_deleted(
    feed_server: FeedServer, get_json: GetJson
) -> None:
    feed_server.services = {r["id"]: r for r in (record(n) for n in range(1, 4))}
    run(feed_server)
    del feed_server.services[uuid_for(3)]
    output = run(feed_server)
    assert "0 new, 0 updated, 2 unchanged, 1 withdrawn" in output
    service = Service.objects.get(harvested__remote_id=uuid_for(3))
    assert service.status == ServiceStatus.INACTIVE
    assert service.harvested.withdrawn
    assert service.pk not in search_services(SearchParams(q="harvested")).ids
    get_json(f"/api/oruk/services/{service.hsds_id}", status=404)
    # Back in the feed: active again.
    feed_server.services[uuid_for(3)] = record(3)
    assert "1 updated" in run(feed_server)
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE and not service.harvested.withdrawn


def test_an_invalid_service_on_the_last_page_refuses_the_whole_feed(
    feed_server: FeedServer,
) -> None:
    bad = record(5, contacts=[{"id": "not-a-uuid", "name": "Reception"}])
    feed_server.services = {r["id"]: r for r in [*(record(n) for n in range(1, 5)), bad]}
    with pytest.raises(CommandError) as refused:
        run(feed_server)
    message = str(refused.value)
    assert "Feed refused, nothing imported" in message
    assert f"service {uuid_for(5)} (Harvested service 5): field contacts[0].id" in message
    assert "is not a 'uuid'" in message
    assert Service.objects.count() == 0
    assert HarvestedService.objects.count() == 0
    last = HarvestRun.objects.get()
    assert last.outcome == HarvestRun.Outcome.REFUSED
    assert "contacts[0].id" in last.errors[0]


def test_directory_field_rules_refuse_a_feed_too(feed_server: FeedServer) -> None:
    feed_server.services = {uuid_for(1): record(1, name="x" * 400)}
    with pytest.raises(CommandError, match=r"field name: Ensure this value has at most 300"):
        run(feed_server)
    assert Service.objects.count() == 0


def test_an_unreachable_feed_is_a_clear_error(feed_server: FeedServer) -> None:
    feed_server.stop()
    with pytest.raises(CommandError, match="Feed could not be read, nothing imported"):
        run(feed_server)


def test_a_feed_that_suddenly_lists_nothing_withdraws_nothing(feed_server: FeedServer) -> None:
    feed_server.services = {uuid_for(1): record(1)}
    run(feed_server)
    feed_server.services = {}
    with pytest.raises(CommandError, match="the feed lists no services"):
        run(feed_server)
    assert Service.objects.get().status == ServiceStatus.ACTIVE


def test_an_undiallable_number_is_left_out_with_a_warning(feed_server: FeedServer) -> None:
    feed_server.services = {
        uuid_for(1): record(1, phones=[{"id": uuid_for(1, 2), "number": "call us"}])
    }
    output = run(feed_server)
    assert "field phones[0].number: 'call us' cannot be dialled; left out" in output
    assert Phone.objects.count() == 0


def test_an_unknown_local_authority_is_refused(feed_server: FeedServer) -> None:
    with pytest.raises(CommandError, match="No local authority"):
        run(feed_server, "--local-authority", "nowhere")
    assert not LocalAuthority.objects.exists()
