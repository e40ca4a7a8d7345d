"""The demo's pupil voice: a term of fictional, anonymous answers in three classes per school.

Each class answers at the start of each half term of this school year up to today (and
once more last week), 18 to 26 pupils a time; the answers come from a random generator
seeded by the school, so they are the same every load. Happy comments come only from
pupils who answered no question "No" (any other comment goes to the DSL); one comment per
school suggests harm and so reaches the DSL's inbox, as a real one would. No names.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import Role
from earlyhelp.lib.schoolyear import england_terms
from earlyhelp.pupilvoice.actions import active_questions, open_session, record_answers
from earlyhelp.pupilvoice.models import Scale, VoiceSession
from earlyhelp.pupilvoice.terms import school_year_start
from earlyhelp.schools.models import School

CLASSES = (("Year 1 Robins", 0.75), ("Year 3 Kestrels", 0.6), ("Year 5 Owls", 0.5))
COMMENTS = (
    "I like reading time",
    "Playtime is fun",
    "I want more football",
    "My teacher is nice",
)
WORRY = "The big ones push me at playtime and I feel scared"


def load_demo_pupil_voice(today: date | None = None) -> None:
    today = today or timezone.localdate()
    for school in School.objects.filter(memberships__role=Role.STAFF).distinct().order_by("name"):
        teacher = Membership.objects.filter(school=school, role=Role.STAFF).first()
        if teacher is not None and not VoiceSession.objects.filter(school=school).exists():
            _school(school, teacher.user, today)


def session_days(today: date) -> list[date]:
    """The first Tuesday of each half term begun this school year, and last week's Tuesday."""
    days = [
        term.starts_on + timedelta(days=(1 - term.starts_on.weekday()) % 7)
        for term in england_terms(school_year_start(today))
    ]
    last_week = today - timedelta(days=7 + (today.weekday() - 1) % 7)
    return sorted({d for d in [*days, last_week] if d < today})


def _school(school: School, teacher: User, today: date) -> None:
    rng = random.Random(f"pupil voice {school.slug}")  # noqa: S311 # nosec B311 - demo data
    worried = False
    days = session_days(today)
    for day in days:
        for class_name, happy in CLASSES:
            opened = _at(day, time(9, 30))
            session = open_session(school=school, class_name=class_name, by=teacher, at=opened)
            questions = active_questions(school)
            for n in range(rng.randint(18, 26)):
                answers = {q.pk: _answer(rng, happy) for q in questions if rng.random() > 0.05}
                happy_comment = rng.random() < 0.15 and Scale.NO not in answers.values()
                comment = rng.choice(COMMENTS) if happy_comment else ""
                if not worried and day == days[-1]:
                    comment, worried = WORRY, True
                at = opened + timedelta(minutes=2 * n + 1)
                record_answers(session=session, answers=answers, comment=comment, at=at)


def _answer(rng: random.Random, happy: float) -> int:
    roll = rng.random()
    if roll < happy:
        return Scale.YES
    return Scale.SOMETIMES if roll < happy + (1 - happy) * 0.7 else Scale.NO


def _at(day: date, clock: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock))
