"""The county directory editors' page of harvests: last run, counts, errors, withdrawn."""

import pytest
from django.core.management import CommandError

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from tests.integration.oruk.feed_server import FeedServer, feed_server, record, uuid_for
from tests.integration.oruk.test_harvest import run
from tests.persona_clients import client_for
from tests.universe import Universe, make_user

__all__ = ["feed_server"]

pytestmark = pytest.mark.django_db


def test_editors_see_each_feed_its_counts_errors_and_withdrawn_services(
    universe: Universe, feed_server: FeedServer
) -> None:
    county = universe.county
    feed_server.services = {r["id"]: r for r in (record(n) for n in (1, 2))}
    run(feed_server, "--local-authority", county.slug)
    del feed_server.services[uuid_for(2)]
    run(feed_server, "--local-authority", county.slug)
    feed_server.services[uuid_for(1)] = record(1, email="not an email")
    with pytest.raises(CommandError):
        run(feed_server, "--local-authority", county.slug)
    editor = make_user("dora", "Dora", "Reed")
    grant_role(by=None, user=editor, role=Role.DIRECTORY_EDITOR, local_authority=county)
    page = client_for(editor).get(f"/staff/local-authority/{county.slug}/directory/harvests/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "testshire" in text and feed_server.base_url in text
    assert ": refused" in text
    assert "field email: &#x27;not an email&#x27; is not a &#x27;email&#x27;" in text
    assert "1 in the feed: 0 new, 0 updated, 1 unchanged, 1 withdrawn" in text
    assert "Withdrawn</strong> Harvested service 2" in text


def test_nobody_else_sees_the_page(universe: Universe) -> None:
    url = f"/staff/local-authority/{universe.county.slug}/directory/harvests/"
    assert client_for(universe.lara).get(url).status_code == 404  # an LA officer, not an editor
    assert client_for(universe.dee).get(url).status_code == 404
