"""Import an Offer document from the editor: upload, progress, then the review (issue 12)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import Scope, Service
from earlyhelp.imports.models import OfferUpload, RunStatus, UploadStatus
from tests.integration.imports.saving import OFFER, waiting_run

UPLOAD = reverse("offers_staff:import-upload", args=["northfield-primary"])
REVIEW = reverse("offers_staff:import-review", args=["northfield-primary"])
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def inline_tasks(settings):
    settings.TASKS = IMMEDIATE


def upload(client, data: bytes, name: str = "northfield.txt", **extra):
    return client.post(UPLOAD, {"document": SimpleUploadedFile(name, data, "text/plain")}, **extra)


def test_the_upload_page_asks_for_a_document(ed, universe):
    page = ed.get(UPLOAD).content.decode()
    assert "Import your Offer document" in page
    assert 'type="file"' in page and 'accept=".docx,.pdf,.html,.htm,.txt"' in page


def test_an_uploaded_offer_is_read_in_the_background_then_reviewed(ed, universe, inline_tasks):
    response = upload(ed, OFFER.encode(), follow=True)
    assert response.redirect_chain[-1][0] == REVIEW
    page = response.content.decode()
    assert "Review your imported Offer" in page
    run = waiting_run(universe.northfield)
    shown = OfferUpload.objects.get()
    assert (shown.status, shown.run, shown.data) == (UploadStatus.DONE, run, b"")
    assert AuditEvent.objects.filter(action="import.upload_started").count() == 1


def test_the_review_names_roles_in_words_never_codes(ed, universe, inline_tasks):
    page = upload(ed, OFFER.encode(), follow=True).content.decode()
    people = page[page.index('id="people"') : page.index('id="matched"')]
    assert "Ada Fenn" in people and ">DSL<" in people
    assert "deputy_dsl" not in page and ">dsl<" not in page


def test_emergency_numbers_are_routes_not_a_new_school_service(ed, universe, inline_tasks):
    page = upload(ed, OFFER.encode(), follow=True).content.decode()
    assert not Service.objects.filter(scope=Scope.SCHOOL, phones__number="999").exists()
    assert not Service.objects.filter(scope=Scope.SCHOOL, name="Police").exists()
    left_out = page[page.index('id="left-out"') :]
    assert "Police: 999" in left_out
    created = page[page.index('id="created"') : page.index('id="left-out"')]
    assert "Police" not in created


def test_the_dsls_phone_is_not_attached_to_an_invented_service(ed, universe, inline_tasks):
    upload(ed, OFFER.encode(), follow=True)
    run = waiting_run(universe.northfield)
    for row in run.services.all():
        assert "+441134960100" not in row.document["phones"], row.name


def test_a_contact_block_under_a_role_is_not_made_a_service(ed, universe, inline_tasks):
    text = OFFER + "\n## Key contacts\n\nDesignated Safeguarding Lead: 0113 496 0144\n"
    page = upload(ed, text.encode(), follow=True).content.decode()
    assert not Service.objects.filter(phones__number="+441134960144").exists()
    left_out = page[page.index('id="left-out"') :]
    assert "Designated Safeguarding Lead: 0113 496 0144" in left_out


def test_problems_are_in_words_without_codes_or_markdown(ed, universe, inline_tasks):
    text = OFFER + "\nSee **[our old policy](file:///C:/Users/office/policy.docx)** for more.\n"
    page = upload(ed, text.encode(), follow=True).content.decode()
    problems = page[page.index('id="findings"') :]
    assert "link-local-file" not in problems and "missing-required" not in problems
    assert "Link to a file on someone’s own computer" in problems
    assert "**" not in problems and "](" not in problems


def test_progress_shows_while_waiting_for_the_worker(ed, universe):
    response = upload(ed, OFFER.encode())
    shown = OfferUpload.objects.get()
    assert response["Location"] == reverse(
        "offers_staff:import-progress", args=["northfield-primary", shown.pk]
    )
    page = ed.get(response["Location"]).content.decode()
    assert "Waiting to start" in page and "Check again" in page
    assert RunStatus.WAITING not in [r.status for r in universe.northfield.import_runs.all()]


def test_a_document_that_cannot_be_read_fails_clearly(ed, universe, inline_tasks):
    response = upload(ed, b"%PDF-1.4\nnot really a pdf", name="offer.pdf", follow=True)
    page = response.content.decode()
    assert "<title>Error:" in page and "offer.pdf was not imported" in page
    shown = OfferUpload.objects.get()
    assert shown.status == UploadStatus.FAILED and shown.problem and shown.data == b""


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "offer.txt", "The selected file is empty"),
        (b"MZ\x90\x00\x03\x00program", "offer.exe", "The selected file must be a Word document"),
        (b"%PDF-1.4 pretending", "offer.txt", "The selected file must be a Word document"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_kept(ed, universe, data, name, message):
    page = upload(ed, data, name=name).content.decode()
    assert "<title>Error:" in page and message in page
    assert not OfferUpload.objects.exists()


def test_a_teacher_cannot_import(tom, universe):
    assert tom.get(UPLOAD).status_code in (403, 404)


def test_another_schools_editor_cannot_see_the_upload(sam, ed, universe):
    upload(ed, OFFER.encode())
    shown = OfferUpload.objects.get()
    progress = reverse("offers_staff:import-progress", args=["northfield-primary", shown.pk])
    assert sam.get(progress).status_code == 404
    assert sam.get(UPLOAD).status_code == 404


def test_signed_out_goes_to_sign_in(client, universe):
    response = client.get(UPLOAD)
    assert response["Location"].startswith(reverse("accounts:sign-in"))
