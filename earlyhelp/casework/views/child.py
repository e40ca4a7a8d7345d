"""A child's record for the safeguarding team, under /staff/schools/<slug>/children/.

Each page that shows a child loads them through `casework.access.get_child_for_user`,
exactly once, which writes the one access event of the request. Before that, a side-effect
free query checks that the child is on this school's roll, so a wrong URL answers 404
without recording a look at a record nobody saw.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import Count, Max, QuerySet
from django.http import HttpResponse
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED, get_child_for_user
from earlyhelp.lib import validators
from earlyhelp.lib.datefmt import govuk_datetimes
from earlyhelp.lib.pdf import html_to_pdf
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.search import search_pupils
from earlyhelp.records.chronology import list_entries
from earlyhelp.records.models import ChronologyEntry, EntryKind
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.ui.forms import GovukForm

CHRONOLOGY_SHOWN = 100
CHRONOLOGY_ALL = 5000
CHILDREN_SHOWN = 200
ACCESS_SHOWN = 500
# An entry recorded more than a day after the event is marked "recorded later".
RECORDED_LATE = timedelta(days=1)


@staff_page
def children(request: StaffRequest, school_slug: str) -> HttpResponse:
    """The school's children with a record (newest entry first), and a search of the roll."""
    school = get_school_for_user(staff_user(request), school_slug, Permission.VIEW_CHILD_RECORDS)
    query = request.GET.get("q", "").strip()[:100]
    with_records = (
        Pupil.objects.filter(school=school, chronology_entries__isnull=False)
        .annotate(
            entries=Count("chronology_entries"), latest=Max("chronology_entries__occurred_at")
        )
        .order_by("-latest", "pk")
    )
    return render_page(
        request,
        "casework/child/list.html",
        school,
        pupils=list(with_records[:CHILDREN_SHOWN]),
        shown=CHILDREN_SHOWN,
        query=query,
        results=search_pupils(school, query) if query else [],
    )


