"""The database refuses impossible pupil voice rows and governors' reports
(tests/constraints.py)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from earlyhelp.pupilvoice.actions import active_questions, open_session, record_answers
from tests.constraints import refused

pytestmark = pytest.mark.django_db


def test_a_question_has_words(universe):
    refused("voice_question_has_text", school=universe.northfield, text="", position=1)


def test_a_session_closes_after_it_opens(universe):
    now = timezone.now()
    refused(
        "voice_session_closes_after_opening",
        school=universe.northfield,
        class_name="Oak",
        term="Autumn 2026",
        code="ACDEFG",
        opened_at=now,
        closes_at=now,
    )


def test_a_session_has_a_code(universe):
    now = timezone.now()
    refused(
        "voice_session_has_code",
        school=universe.northfield,
        class_name="Oak",
        term="Autumn 2026",
        code="",
        opened_at=now,
        closes_at=now + timedelta(days=1),
    )


def _answered(universe):
    session = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    question = active_questions(universe.northfield)[0]
    response = record_answers(session=session, answers={question.pk: 3}, comment="")
    return response, question


def test_an_answer_is_on_the_scale(universe):
    response, question = _answered(universe)
    other = active_questions(universe.northfield)[1]
    refused("voice_answer_on_the_scale", response=response, question=other, value=4)
    assert question.answers.count() == 1


def test_a_question_is_answered_once_per_pupil(universe):
    response, question = _answered(universe)
    refused("voice_answer_once_per_question", response=response, question=question, value=1)


def test_a_report_ends_after_it_starts(universe):
    refused(
        "governors_report_ends_after_start",
        school=universe.northfield,
        starts_on=date(2026, 11, 2),
        ends_on=date(2026, 11, 1),
        requested_at=timezone.now(),
    )


def test_a_ready_report_has_its_file(universe):
    refused(
        "governors_report_ready_has_file",
        school=universe.northfield,
        starts_on=date(2026, 11, 2),
        ends_on=date(2026, 11, 2),
        requested_at=timezone.now(),
        status="ready",
        file_name="",
    )
