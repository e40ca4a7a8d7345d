"""What a PDF/UA-1 checker would look at first, read with pikepdf and pypdf.

Not a full validator (veraPDF is not available here): these are the machine-checkable
points of the Matterhorn Protocol that a generator most often gets wrong.
"""

import io
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
# What a structure element may hold, for lists and tables (ISO 32000-1, Tables 336 and 337).
ALLOWED_KIDS = {
    "/L": {"/LI", "/L", "/Caption"},
    "/LI": {"/Lbl", "/LBody"},
    "/Table": {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"},
    "/THead": {"/TR"},
    "/TBody": {"/TR"},
    "/TFoot": {"/TR"},
    "/TR": {"/TH", "/TD"},
}
ALLOWED_PARENTS = {
    "/LI": {"/L"},
    "/Lbl": {"/LI"},
    "/LBody": {"/LI"},
    "/TR": {"/Table", "/THead", "/TBody", "/TFoot"},
    "/TH": {"/TR"},
    "/TD": {"/TR"},
}


@dataclass
class Tagging:
    """What the structure tree holds and what each page's content is marked as."""

    structure_types: list[str] = field(default_factory=list)
    misplaced: list[str] = field(default_factory=list)  # "/L > /Div": a kid a list cannot hold
    untagged_mcids: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID)
    unmarked_text: int = 0  # text drawn outside any marked-content sequence
    artifacts: int = 0


def read_tagging(data: bytes) -> Tagging:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        result = Tagging()
        reachable = _walk(pdf.Root.StructTreeRoot.K, None, result)
        for number, page in enumerate(pdf.pages, start=1):
            for mcid in _page_mcids(page, result):
                if mcid not in reachable.get(page.obj.objgen, set()):
                    result.untagged_mcids.append((number, mcid))
        return result


def _walk(
    node: object, page: tuple[int, int] | None, result: Tagging
) -> dict[tuple[int, int] | None, set[int]]:
    reachable: dict[tuple[int, int] | None, set[int]] = {}
    todo: list[tuple[object, tuple[int, int] | None, str]] = [(node, page, "")]
    while todo:
        item, pg, parent = todo.pop()
        if isinstance(item, pikepdf.Array):
            todo.extend((kid, pg, parent) for kid in item)
        elif isinstance(item, int):
            reachable.setdefault(pg, set()).add(item)
        elif isinstance(item, pikepdf.Dictionary):
            if item.get("/Type") == "/MCR":
                reachable.setdefault(item.Pg.objgen, set()).add(int(item.MCID))
            elif item.get("/Type") != "/OBJR":
                kind = str(item.S)
                result.structure_types.append(kind)
                _check_nesting(parent, kind, result)
                if "/K" in item:
                    todo.append((item.K, item.Pg.objgen if "/Pg" in item else pg, kind))
    return reachable


def _check_nesting(parent: str, kind: str, result: Tagging) -> None:
    if parent in ALLOWED_KIDS and kind not in ALLOWED_KIDS[parent]:
        result.misplaced.append(f"{parent} > {kind}")
    if kind in ALLOWED_PARENTS and parent not in ALLOWED_PARENTS[kind]:
        result.misplaced.append(f"{parent} > {kind}")


def _page_mcids(page: pikepdf.Page, result: Tagging) -> list[int]:
    mcids, depth = [], 0
    for instruction in pikepdf.parse_content_stream(page):
        operands, name = instruction.operands, str(instruction.operator)
        if name in ("BDC", "BMC"):
            depth += 1
            if str(operands[0]) == "/Artifact":
                result.artifacts += 1
            elif isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcids.append(int(operands[1].MCID))
        elif name == "EMC":
            depth -= 1
        elif name in TEXT_OPERATORS and depth == 0:
            result.unmarked_text += 1
    return mcids


def is_true(value: object) -> bool:
    """A PDF boolean true (pikepdf gives it as Python's True)."""
    return value is True


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def link_targets(data: bytes) -> set[str]:
    targets = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get("/A")
                if annotation.get("/Subtype") == "/Link" and action is not None:
                    targets.add(str(action.URI))
    return targets
