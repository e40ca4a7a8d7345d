"""The emergency panel is worded for whoever reads the page: a pupil, a family, staff."""

import re

from earlyhelp.schools.models import School
from tests.concerns_universe import signed_in

TELL_US = "/schools/northfield-primary/tell-us/"
ASK = "/schools/northfield-primary/ask-for-help/"


def panel(html: str) -> str:
    found = re.search(r'<aside class="eh-emergency".*?</aside>', html, re.S)
    assert found, "no emergency panel on the page"
    return re.sub(r"\s+", " ", found.group(0))


def test_a_first_school_pupil_is_told_to_tell_a_grown_up_without_jargon(client, universe):
    School.objects.filter(pk=universe.northfield.pk).update(phase="first")
    text = panel(client.get(TELL_US).content.decode())
    assert "If you are in danger" in text
    assert "Tell a grown-up you trust at school, like your teacher" in text
    assert "DSL" not in text and "designated safeguarding lead" not in text
    assert "front door" not in text.lower()
    assert 'href="tel:999"' in text and 'href="tel:+448001111"' in text


def test_an_older_pupil_is_told_to_tell_an_adult(client, universe):
    School.objects.filter(pk=universe.northfield.pk).update(phase="secondary")
    sent = panel(client.get(TELL_US + "sent/").content.decode())
    assert "Tell an adult you trust at school" in sent and "grown-up" not in sent
    assert "DSL" not in sent


def test_a_family_is_told_anyone_can_call_without_waiting_for_the_school(client, universe):
    for page in (ASK, "/schools/northfield-primary/"):
        text = panel(client.get(page).content.decode())
        assert "If a child is in danger" in text
        assert "You do not need to wait for the school" in text
        assert "DSL" not in text
        assert 'href="tel:+441134960001"' in text  # the council's front door


def test_staff_are_told_not_to_wait_for_the_dsl(client, universe):
    signed_in(client, universe.tom)
    text = panel(client.get("/staff/").content.decode())
    assert "Do not wait for the designated safeguarding lead (DSL)" in text
    assert "grown-up" not in text and "wait for the school" not in text
