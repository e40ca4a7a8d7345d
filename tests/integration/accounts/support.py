"""Small helpers shared by the accounts tests."""

from typing import Any

from earlyhelp.audit.models import AuditEvent


def last_event(**filters: Any) -> AuditEvent:
    """The newest audit event (matching `filters`); fails if there is none."""
    event = AuditEvent.objects.filter(**filters).order_by("id").last()
    assert event is not None, f"no audit event matching {filters}"
    return event
