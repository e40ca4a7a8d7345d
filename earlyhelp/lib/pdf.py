"""HTML to tagged PDF (PDF/UA-1) with WeasyPrint. Only our own templates, never user HTML.

WeasyPrint 70 with `pdf_variant="pdf/ua-1"` writes most of what PDF/UA-1 asks for: a
structure tree from the HTML elements (`/MarkInfo /Marked true`, `/StructTreeRoot`), the
document language from `<html lang>` (`/Lang`), the title from `<title>` (Info and XMP
`dc:title`), `/ViewerPreferences /DisplayDocTitle true`, `pdfuaid:part=1` in the XMP
metadata, embedded fonts, `/Tabs /S` on pages, and link annotations tied into the tree with
their target as `/Contents`. What the template must do: headings in order starting at
`<h1>`, `alt` on every image (we use none), `<th>` in tables, `<html lang>` and `<title>`.

Two gaps are closed here, after layout, through WeasyPrint's `finisher` hook:
- Text in page margin boxes (running headers, "Page N of M") gets a marked-content id but
  no place in the structure tree, which PDF/UA-1 forbids (content is either tagged or an
  artifact). `_margin_text_as_artifacts` marks it as a pagination artifact, so screen
  readers skip the repeated footer as they should.
- GOV.UK's summary list (`<dl>` of `<div>` rows of `<dt>`/`<dd>`) comes out as L > Div > LI,
  but a list may hold only list items (ISO 32000-1 Table 336, Matterhorn 09-005).
  `_lists_hold_only_items` lifts the items out of such rows.
"""

from typing import Any

PAGINATION_ARTIFACT = "/Artifact"


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    """A PDF/UA-1 document from HTML that carries its own styles (nothing is fetched)."""
    # Imported here: WeasyPrint takes a second to import, and only the worker renders PDFs.
    from weasyprint import HTML, URLFetcher

    document = HTML(
        string=html,
        base_url=base_url,
        # Our templates inline everything: nothing is fetched over the network, ever.
        url_fetcher=URLFetcher(allowed_protocols=["data"]),
    )
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", finisher=_finish)
    return pdf


def _finish(document: Any, pdf: Any) -> None:
    root = _resolve(pdf, pdf.catalog.get("StructTreeRoot"))
    if root is not None:
        _margin_text_as_artifacts(pdf, root)
        _lists_hold_only_items(pdf, root)


def _margin_text_as_artifacts(pdf: Any, root: dict[str, Any]) -> None:
    """Turn marked content the structure tree does not reach into pagination artifacts."""
    reachable = _reachable_elements(pdf, root)
    nums = _resolve(pdf, root["ParentTree"])["Nums"]
    for page_index, mcid_refs in zip(nums[::2], nums[1::2], strict=True):
        if not isinstance(mcid_refs, list):
            continue  # an annotation's entry, not a page's
        orphans = {
            mcid
            for mcid, ref in enumerate(mcid_refs)
            if isinstance(ref, bytes) and _number(ref) not in reachable
        }
        if orphans:
            _retag(_page_stream(pdf, page_index), orphans)
            for mcid in orphans:
                mcid_refs[mcid] = b"null"


def _lists_hold_only_items(pdf: Any, root: dict[str, Any]) -> None:
    """L > Div > LI becomes L > LI: each row's items take the row's place in the list."""
    for number in _reachable_elements(pdf, root):
        element = pdf.objects[number]
        if not (isinstance(element, dict) and element.get("S") == "/L"):
            continue
        kids = []
        for kid in element["K"]:
            row = _resolve(pdf, kid)
            if _is_row_of_items(pdf, row):
                for item in row["K"]:
                    pdf.objects[_number(item)]["P"] = f"{number} 0 R".encode()
                kids.extend(row["K"])
            else:
                kids.append(kid)
        element["K"] = type(element["K"])(kids)


def _is_row_of_items(pdf: Any, element: Any) -> bool:
    if not (isinstance(element, dict) and element.get("S") == "/Div" and element.get("K")):
        return False
    return all(_refs(kid) and pdf.objects[_number(kid)].get("S") == "/LI" for kid in element["K"])


def _reachable_elements(pdf: Any, root: dict[str, Any]) -> set[int]:
    seen: set[int] = set()
    todo = list(_refs(root.get("K")))
    while todo:
        ref = todo.pop()
        number = _number(ref)
        if number in seen:
            continue
        seen.add(number)
        element = pdf.objects[number]
        if isinstance(element, dict) and element.get("Type") == "/StructElem":
            todo.extend(_refs(element.get("K")))
    return seen


def _retag(stream: Any, orphans: set[int]) -> None:
    """`/Span <</MCID n>> BDC` becomes `/Artifact <</Type /Pagination>> BDC`."""
    items = stream.stream
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("MCID") in orphans and i > 0:
            items[i - 1] = PAGINATION_ARTIFACT
            items[i] = type(item)({"Type": "/Pagination"})


def _page_stream(pdf: Any, page_index: int) -> Any:
    page = pdf.objects[_number(pdf.page_references[page_index])]
    return pdf.objects[_number(page["Contents"])]


def _refs(value: Any) -> list[bytes]:
    if isinstance(value, bytes) and value.endswith(b" R"):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, bytes) and v.endswith(b" R")]
    return []


def _resolve(pdf: Any, value: Any) -> Any:
    if isinstance(value, bytes) and value.endswith(b" R"):
        return pdf.objects[_number(value)]
    return value


def _number(ref: bytes) -> int:
    return int(ref.split()[0])
