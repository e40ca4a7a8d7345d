"""The Offer as a tagged A4 PDF (PDF/UA-1), rendered from the same body as the page.

Rendering a long Offer takes seconds, so the bytes are kept in the "pdf" cache, keyed on
the digest of the HTML they come from. The HTML already carries everything that can change
the PDF: the published version, every live county and national service as it is now, the
council's front door numbers, the "due for review" notice and the template itself. So a
correction in the directory, a republished Offer or a new release can never be answered
with a stale PDF, and nothing has to remember to clear the cache.
"""

import hashlib
from typing import Any

from django.core.cache import caches
from django.template.loader import render_to_string

from earlyhelp.lib.pdf import html_to_pdf

PDF_CACHE = "pdf"


def render_offer_html(context: dict[str, Any]) -> str:
    """The print document. Rendered without the request, so it depends on nothing else."""
    return render_to_string("offers/offer_pdf.html", {**context, "pdf": True})


def render_offer_pdf(context: dict[str, Any], *, base_url: str) -> bytes:
    html = render_offer_html(context)
    key = "offer-pdf:" + hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    cache = caches[PDF_CACHE]
    pdf: bytes | None = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html, base_url=base_url)
        cache.set(key, pdf)
    return pdf
