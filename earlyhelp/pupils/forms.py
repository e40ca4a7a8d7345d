"""The roll upload form: a CSV file (at most 5 MB) and the MIS it came from."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from earlyhelp.lib.csvfile import ENCODINGS, MAX_BYTES
from earlyhelp.ui.forms import GovukForm

if TYPE_CHECKING:
    Upload = UploadedFile[bytes]
else:
    Upload = UploadedFile

FORMAT_CHOICES = [
    ("auto", "Work it out from the column names"),
    ("sims", "SIMS"),
    ("arbor", "Arbor"),
    ("bromcom", "Bromcom"),
    ("earlyhelp", "The earlyhelp column format"),
]


class RollUploadForm(GovukForm):
    file = forms.FileField(
        label="Upload a file",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )
    format = forms.ChoiceField(
        label="Which system is the file from?",
        choices=FORMAT_CHOICES,
        initial="auto",
        widget=forms.RadioSelect,
    )

    encoding = forms.ChoiceField(
        label="How is the file's text saved?",
        help_text="If names show wrong letters after an import, choose the encoding here.",
        choices=[("auto", "Work it out from the file"), *ENCODINGS.items()],
        initial="auto",
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_encoding(self) -> str:
        return str(self.cleaned_data.get("encoding") or "auto")

    def clean_file(self) -> Any:
        upload: Upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".csv"):
            raise ValidationError("The selected file must be a CSV")
        if (upload.size or 0) > MAX_BYTES:
            raise ValidationError("The selected file must be smaller than 5 MB")
        return upload
