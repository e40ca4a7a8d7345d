"""A realistic synthetic county year of registers, for benchmarks and load tests.

Schools are mostly primaries (about 250 pupils) with some secondaries (about 1,000).
Each pupil has a profile: most attend well (0-8 % absence); about one in six is
persistently absent (10-40 %); about one in fifty is severely absent (50-90 %); a few have
a run of unexplained absence long enough to be a child missing education. Absence is
mostly whole days, mostly illness, with medical appointments, unauthorised holidays,
lateness after the register closed and "no reason yet" among them; some pupils join or
leave during the year. Two planned closure days a school are `#` for everyone. Every
random choice comes from one seeded generator: the same arguments make the same county.

Rows go in with COPY on PostgreSQL (bulk_create elsewhere). Nothing here is audited: this
is test data and refuses to run in production (the command checks).
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction

from earlyhelp.attendance.models import DayMarks
from earlyhelp.lib.schoolyear import SchoolYear, england_terms
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.upn import make_upn
from earlyhelp.schools.actions import SchoolDetails, create_local_authority, create_school
from earlyhelp.schools.models import School

COUNTY = "Synthshire"
PRESENT = ("/", "\\")
ABSENCE_CODES = ("I", "I", "I", "I", "I", "M", "O", "G", "N", "U", "C", "R")
Row = tuple[int, int, date, str, str]


@dataclass(frozen=True)
class Profile:
    name: str
    share: float
    low: float
    high: float


PROFILES = (
    Profile("regular", 0.815, 0.0, 0.08),
    Profile("persistent", 0.16, 0.10, 0.40),
    Profile("severe", 0.02, 0.50, 0.90),
    Profile("missing", 0.005, 0.03, 0.10),
)


def synth_year(year: int) -> SchoolYear:
    terms = england_terms(year)
    return SchoolYear(terms, closures=frozenset({terms[1].starts_on, terms[2].starts_on}))


def make_county(
    *, pupils: int, schools: int, year: int, seed: int, progress: Callable[[str], None]
) -> int:
    """Make the county; the number of day rows written."""
    rng = random.Random(seed)  # noqa: S311 # nosec B311 - test data, not secrets
    county = create_local_authority(
        by=None,
        name=COUNTY,
        front_door_name="Family Front Door",
        front_door_phone="+441134960001",
        out_of_hours_phone="+441134960002",
    )
    school_year = synth_year(year)
    # Closure days are in the register (as #), so the days are the terms' working days.
    days = list(SchoolYear(school_year.terms).school_days())
    written = 0
    for n, size in enumerate(_sizes(pupils, schools, rng), start=1):
        with transaction.atomic():
            school = create_school(
                by=None,
                local_authority=county,
                details=SchoolDetails(name=f"Synthetic School {n:03d}", phase=_phase(size)),
            )
            roll = _pupils(school, n, size, days, rng)
            written += _write(_register(roll, school, school_year, days, rng))
        if n % 25 == 0 or n == schools:
            progress(f"{n} schools, {written:,} pupil-days")
    return written


def _sizes(pupils: int, schools: int, rng: random.Random) -> list[int]:
    weights = [4.0 if rng.random() < 0.2 else 1.0 for _ in range(schools)]
    total = sum(weights)
    sizes = [max(1, int(pupils * w / total)) for w in weights]
    sizes[0] += pupils - sum(sizes)
    return sizes


def _phase(size: int) -> str:
    return "secondary" if size > 600 else "primary"


def _pupils(school: School, n: int, size: int, days: list[date], rng: random.Random) -> list[Pupil]:
    pupils = []
    for serial in range(1, size + 1):
        joined = days[rng.randrange(len(days))] if rng.random() < 0.03 else None
        left = days[rng.randrange(len(days))] if rng.random() < 0.03 else None
        if joined and left and left < joined:
            joined, left = left, joined
        pupil = Pupil(
            school=school,
            upn=make_upn(f"999{n:04d}{serial:05d}"),
            legal_first_name=f"Pupil{serial}",
            legal_last_name=f"School{n}",
            date_of_birth=date(2012 + serial % 8, 1 + serial % 12, 1 + serial % 28),
            year_group=str(1 + serial % 6),
            admitted_on=joined,
            left_on=left,
        )
        pupil.search_name = pupil.make_search_name()
        pupils.append(pupil)
    return Pupil.objects.bulk_create(pupils, batch_size=2000)


def _register(
    pupils: list[Pupil], school: School, year: SchoolYear, days: list[date], rng: random.Random
) -> Iterator[Row]:
    closures = year.closures
    for pupil in pupils:
        profile = _profile(rng)
        rate = rng.uniform(profile.low, profile.high)
        run = _missing_run(days, rng) if profile.name == "missing" else set()
        for day in days:
            if (pupil.admitted_on and day < pupil.admitted_on) or (
                pupil.left_on and day > pupil.left_on
            ):
                continue
            if day in closures:
                yield (pupil.pk, school.pk, day, "#", "#")
            elif day in run:
                code = "N" if rng.random() < 0.3 else "O"
                yield (pupil.pk, school.pk, day, code, code)
            else:
                yield (pupil.pk, school.pk, day, *_day(rate, rng))


def _profile(rng: random.Random) -> Profile:
    pick = rng.random()
    for profile in PROFILES:
        if pick < profile.share:
            return profile
        pick -= profile.share
    return PROFILES[0]


def _missing_run(days: list[date], rng: random.Random) -> set[date]:
    length = rng.randint(10, 25)
    start = rng.randrange(len(days) - length)
    return set(days[start : start + length])


def _day(rate: float, rng: random.Random) -> tuple[str, str]:
    pick = rng.random()
    if pick >= rate:
        return ("L" if pick > 0.985 else "/", "\\")
    code = ABSENCE_CODES[int(pick / rate * len(ABSENCE_CODES))]
    if code == "M":
        return ("/", "M") if pick < rate / 2 else ("M", "\\")
    if code == "U":
        return ("U", "\\")
    return (code, code)


def _write(rows: Iterator[Row]) -> int:
    if connection.vendor != "postgresql":
        objs = [DayMarks(pupil_id=p, school_id=s, date=d, am=a, pm=b) for p, s, d, a, b in rows]
        DayMarks.objects.bulk_create(objs, batch_size=2000)
        return len(objs)
    count = 0
    sql = f"COPY {DayMarks._meta.db_table} (pupil_id, school_id, date, am, pm) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count
