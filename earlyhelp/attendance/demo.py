"""The demo's registers: a school year to today for every demo pupil, imported as a school would.

Every school with pupils gets a register from 1 September to today (its school days: a
typical English year's terms, England's bank holidays), imported through `import_marks`.
Most pupils attend well; by design the first pupil on each roll is severely absent, the
second and third persistently absent, the fourth has a run of 12 school days of unexplained
absence (a child missing education), and this morning two pupils are absent with no
reason yet (first-day calls). A second import gives reasons for some earlier `N` marks:
amendments, kept with their originals. Fictional data; the same every day it is loaded.
"""

import random
from datetime import date

from django.utils import timezone

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.alerts import check_queued
from earlyhelp.attendance.register import Mark
from earlyhelp.lib.schoolyear import SchoolYear, england_terms
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

RATES = {0: 0.6, 1: 0.15, 2: 0.12}  # by position on the roll; others 0-5 %
MISSING = 3  # the pupil with a missing-education run
CALLS_TODAY = (1, 5)


def load_demo_registers(today: date | None = None) -> None:
    today = today or timezone.localdate()
    start = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    days = list(SchoolYear(england_terms(start.year)).school_days(end=today))
    if today not in days:
        days.append(today)
    for school in School.objects.filter(pupils__isnull=False).distinct().order_by("name"):
        pupils = list(Pupil.objects.filter(school=school).order_by("upn"))
        rng = random.Random(f"demo-register-{school.slug}")  # noqa: S311 # nosec B311 - demo
        first = _marks(pupils, days, today, rng)
        import_marks(school=school, marks=first, by=None)
        import_marks(school=school, marks=_reasons(first, today, rng), by=None)
    check_queued()  # the alerts, as the worker raises them after the imports


def _marks(pupils: list[Pupil], days: list[date], today: date, rng: random.Random) -> list[Mark]:
    marks = []
    start, end = max(1, len(days) - 40), max(1, len(days) - 28)
    run, edges = set(days[start:end]), {days[start - 1], days[min(end, len(days) - 1)]}
    for n, pupil in enumerate(pupils):
        rate = RATES.get(n, rng.uniform(0, 0.05))
        for day in days:
            am, pm = _day(rate, rng)
            if n == MISSING and day in run:
                am = pm = "O"
            elif n == MISSING and day in edges:
                am, pm = "/", "\\"
            if day == today:
                am, pm = ("N" if n in CALLS_TODAY else "/"), "-"
            marks += [Mark(0, pupil.upn, day, "AM", am), Mark(0, pupil.upn, day, "PM", pm)]
    return marks


def _day(rate: float, rng: random.Random) -> tuple[str, str]:
    if rng.random() >= rate:
        return "/", "\\"
    code = rng.choice(("I", "I", "I", "M", "N", "G", "O", "C"))
    return code, code


def _reasons(marks: list[Mark], today: date, rng: random.Random) -> list[Mark]:
    """Reasons that came in later for some "no reason yet" marks (not today's)."""
    return [
        Mark(0, m.upn, m.date, m.session, "I")
        for m in marks
        if m.code == "N" and m.date != today and rng.random() < 0.5
    ]
