"""Pupils and concerns for tests, built through the actions (concerns helper).

roll = add_roll(universe)     # Northfield: Amy Bell (Y5), Ben Cross (Y5), Cara Dunn (Y6);
                              # Southbank: Dan Evans (Y7)
concern = log(universe.tom, roll.amy, account="...", categories=("neglect",))
"""

from dataclasses import dataclass
from datetime import date

from django.test import Client
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.models import Concern
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import PupilRow
from earlyhelp.pupils.upn import make_upn
from earlyhelp.schools.models import School
from tests.signin import sign_in as _sign_in
from tests.universe import Universe


def signed_in(client: Client, user: User) -> Client:
    """The one place tests sign staff in (second factor included)."""
    _sign_in(client, user)
    return client


def pupil_row(serial: int, first: str, last: str, year: str = "5", **extra: object) -> PupilRow:
    values: dict[str, object] = {
        "upn": make_upn(f"8202001{serial:05d}"),
        "legal_first_name": first,
        "legal_last_name": last,
        "preferred_name": "",
        "date_of_birth": date(2016, 3, 27),
        "year_group": year,
        **extra,
    }
    return PupilRow(**values, given=frozenset(values))  # type: ignore[arg-type]


def add_pupils(school: School, rows: list[PupilRow]) -> list[Pupil]:
    import_roll(school=school, rows=rows, by=None)
    return [Pupil.objects.get(school=school, upn=row.upn) for row in rows]


@dataclass
class Roll:
    amy: Pupil
    ben: Pupil
    cara: Pupil
    dan: Pupil


def add_roll(universe: Universe) -> Roll:
    amy, ben, cara = add_pupils(
        universe.northfield,
        [
            pupil_row(1, "Amy", "Bell"),
            pupil_row(2, "Ben", "Cross"),
            pupil_row(3, "Cara", "Dunn", "6"),
        ],
    )
    (dan,) = add_pupils(universe.southbank, [pupil_row(4, "Dan", "Evans", "7")])
    return Roll(amy, ben, cara, dan)


def log(
    by: User,
    *pupils: Pupil | tuple[Pupil, str],
    account: str = "She said: my tummy hurts because there was no tea last night.",
    categories: tuple[str, ...] = ("neglect",),
) -> Concern:
    involved = [Involved(p[0], p[1]) if isinstance(p, tuple) else Involved(p) for p in pupils]
    return log_concern(
        school=involved[0].pupil.school,
        details=ConcernDetails(
            account=account, occurred_at=timezone.now(), categories=categories, location="Class 5"
        ),
        pupils=involved,
        by=by,
    ).concern
