"""Forms for concerns. They validate and word errors the GOV.UK way; views call the actions."""

from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from earlyhelp.concerns.attachments import AttachmentError, check_attachment
from earlyhelp.concerns.models import Category, Outcome, Part
from earlyhelp.lib.validators import RECENT_PAST
from earlyhelp.pupils.models import Pupil
from earlyhelp.ui.forms import GovukDateField, GovukForm

if TYPE_CHECKING:
    Upload = UploadedFile[bytes]
else:
    Upload = UploadedFile

YES_NO = [("yes", "Yes"), ("no", "No")]
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Upload]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(f"Select {MAX_ATTACHMENTS} files or fewer")
        for upload in files:
            try:
                check_attachment(upload)
            except AttachmentError as error:
                raise ValidationError(str(error)) from error
        return files


class ConcernForm(GovukForm):
    """What happened. One `part_<pupil id>` radio group is added for each chosen pupil."""

    account = forms.CharField(
        label="What did you see or hear?",
        help_text="Write what the child said in their own words, and what you saw. Facts, "
        "not opinions.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Enter what you saw or heard"},
    )
    occurred_on = GovukDateField(
        label="Date it happened", help_text="For example, 27 3 2026", window=RECENT_PAST
    )
    occurred_time = forms.TimeField(
        label="Time (optional)",
        required=False,
        help_text="For example, 14:30",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
        error_messages={"invalid": "Enter a time, like 14:30"},
    )
    location = forms.CharField(
        label="Where did it happen? (optional)",
        required=False,
        max_length=200,
        help_text="For example, the playground, classroom 4, online",
    )
    categories = forms.MultipleChoiceField(
        label="What is the concern about?",
        help_text="Select all that apply.",
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select what the concern is about, or 'Something else'"},
    )
    action_taken = forms.CharField(
        label="What did you do? (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    told_dsl = forms.ChoiceField(
        label="Have you told a designated safeguarding lead (DSL)?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you have told a DSL"},
    )
    told_dsl_who = forms.CharField(
        label="Who did you tell? (optional)", required=False, max_length=200
    )
    attachments = AttachmentsField(
        label="Attach files (optional)",
        required=False,
        help_text="Up to 5 files: PDF, JPEG, PNG or Word (.docx), each smaller than 10 MB.",
    )

    def __init__(self, *args: Any, pupils: list[Pupil], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pupils = pupils
        for pupil in pupils:
            self.fields[f"part_{pupil.pk}"] = forms.ChoiceField(
                label=f"{pupil.display_name}: their part",
                choices=Part.choices,
                initial=Part.SUBJECT,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
                error_messages={"required": f"Select {pupil.display_name}'s part"},
            )

    def clean_occurred_on(self) -> Any:
        day = self.cleaned_data.get("occurred_on")
        if day and day > timezone.localdate():
            raise ValidationError("The date it happened must be today or in the past")
        return day

    def part_fields(self) -> list[forms.BoundField]:
        return [self[f"part_{pupil.pk}"] for pupil in self.pupils]

    def parts(self) -> list[tuple[Pupil, str]]:
        return [(p, self.cleaned_data[f"part_{p.pk}"]) for p in self.pupils]

    def occurred_at(self) -> datetime:
        at = self.cleaned_data.get("occurred_time") or time(12, 0)
        return timezone.make_aware(datetime.combine(self.cleaned_data["occurred_on"], at))


class TriageForm(GovukForm):
    outcome = forms.ChoiceField(
        label="What is your decision?",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a decision"},
    )
    service_name = forms.CharField(
        label="Which service? (if you refer to a service)", required=False, max_length=200
    )
    reason = forms.CharField(
        label="Reason for the decision",
        help_text="Record the reason every time, including a decision not to refer.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": "Enter the reason for the decision"},
    )
    link_pupil = forms.TypedChoiceField(
        label="Link a pupil (optional)",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="For a message from a pupil or parent: the child it is about.",
    )
    link_part = forms.ChoiceField(
        label="Their part", choices=Part.choices, initial=Part.SUBJECT, required=False
    )

    def __init__(self, *args: Any, candidates: list[Pupil], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["link_pupil"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "No pupil"), *[(p.pk, _pupil_label(p)) for p in candidates]]
        self.candidates = {p.pk: p for p in candidates}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == Outcome.REFER_TO_SERVICE and not data.get("service_name"):
            self.add_error("service_name", "Enter the service you refer to")
        return data


def _pupil_label(pupil: Pupil) -> str:
    return f"{pupil.display_name}, {pupil.get_year_group_display()}"
