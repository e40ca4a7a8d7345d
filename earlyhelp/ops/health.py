"""What a load balancer asks: is the process up (`/healthz`), can it serve (`/readyz`).

`/readyz` checks the database, the shared caches, the default storage and the task
backlog, and answers 200 when all are fine, else 503, with a small JSON body naming each
check. A failure says only the kind of error (e.g. "OperationalError"), never its message,
which could hold a host name or a password.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

PROBE = "readyz-probe"


def readiness() -> tuple[bool, dict[str, Any]]:
    checks = {
        "database": _check(_database),
        "cache": _check(_caches),
        "storage": _check(_storage),
        "tasks": _check(_tasks),
    }
    ready = all(check["ok"] for check in checks.values())
    return ready, {"status": "ready" if ready else "unavailable", "checks": checks}


def _check(probe: Any) -> dict[str, Any]:
    try:
        return {"ok": True, **probe()}
    except Exception as error:  # any failure means "not ready"
        return {"ok": False, "error": type(error).__name__}


def _database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _caches() -> dict[str, Any]:
    for alias in ("default", "ratelimit"):
        caches[alias].get(PROBE)
    return {}


def _storage() -> dict[str, Any]:
    storages["default"].exists(PROBE)
    return {}


def backlog() -> tuple[int, float]:
    """How many tasks wait to run now, and how long the oldest has waited (seconds)."""
    found = DBTaskResult.objects.ready().aggregate(waiting=Count("id"), oldest=Min("enqueued_at"))
    oldest = found["oldest"]
    waited = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return int(found["waiting"]), max(0.0, waited)


def _tasks() -> dict[str, Any]:
    waiting, waited = backlog()
    limit = settings.READYZ_TASK_MAX_WAIT
    if limit and waited > limit:
        late = timedelta(seconds=int(waited))
        raise TaskBacklogError(f"the oldest task has waited {late}")
    return {"waiting": waiting, "oldest_waiting_seconds": round(waited)}


class TaskBacklogError(Exception):
    """Tasks wait longer than settings.READYZ_TASK_MAX_WAIT: is a worker running?"""
