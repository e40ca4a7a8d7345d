"""A form base that dresses Django widgets in GOV.UK Frontend classes and error states.

Forms validate and word their errors the GOV.UK way ("Enter a phone number, like 01905
822666"); they never save. Views pass cleaned data to an action.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from earlyhelp.lib import phones
from earlyhelp.lib.validators import ANY_DATE, DateWindow, parse_date_parts

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str, str]] = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input", ""),
    (forms.RadioSelect, "govuk-radios__input", ""),
    (forms.CheckboxInput, "govuk-checkboxes__input", ""),
    (forms.Textarea, "govuk-textarea", "govuk-textarea--error"),
    (forms.Select, "govuk-select", "govuk-select--error"),
    (forms.widgets.Input, "govuk-input", "govuk-input--error"),
]


class GovukForm(forms.Form):
    """Give every field GOV.UK classes; after validation, mark fields in error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            _dress(field.widget)
            if field.help_text:
                _describe(field.widget, f"{self[name].auto_id}-hint")

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                _mark_error(self.fields[name].widget, f"{bound.auto_id}-error")


def _dress(widget: forms.Widget) -> None:
    widgets = widget.widgets if isinstance(widget, forms.MultiWidget) else [widget]
    for w in widgets:
        for kind, css, _ in _WIDGET_CLASSES:
            if isinstance(w, kind):
                w.attrs["class"] = f"{css} {w.attrs.get('class', '')}".strip()
                break


def _describe(widget: forms.Widget, hint_id: str) -> None:
    """Point single inputs at their hint; grouped inputs are described by their fieldset."""
    if isinstance(widget, forms.MultiWidget | forms.CheckboxSelectMultiple | forms.RadioSelect):
        return
    described = widget.attrs.get("aria-describedby", "")
    widget.attrs["aria-describedby"] = f"{hint_id} {described}".strip()


def _mark_error(widget: forms.Widget, error_id: str) -> None:
    widgets = widget.widgets if isinstance(widget, forms.MultiWidget) else [widget]
    for w in widgets:
        for kind, _, error_css in _WIDGET_CLASSES:
            if isinstance(w, kind):
                if error_css:
                    w.attrs["class"] = f"{w.attrs.get('class', '')} {error_css}".strip()
                described = w.attrs.get("aria-describedby", "")
                w.attrs["aria-describedby"] = f"{described} {error_id}".strip()
                break


class PhoneField(forms.CharField):
    """A UK phone number as people type it; cleaned to E.164 (or short-code digits)."""

    default_error_messages = {
        "invalid": "Enter a phone number, like 01905 822666 or 0800 1111",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if not text:
            return ""
        try:
            return phones.normalise(text)
        except phones.InvalidPhone as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


class GovukEmailField(forms.EmailField):
    default_error_messages = {
        "invalid": "Enter an email address in the correct format, like name@example.com",
    }

    def clean(self, value: Any) -> str:
        return str(super().clean(value)).lower()


class GovukURLField(forms.URLField):
    default_error_messages = {
        "invalid": "Enter a web address in the correct format, like https://www.example.org",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)


class DateInputWidget(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes."""

    def __init__(self) -> None:
        boxes = [
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-date-input__input govuk-input--width-4",
                }
            ),
        ]
        super().__init__(boxes)

    def decompress(self, value: Any) -> list[Any]:
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK error wording.

    The year must be four digits and the date inside `window` (earlyhelp.lib.validators:
    RECENT_PAST, PLANNED, MEETING, ...), so a year like 99999999999999999999 or 0001 is a
    form error, never stored and never a server error."""

    widget = DateInputWidget

    def __init__(self, *, window: DateWindow = ANY_DATE, **kwargs: Any) -> None:
        # Boxes are optional one by one, so that `compress` words a partial date GOV.UK's way.
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.window = window
        # MultiValueField refuses three empty boxes itself, before `compress` is reached.
        if self.label:
            self.error_messages["required"] = f"Enter the {str(self.label).lower()}"

    def compress(self, data_list: list[str]) -> Any:
        if not data_list or not any(data_list):
            if self.required:
                raise ValidationError(f"Enter the {str(self.label).lower()}", code="required")
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        if not (day and month and year):
            raise ValidationError(
                f"The {str(self.label).lower()} must include a day, month and year",
                code="incomplete",
            )
        value = parse_date_parts(day, month, year)
        if value is None:
            raise ValidationError(
                f"The {str(self.label).lower()} must be a real date, like 27 3 2026",
                code="invalid",
            )
        self.window.check(value, str(self.label).lower())
        return value
