"""earlyhelp.lib.pdf: HTML to a PDF/UA-1 document whose every piece of text is tagged."""

import io

import pikepdf

from earlyhelp.lib.pdf import html_to_pdf
from tests.unit.offers.pdf_checks import is_true, page_texts, read_tagging

HTML = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>A test</title>
<style>
@page { size: A4; @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
</style></head><body><h1>A heading</h1>%s</body></html>"""


def test_page_numbers_become_artifacts_and_body_text_stays_tagged():
    pdf = html_to_pdf(HTML % ("<p>Some text.</p>" * 120), base_url="http://127.0.0.1/")

    tagging = read_tagging(pdf)
    texts = page_texts(pdf)
    assert len(texts) > 1
    assert tagging.untagged_mcids == []
    assert tagging.misplaced == []
    assert tagging.unmarked_text == 0
    assert tagging.artifacts >= len(texts)  # at least the footer of each page
    assert all(f"Page {n} of {len(texts)}" in text for n, text in enumerate(texts, start=1))
    assert "/P" in tagging.structure_types and "/H1" in tagging.structure_types


def test_summary_list_rows_become_list_items_of_the_list():
    summary_list = (
        '<dl class="govuk-summary-list">'
        "<div><dt>Phone</dt><dd>0113 496 0000</dd></div>"
        "<div><dt>Email</dt><dd>help@example.org</dd></div>"
        "</dl><ul><li>One</li><li>Two</li></ul>"
        "<table><thead><tr><th>Name</th></tr></thead><tbody><tr><td>Dee</td></tr></tbody></table>"
    )

    tagging = read_tagging(html_to_pdf(HTML % summary_list, base_url="http://127.0.0.1/"))

    assert tagging.misplaced == []
    assert tagging.structure_types.count("/LI") == 6  # four from the rows, two from the list
    assert tagging.untagged_mcids == []


def test_document_is_marked_as_pdf_ua_1_with_language_and_title():
    pdf = html_to_pdf(HTML % "<p>Text.</p>", base_url="http://127.0.0.1/")

    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert is_true(document.Root.MarkInfo.Marked)
        assert document.Root.Lang == "en-GB"
        assert is_true(document.Root.ViewerPreferences.DisplayDocTitle)
        metadata = document.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        assert metadata["dc:title"] == "A test"


def test_nothing_is_fetched_from_the_network():
    html = HTML % '<p>Text.</p><img src="http://192.0.2.1/logo.png" alt="A logo">'

    pdf = html_to_pdf(html, base_url="http://127.0.0.1/")

    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert not document.pages[0].get_images()
