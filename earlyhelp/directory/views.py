"""Public directory pages: search and one service. No sign-in; nothing about any child."""

from dataclasses import replace
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from earlyhelp.directory.forms import SearchForm
from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.directory.paging import page_links
from earlyhelp.directory.presentation import (
    SearchResult,
    brief_results,
    detail_queryset,
    search_results,
    service_detail,
)
from earlyhelp.directory.search import SearchPage, SearchParams, search_services
from earlyhelp.links.status import statuses_for
from earlyhelp.schools.models import School

SHOWN_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
MAX_PAGE = 10_000
HOURS_UNKNOWN_SHOWN = 50  # services with unknown hours listed under an "open now" search
MAX_BACK = 1000  # characters of the search a service page links back to


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    school = _school(request.GET)
    context: dict[str, object] = {
        "form": form,
        "nav": "directory",
        "quick_exit": True,
        "filter_count": form.filter_count,
        "back": _back(request.GET, school),
        **_school_context(school),
    }
    if form.is_valid():
        moment = timezone.now()
        params = form.search_params(page=_page_number(request.GET), at=moment)
        params = replace(params, school_id=school.pk if school else None)
        page = search_services(params)
        results = _with_reasons(search_results(page.ids, at=moment), page)
        context |= {
            "page": page,
            "results": results,
            "pages": page_links(page, request.GET),
            "filtered": _filtered(form),
            "hours_unknown": _hours_unknown(params, page),
            "did_you_mean_query": _did_you_mean_query(request.GET, page),
        }
    return render(request, "directory/search.html", context)


def _with_reasons(results: list[SearchResult], page: SearchPage) -> list[SearchResult]:
    """Each result with why it matched, as query understanding said."""
    return [replace(r, matched=page.matched.get(r.card.id, ())) for r in results]


def _hours_unknown(params: SearchParams, page: SearchPage) -> dict[str, object] | None:
    """With "open now": the services whose hours are not known, shown apart on the first page."""
    if not params.open_now or page.number > 1:
        return None
    unknown = replace(params, hours_unknown=True, page=1, per_page=HOURS_UNKNOWN_SHOWN)
    found = search_services(unknown)
    return {"page": found, "results": brief_results(found.ids)}


def _did_you_mean_query(query: QueryDict, page: SearchPage) -> str:
    """The query string of the same search with the corrected words."""
    if not page.did_you_mean:
        return ""
    params = query.copy()
    params.pop("page", None)
    params["q"] = page.did_you_mean
    return params.urlencode()


def _back(query: QueryDict, school: School | None) -> str:
    """A result's link query: the school, and the search for "Back to results"."""
    encoded = query.urlencode()
    params = {"school": school.slug} if school else {}
    if encoded and len(encoded) <= MAX_BACK:
        params["back"] = encoded
    return urlencode(params)


def service_detail_page(request: HttpRequest, service_id: int) -> HttpResponse:
    services = detail_queryset(Service.objects.filter(status__in=SHOWN_STATUSES))
    service = get_object_or_404(services, pk=service_id)
    detail = service_detail(service, at=timezone.now())
    addresses = [url for url in (detail.card.url, *detail.card.additional_urls) if url]
    statuses = statuses_for(addresses)  # one query: when each link was last checked
    context = {
        "detail": detail,
        "card": detail.card,
        "web_links": [(url, statuses.get(url)) for url in addresses],
        "nav": "directory",
        "quick_exit": True,
        "back_to_results": _back_to_results(request.GET),
        **_school_context(_school(request.GET)),
    }
    return render(request, "directory/service.html", context)


def _back_to_results(query: QueryDict) -> str:
    """The search a family came from, as a query string re-encoded from its parts: only
    ever a query for the directory's own search page."""
    back = query.get("back", "")[:MAX_BACK]
    if not back:
        return ""
    return QueryDict(back).urlencode()


def _school(query: QueryDict) -> School | None:
    """The school whose Offer the family came from (`?school=<slug>`), if any."""
    slug = query.get("school", "")[:200]
    if not slug:
        return None
    return School.objects.select_related("local_authority").filter(slug=slug).first()


def _school_context(school: School | None) -> dict[str, object]:
    if school is None:
        return {"school": None}
    return {"school": school, "local_authority": school.local_authority}


def _page_number(query: QueryDict) -> int:
    try:
        return max(1, min(int(query.get("page", "1")), MAX_PAGE))
    except ValueError:
        return 1


def _filtered(form: SearchForm) -> bool:
    """Whether any filter (not the words) narrows the search."""
    values = [value for name, value in form.cleaned_data.items() if name != "q"]
    return any(value not in (None, "", []) and value is not False for value in values)
