import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.lib.uploads import CSV, DOCX, JPEG, PDF, PNG, TEXT, UploadError, check_upload

PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def docx_bytes(*, extra: dict[str, bytes] | None = None, document: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if document:
            archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", PDF_BYTES, PDF),
        ("bruise.PNG", PNG_BYTES, PNG),
        ("photo.jpeg", JPEG_BYTES, JPEG),
        ("photo.jpg", JPEG_BYTES, JPEG),
        ("letter.docx", docx_bytes(), DOCX),
    ],
)
def test_each_document_type_is_recognised_by_its_content(name, data, kind):
    file = upload(name, data)
    assert check_upload(file) is kind
    assert file.tell() == 0


def test_a_program_renamed_to_pdf_is_refused():
    with pytest.raises(UploadError, match=r"^The selected file must be a PDF, PNG, JPG or Word"):
        check_upload(upload("minutes.pdf", b"MZ\x90\x00" + b"\x00" * 60))


def test_a_real_pdf_under_another_name_is_refused():
    with pytest.raises(UploadError, match="must be a"):
        check_upload(upload("photo.png", PDF_BYTES))


def test_a_zip_that_is_not_a_word_document_is_refused():
    with pytest.raises(UploadError, match="must be a"):
        check_upload(upload("letter.docx", docx_bytes(document=False)))


def test_a_word_file_with_macros_is_refused():
    data = docx_bytes(extra={"word/vbaProject.bin": b"\x00" * 10})
    with pytest.raises(UploadError, match="must be a"):
        check_upload(upload("letter.docx", data))


def test_a_zip_bomb_dressed_as_word_is_refused():
    data = docx_bytes(extra={"word/media/big.bin": b"\x00" * (101 * 1024 * 1024)})
    assert len(data) < 1024 * 1024
    with pytest.raises(UploadError, match="must be a"):
        check_upload(upload("letter.docx", data))


def test_size_limit_and_empty_file_are_worded_for_people():
    with pytest.raises(UploadError, match=r"^The selected file must be smaller than 1MB$"):
        check_upload(upload("a.pdf", PDF_BYTES + b" " * 1024 * 1024), max_bytes=1024 * 1024)
    with pytest.raises(UploadError, match=r"^The selected file is empty$"):
        check_upload(upload("a.pdf", b""))


def test_csv_in_utf8_or_windows_1252_is_text():
    assert check_upload(upload("roll.csv", "UPN,Name\nA1,Zoë\n".encode()), allowed=(CSV,)) is CSV
    assert check_upload(upload("roll.csv", "Name\nZoë\n".encode("cp1252")), allowed=(CSV,)) is CSV
    assert check_upload(upload("notes.txt", b"plain words\n"), allowed=(CSV, TEXT)) is TEXT


def test_a_spreadsheet_saved_as_xlsx_is_not_a_csv():
    with pytest.raises(UploadError, match=r"^The selected file must be a CSV$"):
        check_upload(upload("roll.csv", docx_bytes()), allowed=(CSV,))
    with pytest.raises(UploadError, match="must be a CSV"):
        check_upload(upload("roll.csv", b"UPN\x00\x00"), allowed=(CSV,))


def test_any_open_binary_file_can_be_checked():
    file = io.BytesIO(PDF_BYTES)
    file.name = "report.pdf"
    assert check_upload(file) is PDF
