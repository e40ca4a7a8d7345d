"""The local authority's attendance page, /staff/local-authority/<slug>/attendance/, and CSV.

Officers of that authority only (404 for anyone else, through
`get_local_authority_for_user`, which audits each opening). Per school: persistent and severe
absence and missing-education runs, counts under 5 suppressed; the children the schools have
notified as missing education, by name.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.attendance.la_figures import (
    SchoolFigures,
    notices,
    school_figures,
    year_start,
)
from earlyhelp.lib.csvsafe import csv_download
from earlyhelp.lib.smallnumbers import shown
from earlyhelp.schools.access import get_local_authority_for_user
from earlyhelp.schools.models import LocalAuthority

CSV_HEADER = [
    "School",
    "Pupils with attendance this school year",
    "Persistently absent",
    "Persistent absence rate (%)",
    "Severely absent",
    "Severe absence rate (%)",
    "Missing-education runs",
    "Notified to the local authority",
]


def _load(request: StaffRequest, la_slug: str, page: str) -> LocalAuthority:
    return get_local_authority_for_user(
        request.user, la_slug, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW, page=page
    )


@staff_page
def overview(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = _load(request, la_slug, "attendance")
    today = timezone.localdate()
    return render(
        request,
        "attendance/la_overview.html",
        {
            "la": la,
            "local_authority": la,
            "start": year_start(today),
            "today": today,
            "rows": school_figures(la, today),
            "notices": notices(la, today),
        },
    )


@staff_page
def overview_csv(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = _load(request, la_slug, "attendance.csv")
    today = timezone.localdate()
    rows = (csv_row(row) for row in school_figures(la, today))
    return csv_download(f"{la.slug}-attendance-{today}.csv", CSV_HEADER, rows)


def csv_row(row: SchoolFigures) -> list[object]:
    return [
        row.school.name,
        shown(row.pupils),
        shown(row.persistent),
        shown(row.persistent_rate),
        shown(row.severe),
        shown(row.severe_rate),
        shown(row.missing_runs),
        row.notices,
    ]
