"""The governors' report: its counts match known data, on the page and read back from the
PDF's text; the PDF passes the Offer PDF's tagged-PDF checks; small numbers are suppressed."""

import io
import re
from datetime import timedelta
from unittest import mock

import pikepdf
import pytest
from django.test import Client
from django.utils import timezone

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.casework.actions.episodes import open_episode, step_up
from earlyhelp.governance import actions
from earlyhelp.governance.actions import request_report
from earlyhelp.governance.models import GovernorsReport, ReportStatus
from earlyhelp.governance.report import this_half_term
from earlyhelp.pupilvoice.actions import active_questions, open_session, record_answers
from earlyhelp.training.actions import sign_document
from earlyhelp.training.summary import summary_for_school
from tests.concerns_universe import signed_in
from tests.early_help_universe import add_pupil
from tests.integration.training.support import done, kcsie_part_one
from tests.unit.offers.pdf_checks import is_true, page_texts, read_tagging
from tests.universe import make_user

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def inline_tasks(settings):
    """The PDF is made by a task; here it runs at once."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def known(universe):
    """13 children: 6 at level 2; 5 stepped up to the front door (level 4); 2 at level 3;
    10 pupils' answers in Oak (6 Yes, 4 No to "safe"), 3 in Ash; 1 comment sent to the DSL."""
    pupils = [add_pupil(universe.northfield, "Child", f"N{n}", 10 + n) for n in range(13)]
    for pupil in pupils[:6]:
        open_episode(pupil=pupil, level=2, reason="Needs support.", by=universe.dee)
    for pupil in pupils[6:11]:
        episode = open_episode(pupil=pupil, level=3, reason="Needs more.", by=universe.dee)
        step_up(episode=episode, summary="Harm disclosed.", by=universe.dee)
    for pupil in pupils[11:]:
        open_episode(pupil=pupil, level=3, reason="Needs more.", by=universe.dee)
    oak = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    ash = open_session(school=universe.northfield, class_name="Ash", by=universe.tom)
    safe = active_questions(universe.northfield)[1]
    for value in [3] * 6 + [1] * 4:
        record_answers(session=oak, answers={safe.pk: value}, comment="")
    for _ in range(3):
        record_answers(session=ash, answers={safe.pk: 3}, comment="")
    record_answers(session=ash, answers={}, comment="Someone hits me")
    # Training: Tom signed KCSIE Part one; Dee's safeguarding update is two years old.
    sign_document(school=universe.northfield, document=kcsie_part_one(), by=universe.tom)
    done(
        universe.northfield,
        universe.dee,
        "safeguarding-update",
        timezone.localdate() - timedelta(days=730),
    )
    return universe


def report_url(universe) -> str:
    return f"/staff/schools/{universe.northfield.slug}/governors-report/"


def flat(text: str) -> str:
    return " ".join(text.split())


