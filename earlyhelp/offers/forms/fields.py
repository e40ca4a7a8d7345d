"""Fields the editor needs beyond ui.forms: an age in years, a time of day as people write it."""

import re
from datetime import time
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


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
