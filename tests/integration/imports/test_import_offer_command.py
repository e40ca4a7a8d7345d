"""`earlyhelp import-offer PATH --json`: one JSON object out, or exit 2 with one line on stderr."""

import io
import json
from pathlib import Path

from django.core.management import call_command
from pypdf import PdfReader, PdfWriter

from tests.unit.imports.documents import tiny_docx, tiny_pdf

OFFER = """# Riverside Primary School – Early Help Offer

Date: 1 September 2024
Date of review: September 2025

The Designated Safeguarding Lead (DSL) is: Mrs Ada Fenn
Contact details: email: afenn@riverside.lancs.sch.uk Telephone: 0113 496 0100
The Deputy DSL is: Mr Eli Gray

Lancashire Children's Social Care 0113 496 0555, or in an emergency call 999.

Mental Health\tQuiet Minds 0808 157 0111 www.quietminds.org.uk
\tCalm Line 0845 601 123
"""


def test_json_output_is_exactly_the_contract(tmp_path: Path, earlyhelp):
    path = tmp_path / "riverside.txt"
    path.write_text(OFFER, encoding="utf-8")
    completed = earlyhelp("import-offer", str(path), "--json", "--today", "2026-11-24")
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert set(result) == {"school", "reviewed_on", "people", "services", "findings"}
    assert result["school"] == {"name": "Riverside Primary School", "local_authority": "Lancashire"}
    assert result["reviewed_on"] == "2024-09-01"
    dsl = next(p for p in result["people"] if p["role"] == "dsl")
    assert dsl == {
        "role": "dsl",
        "name": "Ada Fenn",
        "emails": ["afenn@riverside.lancs.sch.uk"],
        "phones": ["+441134960100"],
    }
    quiet = next(s for s in result["services"] if s["name"] == "Quiet Minds")
    assert quiet["urls"] == ["https://www.quietminds.org.uk"]
    assert {f["code"] for f in result["findings"]} == {"review-overdue", "phone-invalid"}
    for finding in result["findings"]:
        assert set(finding) == {"code", "severity", "message", "excerpt"}


def test_today_is_injectable(tmp_path: Path):
    path = tmp_path / "riverside.txt"
    path.write_text(OFFER, encoding="utf-8")
    out = io.StringIO()
    call_command("import_offer", str(path), "--json", "--today", "2025-06-01", stdout=out)
    assert "review-overdue" not in {f["code"] for f in json.loads(out.getvalue())["findings"]}


def test_the_same_offer_reads_the_same_from_docx_and_pdf(tmp_path: Path, earlyhelp):
    lines = ["Riverside Primary School Offer", "The Designated Safeguarding Lead is: Mrs Ada Fenn"]
    docx = tmp_path / "offer.docx"
    docx.write_bytes(
        tiny_docx(
            lines,
            [["Mental Health", "Quiet Minds 0808 157 0111"]],
            ("Quiet Minds", "https://quietminds.example.org"),
        )
    )
    pdf = tmp_path / "offer.pdf"
    pdf.write_bytes(tiny_pdf([[*lines, "Quiet Minds 0808 157 0111"]]))
    for path in (docx, pdf):
        completed = earlyhelp("import-offer", str(path), "--json")
        assert completed.returncode == 0, completed.stderr
        result = json.loads(completed.stdout)
        assert {(p["role"], p["name"]) for p in result["people"]} == {("dsl", "Ada Fenn")}
        assert "+448081570111" in {n for s in result["services"] for n in s["phones"]}


def refused(earlyhelp, path: Path) -> str:
    completed = earlyhelp("import-offer", str(path), "--json")
    assert completed.returncode == 2
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    return str(lines[0])


def test_bad_files_are_refused_with_one_line_and_status_2(tmp_path: Path, earlyhelp):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf([["Secret"]]))))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a real Word file")

    assert "empty" in refused(earlyhelp, empty)
    assert "binary" in refused(earlyhelp, binary)
    assert "20 MB" in refused(earlyhelp, huge)
    assert "password-protected" in refused(earlyhelp, locked)
    assert "not a readable .docx" in refused(earlyhelp, corrupt)
