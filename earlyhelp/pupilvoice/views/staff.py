"""Staff pages of pupil voice: open and close a class's session, the questions, the results."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page
from earlyhelp.lib import formvalues
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.smallnumbers import SUPPRESSED
from earlyhelp.pupilvoice import actions
from earlyhelp.pupilvoice.access import get_question_for_user, get_session_for_user
from earlyhelp.pupilvoice.forms import OpenSessionForm, QuestionForm
from earlyhelp.pupilvoice.models import VoiceQuestion, VoiceSession
from earlyhelp.pupilvoice.results import class_results
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School


def _home(school: School) -> str:
    return reverse("pupilvoice:home", args=[school.slug])


def _questions_url(school: School) -> str:
    return reverse("pupilvoice:questions", args=[school.slug])


def _done(request: StaffRequest, url: str, message: str) -> HttpResponseRedirect:
    messages.success(request, message)
    return redirect(url)


@staff_page
def home(request: StaffRequest, school_slug: str) -> HttpResponse:
    """Open a class's session; the sessions open now."""
    school = get_school_for_user(request.user, school_slug, Permission.RUN_PUPIL_VOICE)
    form = OpenSessionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        session = actions.open_session(
            school=school, class_name=formvalues.text(form, "class_name"), by=request.user
        )
        return redirect(reverse("pupilvoice:session", args=[school.slug, session.pk]))
    now = timezone.now()
    open_now = VoiceSession.objects.filter(
        school=school, closed_at__isnull=True, closes_at__gt=now
    ).order_by("class_name", "pk")
    return render_page(
        request,
        "pupilvoice/staff/home.html",
        school,
        form=form,
        sessions=list(open_now),
        may_manage=has_permission(request.user, Permission.MANAGE_PUPIL_VOICE, school=school),
    )


@staff_page
def session(request: StaffRequest, school_slug: str, session_id: int) -> HttpResponse:
    found = get_session_for_user(request.user, school_slug, session_id)
    return render_page(
        request,
        "pupilvoice/staff/session.html",
        found.school,
        session=found,
        is_open=actions.is_open(found, timezone.now()),
        answers=found.responses.count(),
        start_url=request.build_absolute_uri(reverse("pupilvoice_public:start")),
        back=_home(found.school),
    )


@staff_page
def close(request: StaffRequest, school_slug: str, session_id: int) -> HttpResponse:
    found = get_session_for_user(request.user, school_slug, session_id)
    if request.method != "POST":
        return redirect(reverse("pupilvoice:session", args=[school_slug, found.pk]))
    try:
        actions.close_session(session=found, by=request.user)
    except ActionError as refused:
        messages.error(request, str(refused))
        return redirect(_home(found.school))
    return _done(request, _home(found.school), f"The session for {found.class_name} is closed.")


@staff_page
def questions(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_PUPIL_VOICE)
    form = QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.add_question(school=school, text=formvalues.text(form, "text"), by=request.user)
        return _done(request, _questions_url(school), "The question is added.")
    asked = VoiceQuestion.objects.filter(school=school, active=True)
    return render_page(
        request,
        "pupilvoice/staff/questions.html",
        school,
        form=form,
        questions=list(asked),
        defaults=actions.DEFAULT_QUESTIONS,
        back=_home(school),
    )


@staff_page
def question(request: StaffRequest, school_slug: str, question_id: int) -> HttpResponse:
    found = get_question_for_user(request.user, school_slug, question_id)
    form = QuestionForm(posted(request), initial={"text": found.text})
    if request.method == "POST" and form.is_valid():
        actions.change_question(question=found, text=formvalues.text(form, "text"), by=request.user)
        return _done(request, _questions_url(found.school), "The question is changed.")
    return render_page(
        request,
        "pupilvoice/staff/question.html",
        found.school,
        form=form,
        question=found,
        back=_questions_url(found.school),
    )


@staff_page
def retire(request: StaffRequest, school_slug: str, question_id: int) -> HttpResponse:
    found = get_question_for_user(request.user, school_slug, question_id)
    if request.method != "POST":
        return redirect(reverse("pupilvoice:question", args=[school_slug, found.pk]))
    try:
        actions.retire_question(question=found, by=request.user)
    except ActionError as refused:
        messages.error(request, str(refused))
        return redirect(_questions_url(found.school))
    return _done(request, _questions_url(found.school), "The question is no longer asked.")


@staff_page
def results(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_PUPIL_VOICE)
    return render_page(
        request,
        "pupilvoice/staff/results.html",
        school,
        results=class_results(school),
        suppressed=SUPPRESSED,
        back=_home(school),
    )
