"""Child protection file transfer when a pupil leaves (KCSIE Annex C: within 5 school days).

The package is frozen when the transfer starts and stored encrypted (it holds the child's
chronology); its PDF is rendered from it on demand, so no unencrypted copy is kept.
"""

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from earlyhelp.lib.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class FileTransfer(models.Model):
    pupil = models.ForeignKey("pupils.Pupil", on_delete=models.CASCADE, related_name="transfers")
    from_school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    to_school = models.ForeignKey(
        "schools.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
    )
    receiving_school_name = models.CharField(max_length=200, blank=True)
    receiving_school_email = models.EmailField(blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_by = models.DateField()
    package_json = EncryptedTextField()
    sent_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)
    downloaded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="transfer_has_receiver",
                condition=Q(to_school__isnull=False) | ~Q(receiving_school_name=""),
            ),
            models.CheckConstraint(
                name="transfer_not_to_itself",
                condition=Q(to_school__isnull=True) | ~Q(to_school=models.F("from_school")),
            ),
            models.CheckConstraint(
                name="transfer_acknowledged_by_someone",
                condition=Q(acknowledged_at__isnull=True) | Q(acknowledged_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"File transfer to {self.receiver_name}"

    @property
    def receiver_name(self) -> str:
        if self.to_school_id and self.to_school:
            return self.to_school.name
        return self.receiving_school_name

    @property
    def package(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.package_json)
        return data

    @property
    def is_complete(self) -> bool:
        """Received: acknowledged on the platform, or downloaded for a school that is not."""
        if self.to_school_id:
            return self.acknowledged_at is not None
        return self.downloaded_at is not None
