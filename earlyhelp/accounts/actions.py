"""Writes to staff accounts. Each records an audit event in the same transaction."""

from typing import TYPE_CHECKING

from django.db import transaction

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import LOCAL_AUTHORITY_ROLES, SCHOOL_ROLES, Role
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.errors import ActionError

if TYPE_CHECKING:  # accounts sits below schools: a membership names a school by label only
    from earlyhelp.schools.models import LocalAuthority, School


@transaction.atomic
def create_staff_user(
    *,
    by: User | None,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str | None,
) -> User:
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    record_event(by=by, action=AuditAction.USER_CREATED, obj=user)
    return user


@transaction.atomic
def grant_role(
    *,
    by: User | None,
    user: User,
    role: Role,
    school: "School | None" = None,
    local_authority: "LocalAuthority | None" = None,
) -> Membership:
    if role in SCHOOL_ROLES and (school is None or local_authority is not None):
        raise ActionError(f"{role.label} is a school role: give a school.")
    if role in LOCAL_AUTHORITY_ROLES and (local_authority is None or school is not None):
        raise ActionError(f"{role.label} is a local authority role: give a local authority.")
    membership, _ = Membership.objects.get_or_create(
        user=user, role=role, school=school, local_authority=local_authority
    )
    record_event(
        by=by,
        action=AuditAction.USER_ROLE_GRANTED,
        obj=user,
        school_id=school.pk if school else None,
        details={"role": role.value, "local_authority_id": getattr(local_authority, "pk", None)},
    )
    return membership


@transaction.atomic
def revoke_role(*, by: User | None, membership: Membership) -> None:
    record_event(
        by=by,
        action=AuditAction.USER_ROLE_REVOKED,
        obj=membership.user,
        school_id=membership.school_id,
        details={"role": membership.role},
    )
    membership.delete()
