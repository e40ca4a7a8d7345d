"""Offer actions validate their models: a bad value is refused and nothing is written."""

import pytest
from django.core.exceptions import ValidationError

from earlyhelp.audit.models import AuditEvent
from earlyhelp.offers.actions.editing import (
    add_entry,
    set_entry_level,
    set_level_heading,
    update_offer_text,
)
from earlyhelp.offers.models import LevelHeading, Offer, OfferEntry


def offer_of(school) -> Offer:
    return Offer.objects.select_related("school").get(school=school)


def test_a_level_heading_longer_than_its_field_is_refused(universe):
    offer = offer_of(universe.northfield)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="at most 120 characters"):
        set_level_heading(by=universe.ed, offer=offer, level=2, heading="A" * 121)
    assert LevelHeading.objects.get(offer=offer, level=2).heading != "A" * 121
    assert AuditEvent.objects.count() == events


def test_a_level_that_does_not_exist_is_refused_when_adding(universe):
    offer = offer_of(universe.northfield)
    OfferEntry.objects.filter(offer=offer, service=universe.samaritans).delete()
    with pytest.raises(ValidationError, match="not a valid choice"):
        add_entry(by=universe.ed, offer=offer, service=universe.samaritans, level=7)
    assert not OfferEntry.objects.filter(offer=offer, service=universe.samaritans).exists()


def test_a_level_that_does_not_exist_is_refused_when_moving(universe):
    entry = OfferEntry.objects.filter(offer__school=universe.northfield).first()
    assert entry is not None
    with pytest.raises(ValidationError, match="not a valid choice"):
        set_entry_level(by=universe.ed, entry=entry, level=0)
    entry.refresh_from_db()
    assert entry.level in (1, 2, 3, 4)


def test_offer_text_is_validated_before_it_is_saved(universe):
    offer = offer_of(universe.northfield)
    offer.school = None  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        update_offer_text(
            by=universe.ed, offer=offer, introduction="Hi", raising_concerns="", attendance=""
        )
    assert offer_of(universe.northfield).introduction != "Hi"
