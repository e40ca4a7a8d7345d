"""Every write of pupil voice: sessions, questions and a pupil's answers.

Each action runs in one transaction and writes its audit event in it. A pupil's answers are
anonymous (`by=None`); a comment that suggests harm (`harm.suggests_harm`) reaches the DSL's
inbox through concerns' own public action, in the same transaction as the answers, so it
cannot be lost between the two.
"""

import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.concerns.models import MessageKind
from earlyhelp.concerns.public import receive_message
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.lib.validation import validated, validated_fields, validated_save
from earlyhelp.pupilvoice.harm import suggests_harm
from earlyhelp.pupilvoice.models import (
    VoiceAnswer,
    VoiceQuestion,
    VoiceResponse,
    VoiceSession,
)
from earlyhelp.pupilvoice.terms import term_name
from earlyhelp.schools.models import School

OPEN_FOR = timedelta(days=1)
# No letters or digits that look alike (0/O, 1/I/L, 5/S, 2/Z, 8/B): a child or teacher
# copies the code from a board.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
DEFAULT_QUESTIONS = (
    "Do you feel happy at school?",
    "Do you feel safe at school?",
    "Is there a grown-up at school you can talk to?",
    "Are other children kind to you?",
)


class SessionClosedError(WrongStateError):
    """The class code no longer takes answers."""


class NothingAnsweredError(ActionError):
    """A pupil pressed Send without choosing or writing anything."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_open(session: VoiceSession, now: datetime) -> bool:
    return session.closed_at is None and session.opened_at <= now < session.closes_at


class FutureTimeError(ActionError):
    """A session or answers dated in the future."""


def _when(at: datetime | None) -> datetime:
    """Now, or an earlier time for answers collected on paper and typed in later (the demo)."""
    now = timezone.now()
    if at is not None and at > now:
        raise FutureTimeError("Answers cannot be dated in the future")
    return at or now


@transaction.atomic
def open_session(
    *, school: School, class_name: str, by: User, at: datetime | None = None
) -> VoiceSession:
    """A class's session, open for a day, with a new code; the default questions on first use."""
    now = _when(at)
    if not VoiceQuestion.objects.filter(school=school).exists():
        _add_default_questions(school)
    code = new_code()
    while VoiceSession.objects.filter(code=code).exists():
        code = new_code()  # pragma: no cover - one in 244 million
    session = validated_save(
        VoiceSession(
            school=school,
            class_name=class_name.strip(),
            term=term_name(timezone.localtime(now).date()),
            code=code,
            opened_by=by,
            opened_at=now,
            closes_at=now + OPEN_FOR,
        )
    )
    record_event(
        by=by, action=AuditAction.PUPIL_VOICE_SESSION_OPENED, obj=session, school_id=school.pk
    )
    return session


@transaction.atomic
def close_session(*, session: VoiceSession, by: User) -> VoiceSession:
    if session.closed_at is not None:
        raise SessionClosedError("This session is already closed")
    session.closed_at = timezone.now()
    session.save(update_fields=["closed_at"])
    record_event(
        by=by,
        action=AuditAction.PUPIL_VOICE_SESSION_CLOSED,
        obj=session,
        school_id=session.school_id,
    )
    return session


def _add_default_questions(school: School) -> None:
    VoiceQuestion.objects.bulk_create(
        validated(VoiceQuestion(school=school, text=text, position=n))
        for n, text in enumerate(DEFAULT_QUESTIONS, start=1)
    )


def active_questions(school: School) -> list[VoiceQuestion]:
    return list(VoiceQuestion.objects.filter(school=school, active=True))


@transaction.atomic
def add_question(*, school: School, text: str, by: User) -> VoiceQuestion:
    if not VoiceQuestion.objects.filter(school=school).exists():
        _add_default_questions(school)
    last = VoiceQuestion.objects.filter(school=school).order_by("-position").first()
    question = validated_save(
        VoiceQuestion(school=school, text=text.strip(), position=(last.position if last else 0) + 1)
    )
    record_event(
        by=by, action=AuditAction.PUPIL_VOICE_QUESTION_ADDED, obj=question, school_id=school.pk
    )
    return question


@transaction.atomic
def change_question(*, question: VoiceQuestion, text: str, by: User) -> VoiceQuestion:
    """New words for a question. Answers already given stay with it."""
    question.text = text.strip()
    validated_save(question)
    record_event(
        by=by,
        action=AuditAction.PUPIL_VOICE_QUESTION_CHANGED,
        obj=question,
        school_id=question.school_id,
    )
    return question


@transaction.atomic
def retire_question(*, question: VoiceQuestion, by: User) -> VoiceQuestion:
    """No longer asked; its answers stay in the results."""
    if not question.active:
        raise WrongStateError("This question is no longer asked")
    question.active = False
    question.save(update_fields=["active"])
    record_event(
        by=by,
        action=AuditAction.PUPIL_VOICE_QUESTION_RETIRED,
        obj=question,
        school_id=question.school_id,
    )
    return question


@transaction.atomic
def record_answers(
    *, session: VoiceSession, answers: dict[int, int], comment: str, at: datetime | None = None
) -> VoiceResponse:
    """One pupil's answers (question id → scale value) and comment, anonymous.

    A comment that suggests harm goes to the DSL's inbox as a pupil's message, in this
    transaction: if either fails, neither is saved."""
    now = _when(at)
    locked = VoiceSession.objects.select_for_update().select_related("school").get(pk=session.pk)
    if not is_open(locked, now):
        raise SessionClosedError("This class code is closed. Ask your teacher.")
    comment = comment.strip()
    questions = {q.pk: q for q in active_questions(locked.school)}
    chosen = {qid: value for qid, value in answers.items() if qid in questions}
    if not chosen and not comment:
        raise NothingAnsweredError("Choose an answer or write something")
    send = suggests_harm(comment, chosen.values())
    response = validated_save(
        VoiceResponse(session=locked, submitted_at=now, comment=comment, sent_to_dsl=send)
    )
    VoiceAnswer.objects.bulk_create(
        validated_fields(
            VoiceAnswer(response=response, question=questions[qid], value=value),
            exclude=["response", "question"],
        )
        for qid, value in chosen.items()
    )
    if send:
        _send_to_dsl(locked, comment, now)
    record_event(
        by=None,
        action=AuditAction.PUPIL_VOICE_ANSWERED,
        obj=response,
        school_id=locked.school_id,
        details={"session": locked.pk, "sent_to_dsl": send},
    )
    return response


def _send_to_dsl(session: VoiceSession, comment: str, now: datetime) -> None:
    day = govuk_date(timezone.localtime(now).date())
    receive_message(
        school=session.school,
        kind=MessageKind.TELL_A_TEACHER,
        message=comment,
        contact=(
            f"Pupil voice questionnaire (anonymous): class {session.class_name}, "
            f"{session.term}, {day}"
        ),
    )
