"""`has_permission`: the one place that turns a user's roles into a yes or a no."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import Permission, permissions_for

if TYPE_CHECKING:
    from earlyhelp.schools.models import LocalAuthority, School


def has_permission(
    user: User | AnonymousUser,
    permission: Permission,
    *,
    school: "School | None" = None,
    local_authority: "LocalAuthority | None" = None,
) -> bool:
    """True if one of the user's roles grants `permission` where it is asked for.

    With `school`, only roles held at that school count; with `local_authority`, only roles
    held at that authority. With neither, any of the user's roles counts (used for "may this
    person enter the staff area at all").
    """
    if not user.is_authenticated or not user.is_active:
        return False
    return any(
        permission in permissions_for(m.role) for m in _memberships(user, school, local_authority)
    )


def _memberships(
    user: User, school: "School | None", local_authority: "LocalAuthority | None"
) -> list[Membership]:
    memberships = _cached_memberships(user)
    if school is not None:
        return [m for m in memberships if m.school_id == school.pk]
    if local_authority is not None:
        return [m for m in memberships if m.local_authority_id == local_authority.pk]
    return memberships


def _cached_memberships(user: User) -> list[Membership]:
    cached: list[Membership] | None = getattr(user, "_earlyhelp_memberships", None)
    if cached is None:
        cached = list(user.memberships.all())
        user._earlyhelp_memberships = cached  # type: ignore[attr-defined]
    return cached


def forget_cached_memberships(user: User) -> None:
    """Call after changing a user's memberships within one request."""
    if hasattr(user, "_earlyhelp_memberships"):
        del user._earlyhelp_memberships
