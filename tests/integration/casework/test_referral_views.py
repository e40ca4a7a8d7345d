"""Referral pages: choose a service by search, record, update; the school's list."""

from datetime import date

import pytest
from django.urls import reverse

from earlyhelp.casework.actions.referrals import refer_to_service
from earlyhelp.casework.models import Referral, ReferralStatus
from tests.early_help_universe import add_pupil, assessed, open_with_consent, sign_in

pytestmark = pytest.mark.django_db


def dates(name, d):
    return {f"{name}_0": d.day, f"{name}_1": d.month, f"{name}_2": d.year}


def test_search_the_directory_and_refer(client, universe, children):
    open_with_consent(children.ava, universe.dee)
    sign_in(client, universe.dee)
    found = client.get(
        reverse("children:referral-new", args=["northfield-primary", children.ava.pk]),
        {"q": "young carers"},
    ).content.decode()
    chosen = reverse(
        "children:referral-to",
        args=["northfield-primary", children.ava.pk, universe.young_carers.pk],
    )
    assert chosen in found
    response = client.post(
        chosen,
        {
            "summary": "Ava looks after her mum.",
            **dates("sent_on", date(2026, 11, 5)),
            **dates("follow_up_on", date(2026, 11, 19)),
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(pupil=children.ava)
    assert referral.service == universe.young_carers
    listed = client.get(response["Location"]).content.decode()
    assert "Testshire Young Carers" in listed


def test_another_schools_own_provision_cannot_be_chosen(client, universe, children):
    cai_episode = open_with_consent(children.cai, universe.sam)
    assert cai_episode
    sign_in(client, universe.sam)
    breakfast = reverse(
        "children:referral-to",
        args=["southbank-academy", children.cai.pk, universe.breakfast_club.pk],
    )
    assert client.get(breakfast).status_code == 404


def test_no_referral_without_consent_to_sharing_shows_the_reason(client, universe, children):
    open_with_consent(children.ava, universe.dee, scope="assessment")
    sign_in(client, universe.dee)
    page = client.post(
        reverse(
            "children:referral-to",
            args=["northfield-primary", children.ava.pk, universe.young_carers.pk],
        ),
        {"summary": "x", **dates("sent_on", date(2026, 11, 5))},
    ).content.decode()
    assert "consent to sharing information" in page
    assert not Referral.objects.exists()


def test_update_the_status(client, universe, children):
    assessed(children.ava, universe.dee)
    referral = refer_to_service(
        pupil=children.ava,
        service=universe.young_carers,
        summary="x",
        sent_on=date(2026, 11, 5),
        by=universe.dee,
    )
    sign_in(client, universe.dee)
    address = reverse(
        "children:referral-status", args=["northfield-primary", children.ava.pk, referral.pk]
    )
    client.post(address, {"status": "accepted", "note": "Starts Monday"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_the_schools_referrals_list_without_n_plus_1(
    client, universe, children, django_assert_max_num_queries
):
    for n in range(6):
        pupil = add_pupil(universe.northfield, f"Kid{n}", "Test", 10 + n)
        assessed(pupil, universe.dee)
        refer_to_service(
            pupil=pupil,
            service=universe.young_carers,
            summary="x",
            sent_on=date(2026, 11, 5),
            by=universe.dee,
        )
    sign_in(client, universe.dee)
    address = reverse("casework:referrals", args=["northfield-primary"])
    with django_assert_max_num_queries(12):
        page = client.get(address)
    assert page.content.decode().count("Testshire Young Carers") == 6


def test_the_schools_referrals_list_is_for_the_safeguarding_team(client, universe, children):
    address = reverse("casework:referrals", args=["northfield-primary"])
    sign_in(client, universe.tom)
    assert client.get(address).status_code == 403
    sign_in(client, universe.sam)
    assert client.get(address).status_code == 404
    client.logout()
    assert client.get(address).status_code == 302


def test_the_schools_own_provision_can_be_found_for_a_referral(client, universe, children):
    """Own provision is hidden from the public directory, but a school's staff find their own."""
    from earlyhelp.casework.views.referrals import _visible_services

    found = _visible_services(universe.northfield, "breakfast")
    assert universe.breakfast_club in found
    assert _visible_services(universe.southbank, "breakfast") == []
