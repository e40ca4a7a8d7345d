"""Referrals: consent to sharing, status history, and the local authority's view of a child."""

from datetime import date

import pytest

from earlyhelp.casework.access import can_view_child
from earlyhelp.casework.actions.consent import withdraw_consent
from earlyhelp.casework.actions.episodes import step_up
from earlyhelp.casework.actions.errors import ConsentRequiredError, WrongStateError
from earlyhelp.casework.actions.referrals import refer_to_service, update_referral_status
from earlyhelp.casework.models import ConsentScope, ReferralStatus
from earlyhelp.casework.referrals import referred_to_local_authority
from earlyhelp.records.models import EntryKind
from tests.early_help_universe import assessed, open_with_consent

pytestmark = pytest.mark.django_db


def refer(universe, pupil):
    return refer_to_service(
        pupil=pupil,
        service=universe.young_carers,
        summary="Ava cares for her mum most evenings.",
        sent_on=date(2026, 11, 5),
        follow_up_on=date(2026, 11, 19),
        by=universe.dee,
    )


def test_no_referral_to_a_service_without_consent_to_sharing(universe, children):
    with pytest.raises(ConsentRequiredError):
        refer(universe, children.ava)  # no early help at all
    open_with_consent(children.ava, universe.dee, scope=ConsentScope.ASSESSMENT)
    with pytest.raises(ConsentRequiredError):
        refer(universe, children.ava)


def test_withdrawn_sharing_consent_stops_referrals(universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    withdraw_consent(consent=episode.consents.get(), withdrawn_on=date(2026, 11, 4), by=None)
    with pytest.raises(ConsentRequiredError):
        refer(universe, children.ava)


def test_status_changes_are_kept_in_order_and_in_the_chronology(universe, children):
    assessed(children.ava, universe.dee)
    referral = refer(universe, children.ava)
    update_referral_status(
        referral=referral, status=ReferralStatus.WAITING, note="On the list", by=universe.dee
    )
    update_referral_status(referral=referral, status=ReferralStatus.ACCEPTED, by=universe.dee)
    update_referral_status(referral=referral, status=ReferralStatus.COMPLETED, by=universe.dee)
    assert [h.status for h in referral.history.all()] == [
        "sent",
        "waiting",
        "accepted",
        "completed",
    ]
    with pytest.raises(WrongStateError):
        update_referral_status(referral=referral, status=ReferralStatus.SENT, by=universe.dee)
    referral_entries = children.ava.chronology_entries.filter(kind=EntryKind.REFERRAL)
    assert referral_entries.count() == 4


def test_same_status_again_is_refused(universe, children):
    assessed(children.ava, universe.dee)
    referral = refer(universe, children.ava)
    with pytest.raises(WrongStateError, match="already sent"):
        update_referral_status(referral=referral, status=ReferralStatus.SENT, by=universe.dee)


def test_the_officer_sees_a_child_only_after_a_step_up_to_their_authority(universe, children):
    episode = assessed(children.ava, universe.dee)
    refer(universe, children.ava)  # a county service is not the authority's front door
    assert not referred_to_local_authority(pupil=children.ava, local_authority=universe.county)
    assert not can_view_child(universe.lara, children.ava)
    step_up(episode=episode, summary="Marks seen on arms.", by=universe.dee)
    assert can_view_child(universe.lara, children.ava)
    assert not can_view_child(universe.lara, children.ben)  # her brother was not referred
