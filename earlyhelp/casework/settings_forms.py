"""Forms of the casework settings page: a school's terms and its review interval."""

from typing import Any

from django import forms

from earlyhelp.casework.actions.terms import REVIEW_INTERVAL_WEEKS
from earlyhelp.lib.concurrency import VersionedFormMixin
from earlyhelp.lib.validators import TERM
from earlyhelp.ui.forms import GovukDateField, GovukForm

INTERVAL_ERROR = "Enter a number of weeks between 6 and 12"


class TermForm(VersionedFormMixin, GovukForm):
    name = forms.CharField(
        label="Name of the term",
        help_text="For example, Autumn 2026",
        max_length=100,
        error_messages={
            "required": "Enter the name of the term",
            "max_length": "The name of the term must be 100 characters or fewer",
        },
    )
    starts_on = GovukDateField(
        label="First day of term", help_text="For example, 3 9 2026", window=TERM
    )
    ends_on = GovukDateField(
        label="Last day of term", help_text="For example, 18 12 2026", window=TERM
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", "The last day of term must be after the first day of term")
        return data


class ReviewIntervalForm(VersionedFormMixin, GovukForm):
    weeks = forms.TypedChoiceField(
        label="Weeks between Team Around the Family reviews",
        help_text="A new review falls due this many weeks after the last one (6 to 12).",
        choices=[(n, str(n)) for n in REVIEW_INTERVAL_WEEKS],
        coerce=int,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
        error_messages={"required": INTERVAL_ERROR, "invalid_choice": INTERVAL_ERROR},
    )
