"""File transfer pages: start, download, and the receiving school's incoming files."""

import json

import pytest
from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED
from earlyhelp.casework.actions.transfers import start_transfer
from earlyhelp.casework.models import FileTransfer
from tests.early_help_universe import add_pupil, assessed, sign_in

pytestmark = pytest.mark.django_db


def test_start_download_and_acknowledge(client, universe, children):
    assessed(children.ava, universe.dee)
    sign_in(client, universe.dee)
    page = reverse("children:transfer", args=["northfield-primary", children.ava.pk])
    response = client.post(page, {"to_school": universe.southbank.pk})
    assert response.status_code == 302
    transfer = FileTransfer.objects.get()
    children.ava.refresh_from_db()
    assert children.ava.left_on is not None
    pdf = client.post(
        reverse(
            "children:transfer-download",
            args=["northfield-primary", children.ava.pk, transfer.pk, "pdf"],
        )
    )
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert (
        client.get(
            reverse(
                "children:transfer-download",
                args=["northfield-primary", children.ava.pk, transfer.pk, "pdf"],
            )
        ).status_code
        == 405
    )

    sign_in(client, universe.sam)
    incoming = client.get(reverse("casework:incoming", args=["southbank-academy"])).content.decode()
    assert "Ava Stone" in incoming and "To confirm" in incoming
    file_page = reverse("casework:incoming-file", args=["southbank-academy", transfer.pk])
    before = AuditEvent.objects.filter(action=VIEWED).count()
    assert "Confirm receipt" in client.get(file_page).content.decode()
    assert AuditEvent.objects.filter(action=VIEWED).count() == before + 1
    data = client.get(
        reverse("casework:incoming-download", args=["southbank-academy", transfer.pk, "json"])
    )
    assert json.loads(data.content)["pupil"]["upn"] == children.ava.upn
    client.post(file_page)
    transfer.refresh_from_db()
    assert transfer.acknowledged_by == universe.sam
    # The receiving school has the package, never the sending school's live record.
    record = reverse("children:early-help", args=["southbank-academy", children.ava.pk])
    assert client.get(record).status_code == 404
    other = reverse("children:early-help", args=["northfield-primary", children.ava.pk])
    assert client.get(other).status_code == 404


def test_an_incoming_file_is_only_for_the_receiving_school(client, universe, children):
    transfer = start_transfer(pupil=children.ava, to_school=universe.southbank, by=universe.dee)
    sign_in(client, universe.dee)
    # Dee has no role at Southbank; at her own school the file is not addressed to her.
    assert (
        client.get(
            reverse("casework:incoming-file", args=["southbank-academy", transfer.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("casework:incoming-file", args=["northfield-primary", transfer.pk])
        ).status_code
        == 404
    )
    sign_in(client, universe.tom)
    assert client.get(reverse("casework:incoming", args=["northfield-primary"])).status_code == 403


def test_a_school_off_the_platform(client, universe, children):
    sign_in(client, universe.dee)
    page = reverse("children:transfer", args=["northfield-primary", children.ava.pk])
    refused = client.post(page, {})
    assert "Choose the school the pupil is moving to, or enter its name" in refused.content.decode()
    client.post(
        page,
        {
            "receiving_school_name": "Hillside School",
            "receiving_school_email": "dsl@hillside.example.org",
        },
    )
    transfer = FileTransfer.objects.get()
    client.post(
        reverse(
            "children:transfer-download",
            args=["northfield-primary", children.ava.pk, transfer.pk, "json"],
        )
    )
    transfer.refresh_from_db()
    assert transfer.is_complete


def test_incoming_list_without_n_plus_1(client, universe, django_assert_max_num_queries):
    for n in range(5):
        pupil = add_pupil(universe.northfield, f"Kid{n}", "Test", 30 + n)
        start_transfer(pupil=pupil, to_school=universe.southbank, by=universe.dee)
    sign_in(client, universe.sam)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("casework:incoming", args=["southbank-academy"]))
    assert page.content.decode().count("To confirm") == 5
