"""Child records for the data protection tests, built through actions.

Pupils come in through the roll import (`pupils.actions.import_roll`) and chronology lines
through `records.chronology.add_entry`, as the casework actions write them.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.db import transaction

from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import PupilRow
from earlyhelp.pupils.upn import make_upn
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import ChronologyEntry, EntryKind
from tests.universe import Universe

SECRETS = (
    "Told Tom that her stepdad locks her in the shed",
    "Bruise on left forearm, says she fell off her bike",
    "Mum phoned: the family has no food until Friday",
)


@dataclass
class ChildRecords:
    universe: Universe
    amara: Pupil
    ben: Pupil
    entries: list[ChronologyEntry]


def add_pupil(
    universe: Universe,
    *,
    serial: int,
    first: str,
    last: str,
    born: date,
    left_on: date | None = None,
) -> Pupil:
    given = {"upn", "legal_first_name", "legal_last_name", "date_of_birth", "year_group"}
    row = PupilRow(
        upn=make_upn(f"88520240{serial:04d}"[:12]),
        legal_first_name=first,
        legal_last_name=last,
        preferred_name="",
        date_of_birth=born,
        year_group="5",
        left_on=left_on,
        given=frozenset(given | ({"left_on"} if left_on else set())),
    )
    import_roll(school=universe.northfield, rows=[row], by=universe.dee)
    return Pupil.objects.get(school=universe.northfield, upn=row.upn)


def log(pupil: Pupil, summary: str, universe: Universe) -> ChronologyEntry:
    with transaction.atomic():
        return add_entry(pupil=pupil, kind=EntryKind.CONCERN, summary=summary, by=universe.dee)


def build_child_records(universe: Universe) -> ChildRecords:
    amara = add_pupil(universe, serial=1, first="Amara", last="Testwell", born=date(2015, 3, 14))
    ben = add_pupil(universe, serial=2, first="Ben", last="Fictional", born=date(2016, 9, 2))
    entries = [log(amara, SECRETS[0], universe), log(amara, SECRETS[1], universe)]
    entries.append(log(ben, SECRETS[2], universe))
    return ChildRecords(universe=universe, amara=amara, ben=ben, entries=entries)


@pytest.fixture
def records(universe: Universe) -> ChildRecords:
    return build_child_records(universe)
