from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.actions.episodes import change_level, open_episode
from earlyhelp.casework.models import EarlyHelpEpisode, LevelChange
from earlyhelp.dataprotection.actions import (
    HOLD_LIFTED,
    HOLD_PLACED,
    RECORD_DELETED,
    LegalHoldError,
    StillOnRollError,
    delete_child_record,
    lift_hold,
    place_hold,
)
from earlyhelp.dataprotection.models import RetentionHold
from earlyhelp.dataprotection.records import collect_child_rows
from earlyhelp.lib.errors import WrongStateError
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import ChronologyEntry, EntryKind
from tests.integration.dataprotection.conftest import add_pupil, build_child_records

GROWN_UP_SECRET = "Disclosed harm at home to her form tutor"


@pytest.fixture
def grown_up(universe):
    """Zara was at Northfield long ago: she turned 25 in 2024, with early help on file."""
    zara = add_pupil(universe, serial=7, first="Zara", last="Oldfile", born=date(1999, 6, 1))
    episode = open_episode(pupil=zara, level=2, reason=GROWN_UP_SECRET, by=universe.dee)
    change_level(episode=episode, level=3, reason="Needs grew over the winter", by=universe.dee)
    with transaction.atomic():
        add_entry(pupil=zara, kind=EntryKind.NOTE, summary=GROWN_UP_SECRET, by=universe.dee)
    add_pupil(
        universe,
        serial=7,
        first="Zara",
        last="Oldfile",
        born=date(1999, 6, 1),
        left_on=date(2015, 7, 20),
    )
    zara.refresh_from_db()
    return zara


def test_every_row_about_the_child_is_found_through_the_schema(grown_up):
    found = {model._meta.label: len(ids) for model, ids in collect_child_rows(grown_up)}
    assert found["casework.EarlyHelpEpisode"] == 1
    assert found["casework.LevelChange"] == 2  # opened at 2, then 3: nested under the episode
    assert (
        found["records.ChronologyEntry"] == ChronologyEntry.objects.filter(pupil=grown_up).count()
    )


def test_deleting_a_record_removes_every_row_and_logs_counts_not_content(universe, grown_up):
    other = build_child_records(universe)
    others_entries = ChronologyEntry.objects.filter(pupil=other.amara).count()
    hold = place_hold(pupil=grown_up, reason="Civil claim, letter of 2 March", by=universe.dee)
    lift_hold(hold=hold, reason="Claim settled", by=universe.dee)

    deleted = delete_child_record(pupil=grown_up, by=universe.dee, reason="Reviewed at 25")

    assert not Pupil.objects.filter(pk=grown_up.pk).exists()
    assert not ChronologyEntry.objects.filter(pupil_id=grown_up.pk).exists()
    assert not EarlyHelpEpisode.objects.filter(pupil_id=grown_up.pk).exists()
    assert not LevelChange.objects.filter(episode__pupil_id=grown_up.pk).exists()
    assert not RetentionHold.objects.filter(pupil_id=grown_up.pk).exists()
    assert ChronologyEntry.objects.filter(pupil=other.amara).count() == others_entries
    assert deleted["pupils.Pupil"] == 1 and deleted["casework.LevelChange"] == 2
    event = AuditEvent.objects.get(action=RECORD_DELETED)
    assert event.details["pupil_id"] == grown_up.pk
    assert event.details["deleted"] == deleted
    text = str(event.content())
    assert "Zara" not in text and "Oldfile" not in text and GROWN_UP_SECRET not in text


def test_a_record_under_legal_hold_cannot_be_deleted(universe, grown_up):
    place_hold(pupil=grown_up, reason="Police investigation", by=universe.dee)
    with pytest.raises(LegalHoldError):
        delete_child_record(pupil=grown_up, by=universe.dee, reason="Reviewed at 25")
    assert Pupil.objects.filter(pk=grown_up.pk).exists()
    assert not AuditEvent.objects.filter(action=RECORD_DELETED).exists()


def test_a_child_on_the_roll_cannot_be_deleted(records):
    with pytest.raises(StillOnRollError):
        delete_child_record(pupil=records.amara, by=records.universe.dee, reason="Mistake")
    assert ChronologyEntry.objects.filter(pupil=records.amara).exists()


def test_holds_are_audited_and_lifted_once(universe, grown_up):
    hold = place_hold(pupil=grown_up, reason="Subject access dispute", by=universe.dee)
    lift_hold(hold=hold, reason="Resolved", by=universe.dee)
    with pytest.raises(WrongStateError):
        lift_hold(hold=hold, reason="Again", by=universe.dee)
    actions = list(
        AuditEvent.objects.filter(action__startswith="retention.").values_list("action", flat=True)
    )
    assert actions == [HOLD_PLACED, HOLD_LIFTED]


def test_review_lists_children_who_turned_25_and_marks_holds(universe, grown_up, capsys):
    build_child_records(universe)
    place_hold(pupil=grown_up, reason="Inquiry", by=universe.dee)
    call_command("retention_review", "--on", "2026-01-10")
    out = capsys.readouterr().out
    assert "Children's records due for review on 10 January 2026: 1" in out
    assert f"pupil {grown_up.pk}  Northfield Primary  born 01/06/1999" in out
    assert "review from 01/06/2024  LEGAL HOLD: keep" in out
    assert "Registers: none held yet." in out


def test_review_before_the_25th_birthday_lists_nobody(grown_up, capsys):
    call_command("retention_review", "--on", "2024-05-31")
    assert "due for review on 31 May 2024: 0" in capsys.readouterr().out
