"""Run the real background worker (django-tasks-db's `db_worker --batch`) inside a test."""

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker


def run_worker() -> None:
    """Every task that is ready, then return. The worker closes "old" connections between
    tasks; inside a test's transaction that would close the test's own on PostgreSQL."""
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--queue-name",
            "default",
            stdout=StringIO(),
        )
