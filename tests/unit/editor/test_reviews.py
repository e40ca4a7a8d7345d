"""When an Offer counts as due for review."""

from datetime import date, timedelta

from django.test import override_settings

from earlyhelp.offers.models import Offer
from earlyhelp.offers.reviews import ReviewState, list_offers_due_for_review, review_state


def test_review_states_around_the_window(universe):
    offer = Offer.objects.get(school=universe.northfield)
    due = offer.review_due
    assert due is not None
    with override_settings(OFFER_REVIEW_REMINDER_DAYS=30):
        assert review_state(offer, due - timedelta(days=31)) == ReviewState.IN_DATE
        assert review_state(offer, due - timedelta(days=30)) == ReviewState.DUE_SOON
        assert review_state(offer, due) == ReviewState.DUE_SOON
        assert review_state(offer, due + timedelta(days=1)) == ReviewState.OVERDUE
        assert list(list_offers_due_for_review(due - timedelta(days=31))) == []
        assert list(list_offers_due_for_review(due + timedelta(days=400))) == [offer]


def test_an_offer_never_published_is_not_due(universe):
    offer = Offer.objects.get(school=universe.southbank)
    assert review_state(offer, date(2099, 1, 1)) == ReviewState.NOT_PUBLISHED
    assert offer not in list_offers_due_for_review(date(2099, 1, 1))
