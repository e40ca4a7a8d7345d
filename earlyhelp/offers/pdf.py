"""The Offer as a tagged A4 PDF (PDF/UA-1), rendered from the same body as the page.

Rendering a long Offer takes seconds, so it is done once per version and render key by a
background task and kept in the default storage (offers.rendering); requests only read it.
"""

from typing import Any

from django.template.loader import render_to_string

from earlyhelp.lib.pdf import html_to_pdf


def render_offer_html(context: dict[str, Any]) -> str:
    """The print document. Rendered without the request, so it depends on nothing else."""
    return render_to_string("offers/offer_pdf.html", {**context, "pdf": True})


def render_offer_pdf(context: dict[str, Any], *, base_url: str) -> bytes:
    return html_to_pdf(render_offer_html(context), base_url=base_url)
