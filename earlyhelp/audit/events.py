"""Write an audit event. Call it inside the action's transaction."""

from typing import Any, Protocol

from django.db import connection, transaction
from django.utils import timezone

from earlyhelp.audit.models import KEYED, AuditEvent
from earlyhelp.audit.names import AuditAction

GENESIS = "0" * 64


class Actor(Protocol):
    pk: Any

    def get_full_name(self) -> str: ...

    def get_username(self) -> str: ...


def record_event(
    *,
    by: Actor | None,
    action: AuditAction,
    obj: Any = None,
    school_id: Any = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. `by=None` is the system itself (a command, a form).

    `action` must be a member of `AuditAction`: a plain string, even one with a declared
    value, is refused so that every name is written in one place.
    """
    if not isinstance(action, AuditAction):
        raise TypeError(f"{action!r} is not an AuditAction: declare it in earlyhelp/audit/names.py")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_event must run inside the action's transaction")
    _lock_chain()
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    event = AuditEvent(
        created_at=timezone.now(),
        actor_id=str(by.pk) if by is not None else "",
        actor_name=(by.get_full_name() or by.get_username()) if by is not None else "system",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_name=str(obj)[:300] if obj is not None else "",
        school_id=str(school_id or ""),
        details=details or {},
        previous_hash=last or GENESIS,
        chain_version=KEYED,
    )
    event.hash = event.compute_hash()
    event.save()
    return event


def _lock_chain() -> None:
    """Serialise writers so that the chain never forks (SQLite writes are serial already)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x6561726C79])
