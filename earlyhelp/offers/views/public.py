"""Public Offer pages: no sign-in, nothing about any child, the emergency panel on each."""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from earlyhelp.offers.models import OfferVersion
from earlyhelp.offers.pdf import render_offer_pdf
from earlyhelp.offers.snapshot import OfferPage, page_from_snapshot
from earlyhelp.schools.models import School


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
    school, version, page = _published(slug)
    return render(request, "offers/offer.html", _context(school, version, page))


def offer_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    school, version, page = _published(slug)
    pdf = render_offer_pdf(
        _context(school, version, page), base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    published = timezone.localtime(version.published_at).date()
    filename = f"{school.slug}-early-help-offer-{published.isoformat()}.pdf"
    response["Content-Disposition"] = content_disposition_header(False, filename) or ""
    return response


def _published(slug: str) -> tuple[School, OfferVersion, OfferPage]:
    """One query for the school and its published version, a fixed few for live services."""
    school = (
        School.objects.select_related("local_authority", "offer__published_version")
        .filter(slug=slug)
        .first()
    )
    offer = getattr(school, "offer", None) if school else None
    version = offer.published_version if offer else None
    if school is None or version is None:
        raise Http404("No published Offer")
    return school, version, page_from_snapshot(version.content, live=True)


def _context(school: School, version: OfferVersion, page: OfferPage) -> dict[str, object]:
    return {
        "school": school,
        "version": version,
        "page": page,
        "nav": "schools",
        "local_authority": school.local_authority,
        "quick_exit": page.quick_exit,
        # The Offer places the emergency panel under its title, so headings stay in order.
        "emergency_in_body": True,
    }
