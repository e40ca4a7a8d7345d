"""The pupils' questionnaire on a shared tablet: a class code, then one short page.

No sign-in. Every page is `no-store`, and each pupil's answers are sent, then the tablet
shows "Thank you" and a fresh, empty questionnaire for the next pupil: going back shows
nothing a previous pupil chose. Wrong codes are limited per address (a code cannot be
guessed by trying), and accepted answers per address and per class as on the other public
forms. These views import only pupil voice's own actions, forms and models.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from earlyhelp.lib import ratelimit
from earlyhelp.lib.errors import ActionError
from earlyhelp.pupilvoice.actions import SessionClosedError, active_questions, is_open
from earlyhelp.pupilvoice.actions import record_answers as record
from earlyhelp.pupilvoice.forms import AnswersForm, CodeForm
from earlyhelp.pupilvoice.models import EMOJI, Scale, VoiceSession

HOUR = 3600
WRONG_CODES_PER_HOUR = 50
PER_ADDRESS_PER_HOUR = 60
PER_SESSION_PER_HOUR = 600
NOT_OPEN = "That code is not open. Check it with your teacher"
TOO_MANY = "Too many codes were tried from here. Ask your teacher to try again later"
BUSY = "Your answers have not been sent yet. Ask your teacher to try again later"
SCALE = [(value, label, EMOJI[Scale(value)]) for value, label in reversed(Scale.choices)]


@never_cache
def start(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _too_many_wrong(request):
            form.add_error("code", TOO_MANY)
            return _page(request, "start.html", status=429, form=form)
        session = _find(form.cleaned_data["code"])
        if session is not None:
            return redirect(reverse("pupilvoice_public:questions", args=[session.code]))
        _count_wrong(request)
        form.add_error("code", NOT_OPEN)
    return _page(request, "start.html", form=form)


@never_cache
def questions(request: HttpRequest, code: str) -> HttpResponse:
    session = _find_in_address(request, code)
    if session is None:
        return _not_open(request)
    asked = active_questions(session.school)
    form = AnswersForm(request.POST if request.method == "POST" else None, questions=asked)
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            return redirect(reverse("pupilvoice_public:thanks", args=[session.code]))
        if not _allowed(request, session):
            form.add_error(None, BUSY)
            return _questions(request, session, form, status=429)
        try:
            record(session=session, answers=form.answers(), comment=form.cleaned_data["comment"])
        except SessionClosedError:
            return _not_open(request)
        except ActionError as refused:
            form.add_error(None, str(refused))
        else:
            _count(request, session)
            return redirect(reverse("pupilvoice_public:thanks", args=[session.code]))
    return _questions(request, session, form)


@never_cache
def thanks(request: HttpRequest, code: str) -> HttpResponse:
    session = _find_in_address(request, code)
    if session is None:
        return _not_open(request)
    return _page(request, "thanks.html", session=session, school=session.school)


def _questions(
    request: HttpRequest, session: VoiceSession, form: AnswersForm, status: int = 200
) -> HttpResponse:
    groups = [(question, form[f"q{question.pk}"]) for question in form.questions]
    return _page(
        request,
        "questions.html",
        status=status,
        session=session,
        school=session.school,
        form=form,
        groups=groups,
        scale=SCALE,
    )


def _find_in_address(request: HttpRequest, code: str) -> VoiceSession | None:
    """The open session of a code in the address, or None; after too many wrong codes from
    this address, None even for a right one (so the address gives nothing away either)."""
    return None if _too_many_wrong(request) else _find(code)


def _find(code: str) -> VoiceSession | None:
    code = "".join(code.split()).upper()
    session = VoiceSession.objects.select_related("school__local_authority").filter(code=code)
    found = session.first()
    return found if found is not None and is_open(found, timezone.now()) else None


def _not_open(request: HttpRequest) -> HttpResponse:
    if _too_many_wrong(request):
        return _page(request, "not_open.html", status=429)
    _count_wrong(request)
    return _page(request, "not_open.html", status=404)


def _address(request: HttpRequest) -> str:
    return ratelimit.client_address(request)


def _too_many_wrong(request: HttpRequest) -> bool:
    return ratelimit.peek(f"pupil-voice-code:{_address(request)}") >= WRONG_CODES_PER_HOUR


def _count_wrong(request: HttpRequest) -> None:
    ratelimit.count(f"pupil-voice-code:{_address(request)}", window=HOUR)


def _keys(request: HttpRequest, session: VoiceSession) -> tuple[str, str]:
    return (
        f"pupil-voice:{session.pk}:{_address(request)}",
        f"pupil-voice:{session.pk}",
    )


def _allowed(request: HttpRequest, session: VoiceSession) -> bool:
    by_address, by_session = _keys(request, session)
    return (
        ratelimit.peek(by_address) < PER_ADDRESS_PER_HOUR
        and ratelimit.peek(by_session) < PER_SESSION_PER_HOUR
    )


def _count(request: HttpRequest, session: VoiceSession) -> None:
    for key in _keys(request, session):
        ratelimit.count(key, window=HOUR)


def _page(
    request: HttpRequest, template: str, status: int = 200, **context: object
) -> HttpResponse:
    school = context.get("school")
    context.update(
        emergency_reader="pupil",
        local_authority=getattr(school, "local_authority", None),
    )
    return render(request, f"pupilvoice/public/{template}", context, status=status)
