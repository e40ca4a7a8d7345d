"""Helpers for the editor's tests: URLs, and proof that a refused form saved nothing."""

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import Phone, Schedule, Service
from earlyhelp.offers.models import LevelHeading, Offer, OfferEntry, OfferVersion
from earlyhelp.schools.models import KeyPerson, KeyPersonRole

SLUG = "northfield-primary"


def url(name: str, *args: Any, slug: str = SLUG) -> str:
    return reverse(f"offers_staff:{name}", args=[slug, *args])


def row_counts() -> dict[str, int]:
    models = (
        Service,
        Phone,
        Schedule,
        KeyPerson,
        KeyPersonRole,
        OfferEntry,
        OfferVersion,
        LevelHeading,
        AuditEvent,
    )
    counts = {model.__name__: model.objects.count() for model in models}
    return counts


def html(response: Any) -> str:
    return str(response.content.decode())


def overview_order(client: Any, names: list[str], section: str = "services") -> list[str]:
    """The given names in the order the overview lists them in one section (by its id)."""
    page = html(client.get(url("overview")))
    part = page[page.index(f'id="{section}"') :]
    return sorted(names, key=part.index)


def offer_of(school: Any) -> Offer:
    """The school's Offer as the database has it now (the universe's copy may be stale)."""
    return Offer.objects.select_related("published_version").get(school=school)


def noon(day: date) -> datetime:
    """Midday in England on `day`, for time_machine."""
    return datetime.combine(day, time(12, 0), tzinfo=ZoneInfo("Europe/London"))


def review_due(school: Any) -> date:
    due = offer_of(school).review_due
    assert due is not None, "the universe publishes Northfield's Offer"
    return due
