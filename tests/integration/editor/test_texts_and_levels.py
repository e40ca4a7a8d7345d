"""Editing the Offer's texts and the wording of each level of need."""

from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.offers.models import LevelHeading
from tests.integration.editor.support import html, offer_of, url


def test_edit_texts_changes_the_draft_not_the_public_page(ed, client, universe):
    form = html(ed.get(url("texts")))
    assert "We help families early." in form  # the current text, ready to edit
    response = ed.post(
        url("texts"),
        {
            "introduction": "Early help means support as soon as a problem appears.",
            "raising_concerns": "Talk to Mrs Lane.",
            "attendance": "We ring home on the first morning.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#texts")
    offer = offer_of(universe.northfield)
    assert offer.raising_concerns == "Talk to Mrs Lane."
    assert AuditEvent.objects.filter(
        action="offer.text_updated", actor_id=str(universe.ed.pk)
    ).exists()
    public = html(client.get(reverse("offers:offer", args=["northfield-primary"])))
    assert "We help families early." in public
    assert "Talk to Mrs Lane." not in public


def test_texts_that_are_too_long_are_refused(ed, universe):
    response = ed.post(
        url("texts"), {"introduction": "x" * 10_001, "raising_concerns": "", "attendance": ""}
    )
    assert response.status_code == 200
    assert "The introduction must be 10,000 characters or fewer" in html(response)
    assert offer_of(universe.northfield).introduction == "We help families early."


def test_level_wording(ed, universe):
    page = html(ed.get(url("level", 2)))
    assert "Need a bit of help?" in page
    assert "Level 2: additional needs" in page
    response = ed.post(url("level", 2), {"heading": "A little help", "description": "Ask us."})
    assert response.status_code == 302
    heading = LevelHeading.objects.get(offer__school=universe.northfield, level=2)
    assert (heading.heading, heading.description) == ("A little help", "Ask us.")
    assert "A little help" in html(ed.get(url("overview")))


def test_level_wording_needs_a_heading(ed, universe):
    response = ed.post(url("level", 2), {"heading": "  ", "description": ""})
    assert response.status_code == 200
    assert "Enter a heading for this level of need" in html(response)
    assert LevelHeading.objects.get(offer__school=universe.northfield, level=2).heading == (
        "Need a bit of help?"
    )
