"""Word .docx to text with zipfile and ElementTree: paragraphs, tables, headings and links.

A .docx is a zip of XML parts. We read only `word/document.xml` and its relationships,
refuse anything with a DTD (no entity tricks: checked by the XML parser itself, so the
check holds whatever the part's encoding, UTF-16 included), and cap the unpacked size (no
zip bombs) and the text it holds (readers.MAX_TEXT_CHARS).
A password-protected Word file is not a zip at all, so it is refused as unreadable.
"""

import re
import zipfile
from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree  # nosec B405 # DTDs refused before parsing (_parse)
from xml.parsers import expat  # nosec B407 # used only to find and refuse a DTD

from earlyhelp.imports.readers.layout import link_markup, table_row_lines
from earlyhelp.imports.readers.plain import DocumentError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_PART_BYTES = 50 * 1024 * 1024
UNREADABLE = "it is not a readable .docx file (it may be corrupt or password-protected)."


def read_docx_file(path: Path) -> str:
    if not zipfile.is_zipfile(path):
        raise DocumentError(UNREADABLE)
    try:
        with zipfile.ZipFile(path) as archive:
            body = _parse(archive, "word/document.xml").find(f"{W}body")
            links = _relationships(archive)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError) as error:
        raise DocumentError(UNREADABLE) from error
    if body is None:
        raise DocumentError(UNREADABLE)
    lines = _block_lines(body, links)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _parse(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise DocumentError("it is too large to convert once unpacked.")
    data = archive.read(name)
    refuse_dtd(data)
    return ElementTree.fromstring(data)  # noqa: S314 - no DTD allowed, size capped # nosec B314


class _DtdFound(Exception):
    pass


def refuse_dtd(data: bytes) -> None:
    """Raise DocumentError if the XML declares a DTD or an entity, in any encoding: expat
    decodes the bytes as the document says (BOM, encoding declaration) and reports the
    declaration, before ElementTree ever sees the part."""
    checker = expat.ParserCreate()

    def found(*args: object) -> NoReturn:
        raise _DtdFound

    checker.StartDoctypeDeclHandler = found
    checker.EntityDeclHandler = found
    try:
        checker.Parse(data, True)
    except _DtdFound as error:
        raise DocumentError("it declares a DTD or entities, which Word files never do.") from error
    except (expat.ExpatError, ValueError) as error:
        raise DocumentError(UNREADABLE) from error


def _relationships(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        root = _parse(archive, "word/_rels/document.xml.rels")
    except KeyError:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(f"{REL}Relationship")}


def _block_lines(parent: ElementTree.Element, links: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for child in parent:
        if child.tag == f"{W}p":
            lines.extend(_paragraph_lines(child, links))
        elif child.tag == f"{W}tbl":
            lines.extend(_table_lines(child, links))
            lines.append("")
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines.extend(_block_lines(content, links))
    return lines


def _table_lines(table: ElementTree.Element, links: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for row in table.iter(f"{W}tr"):
        if _owner_table(row, table):
            cells = [
                [line for line in _block_lines(cell, links) if line.strip()]
                for cell in row.findall(f"{W}tc")
            ]
            lines.extend(table_row_lines(cells))
    return lines


def _owner_table(row: ElementTree.Element, table: ElementTree.Element) -> bool:
    """Rows of nested tables are read through their own cell, not twice."""
    return any(child is row for child in table)


def _paragraph_lines(paragraph: ElementTree.Element, links: dict[str, str]) -> list[str]:
    text = "".join(_runs_text(paragraph, links))
    prefix = _prefix(paragraph)
    return [prefix + part.strip() if part.strip() else "" for part in text.split("\n")]


def _prefix(paragraph: ElementTree.Element) -> str:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return ""
    style = properties.find(f"{W}pStyle")
    name = (style.get(f"{W}val", "") if style is not None else "").lower()
    if name == "title" or name.startswith("heading"):
        level = name.removeprefix("heading") or "1"
        return "#" * min(int(level) if level.isdigit() else 1, 4) + " "
    if properties.find(f"{W}numPr") is not None:
        return "- "
    return ""


def _runs_text(element: ElementTree.Element, links: dict[str, str]) -> list[str]:
    parts: list[str] = []
    field_target: str | None = None
    field_label: list[str] = []
    for node in element:
        if node.tag == f"{W}hyperlink":
            target = links.get(node.get(f"{R}id", ""), "")
            anchor = node.get(f"{W}anchor")
            label = "".join(_runs_text(node, links))
            parts.append(link_markup(label, target or (f"#{anchor}" if anchor else "#")))
            continue
        if node.tag == f"{W}fldSimple":
            field = _field_target(node.get(f"{W}instr", ""))
            label = "".join(_runs_text(node, links))
            parts.append(link_markup(label, field) if field else label)
            continue
        for piece in node.iter():
            if piece.tag == f"{W}instrText" and _field_target(piece.text or ""):
                field_target, field_label = _field_target(piece.text or ""), []
            elif piece.tag == f"{W}fldChar" and piece.get(f"{W}fldCharType") == "end":
                if field_target is not None:
                    parts.append(link_markup("".join(field_label), field_target))
                field_target = None
            else:
                text = _piece_text(piece)
                (field_label if field_target is not None else parts).append(text)
    return parts


def _piece_text(piece: ElementTree.Element) -> str:
    if piece.tag == f"{W}t":
        return piece.text or ""
    if piece.tag == f"{W}tab":
        return " "
    if piece.tag in (f"{W}br", f"{W}cr"):
        return "\n"
    return ""


def _field_target(instruction: str) -> str | None:
    match = re.search(r'HYPERLINK\s+"([^"]*)"', instruction)
    return match.group(1) if match else None
