"""Attendance pages: the register import, today's first-day calls, one pupil's marks.

/staff/schools/<slug>/attendance/            today's first-day calls and the year's figures
/staff/schools/<slug>/attendance/import/     the register import (all or nothing)
/staff/schools/<slug>/attendance/<pupil>/    one pupil's calendar and amendment history
/staff/schools/<slug>/attendance/calls/<pupil>/  POST: record a first-day call's outcome
All need MANAGE_ATTENDANCE (attendance officer, DSL, deputies, headteacher).
"""

from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, staff_page
from earlyhelp.attendance.access import get_pupil_attendance_for_user
from earlyhelp.attendance.actions import (
    NoticeRefused,
    import_marks,
    notify_missing_education,
    record_call,
)
from earlyhelp.attendance.deletion import deletion_warnings, school_day_rule
from earlyhelp.attendance.engine import PupilMeasures, measure_school
from earlyhelp.attendance.forms import NoticeForm, RegisterUploadForm
from earlyhelp.attendance.models import (
    SETTLED_OUTCOMES,
    CallOutcome,
    FirstDayCall,
    MissingEducationNotice,
)
from earlyhelp.attendance.months import KIND_LABELS, list_amendments, list_months
from earlyhelp.attendance.register import RegisterFileError, read_register
from earlyhelp.lib import formvalues
from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.pupils.models import Pupil, PupilContact
from earlyhelp.records.open_matters import with_open_matters
from earlyhelp.schools.access import get_school_for_user


def year_start(today: date) -> date:
    """1 September of the school year `today` is in."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


@staff_page
def overview(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_ATTENDANCE)
    today = timezone.localdate()
    measures = measure_school(school.pk, year_start(today), today)
    names = {p.upn: p for p in Pupil.objects.filter(school=school)}
    calls = _calls([names[upn] for upn in measures.first_day_calls if upn in names], today)
    flagged = sorted(
        (p for p in measures.pupils if p.persistent), key=lambda p: (p.attendance or 0, p.upn)
    )
    notices = {
        (n.pupil_id, n.first_day): n for n in MissingEducationNotice.objects.filter(school=school)
    }
    return render(
        request,
        "attendance/overview.html",
        {
            "school": school,
            "today": today,
            "outstanding": [c for c in calls if not c.settled],
            "settled": [c for c in calls if c.settled],
            "outcomes": CallOutcome.choices,
            "flagged": [(names[p.upn], p) for p in flagged if p.upn in names],
            "missing": [
                (names[r.upn], r, notices.get((names[r.upn].pk, r.first_day)))
                for r in measures.missing_education
                if r.upn in names
            ],
            "deletion": [
                (names[w.upn], w)
                for w in deletion_warnings(measures, school_day_rule(school.pk))
                if w.upn in names
            ],
        },
    )


@staff_page
def import_register(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_ATTENDANCE)
    form = RegisterUploadForm(posted(request), request.FILES or None)
    context: dict[str, object] = {"school": school}
    if request.method == "POST" and form.is_valid():
        roll = set(Pupil.objects.filter(school=school).values_list("upn", flat=True))
        try:
            data = form.cleaned_data["file"].read()
            marks = read_register(read_csv(data, max_bytes=len(data) + 1), roll=roll)
            context["result"] = import_marks(school=school, marks=marks, by=request.user)
        except CsvError as error:
            form.add_error("file", str(error))
        except RegisterFileError as error:
            context["problems"] = error.messages
    context["form"] = form
    return render(request, "attendance/import.html", context)


@staff_page
def pupil_attendance(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_pupil_attendance_for_user(request.user, school_slug, pupil_id)
    today = timezone.localdate()
    start = year_start(today)
    measures = measure_school(pupil.school_id, start, today)
    figures = next((p for p in measures.pupils if p.upn == pupil.upn), None)
    return render(
        request,
        "attendance/pupil.html",
        {
            "school": pupil.school,
            "pupil": pupil,
            "start": start,
            "today": today,
            "figures": figures or PupilMeasures(pupil.upn, 0, 0, 0, 0),
            "months": list_months(pupil, start, today),
            "amendments": list_amendments(pupil),
            "kinds": KIND_LABELS,
        },
    )


@dataclass(frozen=True)
class Call:
    pupil: Pupil
    attempts: list[FirstDayCall]
    known: bool = False  # an open concern or early help plan (records.open_matters)
    contacts: tuple[PupilContact, ...] = ()  # from the roll, in calling order

    @property
    def latest(self) -> FirstDayCall | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def settled(self) -> bool:
        return self.latest is not None and self.latest.outcome in SETTLED_OUTCOMES


def _calls(pupils: list[Pupil], today: date) -> list[Call]:
    attempts: dict[int, list[FirstDayCall]] = {}
    for call in FirstDayCall.objects.filter(pupil__in=pupils, date=today):
        attempts.setdefault(call.pupil_id, []).append(call)
    known = with_open_matters([p.pk for p in pupils])
    contacts: dict[int, list[PupilContact]] = {}
    for contact in PupilContact.objects.filter(pupil__in=pupils):
        contacts.setdefault(contact.pupil_id, []).append(contact)
    calls = [
        Call(p, attempts.get(p.pk, []), p.pk in known, tuple(contacts.get(p.pk, [])))
        for p in pupils
    ]
    return sorted(calls, key=lambda c: (not c.known, str(c.pupil)))


@staff_page
@require_POST
def record_call_outcome(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_pupil_attendance_for_user(
        request.user, school_slug, pupil_id, page="first-day call"
    )
    outcome = request.POST.get("outcome", "")
    if outcome in CallOutcome.values:
        record_call(
            pupil=pupil, day=timezone.localdate(), outcome=CallOutcome(outcome), by=request.user
        )
    return redirect(f"{reverse('attendance:overview', args=[school_slug])}#call-{pupil.pk}")


@staff_page
@require_POST
def notify(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    """Tell the local authority of a pupil's missing-education run (the list's button)."""
    pupil = get_pupil_attendance_for_user(
        request.user, school_slug, pupil_id, page="missing education notice"
    )
    form = NoticeForm(request.POST)
    # Told already, or no such run: the list shows the state either way.
    if form.is_valid():
        with suppress(NoticeRefused):
            notify_missing_education(
                pupil=pupil, first_day=formvalues.day(form, "first_day"), by=request.user
            )
    return redirect(f"{reverse('attendance:overview', args=[school_slug])}#missing-{pupil.pk}")
