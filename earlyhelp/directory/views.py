"""Public directory pages: search and one service. No sign-in; nothing about any child."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from earlyhelp.directory.forms import SearchForm
from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.directory.paging import page_links
from earlyhelp.directory.presentation import detail_queryset, search_results, service_detail
from earlyhelp.directory.search import search_services
from earlyhelp.links.status import statuses_for
from earlyhelp.schools.models import School

SHOWN_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
MAX_PAGE = 10_000


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    school = _school(request.GET)
    context: dict[str, object] = {
        "form": form,
        "nav": "directory",
        "quick_exit": form.sensitive,
        **_school_context(school),
    }
    if form.is_valid():
        moment = timezone.now()
        page = search_services(form.search_params(page=_page_number(request.GET), at=moment))
        results = search_results(page.ids, at=moment)
        context |= {
            "page": page,
            "results": results,
            "pages": page_links(page, request.GET),
            "filtered": _filtered(form),
            "quick_exit": form.sensitive or any(r.card.quick_exit for r in results),
        }
    return render(request, "directory/search.html", context)


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
        "quick_exit": detail.card.quick_exit,
        **_school_context(_school(request.GET)),
    }
    return render(request, "directory/service.html", context)


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
