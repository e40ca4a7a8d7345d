from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db.backends.signals import connection_created


class AuditConfig(AppConfig):
    name = "earlyhelp.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        connection_created.connect(mark_connection, dispatch_uid="earlyhelp.audit.flushable")


def mark_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Tell the audit table's triggers (migration 0004) whether this connection may empty it:
    only the test suite's, for Django's flush between tests."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("earlyhelp_audit_flushable", 0, flushable)
    elif connection.vendor == "postgresql" and flushable():
        with connection.connection.cursor() as cursor:
            cursor.execute("SET earlyhelp.audit_flushable = 'on'")


def flushable() -> int:
    return int(bool(getattr(settings, "AUDIT_TRAIL_FLUSHABLE", False)))
