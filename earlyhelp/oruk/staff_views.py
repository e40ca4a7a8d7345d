"""The county directory editors' page of harvests: each feed's last run, counts and errors,
and the services withdrawn because they left their feed."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.oruk.models import HarvestedService, HarvestRun, HarvestSource
from earlyhelp.schools.access import get_local_authority_for_user

RECENT_RUNS = 5


@dataclass(frozen=True)
class SourceStatus:
    source: HarvestSource
    runs: list[HarvestRun]
    kept: int
    withdrawn: list[HarvestedService]

    @property
    def last(self) -> HarvestRun | None:
        return self.runs[0] if self.runs else None

    @property
    def last_success(self) -> HarvestRun | None:
        return next((r for r in self.runs if r.outcome == HarvestRun.Outcome.SUCCEEDED), None)


@staff_page
def harvests(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = get_local_authority_for_user(
        request.user, la_slug, Permission.EDIT_COUNTY_DIRECTORY, page="directory harvests"
    )
    sources = HarvestSource.objects.filter(
        Q(local_authority=la) | Q(local_authority__isnull=True)
    ).order_by("name")
    statuses = [_status(source) for source in sources]
    return render(
        request,
        "oruk/harvests.html",
        {"la": la, "local_authority": la, "statuses": statuses},
    )


def _status(source: HarvestSource) -> SourceStatus:
    harvested = source.services.select_related("service")
    return SourceStatus(
        source=source,
        runs=list(source.runs.all()[:RECENT_RUNS]),
        kept=harvested.filter(withdrawn_at__isnull=True).count(),
        withdrawn=list(harvested.filter(withdrawn_at__isnull=False).order_by("service__name")),
    )
