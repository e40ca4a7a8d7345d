"""The report's date range: typed on the page (GOV.UK date inputs), carried when preparing."""

from typing import Any

from django import forms

from earlyhelp.lib.validators import RECENT_PAST
from earlyhelp.ui.forms import GovukDateField, GovukForm


class RangeForm(GovukForm):
    starts_on = GovukDateField(label="Start date", window=RECENT_PAST)
    ends_on = GovukDateField(label="End date", window=RECENT_PAST)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data


class PrepareForm(forms.Form):
    """The range of the report on show, as hidden ISO dates."""

    starts_on = forms.DateField(input_formats=["%Y-%m-%d"])
    ends_on = forms.DateField(input_formats=["%Y-%m-%d"])
