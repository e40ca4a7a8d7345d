"""Forms for signing in and for second factors. They validate; views call the actions."""

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django_otp.models import Device

from earlyhelp.accounts import lockout
from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import verify_code
from earlyhelp.lib.ratelimit import client_address
from earlyhelp.ui.forms import GovukForm

LOCKED_MESSAGE = (
    "You have tried to sign in too many times. To sign in now, enter your password and a "
    "code from your authenticator app or a recovery code. Or wait 15 minutes, then try again, "
    "or ask your school’s administrator for help"
)


class SignInForm(AuthenticationForm, GovukForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account has been switched off",
        "locked": LOCKED_MESSAGE,
    }

    code = forms.CharField(
        label="Code from your authenticator app, or a recovery code",
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device: Device | None = None  # the second factor, when it was typed here
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={
                "class": "govuk-input govuk-password-input__input",
                "autocomplete": "current-password",
            }
        )

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username and self.request and self.is_locked(username):
            self._clean_locked(username)
            return self.cleaned_data
        return super().clean()

    def _clean_locked(self, username: str) -> None:
        """Locked: only a correct password with a correct second factor gets through, and a
        refusal says the same whichever of the two was wrong."""
        password = self.cleaned_data.get("password") or ""
        code = self.cleaned_data.get("code") or ""
        user = authenticate(self.request, username=username, password=password)
        if isinstance(user, User) and code and not lockout.codes_locked(user.pk):
            self.device = verify_code(user=user, code=code)
            if self.device is None:
                lockout.record_wrong_code(user.pk)
        if user is None or self.device is None:
            raise ValidationError(self.error_messages["locked"], code="locked")
        self.confirm_login_allowed(user)
        self.user_cache = user

    def is_locked(self, username: str) -> bool:
        assert self.request is not None
        return lockout.is_locked(username, client_address(self.request))


class CodeForm(GovukForm):
    code = forms.CharField(
        label="Code",
        max_length=20,
        error_messages={"required": "Enter the code from your authenticator app"},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )


class ChallengeForm(CodeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = (
            "The 6-digit code your authenticator app shows now, "
            "or one of your recovery codes, like ABCD-EFGH-JKLM"
        )
        self.fields["code"].error_messages["required"] = (
            "Enter the code from your authenticator app or a recovery code"
        )


class TotpSetupForm(CodeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code from the app"
        self.fields["code"].help_text = "The 6-digit code the app shows for earlyhelp"
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
