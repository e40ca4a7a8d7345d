"""Lists of concerns: "My concerns" (what I logged) and the safeguarding team's inbox.

Lists write no access events (they show names and categories, not records); each is
filtered by the rule of `concerns.access.can_view_concern`, and loads in a fixed number of
queries whatever its length.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.urls import reverse

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.concerns.models import AboutWhom, Concern, ConcernPupil, Part, Status
from earlyhelp.concerns.urgency import by_urgency
from earlyhelp.lib.datefmt import govuk_datetimes
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School

INBOX_NEW_SHOWN = 200
INBOX_DECIDED_SHOWN = 50
MINE_SHOWN = 100

# Encrypted narrative no list shows: not read, so never decrypted (each costs a Fernet check).
UNSHOWN = ("account", "action_taken", "contact", "safe_times", "decision__reason")


@dataclass(frozen=True)
class Row:
    """One concern as a list prints it, formatted once here rather than per cell."""

    pk: int
    url: str
    logged: str
    immediate_risk: bool
    children: str
    about: str
    is_new: bool
    source: str
    outcome: str
    pattern: bool = False
    tell_dsl_now: bool = False


def _rows(concerns: QuerySet[Concern], school: School, shown: int) -> list[Row]:
    links = ConcernPupil.objects.select_related("pupil").order_by("pk")
    found = (
        concerns.select_related("raised_by", "decision")
        .defer(*UNSHOWN)
        .prefetch_related(Prefetch("links", queryset=links))[:shown]
    )
    base = reverse("concerns:mine", args=[school.slug])  # + "<pk>/" is the concern's page
    logged = govuk_datetimes()
    return [_row(concern, f"{base}{concern.pk}/", logged(concern.raised_at)) for concern in found]


def _row(concern: Concern, url: str, logged: str) -> Row:
    decision = getattr(concern, "decision", None)
    if concern.raised_by:
        source = concern.raised_by.get_full_name()
    else:
        source = str(concern.get_source_display())
    if concern.message_kind:
        about = str(concern.get_message_kind_display())
        if concern.about_whom == AboutWhom.FRIEND:
            about = f"{about} (about a friend)"
    else:
        about = ", ".join(concern.category_labels)
    return Row(
        pk=concern.pk,
        url=url,
        logged=logged,
        immediate_risk=concern.immediate_risk,
        children=_children(concern),
        about=about,
        is_new=concern.is_new,
        source=source,
        outcome=str(decision.get_outcome_display()) if decision else "",
        pattern=bool(getattr(concern, "pattern", False)),
        tell_dsl_now=concern.tell_dsl_now and concern.is_new,
    )


def _children(concern: Concern) -> str:
    names = [
        link.pupil.display_name
        if link.part == Part.SUBJECT
        else f"{link.pupil.display_name} ({str(link.get_part_display()).lower()})"
        for link in concern.links.all()
    ]
    return ", ".join(names) or "No pupil linked yet"


@staff_page
def mine(request: StaffRequest, school_slug: str) -> HttpResponse:
    user = staff_user(request)
    school = get_school_for_user(user, school_slug, Permission.LOG_CONCERN)
    concerns = _rows(Concern.objects.filter(school=school, raised_by=user), school, MINE_SHOWN)
    return render_page(
        request, "concerns/staff/mine.html", school, concerns=concerns, shown=MINE_SHOWN
    )


@staff_page
def inbox(request: StaffRequest, school_slug: str) -> HttpResponse:
    user = staff_user(request)
    school = get_school_for_user(user, school_slug, Permission.VIEW_CHILD_RECORDS)
    if not has_permission(user, Permission.MANAGE_CASEWORK, school=school):
        raise PermissionDenied("The inbox is for the safeguarding team.")
    showing = request.GET.get("status", "")
    showing = showing if showing in (Status.NEW, Status.TRIAGED) else ""
    at_school = Concern.objects.filter(school=school)
    new_all = at_school.filter(status=Status.NEW)
    new = [] if showing == Status.TRIAGED else _rows(by_urgency(new_all), school, INBOX_NEW_SHOWN)
    decided = (
        []
        if showing == Status.NEW
        else _rows(
            at_school.filter(status=Status.TRIAGED).order_by("-raised_at", "-pk"),
            school,
            INBOX_DECIDED_SHOWN,
        )
    )
    return render_page(
        request,
        "concerns/staff/inbox.html",
        school,
        showing=showing,
        new=new,
        # Counted only when the page is full: the count is the one number the page adds.
        new_count=new_all.count() if len(new) >= INBOX_NEW_SHOWN else len(new),
        new_shown=INBOX_NEW_SHOWN,
        decided=decided,
        decided_shown=INBOX_DECIDED_SHOWN,
    )
