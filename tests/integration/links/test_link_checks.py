"""Stored link checks: the failing_since transitions, the audit event, the reads."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.lib.linkcheck import LinkResult
from earlyhelp.links.actions import RunSummary, record_link_checks
from earlyhelp.links.models import LinkCheck
from earlyhelp.links.status import link_status, statuses_for

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
URL = "https://www.example.org/young-carers"


def on(day: int) -> datetime:
    return datetime(2026, 3, day, 12, 0, tzinfo=LONDON)


def working(url: str = URL) -> LinkResult:
    return LinkResult(url, ok=True, status_code=200, final_url=url)


def failing(url: str = URL, error: str = "HTTP 404") -> LinkResult:
    return LinkResult(url, ok=False, status_code=404, error=error, final_url=url)


def run(*results: LinkResult, day: int) -> RunSummary:
    return record_link_checks(by=None, results=list(results), checked_at=on(day))


def test_a_working_link_that_fails_is_failing_since_that_check() -> None:
    run(working(), day=1)
    assert LinkCheck.objects.get().failing_since is None
    summary = run(failing(), day=3)
    check = LinkCheck.objects.get()
    assert (check.ok, check.error, check.failing_since) == (False, "HTTP 404", on(3))
    assert summary.newly_failing == 1


def test_failing_again_keeps_the_first_date() -> None:
    run(working(), day=1)
    run(failing(), day=3)
    summary = run(failing(error="timed out"), day=5)
    check = LinkCheck.objects.get()
    assert (check.failing_since, check.last_checked_at, check.error) == (
        on(3),
        on(5),
        "timed out",
    )
    assert (summary.failing, summary.newly_failing) == (1, 0)


def test_working_again_clears_the_failure() -> None:
    run(failing(), day=3)
    summary = run(working(), day=5)
    check = LinkCheck.objects.get()
    assert (check.ok, check.failing_since, check.error, check.status_code) == (True, None, "", 200)
    assert summary.recovered == 1


def test_a_link_failing_at_its_first_check_is_failing_since_then() -> None:
    summary = run(failing(), day=2)
    assert LinkCheck.objects.get().failing_since == on(2)
    assert summary == RunSummary(checked=1, working=0, failing=1, newly_failing=1, recovered=0)


def test_one_run_records_one_audit_event_with_the_counts() -> None:
    urls = [f"https://example.org/{n}" for n in range(5)]
    run(*(working(url) for url in urls[:3]), *(failing(url) for url in urls[3:]), day=1)
    events = AuditEvent.objects.filter(action="links.checked")
    assert events.count() == 1
    assert events.get().details == {
        "checked": 5,
        "working": 3,
        "failing": 2,
        "newly_failing": 2,
        "recovered": 0,
    }


def test_addresses_are_stored_once_however_they_are_spelt() -> None:
    run(working("HTTPS://WWW.EXAMPLE.ORG"), day=1)
    run(failing("https://www.example.org/#contact"), day=2)
    assert list(LinkCheck.objects.values_list("url", flat=True)) == ["https://www.example.org/"]
    status = link_status("https://www.example.org")
    assert status is not None and status.failing_since == on(2)


def test_a_working_link_cannot_have_a_failing_date() -> None:
    with pytest.raises(IntegrityError):
        LinkCheck.objects.create(
            url=URL, last_checked_at=timezone.now(), ok=True, failing_since=timezone.now()
        )


def test_a_failing_link_must_have_a_failing_date() -> None:
    with pytest.raises(IntegrityError):
        LinkCheck.objects.create(url=URL, last_checked_at=timezone.now(), ok=False)


def test_an_unchecked_address_has_no_status() -> None:
    assert link_status("https://never.example.org/") is None


def test_statuses_for_many_addresses_take_one_query(django_assert_num_queries):
    urls = [f"https://example.org/{n}" for n in range(20)]
    run(*(working(url) for url in urls[:10]), *(failing(url) for url in urls[10:]), day=1)
    with django_assert_num_queries(1):
        statuses = statuses_for([*urls, "https://unchecked.example.org", ""])
    assert set(statuses) == set(urls)
    assert [statuses[url].ok for url in urls] == [True] * 10 + [False] * 10


def test_each_spelling_given_gets_its_status() -> None:
    run(working("https://example.org/"), day=1)
    statuses = statuses_for(["https://example.org", "HTTPS://example.org/"])
    assert set(statuses) == {"https://example.org", "HTTPS://example.org/"}


def test_run_time_defaults_to_now() -> None:
    with time_machine.travel(on(4), tick=False):
        record_link_checks(by=None, results=[failing()])
    assert LinkCheck.objects.get().last_checked_at == on(4)
