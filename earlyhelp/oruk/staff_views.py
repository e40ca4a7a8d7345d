"""The county directory editors' page of harvests: each feed's last run, counts and errors,
and the services withdrawn because they left their feed."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.oruk.models import HarvestedService, HarvestRun, HarvestSource
from earlyhelp.schools.models import LocalAuthority

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


def load_local_authority(request: HttpRequest, slug: str) -> LocalAuthority:
    """The one access check: a directory editor of this county (404 for anyone else)."""
    la = LocalAuthority.objects.filter(slug=slug).first()
    user = request.user
    if (
        la is None
        or not isinstance(user, User)
        or not has_permission(user, Permission.EDIT_COUNTY_DIRECTORY, local_authority=la)
    ):
        raise Http404("No such local authority")
    return la


@login_required
@never_cache
def harvests(request: HttpRequest, la_slug: str) -> HttpResponse:
    la = load_local_authority(request, la_slug)
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
