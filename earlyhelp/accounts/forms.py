"""Forms for signing in and for second factors. They validate; views call the actions."""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from earlyhelp.accounts import lockout
from earlyhelp.core.forms import GovukForm
from earlyhelp.lib.ratelimit import client_address

LOCKED_MESSAGE = (
    "You have tried to sign in too many times. Wait 15 minutes, then try again, "
    "or ask your school’s administrator for help"
)


class SignInForm(AuthenticationForm, GovukForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account has been switched off",
        "locked": LOCKED_MESSAGE,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
            raise ValidationError(self.error_messages["locked"], code="locked")
        return super().clean()

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
