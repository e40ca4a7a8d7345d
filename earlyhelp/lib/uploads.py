"""Checking an uploaded file: its size, and its type judged by its content, not its name.

One check for every upload (concern attachments, roll imports, Offer documents):
`check_upload(upload, allowed=(PDF, PNG, JPEG, DOCX), max_bytes=...)` returns the file's
`Kind` or raises `UploadError` worded the GOV.UK way ("The selected file must be smaller
than 10MB"). The first bytes decide the type; the name's extension must then agree, so a
renamed program is refused and a file is never served under a misleading type. A Word file
must be a real .docx (a zip holding `word/document.xml`, no macros, not a zip bomb); a CSV
or text file must be text (no NUL bytes, UTF-8 or Windows-1252).
"""

import zipfile
from dataclasses import dataclass
from typing import IO

MB = 1024 * 1024
MAX_BYTES = 10 * MB
# A .docx whose parts unpack to more than this is refused (zip bomb).
MAX_DOCX_UNPACKED = 100 * MB
SNIFF_BYTES = 8192


class UploadError(ValueError):
    """The file is refused; the message is for the person who chose it."""


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    suffixes: tuple[str, ...]


PDF = Kind("PDF", "application/pdf", (".pdf",))
PNG = Kind("PNG", "image/png", (".png",))
JPEG = Kind("JPG", "image/jpeg", (".jpg", ".jpeg"))
DOCX = Kind(
    "Word document (.docx)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
CSV = Kind("CSV", "text/csv", (".csv",))
TEXT = Kind("text file (.txt)", "text/plain", (".txt",))
HTML = Kind("web page (.html)", "text/html", (".html", ".htm"))
DOCUMENTS = (PDF, PNG, JPEG, DOCX)


def check_upload(
    upload: IO[bytes], *, allowed: tuple[Kind, ...] = DOCUMENTS, max_bytes: int = MAX_BYTES
) -> Kind:
    """The file's kind if it is one of `allowed` and small enough; else `UploadError`."""
    size = _size(upload)
    if size == 0:
        raise UploadError("The selected file is empty")
    if size > max_bytes:
        raise UploadError(f"The selected file must be smaller than {_megabytes(max_bytes)}")
    name = (getattr(upload, "name", None) or "").lower()
    named = tuple(kind for kind in allowed if name.endswith(kind.suffixes))
    kind = sniff(upload, named)
    if kind is None:
        raise UploadError(f"The selected file must be a {_either(allowed)}")
    return kind


def sniff(upload: IO[bytes], allowed: tuple[Kind, ...]) -> Kind | None:
    """Which of `allowed` the content is, or None. Leaves the file at its start."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    for kind in allowed:
        if _matches(kind, head, upload):
            return kind
    return None


def _matches(kind: Kind, head: bytes, upload: IO[bytes]) -> bool:
    if kind is PDF:
        return head.startswith(b"%PDF-")
    if kind is PNG:
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind is JPEG:
        return head.startswith(b"\xff\xd8\xff")
    if kind is DOCX:
        return head.startswith(b"PK\x03\x04") and _is_docx(upload)
    if kind in (CSV, TEXT, HTML):
        return _is_text(head)
    return False


def _is_docx(upload: IO[bytes]) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    macros = any(name.lower().endswith("vbaproject.bin") for name in names)
    return "word/document.xml" in names and not macros and unpacked <= MAX_DOCX_UNPACKED


def _is_text(head: bytes) -> bool:
    if b"\x00" in head or head.startswith((b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8")):
        return False
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 3:
            return _is_windows_1252(head)
    return True


def _is_windows_1252(head: bytes) -> bool:
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _size(upload: IO[bytes]) -> int:
    size = getattr(upload, "size", None)
    if isinstance(size, int):
        return size
    upload.seek(0, 2)
    end = upload.tell()
    upload.seek(0)
    return end


def _megabytes(limit: int) -> str:
    return f"{limit // MB}MB" if limit >= MB else f"{max(1, limit // 1024)}KB"


def _either(kinds: tuple[Kind, ...]) -> str:
    labels = [kind.label for kind in kinds]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
