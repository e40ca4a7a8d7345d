"""The public Offer page and PDF served like files: rendered once per version and key,
kept, and answered with ETag, Last-Modified, Cache-Control and 304 (issue 17)."""

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from earlyhelp.directory.actions import rename_organization, update_service
from earlyhelp.directory.data import PhoneData
from earlyhelp.directory.models import Service
from earlyhelp.offers import rendering
from earlyhelp.offers.models import OfferRender
from earlyhelp.offers.pdf import render_offer_pdf
from earlyhelp.schools.models import LocalAuthority
from tests.integration.offers.conftest import offer_url, pdf_url, published_version, republish
from tests.universe import young_carers_data
from tests.worker import run_worker

PDF_TASK = "earlyhelp.offers.tasks.render_offer_pdf"
PAGE_TASK = "earlyhelp.offers.tasks.render_offer_page"
CLIENTS = 10


def counting_page_renders():
    return mock.patch.object(rendering, "_page_fields", wraps=rendering._page_fields)


@pytest.mark.django_db
def test_the_page_is_rendered_once_and_then_served_as_stored(client, universe):
    with counting_page_renders() as renders:
        first = client.get(offer_url(universe.northfield))
        second = client.get(offer_url(universe.northfield))

    assert renders.call_count == 1
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert b"Testshire Young Carers" in second.content
    assert first["ETag"] == second["ETag"]
    assert first["Cache-Control"] == "public, max-age=300"
    assert "Last-Modified" in first


@pytest.mark.django_db
def test_a_conditional_request_with_the_etag_answers_304_with_no_body(client, universe):
    etag = client.get(offer_url(universe.northfield))["ETag"]

    again = client.get(offer_url(universe.northfield), headers={"If-None-Match": etag})
    other = client.get(offer_url(universe.northfield), headers={"If-None-Match": '"old"'})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert other.status_code == 200


