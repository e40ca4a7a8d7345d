"""The zero-result log: searches that found nothing, so directory editors can grow the lexicon.

Only the words are kept (no address, session or user), counted per day, for `KEEP_DAYS`.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from earlyhelp.audit.events import Actor, record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import ZeroResultSearch
from earlyhelp.directory.search.understand.text import plain

KEEP_DAYS = 30
MAX_QUERY = 200


def log_search_without_results(*, by: Actor | None, query: str) -> None:
    """Count one search that found nothing today; drop what is older than KEEP_DAYS.

    An audit event is written when a query is first logged on a day, not for each repeat.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in plain(query))
    words = " ".join(printable.split())[:MAX_QUERY]  # no control characters (nor NUL)
    if not words:
        return
    today = timezone.localdate()
    with transaction.atomic():
        ZeroResultSearch.objects.filter(day__lt=today - timedelta(days=KEEP_DAYS - 1)).delete()
        if ZeroResultSearch.objects.filter(day=today, query=words).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                row = ZeroResultSearch.objects.create(day=today, query=words)
        except IntegrityError:  # another request logged it first
            ZeroResultSearch.objects.filter(day=today, query=words).update(count=F("count") + 1)
            return
        record_event(by=by, action=AuditAction.DIRECTORY_SEARCH_WITHOUT_RESULTS_LOGGED, obj=row)


def purge_old_searches(*, by: Actor | None, today: date | None = None) -> int:
    """Delete what is older than KEEP_DAYS; how many rows went."""
    today = today or timezone.localdate()
    with transaction.atomic():
        deleted, _ = ZeroResultSearch.objects.filter(
            day__lt=today - timedelta(days=KEEP_DAYS - 1)
        ).delete()
        if deleted:
            record_event(
                by=by, action=AuditAction.DIRECTORY_SEARCH_LOG_PURGED, details={"rows": deleted}
            )
    return deleted


def searches_per_day(days: int = KEEP_DAYS) -> list[tuple[date, int]]:
    """(day, searches that found nothing) for the days logged, newest first."""
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = (
        ZeroResultSearch.objects.filter(day__gte=since)
        .values("day")
        .annotate(total=Sum("count"))
        .order_by("-day")
    )
    return [(row["day"], int(row["total"])) for row in rows]
