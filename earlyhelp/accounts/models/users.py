"""Staff accounts and the roles they hold at a school or a local authority."""

import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac

from earlyhelp.accounts.roles import LOCAL_AUTHORITY_ROLES, SCHOOL_ROLES, Role


class User(AbstractUser):  # type: ignore[django-manager-missing]
    """A member of staff or a county officer. Families and pupils never have accounts.

    `security_stamp` is part of the session hash: changing it (switching the account off,
    resetting its second factor) ends every session the user has, on every device.
    """

    security_stamp = models.CharField(max_length=64, default=secrets.token_hex)

    def get_session_auth_hash(self) -> str:
        return self._get_session_auth_hash()

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        return salted_hmac(
            "earlyhelp.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.security_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def bump_security_stamp(self) -> None:
        """Call inside an action that saves the user: ends all their sessions."""
        self.security_stamp = secrets.token_hex()

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """One role held by one user, at one school or at one local authority."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role.choices)
    school = models.ForeignKey(
        "schools.School",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    local_authority = models.ForeignKey(
        "schools.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="membership_school_role_at_school",
                condition=(
                    Q(
                        role__in=sorted(SCHOOL_ROLES),
                        school__isnull=False,
                        local_authority__isnull=True,
                    )
                    | Q(
                        role__in=sorted(LOCAL_AUTHORITY_ROLES),
                        school__isnull=True,
                        local_authority__isnull=False,
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "school"],
                name="membership_unique_school_role",
                condition=Q(school__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "local_authority"],
                name="membership_unique_la_role",
                condition=Q(local_authority__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        place = self.school or self.local_authority
        return f"{self.user} – {self.get_role_display()} – {place}"
