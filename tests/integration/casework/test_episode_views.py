"""Early help pages: who may open them, and the whole process through the forms."""

from datetime import date

import pytest
from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED
from earlyhelp.casework.models import EarlyHelpEpisode, EpisodeStatus, Referral
from tests.early_help_universe import assessed, open_with_consent, sign_in

pytestmark = pytest.mark.django_db


def url(name, pupil, *args):
    return reverse(f"children:{name}", args=[pupil.school.slug, pupil.pk, *args])


def looks():
    return AuditEvent.objects.filter(action=VIEWED).count()


def day(d):
    return {"_0": d.day, "_1": d.month, "_2": d.year}


def date_fields(name, d):
    return {f"{name}{k}": v for k, v in day(d).items()}


PAGES = [
    "early-help",
    "early-help-open",
    "early-help-consent",
    "early-help-assessment",
    "early-help-action-add",
    "early-help-review",
    "early-help-level",
    "early-help-step-up",
    "early-help-step-down",
    "early-help-close",
    "early-help-lead",
    "referrals",
    "referral-new",
    "transfer",
]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_sign_in(client, universe, children, name):
    response = client.get(url(name, children.ava))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", PAGES)
def test_another_schools_dsl_gets_404_and_no_look_is_recorded(client, universe, children, name):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.sam)
    assert client.get(url(name, children.ava)).status_code == 404
    assert looks() == 0


@pytest.mark.parametrize("name", PAGES)
def test_a_teacher_is_refused(client, universe, children, name):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.tom)
    assert client.get(url(name, children.ava)).status_code == 403
    assert looks() == 0


def test_a_child_of_another_school_under_this_schools_address_is_404(client, universe, children):
    sign_in(client, universe.dee)
    wrong = reverse("children:early-help", args=[universe.northfield.slug, children.cai.pk])
    assert client.get(wrong).status_code == 404
    assert looks() == 0


def test_each_page_records_exactly_one_look(client, universe, children):
    assessed(children.ava, universe.dee)
    sign_in(client, universe.dee)
    for name in PAGES:
        before = looks()
        response = client.get(url(name, children.ava))
        assert response.status_code == 200, name
        assert looks() == before + 1, name


def test_the_whole_early_help_process_through_the_forms(client, universe, children):
    ava = children.ava
    sign_in(client, universe.dee)
    response = client.post(
        url("early-help-open", ava),
        {"level": "2", "reason": "Tired and hungry.", "lead_practitioner_name": "Dee Lane"},
    )
    assert response.status_code == 302
    episode = EarlyHelpEpisode.objects.get(pupil=ava)
    # No assessment before consent: the action's refusal is shown as an error.
    assessment = {
        "worried_about": "Hungry",
        "working_well": "Reading",
        "needs_to_happen": "Breakfast",
        "scale": "4",
        **date_fields("completed_on", date(2026, 11, 3)),
    }
    refused = client.post(url("early-help-assessment", ava), assessment)
    assert refused.status_code == 200
    assert "Record the family’s consent" in refused.content.decode()
    client.post(
        url("early-help-consent", ava),
        {
            "given_by_name": "Jo Stone",
            "relationship": "Mother",
            "scope": "both",
            **date_fields("given_on", date(2026, 11, 2)),
        },
    )
    assert client.post(url("early-help-assessment", ava), assessment).status_code == 302
    client.post(
        url("early-help-action-add", ava),
        {
            "need": "Food",
            "action": "Breakfast club",
            "who": "Dee",
            **date_fields("due_on", date(2026, 11, 30)),
        },
    )
    action = episode.plan_actions.get()
    client.post(
        url("early-help-review", ava),
        {"outcome": "no_change", "scale": "5", **date_fields("held_on", date(2026, 11, 20))},
    )
    assert episode.reviews.get().scale == 5
    page = client.get(url("early-help", ava)).content.decode()
    assert "Breakfast club" in page and "5 out of 10" in page and "Jo Stone" in page
    client.post(url("early-help-step-up", ava), {"summary": "Marks seen on her arm."})
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.STEPPED_UP
    assert Referral.objects.get(pupil=ava).local_authority == universe.county
    client.post(url("early-help-step-down", ava), {"level": "3", "reason": "Back to TAF."})
    refused = client.post(url("early-help-close", ava), {"reason": "Moving on."})
    assert "open action" in refused.content.decode()
    client.post(
        url("early-help-action-done", ava, action.pk),
        {"outcome": "Eats daily", **date_fields("done_on", date(2026, 11, 21))},
    )
    assert client.post(url("early-help-close", ava), {"reason": "Moving on."}).status_code == 302
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.CLOSED


def test_form_errors_are_worded_for_people(client, universe, children):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.dee)
    page = client.post(url("early-help-review", children.ava), {}).content.decode()
    assert "Select the outcome of the review" in page
    assert "Choose a number on the scale from 0 to 10" in page
    assert "Enter the date of the review" in page


def test_the_childs_overview_shows_the_early_help_summary(client, universe, children):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.dee)
    page = client.get(reverse("children:overview", args=["northfield-primary", children.ava.pk]))
    text = page.content.decode()
    assert "Level 2: additional needs" in text
    assert url("early-help", children.ava) in text
