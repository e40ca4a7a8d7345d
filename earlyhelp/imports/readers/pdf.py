"""PDF to text with pypdf (pure Python): page text in reading order, pages separated by blank lines.

A PDF that needs a password to open is refused. One that is merely "encrypted" with an empty
user password (common for print-protected files) is opened.
"""

import logging
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

from earlyhelp.imports.readers.plain import DocumentError

MAX_PAGES = 2000
PROTECTED = "it is a password-protected PDF; save a copy without the password and try again."
UNREADABLE = "it is not a readable PDF (it may be corrupt)."


def read_pdf_file(path: Path) -> str:
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF-"):
            raise DocumentError(UNREADABLE)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        _open(reader)
        if len(reader.pages) > MAX_PAGES:
            raise DocumentError(f"it has more than {MAX_PAGES} pages.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as error:
        raise DocumentError(PROTECTED) from error
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(UNREADABLE) from error
    text = "\n\n".join(_tidy(page) for page in pages)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _open(reader: PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError) as error:
        raise DocumentError(PROTECTED) from error
    if not opened:
        raise DocumentError(PROTECTED)


def _tidy(page: str) -> str:
    return "\n".join(line.rstrip() for line in page.replace("\r", "\n").split("\n"))
