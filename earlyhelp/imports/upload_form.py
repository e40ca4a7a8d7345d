"""The editor's upload form for an Offer document: checked like every upload (size, type)."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from earlyhelp.lib import uploads
from earlyhelp.ui.forms import GovukForm

if TYPE_CHECKING:
    Upload = UploadedFile[bytes]
else:
    Upload = UploadedFile

OFFER_KINDS = (uploads.DOCX, uploads.PDF, uploads.HTML, uploads.TEXT)
MAX_OFFER_BYTES = 10 * uploads.MB
ACCEPT = ".docx,.pdf,.html,.htm,.txt"


class OfferUploadForm(GovukForm):
    document = forms.FileField(
        label="Upload your Offer document",
        help_text="A Word document (.docx), PDF, web page (.html) or text file (.txt), "
        "smaller than 10MB",
        error_messages={
            "required": "Select your Offer document",
            "empty": "The selected file is empty",
        },
    )

    def clean_document(self) -> Any:
        upload: Upload = self.cleaned_data["document"]
        try:
            uploads.check_upload(upload, allowed=OFFER_KINDS, max_bytes=MAX_OFFER_BYTES)
        except uploads.UploadError as error:
            raise ValidationError(str(error), code="upload") from error
        return upload
