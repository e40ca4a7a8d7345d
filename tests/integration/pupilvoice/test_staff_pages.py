"""Staff pages of pupil voice: a teacher opens and closes a class's session; the DSL edits
the questions and reads the results, with small numbers suppressed."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.pupilvoice.actions import (
    DEFAULT_QUESTIONS,
    FutureTimeError,
    active_questions,
    open_session,
    record_answers,
)
from earlyhelp.pupilvoice.models import VoiceQuestion, VoiceSession
from tests.concerns_universe import signed_in

pytestmark = pytest.mark.django_db


def home(universe) -> str:
    return f"/staff/schools/{universe.northfield.slug}/pupil-voice/"


def test_a_teacher_opens_a_session_and_sees_its_code(universe):
    tom = signed_in(Client(), universe.tom)
    response = tom.post(home(universe), {"class_name": "Year 2 Oak"})
    session = VoiceSession.objects.get()
    assert response["Location"] == f"{home(universe)}sessions/{session.pk}/"
    page = tom.get(response["Location"]).content.decode()
    assert session.code in page and "/pupil-voice/" in page
    assert session.opened_by == universe.tom and session.term
    assert [q.text for q in active_questions(universe.northfield)] == list(DEFAULT_QUESTIONS)
    assert AuditEvent.objects.filter(action=AuditAction.PUPIL_VOICE_SESSION_OPENED).count() == 1
    assert "Results by class and term" not in tom.get(home(universe)).content.decode()


def test_a_class_is_needed(universe):
    tom = signed_in(Client(), universe.tom)
    response = tom.post(home(universe), {"class_name": " "})
    assert "Enter the class" in response.content.decode()
    assert not VoiceSession.objects.exists()


def test_the_teacher_closes_the_session(universe):
    tom = signed_in(Client(), universe.tom)
    session = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    url = f"{home(universe)}sessions/{session.pk}/close/"
    assert tom.get(url).status_code == 302
    response = tom.post(url)
    assert response["Location"] == home(universe)
    session.refresh_from_db()
    assert session.closed_at is not None
    again = tom.post(url, follow=True)
    assert "already closed" in again.content.decode()
    assert (
        "This session is closed"
        in tom.get(f"{home(universe)}sessions/{session.pk}/").content.decode()
    )


def test_the_dsl_edits_the_questions(universe):
    dee = signed_in(Client(), universe.dee)
    url = f"{home(universe)}questions/"
    assert DEFAULT_QUESTIONS[0] in dee.get(url).content.decode()
    dee.post(url, {"text": "Do you have a friend at school?"})
    texts = [q.text for q in active_questions(universe.northfield)]
    assert texts == [*DEFAULT_QUESTIONS, "Do you have a friend at school?"]
    first = VoiceQuestion.objects.get(text=DEFAULT_QUESTIONS[0])
    dee.post(f"{url}{first.pk}/", {"text": "Are you happy at school?"})
    dee.post(f"{url}{first.pk}/retire/")
    first.refresh_from_db()
    assert first.text == "Are you happy at school?" and not first.active
    assert dee.get(f"{url}{first.pk}/retire/").status_code == 302
    again = dee.post(f"{url}{first.pk}/retire/", follow=True)
    assert "no longer asked" in again.content.decode()
    too_long = dee.post(url, {"text": "x" * 121})
    assert "120 characters or fewer" in too_long.content.decode()


def test_staff_may_not_edit_questions_or_read_results(universe):
    tom = signed_in(Client(), universe.tom)
    assert tom.get(f"{home(universe)}questions/").status_code == 403
    assert tom.get(f"{home(universe)}results/").status_code == 403


def test_another_schools_dsl_gets_not_found(universe):
    sam = signed_in(Client(), universe.sam)
    session = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    assert sam.get(f"{home(universe)}sessions/{session.pk}/").status_code == 404
    assert sam.get(f"{home(universe)}results/").status_code == 404


def test_results_per_class_and_term_suppress_small_groups(universe, django_assert_max_num_queries):
    oak = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    ash = open_session(school=universe.northfield, class_name="Ash", by=universe.tom)
    safe = active_questions(universe.northfield)[1]
    for value in [3] * 6 + [1] * 4:  # Oak: 10 answers, 6 yes, 4 no
        record_answers(session=oak, answers={safe.pk: value}, comment="")
    for _ in range(3):  # Ash: 3 answers, all suppressed
        record_answers(session=ash, answers={safe.pk: 3}, comment="")
    dee = signed_in(Client(), universe.dee)
    with django_assert_max_num_queries(20):
        page = dee.get(f"{home(universe)}results/").content.decode()
    table = page.split("Do you feel safe at school?", 1)[1].split("</table>")[0]
    oak_row = table.split(">Oak<")[1].split("</tr>")[0]
    ash_row = table.split(">Ash<")[1].split("</tr>")[0]
    assert ">6<" in oak_row and "60.0%" in oak_row and "fewer than 5" in oak_row  # 4 "No"
    assert ash_row.count("fewer than 5") == 4 and "%" not in ash_row


def test_answers_cannot_be_dated_in_the_future_and_unknown_questions_are_ignored(universe):
    session = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    with pytest.raises(FutureTimeError):
        record_answers(
            session=session, answers={}, comment="x", at=timezone.now() + timedelta(hours=1)
        )
    safe = active_questions(universe.northfield)[1]
    saved = record_answers(session=session, answers={safe.pk: 3, 999_999: 1}, comment="")
    assert list(saved.answers.values_list("question_id", "value")) == [(safe.pk, 3)]


def test_an_answer_off_the_scale_is_refused_and_nothing_is_saved(universe):
    session = open_session(school=universe.northfield, class_name="Oak", by=universe.tom)
    first, second = active_questions(universe.northfield)[:2]
    with pytest.raises(ValidationError) as refused:
        record_answers(session=session, answers={first.pk: 2, second.pk: 4}, comment="")
    assert "value" in refused.value.message_dict
    assert not session.responses.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.PUPIL_VOICE_ANSWERED).exists()
