"""Referrals to directory services or to the local authority's front door, with status history."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from earlyhelp.lib.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class ReferralStatus(models.TextChoices):
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WAITING = "waiting", "Waiting"
    COMPLETED = "completed", "Completed"


AWAITING_REPLY = (ReferralStatus.SENT, ReferralStatus.WAITING)


class Referral(models.Model):
    pupil = models.ForeignKey("pupils.Pupil", on_delete=models.CASCADE, related_name="referrals")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    episode = models.ForeignKey(
        "casework.EarlyHelpEpisode",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    service = models.ForeignKey(
        "directory.Service", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    local_authority = models.ForeignKey(
        "schools.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    summary = EncryptedTextField()
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_on = models.DateField()
    follow_up_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="referral_to_one_place",
                condition=Q(service__isnull=False, local_authority__isnull=True)
                | Q(service__isnull=True, local_authority__isnull=False),
            ),
            models.CheckConstraint(
                name="referral_follow_up_after_sent",
                condition=Q(follow_up_on__isnull=True) | Q(follow_up_on__gte=models.F("sent_on")),
            ),
        ]
        indexes = [models.Index(fields=["local_authority", "pupil"], name="referral_la_pupil")]

    def __str__(self) -> str:
        return f"Referral to {self.recipient_name}"

    @property
    def recipient_name(self) -> str:
        if self.service_id:
            return self.service.name if self.service else ""
        la = self.local_authority
        return f"{la.name} {la.front_door_name}" if la else ""


class ReferralStatusChange(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=10, choices=ReferralStatus.choices)
    note = EncryptedTextField(blank=True)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return self.get_status_display()
