"""Legal hold: a child's record that must not be deleted, whatever its retention date.

A hold is placed when a record may be needed for a court case, an inquiry or a complaint
(for example a request under the Independent Inquiry into Child Sexual Abuse's direction),
and lifted when that need ends. `actions.delete_child_record` refuses while any hold on the
child is active. Holds are deleted with the record; the audit trail keeps their history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class RetentionHold(models.Model):
    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="retention_holds"
    )
    reason = models.CharField(max_length=300)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    placed_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="hold_lifted_has_reason",
                condition=Q(lifted_at__isnull=True) | ~Q(lift_reason=""),
            )
        ]

    def __str__(self) -> str:
        return f"Legal hold {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None
