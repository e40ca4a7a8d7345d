"""When an Offer is due for review, and which Offers need their editors reminded.

An Offer's review date is set each time it is published. Editors are reminded from
`settings.OFFER_REVIEW_REMINDER_DAYS` days before that date, and after it has passed.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import QuerySet

from earlyhelp.offers.models import Offer


class ReviewState(models.TextChoices):
    NOT_PUBLISHED = "not_published", "Not published"
    IN_DATE = "in_date", "In date"
    DUE_SOON = "due_soon", "Review due soon"
    OVERDUE = "overdue", "Review overdue"


def reminder_horizon(today: date) -> date:
    """The last review date that is "due soon" on `today`."""
    return today + timedelta(days=settings.OFFER_REVIEW_REMINDER_DAYS)


def review_state(offer: Offer, today: date) -> ReviewState:
    if offer.published_version_id is None or offer.review_due is None:
        return ReviewState.NOT_PUBLISHED
    if offer.review_due < today:
        return ReviewState.OVERDUE
    if offer.review_due <= reminder_horizon(today):
        return ReviewState.DUE_SOON
    return ReviewState.IN_DATE


def list_offers_due_for_review(today: date) -> QuerySet[Offer]:
    """Published Offers whose review date has passed or falls within the reminder window."""
    return (
        Offer.objects.filter(
            published_version__isnull=False, review_due__lte=reminder_horizon(today)
        )
        .select_related("school")
        .order_by("review_due", "school__name")
    )
