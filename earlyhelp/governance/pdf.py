"""The governors' report as a tagged A4 PDF (PDF/UA-1), from the same body as the page."""

from django.conf import settings
from django.template.loader import render_to_string

from earlyhelp.governance.report import Report
from earlyhelp.lib.pdf import html_to_pdf
from earlyhelp.lib.smallnumbers import SUPPRESSED


def render_report_html(report: Report) -> str:
    return render_to_string(
        "governance/report_pdf.html", {"report": report, "suppressed": SUPPRESSED, "pdf": True}
    )


def render_report_pdf(report: Report) -> bytes:
    return html_to_pdf(render_report_html(report), base_url=settings.SITE_URL.rstrip("/") + "/")
