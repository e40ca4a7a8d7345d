"""Half-term letters: the school's wording, one tagged PDF per family below the threshold,
made in the background into storage, with a record of what went to whom and when."""

from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.letter_actions import (
    LETTERS_MADE,
    LETTERS_STARTED,
    WORDING_SAVED,
    make_letters,
    start_letters,
)
from earlyhelp.attendance.letters import DEFAULT_BODY, template_problems
from earlyhelp.attendance.models import Letter, LetterRun
from earlyhelp.attendance.register import Mark
from earlyhelp.audit.models import AuditEvent
from earlyhelp.pupils.models import PupilContact
from earlyhelp.records.access_events import VIEWED
from tests.early_help_universe import sign_in
from tests.unit.offers.pdf_checks import page_texts, read_tagging

pytestmark = pytest.mark.django_db
LETTERS = reverse("attendance:letters", args=["northfield-primary"])
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DAYS = [date(2026, 11, 16) + timedelta(days=n) for n in range(12) if n % 7 < 5]


@pytest.fixture(autouse=True)
def _friday(time_machine):
    time_machine.move_to("2026-11-27 16:00Z", tick=False)


@pytest.fixture
def below(universe, children):
    """Ava (80 %) and Ben (90 %) share their mother, Jo Stone; Cai is at another school."""
    for pupil in (children.ava, children.ben):
        PupilContact.objects.create(
            pupil=pupil, name="Jo Stone", relationship="Mother", phone="+441632960001"
        )
    marks: list[Mark] = []
    for n, day in enumerate(DAYS):
        for session in ("AM", "PM"):
            ava = "I" if n < 2 else "/"
            ben = "O" if n < 1 else "/"
            marks += [
                Mark(len(marks) + 2, children.ava.upn, day, session, ava),
                Mark(len(marks) + 3, children.ben.upn, day, session, ben),
            ]
    import_marks(school=universe.northfield, marks=marks, by=None)
    return children


def test_the_wording_checks_its_placeholders():
    assert template_problems(DEFAULT_BODY) == []
    assert template_problems("  ") == ["Enter the letter's wording"]
    assert template_problems("Dear {parnet}") == [
        "{parnet} is not a placeholder: use {parent}, {children}, {school}, {threshold}, {date}"
    ]
    assert template_problems("Dear {parent") == [
        "Use { and } only around a placeholder, like {parent}"
    ]


def test_a_bad_placeholder_is_an_error_and_nothing_is_saved(client, universe):
    sign_in(client, universe.dee)
    html = client.post(LETTERS, {"body": "Dear {parnet},"}).content.decode()
    assert "<title>Error: Half-term letters" in html
    assert "{parnet} is not a placeholder" in html
    assert not AuditEvent.objects.filter(action=WORDING_SAVED).exists()


def test_one_letter_per_family_in_the_schools_words(client, universe, below, settings):
    settings.TASKS = IMMEDIATE
    sign_in(client, universe.dee)
    wording = "Dear {parent},\n\nAttendance below {threshold}% at {school}:\n\n{children}"
    assert client.post(LETTERS, {"body": wording})["Location"] == f"{LETTERS}?saved=1"
    assert "wording is saved" in client.get(f"{LETTERS}?saved=1").content.decode()
    client.post(LETTERS, {"make": "1"})
    run = LetterRun.objects.get()
    assert (run.status, run.letters_total, run.letters_done) == ("done", 1, 1)
    letters = Letter.objects.all()
    assert {(x.addressed_to, x.pupil.upn) for x in letters} == {
        ("Jo Stone", below.ava.upn),
        ("Jo Stone", below.ben.upn),
    }
    letter = letters[0]
    assert letters[1].file_name == letter.file_name  # one PDF for the family
    assert {x.pupil for x in below.ava.attendance_letters.all()} == {below.ava}
    with default_storage.open(letter.file_name, "rb") as stored:
        pdf = stored.read()
    text = " ".join(page_texts(pdf))
    assert "Dear Jo Stone," in text and "below 95% at Northfield Primary" in text
    assert "Ava Stone: 80.0%" in text and "Ben Stone: 90.0%" in text
    tagging = read_tagging(pdf)
    assert tagging.untagged_mcids == [] and tagging.unmarked_text == 0
    assert "/H1" in tagging.structure_types and "/P" in tagging.structure_types
    html = client.get(LETTERS).content.decode()
    assert "Letter to Jo Stone (PDF)</a>, about Ava Stone and Ben Stone" in html
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="attendance.l")] == [
        WORDING_SAVED,
        LETTERS_STARTED,
        LETTERS_MADE,
    ]


def test_the_pdf_is_served_to_the_team_and_each_child_is_audited(client, universe, below, settings):
    settings.TASKS = IMMEDIATE
    sign_in(client, universe.dee)
    client.post(LETTERS, {"make": "1"})
    letter = Letter.objects.first()
    assert letter is not None
    url = reverse("attendance:letter_pdf", args=["northfield-primary", letter.pk])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    viewed = AuditEvent.objects.filter(action=VIEWED, details__page="letter")
    assert viewed.count() == 2
    sign_in(client, universe.tom)
    assert client.get(url).status_code == 403
    sign_in(client, universe.sam)
    assert client.get(url).status_code == 404
    other = reverse("attendance:letter_pdf", args=["southbank-academy", letter.pk])
    assert client.get(other).status_code == 404


def test_nobody_below_the_threshold_makes_no_letters(client, universe, children, settings):
    settings.TASKS = IMMEDIATE
    settings.ATTENDANCE_WATCH_PERCENT = 50
    sign_in(client, universe.dee)
    client.post(LETTERS, {"make": "1"})
    assert LetterRun.objects.get().status == "done" and not Letter.objects.exists()
    assert "No family was below the threshold" in client.get(LETTERS).content.decode()


def test_a_failure_keeps_no_letter_and_no_file(universe, below, monkeypatch):
    PupilContact.objects.filter(pupil=below.ben).delete()  # two families now
    made: list[int] = []

    def failing(text: str, **kwargs: object) -> bytes:
        made.append(1)
        if len(made) == 2:
            raise RuntimeError("the PDF library fell over")
        return b"%PDF-1.7\n"

    monkeypatch.setattr("earlyhelp.attendance.letter_actions.letter_pdf", failing)
    run = start_letters(
        school=universe.northfield, start=date(2026, 9, 1), end=DAYS[-1], by=universe.dee
    )
    with pytest.raises(RuntimeError):
        make_letters(run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.letters_total, run.letters_done) == ("failed", 2, 1)
    assert not Letter.objects.exists()
    folder = f"attendance-letters/{universe.northfield.pk}/{run.pk}"
    assert default_storage.listdir(folder)[1] == []  # the first family's PDF removed again
    assert make_letters(run_id=run.pk).status == "failed"  # a finished run is left alone
