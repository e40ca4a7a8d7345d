"""The review screen: what an import found, the disagreements side by side, choices applied."""

from pathlib import Path

import pytest
from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import Phone, Scope, Service
from earlyhelp.imports.models import Decision, ImportedService, ImportRun, RunStatus
from earlyhelp.offers.models import OfferEntry
from tests.integration.editor.support import html, row_counts
from tests.integration.imports.saving import save, waiting_run, write_offer

REVIEW = reverse("offers_staff:import-review", args=["northfield-primary"])


@pytest.fixture
def run(universe, tmp_path: Path) -> ImportRun:
    save(write_offer(tmp_path))
    return waiting_run(universe.northfield)


def row(run: ImportRun, name: str) -> ImportedService:
    return run.services.select_related("service").get(name=name)


def answers(run: ImportRun, **overrides: str) -> dict[str, str]:
    """Every question answered `keep`, except the named fields."""
    data = {}
    for item in run.services.exclude(service=None):
        if item.outcome == "created":
            data[f"service_{item.pk}"] = "keep"
        for d in item.disagreements:
            data[f"{d['field']}_{item.pk}"] = "keep"
    data.update(overrides)
    return data


def test_signed_out_people_are_sent_to_sign_in(client, run):
    response = client.get(REVIEW)
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_another_schools_editor_gets_404(sam, run):
    assert sam.get(REVIEW).status_code == 404
    assert sam.post(REVIEW, answers(run)).status_code == 404
    assert waiting_run(run.school) == run


def test_a_teacher_without_edit_offer_gets_403(tom, run):
    assert tom.get(REVIEW).status_code == 403
    assert tom.post(REVIEW, answers(run)).status_code == 403


def test_the_page_lists_people_services_disagreements_and_findings(ed, run):
    page = html(ed.get(REVIEW))
    assert page.count("<h1") == 1
    assert "Ada Fenn" in page and "Eli Gray" in page
    assert "Testshire Children&#x27;s Social Care" in page
    young = row(run, "Testshire Young Carers")
    assert f'href="/directory/{young.service_id}/"' in page
    # side by side: the document's number and the directory's
    assert "0113 496 0399" in page and "0113 496 0300" in page
    assert "Your document says" in page and "The directory says" in page
    # a county record cannot take the document's value; the school's own provision can
    assert f'name="phone_{young.pk}" value="document"' not in page
    breakfast = row(run, "Breakfast Club")
    assert f'name="phone_{breakfast.pk}" value="document"' in page
    assert "Testshire keeps this record" in page
    assert "Problems found in your document" in page


def test_the_overview_links_to_a_waiting_import(ed, run):
    overview = html(ed.get(reverse("offers_staff:overview", args=["northfield-primary"])))
    assert REVIEW in overview and "northfield.txt" in overview


def test_an_unanswered_question_shows_the_error_summary_and_changes_nothing(ed, run):
    young = row(run, "Testshire Young Carers")
    data = answers(run)
    del data[f"phone_{young.pk}"]
    counts = row_counts()
    response = ed.post(REVIEW, data)
    page = html(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Select which phone number is right for Testshire Young Carers" in page
    assert f'href="#id_phone_{young.pk}_0"' in page
    assert "<title>Error: Review your imported Offer" in page
    assert row_counts() == counts and waiting_run(run.school) == run


def test_the_documents_value_cannot_be_forced_onto_a_county_record(ed, run, universe):
    young = row(run, "Testshire Young Carers")
    response = ed.post(REVIEW, answers(run, **{f"phone_{young.pk}": "document"}))
    assert response.status_code == 200 and "govuk-error-summary" in html(response)
    assert list(universe.young_carers.phones.values_list("number", flat=True)) == ["+441134960300"]


def test_choices_are_applied_through_one_action(ed, run, universe):
    breakfast = row(run, "Breakfast Club")
    young = row(run, "Testshire Young Carers")
    social = row(run, "Testshire Children's Social Care")
    assert social.service is not None
    before = Service.objects.count()
    response = ed.post(
        REVIEW,
        answers(
            run,
            **{
                f"phone_{breakfast.pk}": "document",
                f"phone_{young.pk}": "unlink",
                f"service_{social.pk}": "reject",
            },
        ),
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == RunStatus.REVIEWED and run.reviewed_by_name == "Ed Jones"
    offer = universe.northfield.offer
    # the school's own provision took the document's number
    assert list(universe.breakfast_club.phones.values_list("number", flat=True)) == [
        "+441134960777"
    ]
    assert row(run, "Breakfast Club").decision == Decision.UPDATED
    # not the county's Young Carers after all: a school-own entry with the document's details
    young = row(run, "Testshire Young Carers")
    assert young.decision == Decision.UNLINKED
    assert young.service is not None and young.service.scope == Scope.SCHOOL
    assert Phone.objects.get(service=young.service).number == "+441134960399"
    assert OfferEntry.objects.filter(offer=offer, service=universe.young_carers).exists()
    # the county record itself is untouched
    assert universe.young_carers.phones.get().number == "+441134960300"
    # rejected: out of the draft and deleted
    assert row(run, "Testshire Children's Social Care").service is None
    assert not Service.objects.filter(pk=social.service.pk).exists()
    assert Service.objects.count() == before  # one created (unlink), one deleted (reject)
    event = AuditEvent.objects.filter(action="import.reviewed").get()
    assert event.actor_name == "Ed Jones"
    # (Police 999 is an emergency route, never a row to decide on: issue 12)
    assert event.details["decisions"] == {"kept": 2, "rejected": 1, "unlinked": 1, "updated": 1}
    page = html(ed.get(REVIEW))
    assert "No imported Offer is waiting for review" in page
