"""The register upload form: one CSV file in the contract's format."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from earlyhelp.ui.forms import GovukForm

if TYPE_CHECKING:
    Upload = UploadedFile[bytes]
else:
    Upload = UploadedFile

MAX_UPLOAD_BYTES = 30 * 1024 * 1024  # a large secondary school's whole year is about 15 MB


class RegisterUploadForm(GovukForm):
    file = forms.FileField(
        label="Upload a register file",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_file(self) -> Any:
        upload: Upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".csv"):
            raise ValidationError("The selected file must be a CSV")
        if (upload.size or 0) > MAX_UPLOAD_BYTES:
            raise ValidationError("The selected file must be smaller than 30 MB")
        return upload


class NoticeForm(forms.Form):
    """The run a missing-education notice is about: its first school day (a hidden field)."""

    first_day = forms.DateField(input_formats=["%Y-%m-%d"])


class LetterWordingForm(GovukForm):
    body = forms.CharField(
        label="The letter's wording",
        help_text="Plain text. Leave a blank line between paragraphs. The placeholders in "
        "braces are filled in for each family.",
        max_length=5000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": "Enter the letter's wording"},
    )
