"""The weekly safeguarding meeting: the agenda for a date, who came, a decision per item."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from earlyhelp.casework.actions.meetings import hold_meeting, record_decision
from earlyhelp.casework.agenda import Agenda, build_agenda
from earlyhelp.casework.forms import AttendeesForm, DecisionForm
from earlyhelp.casework.models import AgendaItemKind
from earlyhelp.casework.views._common import load_school, render_page, staff_page, staff_user
from earlyhelp.core.errors import ActionError
from earlyhelp.lib.validators import MEETING
from earlyhelp.schools.models import School

HEADINGS = {
    AgendaItemKind.NEW_CONCERN: "New concerns",
    AgendaItemKind.REVIEW_DUE: "Reviews due",
    AgendaItemKind.ACTION_OVERDUE: "Overdue plan actions",
    AgendaItemKind.PATTERN: "Pattern alerts",
    AgendaItemKind.REFERRAL_WAITING: "Referrals waiting too long",
}


def _day(text: str) -> date:
    """The meeting's date from the URL: an ISO date near today (validators.MEETING), else 404."""
    try:
        day = date.fromisoformat(text) if text.isascii() and len(text) == 10 else None
    except ValueError:
        day = None
    if day is None or not MEETING.contains(day):
        raise Http404("No such date")
    return day


def _url(school: School, day: date) -> str:
    return reverse("casework:meeting", args=[school.slug, day.isoformat()])


@staff_page
def today(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = load_school(request, school_slug)
    return redirect(_url(school, timezone.localdate()))


@staff_page
def meeting(request: HttpRequest, school_slug: str, day: str) -> HttpResponse:
    school, on = load_school(request, school_slug), _day(day)
    agenda = build_agenda(school, on)
    posted = request.POST.get("which", "") if request.method == "POST" else ""
    forms = {
        item.key: DecisionForm(
            request.POST if item.key == posted else None,
            prefix=item.key,
            initial={"item": item.key},
        )
        for item in agenda.items
    }
    attendees = AttendeesForm(
        request.POST if posted == "attendees" else None,
        initial={"attendees": agenda.meeting.attendees if agenda.meeting else ""},
    )
    if posted == "attendees" and attendees.is_valid():
        hold_meeting(
            school=school,
            held_on=on,
            attendees=attendees.cleaned_data["attendees"],
            by=staff_user(request),
        )
        messages.success(request, "Who came is saved.")
        return redirect(_url(school, on))
    decided = posted in forms and forms[posted].is_valid()
    if decided and _decide(request, school, agenda, posted, forms[posted]):
        return redirect(f"{_url(school, on)}#{posted}")
    return render_page(
        request,
        "meetings/agenda.html",
        school,
        agenda=agenda,
        sections=[
            (HEADINGS[kind], [(item, forms[item.key]) for item in items])
            for kind, items in agenda.sections.items()
        ],
        attendees=attendees,
        bound=forms.get(posted) if posted in forms else attendees,
    )


def _decide(
    request: HttpRequest, school: School, agenda: Agenda, key: str, form: DecisionForm
) -> bool:
    item = agenda.find(key)
    assert item is not None
    by = staff_user(request)
    try:
        found = agenda.meeting or hold_meeting(
            school=school, held_on=agenda.on, attendees="", by=by
        )
        record_decision(
            meeting=found,
            pupil=item.pupil,
            item_kind=item.kind,
            item_key=item.key,
            decision=form.cleaned_data["decision"],
            by=by,
        )
    except ActionError as error:
        form.add_error("decision", str(error))
        return False
    messages.success(request, f"Decision about {item.pupil.display_name} recorded.")
    return True
