"""The pupils' questionnaire on a shared tablet: a class code, one short page, then a fresh
page for the next pupil; a comment that suggests harm reaches the DSL's inbox."""

import ast
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from earlyhelp.concerns.models import Concern, MessageKind, Source
from earlyhelp.pupilvoice import actions
from earlyhelp.pupilvoice.actions import active_questions, close_session, open_session
from earlyhelp.pupilvoice.models import VoiceAnswer, VoiceResponse
from earlyhelp.pupilvoice.views import public

START = "/pupil-voice/"


@pytest.fixture
def session(universe):
    return open_session(school=universe.northfield, class_name="Year 2 Oak", by=universe.tom)


def page(session) -> str:
    return f"/pupil-voice/{session.code}/"


def answers(session, *values: int, comment: str = "") -> dict[str, str]:
    questions = active_questions(session.school)
    data = {f"q{q.pk}": str(v) for q, v in zip(questions, values, strict=False)}
    return {**data, "comment": comment}


def test_the_class_code_opens_the_questionnaire(client: Client, session):
    response = client.post(START, {"code": f" {session.code.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == page(session)
    questionnaire = client.get(page(session))
    text = questionnaire.content.decode()
    assert "Year 2 Oak" in text and "Do you feel safe at school?" in text
    assert "Is there anything you want to tell us?" in text
    assert '<html lang="en-GB"' in text
    # Words for every answer, the emoji hidden from screen readers.
    assert '<span class="govuk-!-font-size-36" aria-hidden="true">😊</span> Yes' in text
    assert "no-store" in questionnaire["Cache-Control"]


def test_a_wrong_code_is_an_error_and_codes_cannot_be_guessed_for_long(client: Client, session):
    response = client.post(START, {"code": "ZZZZZZ"})
    assert "That code is not open. Check it with your teacher" in response.content.decode()
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert "<title>Error: " in response.content.decode()
    for _ in range(public.WRONG_CODES_PER_HOUR):
        client.post(START, {"code": "ZZZZZZ"})
    refused = client.post(START, {"code": session.code})
    assert refused.status_code == 429
    assert client.get(f"/pupil-voice/{session.code}/").status_code == 429


def test_answers_are_saved_anonymously_and_the_page_resets(client: Client, session):
    response = client.post(page(session), answers(session, 3, 2, 3, 1))
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Your answers are sent" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]
    saved = VoiceResponse.objects.get()
    assert sorted(saved.answers.values_list("value", flat=True)) == [1, 2, 3, 3]
    assert saved.comment == "" and not saved.sent_to_dsl
    fresh = client.get(page(session)).content.decode()
    assert " checked" not in fresh


def test_nothing_chosen_is_an_error_and_nothing_is_saved(client: Client, session):
    response = client.post(page(session), {"comment": "  "})
    assert "Choose an answer or write something" in response.content.decode()
    assert not VoiceResponse.objects.exists()


def test_a_comment_suggesting_harm_reaches_the_inbox_anonymously(client: Client, session):
    client.post(page(session), answers(session, 3, 1, comment="My brother hits me at home"))
    response = VoiceResponse.objects.get()
    assert response.sent_to_dsl
    concern = Concern.objects.get()
    assert concern.source == Source.PUPIL_MESSAGE
    assert concern.message_kind == MessageKind.TELL_A_TEACHER
    assert concern.account == "My brother hits me at home"
    assert "Year 2 Oak" in concern.contact and "anonymous" in concern.contact
    assert f"{timezone.localdate():%-d %B %Y}" in concern.contact
    assert concern.raised_by is None


def test_a_happy_comment_stays_in_the_results(client: Client, session):
    client.post(page(session), answers(session, 3, 3, comment="I like art"))
    assert VoiceResponse.objects.get().comment == "I like art"
    assert not Concern.objects.exists()


def test_if_the_inbox_fails_the_answers_are_not_saved_either(client: Client, session):
    """Never lost: the message and the answers are one transaction, so the pupil is told and
    nothing is half-saved."""
    with (
        mock.patch.object(actions, "receive_message", side_effect=RuntimeError("database")),
        pytest.raises(RuntimeError),
    ):
        client.post(page(session), answers(session, 1, comment="I am scared"))
    assert not VoiceResponse.objects.exists() and not VoiceAnswer.objects.exists()


def test_a_closed_session_takes_no_answers(client: Client, session, universe):
    close_session(session=session, by=universe.tom)
    response = client.post(page(session), answers(session, 3))
    assert response.status_code == 404
    assert "This code is not open" in response.content.decode()
    assert not VoiceResponse.objects.exists()


def test_a_session_closes_by_itself_after_a_day(client: Client, session):
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert client.get(page(session)).status_code == 404


def test_answers_are_limited_per_address(client: Client, session, settings):
    for _ in range(public.PER_ADDRESS_PER_HOUR):
        client.post(page(session), answers(session, 3))
    refused = client.post(page(session), answers(session, 2))
    assert refused.status_code == 429
    assert VoiceResponse.objects.count() == public.PER_ADDRESS_PER_HOUR


def test_a_honeypot_hit_is_thanked_and_dropped(client: Client, session):
    response = client.post(page(session), {**answers(session, 3), "website": "spam"})
    assert response.status_code == 302
    assert not VoiceResponse.objects.exists()


def test_public_views_import_nothing_that_reads_records():
    source = Path("earlyhelp/pupilvoice/views/public.py").read_text()
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any(m.startswith(("earlyhelp.casework", "earlyhelp.concerns")) for m in imported)
    assert not any(m.startswith(("earlyhelp.records", "earlyhelp.pupils")) for m in imported)
