"""The service page says when each of its web links was last checked."""

import time_machine
from django.urls import reverse
from django.utils import timezone

from earlyhelp.lib.linkcheck import LinkResult
from earlyhelp.links.actions import record_link_checks


def test_the_service_page_shows_a_failing_link(client, universe):
    url = universe.young_carers.url
    with time_machine.travel("2026-03-03 10:00:00+00:00", tick=False):
        record_link_checks(by=None, results=[_failed(url)], checked_at=timezone.now())
    with time_machine.travel("2026-03-10 10:00:00+00:00", tick=False):
        response = client.get(reverse("directory:service", args=[universe.young_carers.pk]))
    html = response.content.decode()
    assert "Link not working" in html
    assert "3 March 2026" in html


def _failed(url: str) -> LinkResult:
    return LinkResult(url=url, ok=False, status_code=404, error="HTTP 404", final_url=url)
