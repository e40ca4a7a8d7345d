"""The Offer as a tagged A4 PDF (PDF/UA-1), rendered from the same template as the page."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from earlyhelp.lib.pdf import html_to_pdf


def render_offer_pdf(request: HttpRequest, context: dict[str, Any]) -> bytes:
    html = render_to_string("offers/offer_pdf.html", {**context, "pdf": True}, request=request)
    title = f"{context['school'].name}: Early Help Offer"
    return html_to_pdf(html, title=title, base_url=request.build_absolute_uri("/"))
