"""The training forms: a record, a CSV of records, a signature, a school policy's edition."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from earlyhelp.accounts.models import User
from earlyhelp.lib.uploads import UploadError
from earlyhelp.lib.validators import DateWindow
from earlyhelp.training.actions import POLICY_KINDS, check_evidence
from earlyhelp.training.models import TrainingType
from earlyhelp.ui.forms import GovukDateField, GovukForm, GovukURLField

# A course completed: today or in the last 30 years.
COMPLETED = DateWindow(
    30 * 366,
    0,
    "The {label} must be on or after {limit}",
    "The {label} must be today or in the past",
)
CSV_MAX_BYTES = 2 * 1024 * 1024


class RecordForm(GovukForm):
    person = forms.TypedChoiceField(
        label="Who did the training",
        coerce=int,
        error_messages={
            "required": "Select who did the training",
            "invalid_choice": "Select who did the training",
        },
    )
    training_type = forms.ModelChoiceField(
        label="Training",
        queryset=TrainingType.objects.all(),
        empty_label="Choose the training",
        error_messages={"required": "Select the training", "invalid_choice": "Select the training"},
    )
    completed_on = GovukDateField(
        label="Date completed", window=COMPLETED, help_text="For example, 27 3 2026"
    )
    provider = forms.CharField(
        label="Provider (optional)",
        required=False,
        max_length=200,
        help_text="Who ran it, for example the county's safeguarding team",
    )
    evidence = forms.FileField(label="Certificate or evidence (optional)", required=False)

    def __init__(self, *args: Any, people: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, p.get_full_name() or p.username) for p in people]  # type: ignore[attr-defined]
        if len(people) == 1:
            self.fields["person"].widget = forms.HiddenInput()
            self.fields["person"].initial = people[0].pk

    def clean_evidence(self) -> Any:
        upload = self.cleaned_data.get("evidence")
        if upload:
            try:
                check_evidence(upload)
            except UploadError as error:
                raise ValidationError(str(error)) from error
        return upload


class ImportForm(GovukForm):
    file = forms.FileField(
        label="Upload a CSV file of training records",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".csv"):
            raise ValidationError("The selected file must be a CSV")
        if (upload.size or 0) > CSV_MAX_BYTES:
            raise ValidationError("The selected file must be smaller than 2 MB")
        return upload


class SignForm(GovukForm):
    confirm = forms.BooleanField(
        label="I have read this edition and understand it",
        error_messages={"required": "Confirm that you have read this edition"},
    )


class PolicyForm(GovukForm):
    kind = forms.ChoiceField(
        label="Policy",
        choices=[(k.value, k.label) for k in POLICY_KINDS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the policy"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="As staff will see it, for example Child protection policy 2025 to 2026",
        error_messages={"required": "Enter the title"},
    )
    edition = forms.CharField(
        label="Edition",
        max_length=40,
        help_text=(
            "For example 2025-26 or September 2025. A new edition asks everyone to sign again"
        ),
        error_messages={"required": "Enter the edition"},
    )
    url = GovukURLField(
        label="Web address of the published policy",
        required=False,
        max_length=200,
        help_text="Where staff can read it, for example on the school's website",
    )


class PeriodForm(GovukForm):
    training_type = forms.ModelChoiceField(
        label="Training",
        queryset=TrainingType.objects.filter(renewal_months__isnull=False),
        empty_label="Choose the training",
        error_messages={"required": "Select the training", "invalid_choice": "Select the training"},
    )
    months = forms.IntegerField(
        label="Renew every (months)",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave empty to use the county's period or the default",
        error_messages={
            "invalid": "Enter the number of months as a whole number, like 36",
            "min_value": "The period must be at least 1 month",
            "max_value": "The period must be 120 months or fewer",
        },
    )
