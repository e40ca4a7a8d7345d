"""The local authority's home, under /staff/local-authority/<slug>/, and its CSV.

Officers of that authority only (404 for anyone else), every read audited through
`get_local_authority_for_user`. Counts under 5 are suppressed on the page and in the CSV.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.core.la_home import LEVELS, SchoolSummary, summarise
from earlyhelp.lib.csvsafe import csv_download
from earlyhelp.lib.smallnumbers import shown
from earlyhelp.schools.access import get_local_authority_for_user
from earlyhelp.schools.models import LocalAuthority

CSV_HEADER = [
    "School",
    "Offer health errors",
    "Offer health warnings",
    "Review overdue",
    "Published on",
    *(level.label for level in LEVELS),
    "Step-ups to the front door this school year",
    "Pupils with attendance this school year",
    "Persistently absent",
    "Persistent absence rate (%)",
    "Severely absent",
    "Severe absence rate (%)",
]


def _load(request: HttpRequest, la_slug: str, page: str) -> LocalAuthority:
    return get_local_authority_for_user(
        staff_user(request), la_slug, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW, page=page
    )


@staff_page
def home(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = _load(request, la_slug, "home")
    today = timezone.localdate()
    return render(
        request,
        "core/la_home.html",
        {
            "la": la,
            "local_authority": la,
            "levels": LEVELS,
            "rows": summarise(la, today),
            "today": today,
        },
    )


@staff_page
def home_csv(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = _load(request, la_slug, "home.csv")
    today = timezone.localdate()
    rows = (csv_row(row) for row in summarise(la, today))
    return csv_download(f"{la.slug}-schools-{today}.csv", CSV_HEADER, rows)


def csv_row(row: SchoolSummary) -> list[object]:
    published = row.published_at.date() if row.published_at else "Not published"
    return [
        row.school.name,
        row.errors,
        row.warnings,
        "Yes" if row.review_overdue else "No",
        published,
        *(shown(n) for n in row.levels),
        shown(row.step_ups),
        shown(row.pupils),
        shown(row.persistent),
        shown(row.persistent_rate),
        shown(row.severe),
        shown(row.severe_rate),
    ]
