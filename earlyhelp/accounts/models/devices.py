"""Second factors beside django-otp's TOTPDevice: passkeys and single-use recovery codes.

Both are django-otp devices, so `django_otp.login(request, device)` marks a session as
verified with either, and removing a device ends that verification on the next request.
"""

import hashlib

from django.db import models
from django.db.models.functions import Now
from django_otp.models import Device


def hash_recovery_code(code: str) -> str:
    """Codes are random (60 bits), so one SHA-256 is enough to keep them unusable if read."""
    normalised = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(normalised.encode()).hexdigest()


class PasskeyDevice(Device):  # type: ignore[misc]  # django-otp has no types
    """A WebAuthn credential (a passkey or a security key) registered by its owner."""

    credential_id = models.BinaryField(max_length=1023, unique=True)
    public_key = models.BinaryField(max_length=2048)
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    def verify_token(self, token: object) -> bool:
        """Passkeys are verified by a WebAuthn ceremony (accounts.passkeys), never a typed code."""
        return False


class RecoveryCodeDevice(Device):  # type: ignore[misc]
    """The set of recovery codes of one user; each code works once."""

    def verify_token(self, token: object) -> bool:
        if not isinstance(token, str) or not token.strip():
            return False
        code = self.codes.filter(code_hash=hash_recovery_code(token), used_at__isnull=True)
        return bool(code.update(used_at=Now()) == 1)

    def remaining(self) -> int:
        return int(self.codes.filter(used_at__isnull=True).count())


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "code_hash"], name="recovery_code_unique")
        ]

    def __str__(self) -> str:
        return f"Recovery code {self.pk} ({'used' if self.used_at else 'unused'})"
