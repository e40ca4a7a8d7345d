"""The directory as an Open Referral UK 3.0 API: anonymous, read-only, paged."""

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.urls import reverse

from earlyhelp.directory.models import (
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from earlyhelp.directory.search import COUNT_CAP, SearchParams, search_services
from earlyhelp.oruk import queries, serialize
from earlyhelp.oruk.http import NotFound, api_view, json_response
from earlyhelp.oruk.params import Paging, filters_from, paging_from, uuid_or_none
from earlyhelp.oruk.queries import Filters
from earlyhelp.oruk.schemas import OPENAPI

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile"
SEARCH_BATCH = 100
EXPORT_BATCH = 500

M = TypeVar("M", bound=Model)


@api_view
def api_info(request: HttpRequest) -> HttpResponseBase:
    return json_response(
        request,
        {
            "version": VERSION,
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("oruk:openapi")),
        },
    )


@api_view
def openapi(request: HttpRequest) -> HttpResponseBase:
    return json_response(request, json.loads(OPENAPI.read_text(encoding="utf-8")))


@api_view
def services(request: HttpRequest) -> HttpResponseBase:
    filters, paging = filters_from(request.GET), paging_from(request.GET)
    if (
        filters.search
        and replace(filters, search="") == Filters()
        and paging.per_page <= SEARCH_BATCH
    ):
        return _search_page(request, filters.search, paging)
    rows = _filtered_services(request).select_related("organization").order_by("name", "id")
    return _page(request, rows, serialize.service_summary)


def _search_page(request: HttpRequest, words: str, paging: Paging) -> HttpResponseBase:
    """Words alone: one page of the directory's search, best first, as it ranks them.

    `total_items` is the search's count, which stops at its cap (COUNT_CAP). A service
    the search finds that is not public (a school's unpublished provision) is left out.
    """
    found = search_services(SearchParams(q=words, page=paging.page, per_page=paging.per_page))
    ids = found.ids if found.number == paging.page else []  # the search clamps the page
    public = queries.public_services().filter(pk__in=ids).select_related("organization")
    rows = {row.pk: row for row in public}
    contents = [serialize.service_summary(rows[pk]) for pk in ids if pk in rows]
    return json_response(request, envelope(contents, found.total, paging))


@api_view
def service(request: HttpRequest, hsds_id: str) -> HttpResponseBase:
    found = _one(queries.full_services(queries.public_services()), hsds_id, "service")
    return json_response(request, serialize.service_full(found), last_modified=found.last_modified)


@api_view
def service_at_locations(request: HttpRequest) -> HttpResponseBase:
    rows = (
        ServiceAtLocation.objects.filter(service__in=_filtered_services(request))
        .select_related("service__organization", "location")
        .order_by("id")
    )
    filters = filters_from(request.GET)
    if filters.near is not None and filters.proximity is not None:
        near = queries._locations_near(filters.near, filters.proximity)
        rows = rows.filter(location__in=near)
    return _page(request, rows, serialize.service_at_location_summary)


@api_view
def service_at_location(request: HttpRequest, hsds_id: str) -> HttpResponseBase:
    rows = ServiceAtLocation.objects.filter(service__in=queries.public_services())
    rows = rows.select_related("location").prefetch_related("location__addresses")
    found = _one(rows, hsds_id, "service at location")
    service_row = queries.full_services(Service.objects.filter(pk=found.service_id)).get()
    found.service = service_row
    return json_response(
        request, serialize.service_at_location_full(found), last_modified=service_row.last_modified
    )


@api_view
def taxonomies(request: HttpRequest) -> HttpResponseBase:
    return _page(request, Taxonomy.objects.order_by("name", "id"), serialize.taxonomy)


@api_view
def taxonomy(request: HttpRequest, hsds_id: str) -> HttpResponseBase:
    found = _one(Taxonomy.objects.all(), hsds_id, "taxonomy")
    terms = found.terms.select_related("taxonomy", "parent").order_by("position", "name", "id")
    return json_response(request, serialize.taxonomy(found, terms))


