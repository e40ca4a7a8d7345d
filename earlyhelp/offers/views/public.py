"""Public Offer pages: no sign-in, nothing about any child, the emergency panel on each.

The stored page goes gzipped to a client whose Accept-Encoding allows gzip, plain to any
other (`Vary: Accept-Encoding`); each encoding has its own ETag (the render key, and the key
with `-gzip`: RFC 9110 8.8.3.3), and If-None-Match answers 304 for either.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.csp import CSP
from django.utils.http import content_disposition_header, http_date, quote_etag

from earlyhelp.offers import served
from earlyhelp.offers.models import OfferRender
from earlyhelp.offers.rendering import Published, get_published
from earlyhelp.schools.models import School

PUBLIC_MAX_AGE = 300  # seconds a browser or proxy may keep the page or PDF before asking again
PDF_RETRY_SECONDS = 10
GZIP_SUFFIX = "-gzip"  # the ETag of the gzipped body: the render key with this suffix
GZIP_CODINGS = ("gzip", "x-gzip")  # x-gzip: the same coding (RFC 9110 8.4.1.3)
QVALUE = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")


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
    wants_gzip = accepts_gzip(request.headers.get("Accept-Encoding", ""))
    held = _held_tag(request, published.key, wants_gzip)
    if held is not None:
        return _varies(_conditional(HttpResponseNotModified(), held))
    stored = served.page(published)
    send_gzip = wants_gzip and stored.gzipped is not None
    response = HttpResponse(stored.gzipped if send_gzip else stored.body)
    if send_gzip:
        response["Content-Encoding"] = "gzip"
    # The stored page carries no nonce: its inline scripts are allowed by their hashes.
    script_src = [CSP.SELF, *stored.script_hashes]
    response._csp_config = {**settings.SECURE_CSP, "script-src": script_src}  # type: ignore[attr-defined]
    return _varies(_conditional(response, _etag(published.key, send_gzip), stored))


def offer_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The PDF made once for this version and key, or a page saying it is being made."""
    published = _published(slug)
    if {published.key, "*"} & _asked_tags(request):
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


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (RFC 9110 12.5.3): gzip (or x-gzip)
    listed with a q above 0, or else `*` with a q above 0. A malformed q counts as 0."""
    weights: dict[str, float] = {}
    for item in accept_encoding.split(","):
        coding, *parameters = item.split(";")
        coding = coding.strip().lower()
        if coding:
            weights[coding] = max(weights.get(coding, 0.0), _weight(parameters))
    listed = [weights[coding] for coding in GZIP_CODINGS if coding in weights]
    return max(listed) > 0 if listed else weights.get("*", 0.0) > 0


def _weight(parameters: list[str]) -> float:
    for parameter in parameters:
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "q":
            value = value.strip()
            return float(value) if QVALUE.fullmatch(value) else 0.0
    return 1.0


def _etag(key: str, gzipped: bool) -> str:
    return key + GZIP_SUFFIX if gzipped else key


def _asked_tags(request: HttpRequest) -> set[str]:
    """The entity tags of If-None-Match, unquoted (a weak tag compares as its strong
    one), `*` as is; none unless the request is a GET or HEAD."""
    if request.method not in ("GET", "HEAD"):
        return set()
    asked = request.headers.get("If-None-Match", "").split(",")
    return {tag.strip().removeprefix("W/").strip('"') for tag in asked} - {""}


def _held_tag(request: HttpRequest, key: str, wants_gzip: bool) -> str | None:
    """The ETag to answer 304 with, if the client (or a cache) holds this key's page in
    either encoding: the one it would be sent if it holds both (or asks with `*`), else
    the one it holds, so a cache keeping both knows which to use."""
    asked = _asked_tags(request)
    preferred, other = _etag(key, wants_gzip), _etag(key, not wants_gzip)
    if preferred in asked or "*" in asked:
        return preferred
    return other if other in asked else None


def _varies(response: HttpResponse) -> HttpResponse:
    """A cache keeps the page per Accept-Encoding: gzipped for some clients, plain for others."""
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _conditional(
    response: HttpResponse, etag: str, stored: served.Document | None = None
) -> HttpResponse:
    """A proxy or CDN may keep it a few minutes, then must ask again (ETag: the render key,
    with `-gzip` for the gzipped body)."""
    response["ETag"] = quote_etag(etag)
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
