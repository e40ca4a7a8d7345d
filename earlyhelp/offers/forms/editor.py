"""The editor's small forms: texts, level wording, people, levels, moves, filters, publishing."""

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from earlyhelp.directory import taxonomies
from earlyhelp.lib import phones
from earlyhelp.lib.concurrency import VersionedFormMixin
from earlyhelp.offers.forms.common import (
    TEXT_LIMIT,
    level_choices,
    limit_message,
    required_message,
)
from earlyhelp.offers.forms.fields import OwnPhoneField
from earlyhelp.schools.models import KeyPerson, KeyRole
from earlyhelp.ui.forms import GovukDateField, GovukEmailField, GovukForm

LATEST_REVIEW = relativedelta(years=2)


class OfferTextsForm(VersionedFormMixin, GovukForm):
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        max_length=TEXT_LIMIT,
        help_text="What early help is and how the school offers it. Families read this first.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=limit_message("The introduction", TEXT_LIMIT),
    )
    raising_concerns = forms.CharField(
        label="How the school raises and handles concerns",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=limit_message("How the school raises and handles concerns", TEXT_LIMIT),
    )
    attendance = forms.CharField(
        label="How the school watches attendance",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=limit_message("How the school watches attendance", TEXT_LIMIT),
    )


class LevelHeadingForm(VersionedFormMixin, GovukForm):
    heading = forms.CharField(
        label="Heading",
        max_length=120,
        help_text="How families will read this level, for example “Need a bit of help?”",
        error_messages={
            **required_message("Enter a heading for this level of need"),
            **limit_message("The heading", 120),
        },
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=limit_message("The description", TEXT_LIMIT),
    )


class KeyPersonForm(VersionedFormMixin, GovukForm):
    name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={
            **required_message("Enter the person’s full name"),
            **limit_message("Name", 200),
        },
    )
    job_title = forms.CharField(
        label="Job title (optional)",
        required=False,
        max_length=200,
        error_messages=limit_message("Job title", 200),
    )
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=KeyRole.choices,
        help_text="Select all the roles this person holds.",
        widget=forms.CheckboxSelectMultiple,
        error_messages=required_message("Select at least one role"),
    )
    email = GovukEmailField(label="Email address (optional)", required=False, max_length=254)
    phone = OwnPhoneField(
        label="Phone number (optional)",
        required=False,
        owner="this person",
        help_text="With their extension if they have one, for example 01905 822666 ext 204",
    )

    @classmethod
    def initial_for(cls, person: KeyPerson) -> dict[str, Any]:
        return {
            "name": person.name,
            "job_title": person.job_title,
            "roles": [r.role for r in person.roles.all()],
            "email": person.email,
            "phone": _phone_as_typed(person),
        }


def _phone_as_typed(person: KeyPerson) -> str:
    if not person.phone:
        return ""
    return phones.with_extension(phones.format_for_display(person.phone), person.phone_extension)


class EntryLevelForm(VersionedFormMixin, GovukForm):
    level = forms.TypedChoiceField(
        label="Which level of need should it be shown under?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages=required_message("Select the level of need to show it under"),
    )

    def __init__(self, *args: Any, headings: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["level"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = level_choices(headings)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])


class ChooserFilterForm(GovukForm):
    q = forms.CharField(label="Name", required=False, max_length=100)
    topic = forms.ChoiceField(
        label="Topic",
        required=False,
        choices=[("", "All topics"), *((t.code, t.name) for t in taxonomies.TOPICS)],
    )


class PublishForm(GovukForm):
    review_due = GovukDateField(
        label="Next review date",
        help_text="We remind you as this date comes near. For example, 27 3 2027",
    )

    def clean_review_due(self) -> date:
        value: date = self.cleaned_data["review_due"]
        today = timezone.localdate()
        if value <= today:
            raise ValidationError("The next review date must be in the future")
        if value > today + LATEST_REVIEW:
            raise ValidationError("The next review date must be within the next 2 years")
        return value
