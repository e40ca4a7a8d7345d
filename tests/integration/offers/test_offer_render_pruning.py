"""Renders no longer current are deleted with their stored files once a day old (issue 17)."""

from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone

from earlyhelp.directory.actions import update_service
from earlyhelp.directory.data import PhoneData
from earlyhelp.jobs.schedule import list_jobs
from earlyhelp.offers.models import OfferRender
from earlyhelp.offers.tasks import prune_offer_renders
from tests.integration.offers.conftest import offer_url, pdf_url
from tests.universe import young_carers_data
from tests.worker import run_worker


def make_pdf(client, school) -> OfferRender:
    client.get(pdf_url(school))
    run_worker()
    response = client.get(pdf_url(school))
    assert response.status_code == 200
    return OfferRender.objects.get(kind="pdf", key=response["ETag"].strip('"'))


def change_a_service(universe) -> None:
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)


@pytest.mark.django_db
def test_an_old_render_and_its_file_go_and_the_current_one_stays(client, universe):
    old = make_pdf(client, universe.northfield)
    client.get(offer_url(universe.northfield))
    change_a_service(universe)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        current = make_pdf(client, universe.northfield)
        client.get(offer_url(universe.northfield))
        counts = prune_offer_renders.call()

    assert not OfferRender.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old.file_name)
    assert OfferRender.objects.filter(pk=current.pk).exists()
    assert default_storage.exists(current.file_name)
    assert OfferRender.objects.filter(kind="page").count() == 1  # the current page
    assert counts["files deleted"] == 1 and counts["renders deleted"] == 2


@pytest.mark.django_db
def test_a_render_less_than_a_day_old_is_kept_though_no_longer_current(client, universe):
    old = make_pdf(client, universe.northfield)
    change_a_service(universe)
    make_pdf(client, universe.northfield)

    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        prune_offer_renders.call()

    assert OfferRender.objects.filter(pk=old.pk).exists()
    assert default_storage.exists(old.file_name)


@pytest.mark.django_db
def test_the_current_render_is_kept_however_old(client, universe):
    current = make_pdf(client, universe.northfield)

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        prune_offer_renders.call()

    assert OfferRender.objects.filter(pk=current.pk).exists()
    assert default_storage.exists(current.file_name)


@pytest.mark.django_db
def test_pruning_is_a_daily_job():
    jobs = {job.name: job for job in list_jobs()}

    assert jobs["prune-offer-renders"].task == "earlyhelp.offers.tasks.prune_offer_renders"
    assert jobs["prune-offer-renders"].period == "daily"
