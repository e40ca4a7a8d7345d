"""Casework records edited in place: a stale save is refused and both versions shown."""

import pytest
from django.urls import reverse

from tests.early_help_universe import assessed, sign_in
from tests.integration.editor.test_concurrent_edits import STALE, version

pytestmark = pytest.mark.django_db


def test_a_stale_lead_practitioner_save_is_refused(client, universe, children):
    episode = assessed(children.ava, universe.dee)
    sign_in(client, universe.dee)
    address = reverse("children:early-help-lead", args=["northfield-primary", children.ava.pk])
    base = version(client.get(address).content.decode())
    assert client.post(address, {"name": "Theirs Lead", "base_version": base}).status_code == 302
    page = client.post(address, {"name": "Mine Lead", "base_version": base}).content.decode()
    assert STALE in page and "Theirs Lead" in page and 'value="Mine Lead"' in page
    episode.refresh_from_db()
    assert episode.lead_practitioner_name == "Theirs Lead"
