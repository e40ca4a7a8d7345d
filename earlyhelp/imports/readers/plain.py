"""Plain text and Markdown: decode the bytes, refuse anything that is really binary."""

from pathlib import Path

SNIFF_BYTES = 64 * 1024
MAX_CONTROL_SHARE = 0.01
ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


class DocumentError(Exception):
    """The file is not a readable document of its kind; the message completes 'Cannot read X: '."""


def read_text_file(path: Path) -> str:
    return decode_text(path.read_bytes())


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode(data, "utf-16")
    else:
        if b"\x00" in data[:SNIFF_BYTES]:
            raise DocumentError("it is a binary file, not text.")
        text = _decode(data, "utf-8-sig") if _is_utf8(data) else _decode(data, "cp1252")
    if _looks_binary(text):
        raise DocumentError("it is a binary file, not text.")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in ALLOWED_CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)
