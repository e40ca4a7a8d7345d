"""Preview, publish, and the published versions."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.offers.actions.publishing import default_review_due
from earlyhelp.offers.models import OfferVersion
from tests.integration.editor.support import html, noon, offer_of, review_due, url
from tests.integration.editor.test_provision import provision_form
from tests.signin import sign_in


def date_fields(day) -> dict[str, str]:
    return {
        "review_due_0": str(day.day),
        "review_due_1": str(day.month),
        "review_due_2": str(day.year),
    }


def public_page(client) -> str:
    return html(client.get(reverse("offers:offer", args=["northfield-primary"])))


def test_preview_shows_the_draft_as_families_will_see_it(ed, client, universe):
    ed.post(
        url("texts"), {"introduction": "Draft words.", "raising_concerns": "", "attendance": ""}
    )
    page = html(ed.get(url("preview")))
    assert "Preview: not published" in page
    assert "Draft words." in page
    assert page.count("<h1") == 1
    assert "Who to talk to" in page and "Dee Lane" in page  # the public page's own body
    assert "Draft words." not in public_page(client)


def test_publish_page_defaults_the_review_date(ed, universe):
    ed.post(
        url("texts"), {"introduction": "Changed words.", "raising_concerns": "", "attendance": ""}
    )
    page = html(ed.get(url("publish")))
    due = default_review_due()
    assert "Publish version 2 of your Offer" in page
    assert f'value="{due.day}"' in page and f'value="{due.year}"' in page
    assert "does not name a deputy Designated Safeguarding Lead" in page


def test_publish_makes_version_n_plus_1_and_changes_the_public_page(ed, client, universe):
    ed.post(
        url("texts"),
        {"introduction": "Version two words.", "raising_concerns": "", "attendance": ""},
    )
    ed.post(url("provision-add"), provision_form())
    assert "Version two words." not in public_page(client)
    due = timezone.localdate() + timedelta(days=200)
    response = ed.post(url("publish"), date_fields(due))
    assert response.status_code == 302
    version = OfferVersion.objects.get(offer__school=universe.northfield, number=2)
    assert version.published_by_name == "Ed Jones"
    assert version.review_due == due
    assert offer_of(universe.northfield).published_version == version
    public = public_page(client)
    assert "Version two words." in public and "Listening and talking" in public
    assert Service.objects.get(name="Listening and talking").status == ServiceStatus.ACTIVE
    overview = html(ed.get(url("overview")))
    assert "Version 2 of your Offer is published" in overview
    assert "No changes since version 2" in overview


def test_versions_list_and_each_version_as_published(ed, universe):
    ed.post(
        url("texts"), {"introduction": "Second words.", "raising_concerns": "", "attendance": ""}
    )
    ed.post(url("publish"), date_fields(default_review_due()))
    listing = html(ed.get(url("versions")))
    assert "Version 2" in listing and "Version 1" in listing and "Ed Jones" in listing
    assert listing.index("Version 2") < listing.index("Version 1")
    first = html(ed.get(url("version", 1)))
    assert "We help families early." in first and "Second words." not in first
    assert "Families no longer see this version" in first
    assert "This is the version families see now" in html(ed.get(url("version", 2)))


def test_republishing_unchanged_sets_the_next_review(ed, universe):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due + timedelta(days=1))):
        sign_in(ed, universe.ed)
        ed.post(url("publish"), date_fields(default_review_due()))
        assert offer_of(universe.northfield).review_due == default_review_due()
        assert "Review due" not in html(ed.get(url("overview")))
