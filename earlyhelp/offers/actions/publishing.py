"""Publish a school's draft Offer as a new, frozen version."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validation import validated_save
from earlyhelp.offers.changes import draft_changes
from earlyhelp.offers.models import Offer, OfferVersion
from earlyhelp.offers.snapshot import build_snapshot


def default_review_due(today: date | None = None) -> date:
    return (today or timezone.localdate()) + relativedelta(months=settings.OFFER_REVIEW_MONTHS)


@transaction.atomic
def publish_offer(*, by: User | None, offer: Offer, review_due: date | None = None) -> OfferVersion:
    """Freeze the draft into version N+1 and make it the public Offer."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    review_due = review_due or default_review_due()
    if review_due <= timezone.localdate():
        raise ActionError("The next review date must be in the future.")
    _refuse_no_op(offer, review_due)
    _show_own_provision(offer)
    last = offer.versions.order_by("-number").values_list("number", flat=True).first()
    version = validated_save(
        OfferVersion(
            offer=offer,
            number=(last or 0) + 1,
            published_at=timezone.now(),
            published_by_id=str(by.pk) if by else "",
            published_by_name=(by.get_full_name() or by.username) if by else "system",
            review_due=review_due,
            content=build_snapshot(offer, review_due=review_due),
        ),
        exclude=["published_by_id"],  # empty when the system (a command) publishes
    )
    offer.review_due = review_due
    offer.published_version = version
    offer.full_clean()
    offer.save(update_fields=["review_due", "published_version", "updated_at"])
    record_event(
        by=by,
        action=AuditAction.OFFER_PUBLISHED,
        obj=offer,
        school_id=offer.school_id,
        details={"version": version.number, "review_due": review_due.isoformat()},
    )
    _queue_renders(version)
    return version


def _queue_renders(version: OfferVersion) -> None:
    """The page and PDF of the new version, made by the worker before anyone asks."""
    from earlyhelp.offers.tasks import queue_renders

    queue_renders(version=version)


class NothingToPublish(ActionError):
    """Publishing would change nothing families read: not the Offer, not its review date."""


def _refuse_no_op(offer: Offer, review_due: date) -> None:
    """A new version must change something families read: the Offer or its review date
    (publishing an unchanged Offer with a new review date records that it was reviewed)."""
    last = offer.published_version
    if last is None or review_due != offer.review_due or draft_changes(offer):
        return
    raise NothingToPublish(
        f"Nothing has changed since version {last.number}, so there is nothing to publish."
    )


def _show_own_provision(offer: Offer) -> None:
    """The school's own provision is in the directory exactly while its Offer shows it."""
    own = Service.objects.filter(scope=Scope.SCHOOL, owner_school_id=offer.school_id)
    shown = offer.entries.values("service_id")
    own.filter(pk__in=shown, status=ServiceStatus.INACTIVE).update(status=ServiceStatus.ACTIVE)
    own.exclude(pk__in=shown).filter(status=ServiceStatus.ACTIVE).update(
        status=ServiceStatus.INACTIVE
    )