@pytest.mark.django_db
def test_the_page_changes_when_a_service_it_shows_changes(client, universe):
    before = client.get(offer_url(universe.northfield))
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)

    after = client.get(offer_url(universe.northfield), headers={"If-None-Match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert b"0113 496 0399" in after.content and b"0113 496 0399" not in before.content


@pytest.mark.django_db
def test_the_page_warns_once_the_review_date_has_passed(client, universe):
    before = client.get(offer_url(universe.northfield))
    due = published_version(universe.northfield).review_due

    with time_machine.travel(due + timedelta(days=1)):
        after = client.get(offer_url(universe.northfield))

    assert after["ETag"] != before["ETag"]
    assert b"This Offer was due for review" in after.content
    assert b"This Offer was due for review" not in before.content


@pytest.mark.django_db
def test_a_new_version_is_a_new_page(client, universe):
    before = client.get(offer_url(universe.northfield))["ETag"]
    republish(universe)

    assert client.get(offer_url(universe.northfield))["ETag"] != before


@pytest.mark.django_db
def test_the_stored_page_allows_its_inline_script_by_hash_not_by_a_shared_nonce(client, universe):
    response = client.get(offer_url(universe.northfield))
    policy = response["Content-Security-Policy"]

    assert "nonce" not in response.content.decode()
    assert "'nonce-" not in policy
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'", policy)


@pytest.mark.django_db
def test_publishing_queues_the_page_and_the_pdf_for_the_worker(client, universe):
    republish(universe)

    assert DBTaskResult.objects.filter(task_path=PDF_TASK).count() >= 1
    assert DBTaskResult.objects.filter(task_path=PAGE_TASK).count() >= 1
    run_worker()

    with counting_page_renders() as renders:
        page = client.get(offer_url(universe.northfield))
    pdf = client.get(pdf_url(universe.northfield))
    assert renders.call_count == 0  # made by the worker
    assert page.status_code == 200
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")


@pytest.mark.django_db
def test_the_first_pdf_request_is_told_it_is_being_prepared_and_queues_one_render(client, universe):
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)
    queued = DBTaskResult.objects.filter(task_path=PDF_TASK).count()

    first = client.get(pdf_url(universe.northfield))
    second = client.get(pdf_url(universe.northfield))

    for response in (first, second):
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        assert response["Cache-Control"] == "no-store"
        assert b"The PDF of this Offer is being prepared" in response.content
        assert b"Waiting to start" in response.content
    assert DBTaskResult.objects.filter(task_path=PDF_TASK).count() == queued + 1


@pytest.mark.django_db
def test_the_worker_makes_the_pdf_once_and_every_request_then_gets_the_same_file(client, universe):
    client.get(pdf_url(universe.northfield))
    run_worker()

    first = client.get(pdf_url(universe.northfield))
    second = client.get(pdf_url(universe.northfield))
    not_modified = client.get(
        pdf_url(universe.northfield), headers={"If-None-Match": first["ETag"]}
    )

    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert first.content == second.content and first["ETag"] == second["ETag"]
    assert not_modified.status_code == 304
    ready = OfferRender.objects.get(kind="pdf", status="ready")
    assert ready.file_name.startswith("offer-renders/northfield-primary/")
    assert ready.size == len(first.content)


@pytest.mark.django_db
def test_a_pdf_render_that_fails_is_visible_with_its_error_and_tried_again(client, universe):
    client.get(pdf_url(universe.northfield))
    with mock.patch.object(rendering, "render_offer_pdf", side_effect=OSError("disk full")):
        run_worker()

    failed = DBTaskResult.objects.filter(task_path=PDF_TASK, status="FAILED").first()
    assert failed is not None and "disk full" in failed.traceback
    render = OfferRender.objects.get(kind="pdf", status="failed")
    assert render.error == "OSError: disk full"

    assert render.finished_at is not None
    with time_machine.travel(render.finished_at + timedelta(minutes=2)):
        retried = client.get(pdf_url(universe.northfield))
    assert retried.status_code == 503
    run_worker()
    assert client.get(pdf_url(universe.northfield)).status_code == 200


@pytest.mark.django_db
def test_a_render_for_an_offer_that_changed_meanwhile_is_superseded(client, universe):
    client.get(pdf_url(universe.northfield))
    stale = OfferRender.objects.get(kind="pdf", status="queued")
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)

    run_worker()

    stale.refresh_from_db()
    assert stale.status == "superseded"
    response = client.get(pdf_url(universe.northfield))
    assert response.status_code == 200


