"""Reads: what we last knew about a web address."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from earlyhelp.lib.linkcheck import normalise_url
from earlyhelp.links.models import LinkCheck


@dataclass(frozen=True)
class LinkStatus:
    url: str
    ok: bool
    last_checked_at: datetime
    failing_since: datetime | None
    error: str
    status_code: int | None
    final_url: str


def link_status(url: str) -> LinkStatus | None:
    """The last check of `url` (spelt any way), or None if it has never been checked."""
    return statuses_for([url]).get(url)


def statuses_for(urls: Iterable[str]) -> dict[str, LinkStatus]:
    """Statuses for many addresses in one query, keyed by each address as given (two
    spellings of one address both get its status). Addresses never checked are left out."""
    spellings: dict[str, list[str]] = {}
    for url in urls:
        if url:
            spellings.setdefault(normalise_url(url), []).append(url)
    checks = LinkCheck.objects.filter(url__in=list(spellings))
    return {given: _status(check) for check in checks for given in spellings[check.url]}


def _status(check: LinkCheck) -> LinkStatus:
    return LinkStatus(
        url=check.url,
        ok=check.ok,
        last_checked_at=check.last_checked_at,
        failing_since=check.failing_since,
        error=check.error,
        status_code=check.status_code,
        final_url=check.final_url,
    )
