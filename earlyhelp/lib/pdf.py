"""HTML to tagged PDF with WeasyPrint. Only our own templates are rendered, never user HTML."""

from weasyprint import HTML


def html_to_pdf(html: str, *, title: str, base_url: str) -> bytes:
    """A PDF/UA-1 document: tagged structure, language and title set, fonts embedded."""
    document = HTML(string=html, base_url=base_url)
    pdf: bytes = document.write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        custom_metadata=True,
        uncompressed_pdf=False,
    )
    return pdf
