"""Public Offer pages: no sign-in, nothing about any child, the emergency panel on each."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.http import content_disposition_header, http_date, quote_etag

from earlyhelp.offers import served
from earlyhelp.offers.models import OfferRender
from earlyhelp.offers.rendering import Published, get_published
from earlyhelp.schools.models import School

PUBLIC_MAX_AGE = 300  # seconds a browser or proxy may keep the page or PDF before asking again
PDF_RETRY_SECONDS = 10


def school_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    schools = School.objects.filter(offer__published_version__isnull=False)
    if query:
        schools = schools.filter(Q(name__icontains=query) | Q(postcode__istartswith=query))
    return render(
        request,
        "offers/school_list.html",
        {
            "schools": schools.select_related("local_authority").order_by("name"),
            "query": query,
            "nav": "schools",
        },
    )


def offer(request: HttpRequest, slug: str) -> HttpResponse:
    """The page as stored for this version and key: a file's cost, whatever its size."""
    published = _published(slug)
    if _not_modified(request, published.key):
        return _conditional(HttpResponseNotModified(), published.key)
    stored = served.page(published)
    response = HttpResponse(stored.body)
    # The stored page carries no nonce: its inline scripts are allowed by their hashes.
    script_src = [CSP.SELF, *stored.script_hashes]
    response._csp_config = {**settings.SECURE_CSP, "script-src": script_src}  # type: ignore[attr-defined]
    return _conditional(response, published.key, stored)


def offer_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The PDF made once for this version and key, or a page saying it is being made."""
    published = _published(slug)
    if _not_modified(request, published.key):
        return _conditional(HttpResponseNotModified(), published.key)
    stored = served.pdf(published)
    if isinstance(stored, OfferRender):
        return _preparing(request, published, stored)
    response = HttpResponse(stored.body, content_type="application/pdf")
    published_on = timezone.localtime(published.version.published_at).date()
    filename = f"{published.school.slug}-early-help-offer-{published_on.isoformat()}.pdf"
    response["Content-Disposition"] = content_disposition_header(False, filename) or ""
    return _conditional(response, published.key, stored)


def _preparing(request: HttpRequest, published: Published, stored: OfferRender) -> HttpResponse:
    since = stored.started_at or stored.created_at
    context = {
        "school": published.school,
        "local_authority": published.school.local_authority,
        "nav": "schools",
        "render": stored,
        "waiting_seconds": max(0, int((timezone.now() - since).total_seconds())),
        "retry_seconds": PDF_RETRY_SECONDS,
    }
    response = render(request, "offers/pdf_preparing.html", context, status=503)
    response["Retry-After"] = str(PDF_RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _not_modified(request: HttpRequest, key: str) -> bool:
    """Whether the client (or a proxy) already holds this key's document."""
    asked = [
        tag.strip().removeprefix("W/")
        for tag in request.headers.get("If-None-Match", "").split(",")
    ]
    return request.method in ("GET", "HEAD") and ("*" in asked or quote_etag(key) in asked)


def _conditional(
    response: HttpResponse, key: str, stored: served.Document | None = None
) -> HttpResponse:
    """A proxy or CDN may keep it a few minutes, then must ask again (ETag: the render key)."""
    response["ETag"] = quote_etag(key)
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    if stored is not None and stored.finished_at is not None:
        response["Last-Modified"] = http_date(stored.finished_at.timestamp())
    return response


def _published(slug: str) -> Published:
    """One query (the school with its published version) and a cache read (the key)."""
    published = get_published(slug)
    if published is None:
        raise Http404("No published Offer")
    return published
