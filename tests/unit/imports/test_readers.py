"""Readers: every format becomes text with its lines, cells and links; bad files are refused."""

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from earlyhelp.imports import readers
from earlyhelp.imports.readers import UnreadableDocument, read_document
from earlyhelp.imports.readers.html import html_to_text
from tests.unit.imports.documents import tiny_docx, tiny_pdf


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_text_and_markdown_are_read_as_written(tmp_path):
    path = write(tmp_path, "offer.md", "# Riverside Offer\r\nTel: 0113 496 0123\r\n")
    assert read_document(path) == "# Riverside Offer\nTel: 0113 496 0123\n"


def test_windows_1252_text_is_decoded(tmp_path):
    path = write(tmp_path, "offer.txt", "St Anne\u2019s School \u2013 help".encode("cp1252"))
    assert read_document(path) == "St Anne\u2019s School \u2013 help"


def test_html_keeps_structure_and_drops_scripts_and_styles():
    markup = (
        "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        "<h2>Mental health</h2><script>alert('hi')</script>"
        "<table><tr><td>Quiet Minds</td><td><p>0808 157 0111</p>"
        '<p><a href="https://quietminds.example.org/">Website</a></p></td></tr></table>'
        '<p onclick="steal()">Read <a href="#">this</a></p></body></html>'
    )
    text = html_to_text(markup)
    assert "alert" not in text and "color" not in text and "steal" not in text
    assert "## Mental health" in text
    assert "Quiet Minds\t0808 157 0111" in text
    assert "\t[Website](https://quietminds.example.org/)" in text
    assert "Read [this](#)" in text
    assert "<" not in text


def test_docx_paragraphs_tables_and_links_are_read(tmp_path):
    data = tiny_docx(
        ["Riverside Early Help Offer", "The DSL is: Mrs Ada Fenn"],
        [["Mental health", "Quiet Minds 0808 157 0111"]],
        ("Quiet Minds website", "https://quietminds.example.org/"),
    )
    text = read_document(write(tmp_path, "offer.docx", data))
    assert text.splitlines()[:2] == ["# Riverside Early Help Offer", "The DSL is: Mrs Ada Fenn"]
    assert "Mental health\tQuiet Minds 0808 157 0111" in text
    assert "[Quiet Minds website](https://quietminds.example.org/)" in text


def test_pdf_text_is_read_page_by_page(tmp_path):
    data = tiny_pdf([["Riverside Early Help Offer", "Tel: 0113 496 0123"], ["Page two"]])
    text = read_document(write(tmp_path, "offer.pdf", data))
    assert "Riverside Early Help Offer\nTel: 0113 496 0123" in text
    assert text.index("Page two") > text.index("0113")


def refused(path: Path) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_an_empty_file_is_refused(tmp_path):
    assert "empty" in refused(write(tmp_path, "offer.txt", b""))


def test_a_binary_file_is_refused(tmp_path):
    assert "binary" in refused(write(tmp_path, "offer.txt", bytes(range(256)) * 20))
    assert "only .txt" in refused(write(tmp_path, "offer.exe", b"MZ\x00\x01"))


def test_a_file_over_20_mb_is_refused_unread(tmp_path):
    path = tmp_path / "offer.pdf"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert "limit is 20 MB" in refused(path)


def test_a_password_protected_pdf_is_refused(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf([["Secret offer"]]))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "password-protected" in refused(write(tmp_path, "offer.pdf", out.getvalue()))


def test_a_corrupt_docx_or_pdf_is_refused(tmp_path):
    assert "not a readable .docx" in refused(write(tmp_path, "offer.docx", b"PK\x03\x04 broken"))
    assert "not a readable PDF" in refused(write(tmp_path, "offer.pdf", b"%PDF-1.4 garbage"))


def test_a_docx_with_a_dtd_is_refused(tmp_path):
    data = tiny_docx(["Offer"], [["a", "b"]], ("x", "https://example.org"))
    doctype = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'
    data = data.replace(b"<w:document", doctype + b"<w:document")
    assert "not a readable .docx" in refused(write(tmp_path, "offer.docx", data))


def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(
        readers,
        "worker_command",
        lambda kind, path: [sys.executable, "-c", "import time; time.sleep(30)"],
    )
    path = write(tmp_path, "offer.txt", "Riverside")
    with pytest.raises(UnreadableDocument, match="longer than 1 seconds"):
        read_document(path, time_limit=1)
