"""`{% load links %}` then `{% link_status url %}`: when a web address was last checked.

Give it an address (one query) or a `LinkStatus` already fetched with
`earlyhelp.links.status.statuses_for` (no query, for lists). It renders nothing for an
address never checked.
"""

from typing import Any

from django import template
from django.utils import timezone

from earlyhelp.links.status import LinkStatus
from earlyhelp.links.status import link_status as get_link_status

register = template.Library()


@register.inclusion_tag("links/link_status.html")
def link_status(url_or_status: str | LinkStatus | None) -> dict[str, Any]:
    status = get_link_status(url_or_status) if isinstance(url_or_status, str) else url_or_status
    if status is None:
        return {"status": None}
    failing_since = status.failing_since and timezone.localdate(status.failing_since)
    return {"status": status, "checked": checked_words(status), "failing_since": failing_since}


def checked_words(status: LinkStatus) -> str:
    """ "today", "yesterday" or "N days ago", counted in calendar days where we are."""
    days = (timezone.localdate() - timezone.localdate(status.last_checked_at)).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"
