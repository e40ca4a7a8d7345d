"""Fields the editor needs beyond ui.forms: an age in years, a time of day as people write it."""

import re
from datetime import time
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from earlyhelp.lib import phones


class AgeField(forms.DecimalField):
    """An age in years, decimals allowed (4.5), as HSDS stores it."""

    def __init__(self, *, label: str, what: str, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            required=False,
            min_value=Decimal(0),
            max_value=Decimal(120),
            max_digits=5,
            decimal_places=2,
            widget=forms.TextInput(
                attrs={
                    "inputmode": "decimal",
                    "class": "govuk-input--width-3",
                    "spellcheck": "false",
                }
            ),
            error_messages={
                "invalid": f"Enter the {what} as a number, like 4 or 4.5",
                "min_value": f"The {what} must be 0 or more",
                "max_value": f"The {what} must be 120 or less",
                "max_digits": f"Enter the {what} as a number, like 4 or 4.5",
                "max_whole_digits": f"The {what} must be 120 or less",
                "max_decimal_places": f"The {what} can have up to 2 decimal places",
            },
            **kwargs,
        )


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


class TimeTextField(forms.CharField):
    """A time of day as people write it: 8:00, 08:30, 15.30, 8am, 3:30pm."""

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        self.what = label.lower()
        super().__init__(
            label=label,
            required=False,
            max_length=10,
            widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
            **kwargs,
        )

    def clean(self, value: Any) -> time | None:
        text = str(super().clean(value)).strip().lower().replace(" ", "")
        if not text:
            return None
        match = _TIME.match(text)
        if match is None:
            raise ValidationError(f"Enter the {self.what} like 8:00 or 15:30", code="invalid")
        hour, minute, suffix = int(match[1]), int(match[2] or 0), match[3]
        if suffix and not 1 <= hour <= 12:
            raise ValidationError(f"Enter the {self.what} like 8:00 or 15:30", code="invalid")
        if suffix:
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValidationError(f"The {self.what} must be a real time", code="invalid")
        return time(hour, minute)


INVALID_PHONE = "Enter a phone number, like 01905 822666 or 0800 1111"
LETTERS_IN_PHONE = (
    "Enter the phone number in digits, like 01905 822666. Letters cannot be dialled on "
    "every phone, so a number like 01905 CALL ME is not accepted"
)


class OwnPhoneField(forms.CharField):
    """The number a service or a key person gives as their own, read by libphonenumber.

    Letters are refused (never turned into keypad digits), so are 999, 112, 101 and 111;
    an extension ("ext 2", "x2", "extension 2") is kept apart. Cleans to a
    `phones.TypedPhone` or None.
    """

    def __init__(self, *, owner: str = "the support", **kwargs: Any) -> None:
        self.owner = owner
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> phones.TypedPhone | None:
        text = str(super().clean(value) or "").strip()
        if not text:
            return None
        try:
            typed = phones.parse_own_number(text)
        except phones.LettersInPhone as error:
            raise ValidationError(LETTERS_IN_PHONE, code="letters") from error
        except phones.NotOwnNumber as error:
            raise ValidationError(not_own_message(error, self.owner), code="not_own") from error
        except phones.InvalidPhone as error:
            raise ValidationError(INVALID_PHONE, code="invalid") from error
        return typed


def not_own_message(error: phones.NotOwnNumber, owner: str) -> str:
    """ "This is an emergency number; …" in the words of the field's owner ("the support")."""
    if error.is_emergency:
        return (
            f"This is an emergency number; enter the phone number of {owner} itself. Every "
            "page of your Offer already tells families to call 999 in an emergency"
        )
    return (
        f"{error.digits} is {error.what}; enter the phone number of {owner} itself. Every "
        "page of your Offer already gives the numbers families need in an emergency"
    )
