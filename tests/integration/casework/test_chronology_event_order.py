"""The chronology is in order of when things happened, with when each was recorded beside:
a concern written up days later sits at the day it happened, marked as recorded later."""

from datetime import UTC, date, datetime

import time_machine
from django.db import transaction

from earlyhelp.casework.event_time import event_time
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind
from tests.concerns_universe import add_roll, signed_in


def test_an_entry_recorded_late_sits_at_the_time_it_happened(client, universe):
    amy = add_roll(universe).amy
    with time_machine.travel("2026-11-10 10:00Z", tick=False), transaction.atomic():
        add_entry(pupil=amy, kind=EntryKind.NOTE, summary="Phoned mum.", by=universe.dee)
    with time_machine.travel("2026-11-12 15:00Z", tick=False):
        log_concern(
            school=universe.northfield,
            details=ConcernDetails(
                account="She said she was hit at home.",
                occurred_at=datetime(2026, 11, 5, 9, 30, tzinfo=UTC),
                categories=("physical_abuse",),
                told_dsl=True,
            ),
            pupils=[Involved(amy)],
            by=universe.tom,
        )
    signed_in(client, universe.dee)
    url = f"/staff/schools/northfield-primary/children/{amy.pk}/chronology/"
    html = client.get(url).content.decode()
    phoned, hit = html.index("Phoned mum."), html.index("She said she was hit at home.")
    assert phoned < hit  # 10 November happened after 5 November, though recorded before it
    late_row = html[hit:].split("</tr>")[0]
    assert "Recorded later" in late_row and "12 November 2026 at 3pm by Tom Webb" in late_row
    assert "5 November 2026 at 9:30am" in html[phoned:hit]  # the late entry's own event time
    on_time_row = html[phoned:hit]
    assert "10 November 2026 at 10am by Dee Lane" in on_time_row
    assert "Recorded later" not in on_time_row.split("</tr>")[0]


def test_a_dated_event_typed_up_later_is_placed_on_its_own_day():
    with time_machine.travel("2026-11-12 15:00Z", tick=False):
        assert event_time(date(2026, 11, 3)) == datetime(2026, 11, 3, 12, 0, tzinfo=UTC)
        assert event_time(date(2026, 11, 12)) == datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