def make_pdf(client: Client, universe) -> bytes:
    starts_on, ends_on = this_half_term(timezone.localdate())
    response = client.post(
        f"{report_url(universe)}prepare/",
        {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
    )
    assert response.status_code == 302
    made = GovernorsReport.objects.get()
    assert made.status == ReportStatus.READY
    download = client.get(f"{report_url(universe)}{made.pk}.pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    content: bytes = download.content
    return content


def assert_counts(text: str, universe) -> None:
    text = flat(text)
    training = summary_for_school(universe.northfield, today=timezone.localdate())
    assert f"Staff with a role at the school: {training.staff_count}." in text
    assert f"Training overdue: {training.overdue_items}." in text and training.overdue_items >= 1
    for row in training.by_type:
        numbers = f"{row.current} {row.due_soon} {row.overdue} {row.missing}"
        assert f"{row.name} {numbers}" in text
    kcsie = next(d for d in training.read_and_sign if d.title == kcsie_part_one().title)
    assert kcsie.signed == 1
    for doc in training.read_and_sign:
        assert f"{doc.title} {doc.edition} {doc.signed} of {doc.expected}" in text
    # Open now and opened in the period, by the level each child is at now.
    assert "Level 2: additional needs 6 6" in text
    assert "Level 3: targeted fewer than 5 fewer than 5" in text
    assert "Level 4: specialist 5 5" in text
    assert "All levels 13 13" in text
    assert "Step-ups to the local authority’s front door: 5." in text
    assert "Child protection files sent to another school: fewer than 5." in text
    assert "Questionnaires answered: 14, in 2 classes." in text
    assert "Comments sent to the safeguarding team: fewer than 5." in text
    assert "Do you feel safe at school? 9 fewer than 5 fewer than 5 69.2%" in text
    assert "Persistent absence (missing 10% or more): fewer than 5." in text


def test_the_pdf_reads_back_the_counts_and_is_tagged_like_the_offer_pdf(known):
    dee = signed_in(Client(), known.dee)
    pdf = make_pdf(dee, known)
    assert_counts("\n".join(page_texts(pdf)), known)
    tagging = read_tagging(pdf)
    assert tagging.untagged_mcids == [] and tagging.misplaced == []
    assert tagging.unmarked_text == 0
    assert "/H1" in tagging.structure_types and "/Table" in tagging.structure_types
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert is_true(document.Root.MarkInfo.Marked)
        assert document.Root.Lang == "en-GB"
        assert is_true(document.Root.ViewerPreferences.DisplayDocTitle)
        metadata = document.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        assert metadata["dc:title"] == "Northfield Primary: safeguarding report to governors"
    assert "Child N" not in "".join(page_texts(pdf))  # no child is named


def test_the_page_shows_the_same_counts(known, django_assert_max_num_queries):
    dee = signed_in(Client(), known.dee)
    with django_assert_max_num_queries(60):
        page = dee.get(report_url(known)).content.decode()
    plain = re.sub(r"<[^>]+>", " ", page).replace("&#x27;", "'").replace("&rsquo;", "’")
    assert_counts(plain, known)


def test_another_range_is_asked_with_dates_and_a_wrong_one_is_an_error(known):
    dee = signed_in(Client(), known.dee)
    wrong = dee.get(
        report_url(known),
        {"starts_on_0": "2", "starts_on_1": "11", "starts_on_2": "2026",
         "ends_on_0": "1", "ends_on_1": "11", "ends_on_2": "2026"},
    )  # fmt: skip
    assert "The end date must be the same as or after the start date" in wrong.content.decode()
    assert "<title>Error: " in wrong.content.decode()
    old = dee.get(
        report_url(known),
        {"starts_on_0": "1", "starts_on_1": "9", "starts_on_2": "2025",
         "ends_on_0": "30", "ends_on_1": "9", "ends_on_2": "2025"},
    )  # fmt: skip
    assert "From 1 September 2025 to 30 September 2025" in old.content.decode()
    assert "Questionnaires answered: fewer than 5, in 0 classes" in flat(old.content.decode())


def test_a_range_ending_in_the_future_is_refused_and_nothing_is_made(known):
    dee = signed_in(Client(), known.dee)
    response = dee.post(
        f"{report_url(known)}prepare/", {"starts_on": "2026-01-01", "ends_on": "2099-01-01"}
    )
    assert response.status_code == 302
    assert not GovernorsReport.objects.exists()
    assert dee.post(f"{report_url(known)}prepare/", {}).status_code == 302
    assert not GovernorsReport.objects.exists()


def test_a_pdf_not_yet_made_is_not_served(universe, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    import datetime

    made = request_report(
        school=universe.northfield,
        starts_on=datetime.date(2026, 11, 2),
        ends_on=datetime.date(2026, 11, 3),
        by=universe.dee,
    )
    assert made.status == ReportStatus.QUEUED
    dee = signed_in(Client(), universe.dee)
    response = dee.get(f"{report_url(universe)}{made.pk}.pdf", follow=True)
    assert "not ready yet" in response.content.decode()
    assert "Waiting to be made" in response.content.decode()


def test_the_governor_opens_the_report_and_downloads_its_pdf(known):
    governor = make_user("gill", "Gill", "Hart")
    grant_role(by=None, user=governor, role=Role.GOVERNOR, school=known.northfield)
    client = signed_in(Client(), governor)
    home = client.get("/staff/").content.decode()
    assert "Safeguarding report to governors" in home and "Log a concern" not in home
    assert (
        "Step-ups to the local authority’s front door: 5."
        in client.get(report_url(known)).content.decode()
    )
    assert "Level 2: additional needs 6 6" in flat("\n".join(page_texts(make_pdf(client, known))))


def test_staff_without_the_permission_are_refused_and_another_school_gets_not_found(universe):
    tom = signed_in(Client(), universe.tom)
    sam = signed_in(Client(), universe.sam)
    assert tom.get(report_url(universe)).status_code == 403
    assert sam.get(report_url(universe)).status_code == 404


def test_a_failed_pdf_says_why_and_is_made_on_a_second_run(universe, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    today = timezone.localdate()
    made = request_report(
        school=universe.northfield, starts_on=today, ends_on=today, by=universe.dee
    )
    with (
        mock.patch.object(actions, "render_report_pdf", side_effect=OSError("disk full")),
        pytest.raises(OSError),
    ):
        actions.make_report(made.pk)
    made.refresh_from_db()
    assert made.status == ReportStatus.FAILED and made.error == "OSError: disk full"
    assert actions.make_report(made.pk).startswith("made ")
    assert actions.make_report(made.pk) == "nothing to do"
    made.refresh_from_db()
    assert made.status == ReportStatus.READY and actions.open_report(made).startswith(b"%PDF")