@staff_page
def overview(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_child_for_user(
        staff_user(request), pupil_id, page="overview", school_slug=school_slug
    )
    recent = list(list_entries(pupil)[:5])
    return render_page(
        request,
        "casework/child/overview.html",
        pupil.school,
        pupil=pupil,
        recent=recent,
        sees_who_looked=_sees_who_looked(request, pupil),
        back=_back(request, pupil),
    )


class ChronologyFilter(GovukForm):
    kind = forms.MultipleChoiceField(
        label="Show only",
        choices=EntryKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start = forms.DateField(
        label="From",
        required=False,
        help_text="For example, 1/9/2026",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter a real date, like 1/9/2026"},
    )
    end = forms.DateField(
        label="To",
        required=False,
        help_text="For example, 31/12/2026",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter a real date, like 31/12/2026"},
    )

    def clean_start(self) -> date | None:
        return _in_window(self.cleaned_data.get("start"), "from date")

    def clean_end(self) -> date | None:
        return _in_window(self.cleaned_data.get("end"), "to date")


def _in_window(value: date | None, label: str) -> date | None:
    if value is not None:
        validators.FILTER.check(value, label)
    return value


@dataclass(frozen=True)
class Row:
    """One chronology line as the page and the PDF print it (strings ready to show)."""

    when: str
    kind: str
    summary: str
    recorded_by: str
    recorded: str = ""
    late: bool = False


@dataclass(frozen=True)
class Chronology:
    entries: list[Row]
    total: int
    capped: bool


def _chronology(pupil: Pupil, form: ChronologyFilter, *, show_all: bool) -> Chronology:
    data = form.cleaned_data if form.is_valid() else {}
    entries = _filtered(list_entries(pupil, kinds=data.get("kind") or None), data)
    total = entries.count()
    limit = CHRONOLOGY_ALL if show_all else CHRONOLOGY_SHOWN
    return Chronology(entries=_rows(entries[:limit]), total=total, capped=total > limit)


def _rows(entries: QuerySet[ChronologyEntry]) -> list[Row]:
    """Only the shown columns, formatted once here: a 500-line chronology is one loop of
    plain strings in the template (per-row filters and lookups were most of its time)."""
    kinds = dict(EntryKind.choices)
    when = govuk_datetimes()
    found = entries.values_list(
        "occurred_at",
        "kind",
        "summary",
        "recorded_by__first_name",
        "recorded_by__last_name",
        "recorded_at",
    )
    rows = []
    for occurred_at, kind, summary, first, last, recorded_at in found:
        rows.append(
            Row(
                when=when(occurred_at),
                kind=str(kinds.get(kind, kind)),
                summary=linebreaksbr(summary, autoescape=True),
                recorded_by=f"{first} {last}".strip() if first is not None else "System",
                recorded=when(recorded_at),
                late=recorded_at - occurred_at > RECORDED_LATE,
            )
        )
    return rows


def _filtered(
    entries: QuerySet[ChronologyEntry], data: dict[str, date]
) -> QuerySet[ChronologyEntry]:
    if data.get("start"):
        entries = entries.filter(occurred_at__gte=_aware(data["start"]))
    if data.get("end"):
        entries = entries.filter(occurred_at__lt=_aware(data["end"] + timedelta(days=1)))
    return entries


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@staff_page
def chronology(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_child_for_user(
        staff_user(request), pupil_id, page="chronology", school_slug=school_slug
    )
    form = ChronologyFilter(request.GET or None)
    found = _chronology(pupil, form, show_all=request.GET.get("all") == "1")
    query = request.GET.copy()
    query["all"] = "1"
    return render_page(
        request,
        "casework/child/chronology.html",
        pupil.school,
        pupil=pupil,
        form=form,
        chronology=found,
        show_all_query=query.urlencode(),
        pdf_query=request.GET.urlencode(),
        sees_who_looked=_sees_who_looked(request, pupil),
        back=_back(request, pupil),
    )


@staff_page
def chronology_pdf(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_child_for_user(
        staff_user(request), pupil_id, page="chronology PDF", school_slug=school_slug
    )
    form = ChronologyFilter(request.GET or None)
    found = _chronology(pupil, form, show_all=True)
    html = render_to_string(
        "casework/child/chronology_pdf.html",
        {"pupil": pupil, "school": pupil.school, "chronology": found, "printed_at": timezone.now()},
    )
    pdf = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"chronology-{pupil.upn}-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


@staff_page
def who_looked(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    """Who has looked at this record: the access events, newest first (safeguarding team)."""
    pupil = get_child_for_user(
        staff_user(request),
        pupil_id,
        page="who has looked",
        school_slug=school_slug,
        permission=Permission.MANAGE_CASEWORK,
    )
    events = AuditEvent.objects.filter(
        action=VIEWED, object_type=pupil._meta.label_lower, object_id=str(pupil.pk)
    ).order_by("-id")
    return render_page(
        request,
        "casework/child/who_looked.html",
        pupil.school,
        pupil=pupil,
        events=list(events[:ACCESS_SHOWN]),
        total=events.count(),
        shown=ACCESS_SHOWN,
    )


@dataclass(frozen=True)
class BackLink:
    url: str
    text: str


def _back(request: StaffRequest, pupil: Pupil) -> BackLink:
    """Back to the school's children for its own staff; a local authority officer, who sees a
    child only once referred to the council (casework.access), goes back to those referrals."""
    school = pupil.school
    if has_permission(staff_user(request), Permission.VIEW_CHILD_RECORDS, school=school):
        return BackLink(reverse("children:list", args=[school.slug]), "Children")
    authority = school.local_authority
    url = reverse("casework_la:overview", args=[authority.slug])
    return BackLink(url, f"Children referred to {authority.front_door_name}")


def _sees_who_looked(request: StaffRequest, pupil: Pupil) -> bool:
    """The record's access list is the school's safeguarding team's alone (not the LA's)."""
    return has_permission(staff_user(request), Permission.MANAGE_CASEWORK, school=pupil.school)
