"""The Offer as a tagged A4 PDF at /schools/<slug>/offer.pdf."""

import io
from dataclasses import replace
from datetime import timedelta

import pikepdf
import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from earlyhelp.directory.actions import update_service
from earlyhelp.directory.data import PhoneData
from tests.integration.offers.conftest import pdf_url, published_version
from tests.unit.offers.pdf_checks import is_true, link_targets, page_texts, read_tagging
from tests.universe import young_carers_data

A4 = (595.28, 841.89)  # points
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def inline_renders(settings):
    """The PDF is made by a task (test_offer_renders.py tests the worker); here it runs at once."""
    settings.TASKS = IMMEDIATE


def fetch_pdf(client, school) -> bytes:
    response = client.get(pdf_url(school))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content: bytes = response.content
    return content


def long_date(value) -> str:
    return f"{value:%-d %B %Y}"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def offer_pdf(client, universe) -> bytes:
    return fetch_pdf(client, universe.northfield)


def test_pdf_is_a_tagged_pdf_ua_1_document_in_british_english(offer_pdf):
    with pikepdf.open(io.BytesIO(offer_pdf)) as pdf:
        assert is_true(pdf.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.Lang == "en-GB"
        assert is_true(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert pdf.docinfo.Title == "Northfield Primary: Early Help Offer"
        metadata = pdf.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        assert metadata["dc:title"] == "Northfield Primary: Early Help Offer"
        assert all(
            [round(float(x), 2) for x in page.mediabox[2:]] == list(A4) for page in pdf.pages
        )


def test_every_piece_of_text_is_tagged_or_a_page_artifact(offer_pdf):
    tagging = read_tagging(offer_pdf)

    assert tagging.untagged_mcids == []
    assert tagging.misplaced == []
    assert tagging.unmarked_text == 0
    assert tagging.structure_types.count("/H1") == 1
    assert {"/H2", "/H3", "/H4", "/Table", "/TH", "/TD", "/L", "/LI", "/Link"} <= set(
        tagging.structure_types
    )


def test_pdf_lists_the_school_every_service_and_its_contacts(offer_pdf, universe):
    text = flat(" ".join(page_texts(offer_pdf)))

    assert "Northfield Primary" in text
    assert "Dee Lane" in text
    for service in (universe.breakfast_club, universe.samaritans, universe.young_carers):
        assert service.name in text
    assert "0113 496 0300" in text and "youngcarers@example.org" in text  # Young Carers
    assert "116 123" in text  # Samaritans


def test_emergency_panel_is_on_the_first_page(offer_pdf):
    first = flat(page_texts(offer_pdf)[0])

    assert "If a child is in danger" in first
    assert "999" in first and "0113 496 0001" in first and "0113 496 0002" in first


def test_every_page_has_its_number_and_the_publication_and_review_dates(offer_pdf, universe):
    version = published_version(universe.northfield)
    published = long_date(timezone.localtime(version.published_at))
    review = long_date(version.review_due)
    pages = page_texts(offer_pdf)

    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        footer = flat(page)
        assert f"Page {number} of {len(pages)}" in footer
        assert f"Published {published}. Next review by {review}." in footer


def test_phone_email_and_web_links_are_live(offer_pdf, universe):
    targets = link_targets(offer_pdf)

    assert {"tel:999", "tel:+441134960001", "tel:+441134960300"} <= targets
    assert {"mailto:dsl@northfield.example.org", "mailto:youngcarers@example.org"} <= targets
    assert "https://www.samaritans.org" in targets
    # Made once for every reader, so its links use the site's address, not a request's Host.
    assert f"{settings.SITE_URL.rstrip('/')}/directory/{universe.samaritans.pk}/" in targets


def test_pdf_is_offered_under_a_named_file(client, universe):
    response = client.get(pdf_url(universe.northfield))
    published = timezone.localtime(published_version(universe.northfield).published_at)

    filename = f"northfield-primary-early-help-offer-{published:%Y-%m-%d}.pdf"
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'


def test_pdf_follows_the_directory_and_the_calendar_without_republishing(client, universe):
    fetch_pdf(client, universe.northfield)
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)
    due = published_version(universe.northfield).review_due

    with time_machine.travel(due + timedelta(days=1)):
        text = flat(" ".join(page_texts(fetch_pdf(client, universe.northfield))))

    assert "0113 496 0399" in text and "0113 496 0300" not in text
    assert f"This Offer was due for review on {long_date(due)}." in text


@pytest.mark.parametrize("slug", ["southbank-academy", "no-such-school"])
def test_no_pdf_without_a_published_offer(client, universe, slug):
    assert client.get(pdf_url(slug)).status_code == 404
