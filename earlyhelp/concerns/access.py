"""The one access check for a concern: `get_concern_for_user`.

A concern is visible to the person who logged it and to the safeguarding team
(VIEW_CHILD_RECORDS) of its school; anyone else gets the same 404 as for a concern that does
not exist. A concern page is a view of each linked child's record, so each successful call
writes one `child_record.viewed` event per linked child (through
`records.access_events.record_child_viewed`), naming the page. Lists (the inbox, "My
concerns") write none: they show names and categories, not records, and are filtered by this
same rule.
"""

from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.concerns.models import Concern
from earlyhelp.records.access_events import record_child_viewed


def can_view_concern(user: User, concern: Concern) -> bool:
    if has_permission(user, Permission.VIEW_CHILD_RECORDS, school=concern.school):
        return True
    return (
        concern.raised_by_id is not None
        and concern.raised_by_id == user.pk
        and has_permission(user, Permission.LOG_CONCERN, school=concern.school)
    )


def get_concern_for_user(
    user: User, concern_id: int, *, page: str = "concern", school_slug: str | None = None
) -> Concern:
    """The concern if `user` may see it (and it belongs to `school_slug`, if given); else 404."""
    concerns = Concern.objects.select_related("school__local_authority", "raised_by")
    if school_slug is not None:
        concerns = concerns.filter(school__slug=school_slug)
    concern = concerns.filter(pk=concern_id).first()
    if concern is None or not can_view_concern(user, concern):
        raise Http404("No such concern")
    for link in concern.links.select_related("pupil"):
        record_child_viewed(user=user, pupil=link.pupil, page=f"{page} {concern.pk}")
    return concern
