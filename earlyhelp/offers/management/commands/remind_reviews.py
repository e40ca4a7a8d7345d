"""`earlyhelp remind_reviews` (or `remind-reviews`): email editors whose Offer is due for review.

Run it daily (cron or a systemd timer). A school is reminded at most once a week; each
reminder is an audit event, which is what the weekly check reads.
"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from earlyhelp.lib.errors import WrongStateError
from earlyhelp.offers.actions.reminders import reminded_recently, send_review_reminder
from earlyhelp.offers.models import Offer
from earlyhelp.offers.reviews import list_offers_due_for_review


class Command(BaseCommand):
    help = (
        "Email the Offer editors, DSLs and headteachers of each school whose Early Help Offer "
        "is overdue for review or due within OFFER_REVIEW_REMINDER_DAYS days. At most one "
        "reminder per school per week."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would be reminded; send nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        offers = list(list_offers_due_for_review(today))
        if not offers:
            self.stdout.write("No Offer is due for review.")
        for offer in offers:
            self.stdout.write(self._remind(offer, today, dry_run=options["dry_run"]))

    def _remind(self, offer: Offer, today: date, *, dry_run: bool) -> str:
        school, due = offer.school, offer.review_due
        assert due is not None
        label = f"{school.name}: review {'was ' if due < today else ''}due {due.isoformat()}"
        if reminded_recently(school):
            return f"{label}: already reminded this week, skipped."
        if dry_run:
            return f"{label}: would be reminded (dry run)."
        try:
            recipients = send_review_reminder(by=None, offer=offer, today=today)
        except WrongStateError as error:
            return f"{label}: {error}"
        if not recipients:
            return f"{label}: nobody with an email address may publish this Offer; no one told."
        return f"{label}: reminded {len(recipients)} ({', '.join(u.email for u in recipients)})."