def _at_once(count: int, fetch: Callable[[Client], Any]) -> list[Any]:
    start = threading.Barrier(count)
    responses: list[Any] = []

    def one() -> None:
        try:
            start.wait()
            responses.append(fetch(Client()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent requests need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_first_requests_for_the_page_cause_one_render():
    from earlyhelp.directory.taxonomy_sync import ensure_taxonomies
    from tests.universe import build_universe

    ensure_taxonomies()  # a transactional test starts from emptied tables
    universe = build_universe()
    url = offer_url(universe.northfield)
    with counting_page_renders() as renders:
        responses = _at_once(CLIENTS, lambda c: c.get(url))

    assert renders.call_count == 1
    assert [r.status_code for r in responses] == [200] * CLIENTS
    assert len({r.content for r in responses}) == 1
    assert OfferRender.objects.filter(kind="page").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent requests need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_first_requests_for_the_pdf_queue_one_render():
    from earlyhelp.directory.taxonomy_sync import ensure_taxonomies
    from tests.universe import build_universe

    ensure_taxonomies()  # a transactional test starts from emptied tables
    universe = build_universe()
    OfferRender.objects.all().delete()
    DBTaskResult.objects.all().delete()
    url = pdf_url(universe.northfield)

    responses = _at_once(CLIENTS, lambda c: c.get(url))

    assert [r.status_code for r in responses] == [503] * CLIENTS
    assert OfferRender.objects.filter(kind="pdf").count() == 1
    assert DBTaskResult.objects.filter(task_path=PDF_TASK).count() == 1
    with mock.patch.object(rendering, "render_offer_pdf", wraps=render_offer_pdf) as pdfs:
        run_worker()
    assert pdfs.call_count == 1
    assert len({c.content for c in _at_once(CLIENTS, lambda c: c.get(url))}) == 1


@pytest.mark.django_db
def test_the_page_changes_when_the_organisation_of_a_service_it_shows_is_renamed(client, universe):
    before = client.get(offer_url(universe.northfield))
    organisation = universe.young_carers.organization
    rename_organization(by=universe.lara, organization=organisation, name="Testshire Carers Trust")

    after = client.get(offer_url(universe.northfield), headers={"If-None-Match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert b"Testshire Carers Trust" in after.content
    assert b"Testshire Carers Trust" not in before.content


@pytest.mark.django_db
def test_a_stored_page_is_served_without_a_query(client, universe):
    client.get(offer_url(universe.northfield))  # rendered and stored

    with CaptureQueriesContext(connection) as queries:
        served = client.get(offer_url(universe.northfield))

    assert served.status_code == 200
    assert len(queries) == 0  # the school, its version and key, and the page: all kept


@pytest.mark.django_db
def test_the_first_request_of_a_process_reads_the_school_but_not_the_services_or_snapshot(
    client, universe
):
    client.get(offer_url(universe.northfield))  # rendered and stored
    rendering.known.clear()  # a process that has not looked the school up yet

    with CaptureQueriesContext(connection) as queries:
        served = client.get(offer_url(universe.northfield))

    assert served.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "directory_service" not in sql
    assert '"content"' not in sql
    assert len(queries) == 1  # the school with its version; the page from memory


@pytest.mark.django_db
@pytest.mark.parametrize("write", ["service", "council"])
def test_a_change_made_without_a_signal_shows_within_a_minute(client, universe, write):
    before = client.get(offer_url(universe.northfield))
    if write == "service":
        Service.objects.filter(pk=universe.young_carers.pk).update(last_modified=timezone.now())
    else:  # SQL by hand: no action changes a council's numbers
        county = universe.northfield.local_authority
        LocalAuthority.objects.filter(pk=county.pk).update(front_door_phone="+441134960777")

    soon = client.get(offer_url(universe.northfield))
    with time_machine.travel(timezone.now() + timedelta(seconds=rendering.STAMP_SECONDS + 1)):
        later = client.get(offer_url(universe.northfield))

    assert soon["ETag"] == before["ETag"]  # the stamp, the school and its key kept
    assert later["ETag"] != before["ETag"]


@pytest.mark.django_db
def test_the_page_changes_when_the_council_changes_its_front_door_number(client, universe):
    before = client.get(offer_url(universe.northfield))
    county = universe.northfield.local_authority
    county.front_door_phone = "+441134960777"
    county.save()  # from the shell: no action changes a council's numbers

    after = client.get(offer_url(universe.northfield))

    assert after["ETag"] != before["ETag"]
    assert b"0113 496 0777" in after.content and b"0113 496 0777" not in before.content


@pytest.mark.django_db
def test_a_new_release_is_a_new_page(client, universe):
    before = client.get(offer_url(universe.northfield))
    with mock.patch.object(rendering, "release_digest", return_value="the-next-release"):
        after = client.get(offer_url(universe.northfield))

    assert after["ETag"] != before["ETag"]


@pytest.mark.django_db
def test_a_kept_version_stays_without_its_snapshot_after_a_render(client, universe):
    client.get(offer_url(universe.northfield))  # rendered from the kept version
    kept = rendering.get_published(universe.northfield.slug)
    full = published_version(universe.northfield)

    assert kept is not None and "content" in kept.version.get_deferred_fields()
    assert rendering.snapshot_of(kept.version) == rendering.snapshot_of(full) == full.content