@api_view
def taxonomy_terms(request: HttpRequest) -> HttpResponseBase:
    rows = TaxonomyTerm.objects.select_related("taxonomy", "parent")
    taxonomy_id = filters_from(request.GET).taxonomy_id
    if taxonomy_id is not None:
        rows = rows.filter(taxonomy__hsds_id=taxonomy_id)
    return _page(
        request, rows.order_by("taxonomy__name", "position", "name", "id"), serialize.taxonomy_term
    )


@api_view
def taxonomy_term(request: HttpRequest, hsds_id: str) -> HttpResponseBase:
    rows = TaxonomyTerm.objects.select_related("taxonomy", "parent")
    return json_response(request, serialize.taxonomy_term(_one(rows, hsds_id, "taxonomy term")))


@api_view
def organizations(request: HttpRequest) -> HttpResponseBase:
    rows = _public_organizations().order_by("name", "id")
    return _page(request, rows, serialize.organization)


@api_view
def organization(request: HttpRequest, hsds_id: str) -> HttpResponseBase:
    found = _one(_public_organizations(), hsds_id, "organization")
    own = queries.public_services().filter(organization=found).order_by("name", "id")
    values = serialize.organization(found)
    values["services"] = [serialize.service_full(s) for s in queries.full_services(own)]
    return json_response(request, values)


@api_view
def export_ndjson(request: HttpRequest) -> HttpResponseBase:
    """Every public service, fully nested, one JSON document a line, in constant memory."""
    response = StreamingHttpResponse(export_lines(), content_type="application/x-ndjson")
    response["Content-Disposition"] = 'inline; filename="services.ndjson"'
    return response


@api_view
def not_found(request: HttpRequest, rest: str = "") -> HttpResponseBase:
    raise NotFound(f"No such path in this API: {request.path}")


def export_lines() -> Iterator[str]:
    """Batches of services by id: each batch prefetched, then let go."""
    last = 0
    while True:
        batch = list(
            queries.full_services(queries.public_services().filter(pk__gt=last)).order_by("pk")[
                :EXPORT_BATCH
            ]
        )
        if not batch:
            return
        last = batch[-1].pk
        for row in batch:
            yield json.dumps(serialize.service_full(row), ensure_ascii=False) + "\n"
        del batch  # let go of this batch before the next is read


def _public_organizations() -> QuerySet[Organization]:
    public = queries.public_services().filter(organization=OuterRef("pk"))
    return Organization.objects.filter(Exists(public))


def _filtered_services(request: HttpRequest) -> QuerySet[Service]:
    filters = filters_from(request.GET)
    ids = _search_ids(filters.search) if filters.search else None
    return queries.filter_services(queries.public_services(), filters, ids)


def _search_ids(words: str) -> list[int]:
    """The services the directory's search matches, to its cap of COUNT_CAP."""
    ids: list[int] = []
    page = 1
    while len(ids) < COUNT_CAP:
        found = search_services(SearchParams(q=words, page=page, per_page=SEARCH_BATCH))
        ids += found.ids
        if found.number < page or len(found.ids) < SEARCH_BATCH or not found.ids:
            break
        page += 1
    return ids


def _one[M: Model](rows: QuerySet[M], hsds_id: str, kind: str) -> M:
    key = uuid_or_none(hsds_id)
    found = rows.filter(hsds_id=key).first() if key is not None else None
    if found is None:
        raise NotFound(f"No {kind} with id {hsds_id[:60]!r}")
    return found


def _page[M: Model](
    request: HttpRequest, rows: QuerySet[M], shape: Callable[[M], dict[str, Any]]
) -> HttpResponseBase:
    paging = paging_from(request.GET)
    total = rows.count()
    offset = (paging.page - 1) * paging.per_page
    contents = (
        [shape(row) for row in rows[offset : offset + paging.per_page]] if offset < total else []
    )
    return json_response(request, envelope(contents, total, paging))


def envelope(contents: Sequence[dict[str, Any]], total: int, paging: Paging) -> dict[str, Any]:
    pages = math.ceil(total / paging.per_page)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": total == 0,
        "contents": list(contents),
    }
