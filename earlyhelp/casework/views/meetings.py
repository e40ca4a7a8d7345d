"""The weekly safeguarding meeting: the agenda for a date, who came, a decision per item.

The whole agenda is one form with one button, so every decision typed is saved together (or,
when one of them has a mistake, none is saved and every typed value comes back).
"""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.casework.actions.meetings import TypedDecision, record_decisions
from earlyhelp.casework.agenda import Agenda, AgendaItem, build_agenda
from earlyhelp.casework.forms import AttendeesForm, ItemDecisionForm
from earlyhelp.casework.models import AgendaItemKind
from earlyhelp.casework.views._common import load_school
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validators import MEETING
from earlyhelp.schools.models import School
from earlyhelp.ui.templatetags.govuk import govuk_error_summary

NAMES = ("decision", "reason")
HEADINGS = {
    AgendaItemKind.NEW_CONCERN: "New concerns",
    AgendaItemKind.REVIEW_DUE: "Reviews due",
    AgendaItemKind.ACTION_OVERDUE: "Overdue plan actions",
    AgendaItemKind.PATTERN: "Pattern alerts",
    AgendaItemKind.REFERRAL_WAITING: "Referrals waiting too long",
    AgendaItemKind.ATTENDANCE: "Attendance",
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
def today(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = load_school(request, school_slug)
    return redirect(_url(school, timezone.localdate()))


@staff_page
def meeting(request: StaffRequest, school_slug: str, day: str) -> HttpResponse:
    school, on = load_school(request, school_slug), _day(day)
    agenda = build_agenda(school, on)
    data = posted(request)
    forms = {
        item.key: ItemDecisionForm(data, prefix=item.key, name=item.pupil.display_name)
        for item in agenda.items
        if not item.decided or _typed_in(data, item.key)
    }
    attendees = AttendeesForm(
        data, initial={"attendees": agenda.meeting.attendees if agenda.meeting else ""}
    )
    valid = attendees.is_valid() & all(form.is_valid() for form in forms.values())
    if data is not None and valid and _save(request, school, agenda, attendees, forms):
        return redirect(_url(school, on))
    return render_page(
        request,
        "casework/meetings/agenda.html",
        school,
        agenda=agenda,
        sections=[
            (HEADINGS[kind], [(item, forms[item.key]) for item in items if item.key in forms])
            for kind, items in agenda.sections.items()
        ],
        decided=[item for item in agenda.decided if item.key not in forms],
        attendees=attendees,
        errors=govuk_error_summary(attendees, *forms.values())["errors"],
    )


def _typed_in(data: QueryDict | None, key: str) -> bool:
    """Something typed for this item, though it was decided meanwhile: kept, never dropped."""
    return data is not None and any(data.get(f"{key}-{name}", "").strip() for name in NAMES)


def _save(
    request: HttpRequest,
    school: School,
    agenda: Agenda,
    attendees: AttendeesForm,
    forms: dict[str, ItemDecisionForm],
) -> bool:
    """Who came and every typed decision, in one action; False (nothing saved) on a refusal."""
    typed = [_typed(agenda, key, form) for key, form in forms.items() if form.typed]
    who = attendees.cleaned_data["attendees"]
    previous = agenda.meeting.attendees if agenda.meeting else ""
    if not typed and who == previous:
        messages.success(request, "Nothing new to save.")
        return True
    try:
        record_decisions(
            school=school,
            held_on=agenda.on,
            attendees=who if who != previous else None,
            decisions=typed,
            by=staff_user(request),
        )
    except ActionError as error:
        attendees.add_error(None, str(error))
        return False
    count = len(typed)
    messages.success(
        request,
        f"{count} decision{'s' if count != 1 else ''} saved." if typed else "Who came is saved.",
    )
    return True


def _typed(agenda: Agenda, key: str, form: ItemDecisionForm) -> TypedDecision:
    item: AgendaItem | None = agenda.find(key)
    assert item is not None
    return TypedDecision(
        pupil=item.pupil,
        item_kind=item.kind,
        item_key=item.key,
        decision=form.cleaned_data["decision"],
        reason=form.cleaned_data["reason"],
    )


@staff_page
def minutes(request: StaffRequest, school_slug: str, day: str) -> HttpResponse:
    """A plain printable page: the agenda and the decisions taken at this meeting."""
    school, on = load_school(request, school_slug), _day(day)
    agenda = build_agenda(school, on)
    return render_page(
        request,
        "casework/meetings/minutes.html",
        school,
        agenda=agenda,
        sections=[(HEADINGS[kind], items) for kind, items in agenda.sections.items()],
    )
