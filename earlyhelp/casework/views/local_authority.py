"""The local authority officer's page: counts of early help by school and level (no names),
and the children whose schools have referred them to the authority (the only ones the
officer may open)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import render

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode, NeedLevel
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_local_authority_for_user
from earlyhelp.schools.models import School

LEVELS = list(NeedLevel)


@dataclass(frozen=True)
class Row:
    school: School
    levels: list[int]

    @property
    def total(self) -> int:
        return sum(self.levels)

    @property
    def cells(self) -> list[tuple[str, int]]:
        """Each count with its level's name, which labels the cell when rows stack."""
        return labelled(self.levels)


def labelled(counts: list[int]) -> list[tuple[str, int]]:
    return [(str(level.label), n) for level, n in zip(LEVELS, counts, strict=True)]


@staff_page
def overview(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = get_local_authority_for_user(
        staff_user(request), la_slug, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW, page="casework"
    )
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for school_id, level, n in (
        EarlyHelpEpisode.objects.filter(school__local_authority=la, status__in=ACTIVE_STATUSES)
        .values_list("school_id", "level")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[school_id][level] = n
    rows = [
        Row(school, [counts[school.pk].get(level, 0) for level in LEVELS])
        for school in la.schools.order_by("name")
    ]
    referred = (
        Pupil.objects.filter(referrals__local_authority=la, school__local_authority=la)
        .annotate(last_referred=Max("referrals__sent_on"))
        .select_related("school")
        .order_by("-last_referred", "pk")
    )
    return render(
        request,
        "casework/local_authority/overview.html",
        {
            "la": la,
            "local_authority": la,
            "levels": LEVELS,
            "rows": rows,
            "totals": labelled([sum(r.levels[i] for r in rows) for i in range(len(LEVELS))]),
            "grand_total": sum(r.total for r in rows),
            "referred": list(referred),
        },
    )
