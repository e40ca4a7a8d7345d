"""Child protection file transfer: the package, the 5-school-day clock and the receipt."""

import io
from datetime import date

import pytest
import time_machine
from pypdf import PdfReader

from earlyhelp.casework.access import can_view_child
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.actions.transfers import (
    acknowledge_transfer,
    mark_downloaded,
    start_transfer,
)
from earlyhelp.casework.transfer_package import render_pdf
from earlyhelp.records.models import EntryKind
from tests.early_help_universe import ANSWERS, assessed

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-12-16 09:00Z", tick=False)
def test_starting_a_transfer_freezes_the_package_and_sets_left_on(universe, children):
    assessed(children.ava, universe.dee)
    transfer = start_transfer(pupil=children.ava, to_school=universe.southbank, by=universe.dee)
    children.ava.refresh_from_db()
    assert children.ava.left_on == date(2026, 12, 16)
    assert transfer.due_by == date(2026, 12, 23)  # no term dates: working days
    package = transfer.package
    assert package["pupil"]["upn"] == children.ava.upn
    assert package["episodes"][0]["assessments"][0]["worried_about"] == ANSWERS.worried_about
    assert any(e["kind"] == "Assessment" for e in package["chronology"])
    assert transfer.sent_at is not None
    with pytest.raises(WrongStateError, match="already being transferred"):
        start_transfer(pupil=children.ava, to_school=universe.southbank, by=universe.dee)


def test_the_pdf_is_rendered_from_the_package(universe, children):
    assessed(children.ava, universe.dee)
    transfer = start_transfer(
        pupil=children.ava, receiving_school_name="Hillside School", by=universe.dee
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(transfer))).pages)
    assert "Child protection file: Ava Stone" in text
    assert "tired and hungry" in text


def test_the_receiving_school_acknowledges_once_and_sees_no_record(universe, children):
    assessed(children.ava, universe.dee)
    transfer = start_transfer(pupil=children.ava, to_school=universe.southbank, by=universe.dee)
    acknowledge_transfer(transfer=transfer, by=universe.sam)
    transfer.refresh_from_db()
    assert transfer.is_complete and transfer.acknowledged_by == universe.sam
    with pytest.raises(WrongStateError):
        acknowledge_transfer(transfer=transfer, by=universe.sam)
    assert not can_view_child(universe.sam, children.ava)
    assert children.ava.chronology_entries.filter(kind=EntryKind.TRANSFER).count() == 2


def test_a_school_off_the_platform_is_sent_the_download(universe, children):
    transfer = start_transfer(
        pupil=children.ava,
        receiving_school_name="Hillside School",
        receiving_school_email="dsl@hillside.example.org",
        by=universe.dee,
    )
    assert not transfer.is_complete
    with pytest.raises(WrongStateError):
        acknowledge_transfer(transfer=transfer, by=universe.sam)
    mark_downloaded(transfer=transfer, by=universe.dee)
    transfer.refresh_from_db()
    assert transfer.is_complete


def test_not_to_the_same_school(universe, children):
    with pytest.raises(WrongStateError):
        start_transfer(pupil=children.ava, to_school=universe.northfield, by=universe.dee)
