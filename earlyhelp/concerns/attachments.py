"""Attachments to a concern: PDF, JPEG, PNG or Word (.docx), at most 10 MB, checked by content.

The check is the platform's one upload check (`lib.uploads`): the file's first bytes decide
its type (a renamed program is refused whatever its name says). The name it is stored under
is random (`models.attachment_path`), and it is served only through the concern's access
check, never from MEDIA_URL.
"""

from typing import IO

from earlyhelp.lib.uploads import DOCUMENTS, MB, Kind, UploadError, check_upload

MAX_BYTES = 10 * MB
AttachmentError = UploadError


def check_attachment(upload: IO[bytes]) -> Kind:
    """The file's kind, judged by its content; `AttachmentError` (GOV.UK wording) if refused."""
    return check_upload(upload, allowed=DOCUMENTS, max_bytes=MAX_BYTES)
