"""The directory search form: a GET form that validates filters and words its errors."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search import SCHOOL_YEARS, SearchParams
from earlyhelp.ui.forms import GovukForm

MAX_AGE = Decimal(25)
LEVEL_CHOICES = [("", "Any level")] + [
    (str(level), f"{heading} (level {level})")
    for level, heading in taxonomies.DEFAULT_LEVEL_HEADINGS.items()
]
YEAR_CHOICES = [("", "Any school year"), *((str(n), name) for n, name in SCHOOL_YEARS)]


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Search for support",
        required=False,
        max_length=200,
        help_text="For example, young carers, bereavement or anxiety",
        error_messages={"max_length": "Search must be 200 characters or fewer"},
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )
    topics = forms.MultipleChoiceField(
        label="Topic",
        required=False,
        choices=[(t.code, t.name) for t in taxonomies.TOPICS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select topics from the list"},
    )
    level = forms.TypedChoiceField(
        label="Level of need",
        required=False,
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select a level of need from the list"},
    )
    age = forms.DecimalField(
        label="Age of the child or young person",
        required=False,
        min_value=Decimal(0),
        max_value=MAX_AGE,
        max_digits=4,
        decimal_places=1,
        help_text="In years, like 9 or 2.5",
        error_messages={
            "invalid": "Enter an age in years, like 9 or 2.5",
            "min_value": "Age must be 0 or more",
            "max_value": "Age must be 25 or less",
            "max_digits": "Enter an age in years, like 9 or 2.5",
            "max_decimal_places": "Enter an age with no more than one decimal place, like 2.5",
            "max_whole_digits": "Age must be 25 or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-3"}),
    )
    year = forms.TypedChoiceField(
        label="Or their school year",
        required=False,
        choices=YEAR_CHOICES,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Select a school year from the list"},
    )
    delivery = forms.MultipleChoiceField(
        label="How the support is given",
        required=False,
        choices=[(t.code, t.name) for t in taxonomies.DELIVERY_MODES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select how the support is given from the list"},
    )
    free_only = forms.BooleanField(label="Free only", required=False)
    self_referral = forms.BooleanField(label="You can contact them yourself", required=False)
    open_now = forms.BooleanField(label="Open now", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("age") is not None and data.get("year") is not None:
            self.add_error("age", "Enter an age or a school year, not both")
        return data

    def search_params(self, *, page: int, at: datetime | None = None) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            q=data["q"],
            topics=tuple(data["topics"]),
            level=data["level"],
            age=data["age"],
            year=data["year"],
            delivery=tuple(data["delivery"]),
            free_only=data["free_only"],
            self_referral=data["self_referral"],
            open_now=data["open_now"],
            page=page,
            at=at,
        )

    @property
    def filter_count(self) -> int:
        """How many filters the family has chosen (each topic and way of help counts once)."""
        data = self.data
        if not hasattr(data, "getlist"):
            return 0
        chosen = len(set(data.getlist("topics"))) + len(set(data.getlist("delivery")))
        single = ("level", "age", "year", "free_only", "self_referral", "open_now")
        return chosen + sum(1 for name in single if data.get(name, "").strip())

    @property
    def sensitive(self) -> bool:
        """Filtered to a topic that shows the quick-exit button (even if other filters are
        wrong: the page must still offer a way out)."""
        chosen = self.data.getlist("topics") if hasattr(self.data, "getlist") else []
        return bool(set(chosen) & taxonomies.QUICK_EXIT_TOPICS)
