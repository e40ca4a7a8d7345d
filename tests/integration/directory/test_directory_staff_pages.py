"""County directory editors: the search words page (with history) and the zero-result log."""

import pytest
from django.test import Client
from django.urls import reverse

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.directory.models import ConceptEntry, ZeroResultSearch
from earlyhelp.directory.search import SearchParams, search_services
from tests.persona_clients import client_for, ed
from tests.universe import Universe, make_user

WORDS = reverse("directory_staff:search_words")
LOG = reverse("directory_staff:searches_without_results")
__all__ = ["ed"]  # the fixture


@pytest.fixture
def dora(universe: Universe) -> Client:
    """Dora edits the county's directory."""
    user = make_user("dora", "Dora", "Directory")
    grant_role(by=None, user=user, role=Role.DIRECTORY_EDITOR, local_authority=universe.county)
    return client_for(user)


def test_a_directory_editor_adds_search_words_and_sees_the_history(dora):
    page = dora.get(WORDS)
    assert page.status_code == 200 and "Add search words" in page.text
    response = dora.post(
        WORDS, {"phrase": "Blorptastic mood", "topics": ["mental-health"], "words": ""}
    )
    assert response.status_code == 302
    page = dora.get(WORDS).text
    assert "blorptastic mood" in page
    assert "Dora Directory added “blorptastic mood”" in page
    entry = ConceptEntry.objects.get()
    assert entry.topic_codes == ("mental-health",)
    dora.post(reverse("directory_staff:remove_search_words"), {"entry": entry.pk})
    assert not ConceptEntry.objects.exists()
    assert "Dora Directory removed “blorptastic mood”" in dora.get(WORDS).text


def test_an_incomplete_entry_shows_errors_and_saves_nothing(dora):
    page = dora.post(WORDS, {"phrase": "", "words": ""}).text
    assert page.count("Error:") >= 1 and "Enter the words people type" in page
    assert "Choose at least one topic" in page
    assert not ConceptEntry.objects.exists()


def test_the_zero_result_log_shows_words_and_counts_per_day(dora):
    search_services(SearchParams(q="trampolinez"))
    search_services(SearchParams(q="trampolinez"))
    page = dora.get(LOG).text
    assert "trampolinez" in page
    assert ZeroResultSearch.objects.get().count == 2


def test_other_staff_may_not_see_the_directory_pages(ed):
    assert ed.get(WORDS).status_code == 403
    assert ed.get(LOG).status_code == 403
    assert ed.post(WORDS, {"phrase": "x", "topics": ["bullying"]}).status_code == 403
    assert not ConceptEntry.objects.exists()


def test_signed_out_people_are_sent_to_sign_in(client):
    assert client.get(LOG).status_code == 302
