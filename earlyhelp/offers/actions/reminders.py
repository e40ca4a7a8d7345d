"""Remind the people who may publish a school's Offer that it is due for review."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import ROLE_PERMISSIONS, Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.jobs.mail import queue_email
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.errors import WrongStateError
from earlyhelp.offers.models import Offer
from earlyhelp.schools.models import School

REMINDER_SENT = AuditAction.OFFER_REVIEW_REMINDER_SENT
REMINDER_INTERVAL = timedelta(days=7)


def list_reminder_recipients(school: School) -> list[User]:
    """Active staff with an email address who may publish this school's Offer."""
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if Permission.PUBLISH_OFFER in perms]
    return list(
        User.objects.filter(is_active=True, memberships__school=school, memberships__role__in=roles)
        .exclude(email="")
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def last_reminder(school: School) -> AuditEvent | None:
    return (
        AuditEvent.objects.filter(action=REMINDER_SENT, school_id=str(school.pk))
        .order_by("-created_at")
        .first()
    )


def reminded_recently(school: School) -> bool:
    last = last_reminder(school)
    return last is not None and last.created_at > timezone.now() - REMINDER_INTERVAL


@transaction.atomic
def send_review_reminder(*, by: User | None, offer: Offer, today: date) -> list[User]:
    """Email each person who may publish the Offer; at most once a week per school."""
    school = offer.school
    if offer.review_due is None:
        raise WrongStateError(f"{school.name} has not published its Offer yet.")
    if reminded_recently(school):
        raise WrongStateError(f"{school.name} was reminded less than a week ago.")
    recipients = list_reminder_recipients(school)
    if not recipients:
        return []
    record_event(
        by=by,
        action=REMINDER_SENT,
        obj=offer,
        school_id=school.pk,
        details={
            "review_due": offer.review_due.isoformat(),
            "recipient_ids": [str(u.pk) for u in recipients],
        },
    )
    for user in recipients:  # sent by the worker, once this transaction has committed
        queue_email(_message(offer, offer.review_due, today, user))
    return recipients


def _message(offer: Offer, due: date, today: date, user: User) -> EmailMessage:
    school = offer.school
    when = f"was due on {govuk_date(due)}" if due < today else f"is due on {govuk_date(due)}"
    link = settings.SITE_URL.rstrip("/") + reverse("offers_staff:overview", args=[school.slug])
    body = (
        f"Hello {user.first_name or user.username},\n\n"
        f"The review of {school.name}'s Early Help Offer {when}.\n\n"
        "Check that the names, phone numbers and services are still right, then publish "
        "the Offer again with its next review date:\n"
        f"{link}\n\n"
        "You get this email because you may publish your school's Offer. We send it at "
        "most once a week until the Offer is reviewed.\n"
    )
    return EmailMessage(
        subject=f"{school.name}: Early Help Offer review {when}",
        body=body,
        to=[user.email],
    )
