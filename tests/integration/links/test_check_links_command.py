"""`earlyhelp check-links` end to end, against a local HTTP server."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from earlyhelp.__main__ import with_command_alias
from earlyhelp.directory.actions import create_service, set_service_status
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.link_sources import list_directory_urls
from earlyhelp.directory.models import Scope, Service
from earlyhelp.links.models import LinkCheck
from tests.unit.links.local_site import Visits

pytestmark = pytest.mark.django_db
Site = tuple[str, Visits]


def national(name: str, **data: object) -> Service:
    return create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(name=name, organization_name=name, **data),  # type: ignore[arg-type]
    )


def check_links(*args: str) -> str:
    out = StringIO()
    call_command("check_links", "--retries", "0", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def directory(site: Site) -> str:
    base, _ = site
    national("Kooth", url=f"{base}/ok", additional_urls=(f"{base}/no-head",))
    national("Closed Line", url=f"{base}/missing")
    national("Same Site", url=f"{base}/ok#contact")  # the same address, spelt differently
    gone = national("Gone Service", url=f"{base}/hop/2")
    set_service_status(by=None, service=gone, status="defunct")
    return base


def test_the_directory_addresses_of_active_services_are_listed_once(directory: str) -> None:
    assert list_directory_urls() == [
        f"{directory}/missing",
        f"{directory}/no-head",
        f"{directory}/ok",
    ]


def test_a_run_checks_each_address_and_stores_the_result(directory: str, site: Site) -> None:
    _, visits = site
    output = check_links()
    assert "Checking 3 links with 8 workers." in output
    assert f"HTTP 404: {directory}/missing" in output
    assert "Checked 3 links: 2 working, 1 failing (1 newly failing)." in output
    checks = {check.url: check for check in LinkCheck.objects.all()}
    assert checks[f"{directory}/ok"].ok
    assert checks[f"{directory}/no-head"].ok
    assert checks[f"{directory}/missing"].error == "HTTP 404"
    assert visits.count("/hop/2") == 0, "a defunct service's address is not visited"
    assert {agent for _, _, agent in visits.requests} == {
        "earlyhelp-link-checker/0.1.0 (+http://127.0.0.1:8000)"
    }


def test_a_second_run_reports_nothing_newly_failing(directory: str) -> None:
    check_links()
    assert "1 failing (0 newly failing)" in check_links()


def test_recently_checked_addresses_can_be_skipped(directory: str, site: Site) -> None:
    _, visits = site
    check_links()
    LinkCheck.objects.filter(url=f"{directory}/ok").update(
        last_checked_at=timezone.now() - timedelta(days=10)
    )
    output = check_links("--only-older-than", "7")
    assert "Checking 1 links" in output
    assert visits.count("/ok") == 2


def test_every_address_is_listed_with_more_verbosity(directory: str) -> None:
    output = check_links("--verbosity", "2")
    assert f"working: {directory}/ok" in output


def test_the_hyphenated_name_runs_the_command() -> None:
    assert with_command_alias(["earlyhelp", "check-links", "--workers", "2"]) == [
        "earlyhelp",
        "check_links",
        "--workers",
        "2",
    ]
    out = StringIO()
    call_command(with_command_alias(["earlyhelp", "check-links"])[1], stdout=out)
    assert "Checked 0 links" in out.getvalue()


@pytest.mark.parametrize(
    "args",
    [("--workers", "0"), ("--timeout", "0"), ("--retries", "11"), ("--only-older-than", "-1")],
)
def test_out_of_range_options_are_refused(args: tuple[str, str]) -> None:
    with pytest.raises(CommandError):
        call_command("check_links", *args)


def test_a_slow_site_is_reported_as_timed_out(site: Site) -> None:
    base, _ = site
    national("Slow Line", url=f"{base}/slow")
    output = check_links("--timeout", "0.2")
    assert f"timed out: {base}/slow" in output
    assert LinkCheck.objects.get().error == "timed out"
