"""The audit trail: append-only, hash-chained, and free of foreign keys.

Rows name their actor and object by id and text so that deleting or merging records never
breaks the trail. Each row's `hash` covers its own content and the previous row's hash, so
an edited or removed row breaks the chain (`earlyhelp verify-audit`, issue 5).

Rows written since issue 10 are chain version 2: the hash is an HMAC-SHA256 keyed with
settings.AUDIT_CHAIN_KEY, which is never in the database, so someone who can write to the
database cannot recompute the chain after rewriting a row. Older rows (version 1, a plain
SHA-256) still verify, but only before the first version 2 row: a version 1 row after it is
a forgery. Anchors (earlyhelp/audit/anchors.py) pin the chain's head outside the database.
"""

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")


UNKEYED, KEYED = 1, 2


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEvent(models.Model):
    created_at = models.DateTimeField(db_index=True)
    actor_id = models.CharField(max_length=64, blank=True)
    actor_name = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_name = models.CharField(max_length=300, blank=True)
    school_id = models.CharField(max_length=64, blank=True, db_index=True)
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    chain_version = models.PositiveSmallIntegerField(default=UNKEYED)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")

    def content(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_name": self.object_name,
            "school_id": self.school_id,
            "details": self.details,
        }

    def compute_hash(self) -> str:
        payload = json.dumps(self.content(), sort_keys=True, separators=(",", ":"), default=str)
        if self.chain_version == UNKEYED:
            return hashlib.sha256((self.previous_hash + payload).encode()).hexdigest()
        message = f"v{self.chain_version}:{self.previous_hash}{payload}".encode()
        return hmac.new(chain_key(), message, hashlib.sha256).hexdigest()


def chain_key() -> bytes:
    return str(settings.AUDIT_CHAIN_KEY).encode()
