"""Limits on the whole import pipeline (issue 10, finding 7): the text a document may hold,
a DTD in any encoding, the time for conversion and extraction together, and workers that
start with an empty environment. The hostile files are built here."""

import io
import json
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from earlyhelp.imports import pipeline, readers
from earlyhelp.imports.pipeline import extract, import_offer
from earlyhelp.imports.readers import MAX_TEXT_CHARS, UnreadableDocument, read_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFER = "# Riverside Early Help Offer\nThe DSL is: Mrs Ada Fenn, 0113 496 0123\n"
ALLOWED_ENVIRONMENT = {"PYTHONPATH", "PYTHONIOENCODING", "LANG", "WORKER_TIME_LIMIT", "LC_CTYPE"}
PRINT_ENVIRONMENT = "import json, os; print(json.dumps({'text': json.dumps(dict(os.environ))}))"


def docx_with(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


def document_xml(paragraphs: list[str], prolog: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def test_a_small_docx_holding_10_mb_of_text_is_refused(tmp_path):
    line = "Family support drop-in every Tuesday at the children's centre. " * 16
    xml = document_xml([line] * (10_000_000 // len(line) + 1)).encode()
    path = tmp_path / "offer.docx"
    path.write_bytes(docx_with(xml))
    assert path.stat().st_size < 200_000  # compressed: the file itself is small

    with pytest.raises(UnreadableDocument) as refused:
        import_offer(path, today=date(2026, 12, 6), time_limit=60)

    message = str(refused.value)
    assert message.startswith("Cannot read offer.docx: it holds 10,0")
    assert f"the limit is {MAX_TEXT_CHARS:,}" in message


def test_a_long_text_file_is_refused_too(tmp_path):
    path = tmp_path / "offer.txt"
    path.write_text("Help for families.\n" * (MAX_TEXT_CHARS // 19 + 10), encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="characters of text once unpacked"):
        read_document(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8"])
def test_a_dtd_is_refused_whatever_the_encoding(tmp_path, encoding):
    prolog = '<!DOCTYPE w:document [<!ENTITY a "Ada Fenn Ada Fenn Ada Fenn">]>'
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    xml = document_xml(["The DSL is &a;"], prolog).replace("UTF-8", declared)
    data = xml.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert b"<!DOCTYPE" not in data or encoding == "utf-8"
    path = tmp_path / "offer.docx"
    path.write_bytes(docx_with(data))
    with pytest.raises(UnreadableDocument, match="declares a DTD or entities"):
        read_document(path)


def test_a_utf16_docx_without_a_dtd_is_read(tmp_path):
    xml = document_xml(["The DSL is Mrs Ada Fenn"]).replace("UTF-8", "UTF-16")
    path = tmp_path / "offer.docx"
    path.write_bytes(docx_with(xml.encode("utf-16")))
    assert read_document(path) == "The DSL is Mrs Ada Fenn\n"


def test_an_extraction_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(
        pipeline,
        "extract_worker_command",
        lambda kind, path, today: [sys.executable, "-c", "import time; time.sleep(30)"],
    )
    path = tmp_path / "offer.txt"
    path.write_text(OFFER, encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="reading and extracting it took longer than"):
        import_offer(path, time_limit=2)


def test_the_pipeline_in_workers_gives_what_extract_gives(tmp_path):
    path = tmp_path / "offer.txt"
    path.write_text(OFFER, encoding="utf-8")
    today = date(2026, 12, 6)
    assert import_offer(path, today=today) == extract(OFFER, today=today)


def test_the_converter_starts_with_an_empty_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "not-for-the-worker")
    monkeypatch.setenv("DATABASE_URL", "postgres://secret@db/earlyhelp")
    monkeypatch.setattr(
        readers, "worker_command", lambda kind, path: [sys.executable, "-c", PRINT_ENVIRONMENT]
    )
    path = tmp_path / "offer.txt"
    path.write_text(OFFER, encoding="utf-8")
    environment = json.loads(read_document(path))
    assert set(environment) <= ALLOWED_ENVIRONMENT
    assert "not-for-the-worker" not in json.dumps(environment)


def test_the_extractor_starts_with_an_empty_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CHAIN_KEY", "not-for-the-worker-either-0123456789")
    seen = tmp_path / "environment.json"
    script = (
        f"import json, os, pathlib; "
        f"pathlib.Path({str(seen)!r}).write_text(json.dumps(dict(os.environ)))"
    )
    monkeypatch.setattr(
        pipeline, "extract_worker_command", lambda *args: [sys.executable, "-c", script]
    )
    path = tmp_path / "offer.txt"
    path.write_text(OFFER, encoding="utf-8")
    with pytest.raises(UnreadableDocument):
        import_offer(path)
    assert set(json.loads(seen.read_text())) <= ALLOWED_ENVIRONMENT


def test_the_worker_can_import_earlyhelp_with_no_path_given():
    assert Path(readers.PACKAGE_ROOT, "earlyhelp", "imports", "readers").is_dir()
