"""Writes to the link checks. One run of the checker is one write and one audit event."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.linkcheck import LinkResult, normalise_url
from earlyhelp.links.models import LinkCheck


@dataclass(frozen=True)
class RunSummary:
    checked: int
    working: int
    failing: int
    newly_failing: int  # worked at the last check, or never checked before
    recovered: int  # failed at the last check, works now


@transaction.atomic
def record_link_checks(
    *, by: User | None, results: Sequence[LinkResult], checked_at: datetime | None = None
) -> RunSummary:
    """Store one run's results and record ONE `links.checked` audit event with the counts
    (not one event per address: a run covers thousands of addresses, and the rows
    themselves hold each address's state).

    `failing_since` is set when an address fails that worked (or was never checked), kept
    when it fails again, and cleared when it works."""
    checked_at = checked_at or timezone.now()
    latest = {normalise_url(result.url): result for result in results}
    existing = LinkCheck.objects.in_bulk(list(latest), field_name="url")
    new: list[LinkCheck] = []
    changed: list[LinkCheck] = []
    newly_failing = recovered = 0
    for url, result in latest.items():
        check = existing.get(url) or LinkCheck(url=url)
        newly_failing += int(not result.ok and check.failing_since is None)
        recovered += int(result.ok and check.failing_since is not None)
        _apply(check, result, checked_at)
        (changed if check.pk else new).append(check)
    LinkCheck.objects.bulk_create(new)
    LinkCheck.objects.bulk_update(changed, _FIELDS, batch_size=500)
    working = sum(result.ok for result in latest.values())
    summary = RunSummary(len(latest), working, len(latest) - working, newly_failing, recovered)
    record_event(by=by, action=AuditAction.LINKS_CHECKED, details=asdict(summary))
    return summary


_FIELDS = ["last_checked_at", "ok", "status_code", "error", "failing_since", "final_url"]


def _apply(check: LinkCheck, result: LinkResult, checked_at: datetime) -> None:
    if result.ok:
        check.failing_since = None
    elif check.failing_since is None:
        check.failing_since = checked_at
    check.last_checked_at = checked_at
    check.ok = result.ok
    check.status_code = result.status_code
    check.error = result.error[:100]
    check.final_url = result.final_url[:2000]
    # Uniqueness and the constraint are the database's to enforce in the bulk write.
    check.full_clean(validate_unique=False, validate_constraints=False)
