"""Actions on second factors: TOTP apps, passkeys, recovery codes. Each one is audited.

Every staff account must have a confirmed TOTP device or passkey before it can use the
staff area (accounts.middleware). Recovery codes are made when the first factor is
confirmed; each is shown once and stored only as a hash.
"""

import secrets
from base64 import b32encode
from binascii import unhexlify

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models import (
    PasskeyDevice,
    RecoveryCode,
    RecoveryCodeDevice,
    User,
)
from earlyhelp.accounts.models.devices import hash_recovery_code
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import PASSKEY_PROMPTED_ROLES, Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.errors import ActionError

RECOVERY_CODE_COUNT = 10
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def confirmed_devices(user: User) -> list[Device]:
    """The user's working second factors (recovery codes are a fallback, not a factor)."""
    return [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *PasskeyDevice.objects.filter(user=user, confirmed=True),
    ]


def has_second_factor(user: User) -> bool:
    return bool(
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or PasskeyDevice.objects.filter(user=user, confirmed=True).exists()
    )


def should_offer_passkey(user: User) -> bool:
    """DSLs, headteachers and administrators are asked to add a passkey after TOTP."""
    if PasskeyDevice.objects.filter(user=user, confirmed=True).exists():
        return False
    return bool(
        user.is_superuser or user.memberships.filter(role__in=PASSKEY_PROMPTED_ROLES).exists()
    )


@transaction.atomic
def start_totp_setup(*, by: User, key: str | None = None) -> TOTPDevice:
    """An unconfirmed authenticator-app device for `by`; reused until it is confirmed."""
    device = TOTPDevice.objects.filter(user=by, confirmed=False).first()
    if device is None or (key is not None and device.key != key):
        TOTPDevice.objects.filter(user=by, confirmed=False).delete()
        device = TOTPDevice(user=by, name="Authenticator app", confirmed=False)
        if key is not None:
            device.key = key
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def confirm_totp_device(*, by: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with a code from the app. Returns new recovery codes if the user
    had none (their first factor), [] if they had some, None if the code was wrong."""
    if device.user_id != by.pk or device.confirmed:
        raise ActionError("This authenticator app is not waiting to be confirmed.")
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record_event(
        by=by, action=AuditAction.TWO_FACTOR_DEVICE_ADDED, obj=by, details={"type": "totp"}
    )
    if RecoveryCodeDevice.objects.filter(user=by).exists():
        return []
    return generate_recovery_codes(by=by)


@transaction.atomic
def add_passkey(
    *, by: User, name: str, credential_id: bytes, public_key: bytes, sign_count: int,
    transports: list[str],
) -> PasskeyDevice:  # fmt: skip
    device = PasskeyDevice(
        user=by,
        name=name or "Passkey",
        credential_id=credential_id,
        public_key=public_key,
        sign_count=sign_count,
        transports=transports,
        created_at=timezone.now(),
    )
    device.full_clean()
    device.save()
    record_event(
        by=by, action=AuditAction.TWO_FACTOR_DEVICE_ADDED, obj=by, details={"type": "passkey"}
    )
    return device


@transaction.atomic
def remove_device(*, by: User, device: TOTPDevice | PasskeyDevice) -> None:
    """Remove one of `by`'s own factors; the last one cannot go (no account without 2FA)."""
    if device.user_id != by.pk:
        raise ActionError("You can only remove your own sign-in methods.")
    if len(confirmed_devices(by)) <= 1:
        raise ActionError("Add another way to sign in before you remove this one.")
    kind = "passkey" if isinstance(device, PasskeyDevice) else "totp"
    record_event(
        by=by, action=AuditAction.TWO_FACTOR_DEVICE_REMOVED, obj=by, details={"type": kind}
    )
    device.delete()


@transaction.atomic
def generate_recovery_codes(*, by: User) -> list[str]:
    """Replace `by`'s recovery codes with 10 new ones; returns them for showing once."""
    RecoveryCodeDevice.objects.filter(user=by).delete()
    device = RecoveryCodeDevice.objects.create(user=by, name="Recovery codes")
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, code_hash=hash_recovery_code(code)) for code in codes
    )
    record_event(by=by, action=AuditAction.TWO_FACTOR_RECOVERY_CODES_GENERATED, obj=by)
    return codes


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@transaction.atomic
def verify_code(*, user: User, code: str) -> Device | None:
    """Check a code typed at the challenge: an authenticator code or a recovery code."""
    code = code.strip()
    digits = code.replace(" ", "")
    if digits.isdigit():
        for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(digits):
                return device
        return None
    recovery = RecoveryCodeDevice.objects.filter(user=user).first()
    if recovery is not None and recovery.verify_token(code):
        record_event(
            by=user,
            action=AuditAction.TWO_FACTOR_RECOVERY_CODE_USED,
            obj=user,
            details={"remaining": recovery.remaining()},
        )
        return recovery
    return None


def may_reset_second_factor(by: User, user: User) -> bool:
    """Administrators, and people who manage staff accounts at one of the user's schools."""
    if by.is_superuser:
        return True
    return any(
        has_permission(by, Permission.MANAGE_STAFF_ACCOUNTS, school=m.school)
        for m in user.memberships.select_related("school")
        if m.school is not None
    )


@transaction.atomic
def reset_second_factor(*, by: User | None, user: User) -> None:
    """Remove all of `user`'s factors and codes and end their sessions: they set up again
    at their next sign-in. `by=None` is an administrator's command."""
    if by is not None and not may_reset_second_factor(by, user):
        raise ActionError("You cannot reset this person's sign-in methods.")
    for model in (TOTPDevice, PasskeyDevice, RecoveryCodeDevice):
        model.objects.filter(user=user).delete()
    user.bump_security_stamp()
    user.save(update_fields=["security_stamp"])
    record_event(by=by, action=AuditAction.TWO_FACTOR_RESET, obj=user)


@transaction.atomic
def deactivate_user(*, by: User | None, user: User) -> None:
    """Switch an account off: it cannot sign in, and every session it has ends now."""
    user.is_active = False
    user.bump_security_stamp()
    user.save(update_fields=["is_active", "security_stamp"])
    record_event(by=by, action=AuditAction.USER_DEACTIVATED, obj=user)


def totp_secret_base32(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    text = b32encode(unhexlify(device.key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def totp_issuer() -> str:
    return str(settings.OTP_TOTP_ISSUER)


@transaction.atomic
def record_passkey_use(*, device: PasskeyDevice) -> None:
    """Keep the signature counter (a cloned key shows up as a counter going backwards)."""
    device.last_used_at = timezone.now()
    device.save(update_fields=["sign_count", "last_used_at"])
