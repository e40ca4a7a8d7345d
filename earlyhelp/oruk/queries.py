"""What the API publishes, and the filters of the UK profile's query parameters.

Public means what a family may see in the public directory: active services only; a
school's own provision only while it is on a published Offer and unchanged since that
Offer was published (a later edit is a draft until the school publishes again); and never
a service the harvest has withdrawn (it is inactive).
"""

import math
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from earlyhelp.directory.models import (
    Attribute,
    Location,
    Postcode,
    Schedule,
    Scope,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
from earlyhelp.offers.models import OfferEntry

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EARTH_RADIUS_M = 6_371_000
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


def public_services() -> QuerySet[Service]:
    on_published_offer = OfferEntry.objects.filter(
        service=OuterRef("pk"),
        offer__school=OuterRef("owner_school"),
        offer__published_version__isnull=False,
        offer__published_version__published_at__gte=OuterRef("last_modified"),
    )
    return Service.objects.filter(status=ServiceStatus.ACTIVE).filter(
        ~Q(scope=Scope.SCHOOL) | Q(Exists(on_published_offer))
    )


def full_services(services: QuerySet[Service]) -> QuerySet[Service]:
    """Everything `serialize.service_full` reads, in a fixed number of queries."""
    return services.select_related("organization").prefetch_related(
        "schedules",
        "service_areas",
        "languages",
        "cost_options",
        "contacts__phones",
        "phones",
        "additional_urls",
        Prefetch(
            "attributes",
            queryset=Attribute.objects.select_related(
                "taxonomy_term__taxonomy", "taxonomy_term__parent"
            ).order_by("id"),
        ),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").order_by("id"),
        ),
        "service_at_locations__location__addresses",
    )


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Filters:
    """The UK profile's filters, already checked (see `params.filters_from`)."""

    search: str = ""
    taxonomy_term_id: UUID | None = None
    taxonomy_id: UUID | None = None
    minimum_age: Decimal | None = None
    maximum_age: Decimal | None = None
    day: str = ""
    start_time: time | None = None
    end_time: time | None = None
    modified_after: datetime | None = None
    near: Point | None = None
    proximity: float | None = None  # metres


def filter_services(
    services: QuerySet[Service], filters: Filters, ids: list[int] | None
) -> QuerySet[Service]:
    """`ids`: the services a free-text search matched, when there was a search."""
    if ids is not None:
        services = services.filter(pk__in=ids)
    if filters.taxonomy_term_id is not None:
        services = services.filter(
            Exists(
                Attribute.objects.filter(
                    service=OuterRef("pk"), taxonomy_term__hsds_id=filters.taxonomy_term_id
                )
            )
        )
    if filters.taxonomy_id is not None:
        services = services.filter(
            Exists(
                Attribute.objects.filter(
                    service=OuterRef("pk"), taxonomy_term__taxonomy__hsds_id=filters.taxonomy_id
                )
            )
        )
    for age in (filters.minimum_age, filters.maximum_age):
        if age is not None:
            services = services.filter(
                Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
            )
    if filters.day or filters.start_time or filters.end_time:
        services = services.filter(Exists(_schedules(filters).filter(service=OuterRef("pk"))))
    if filters.modified_after is not None:
        services = services.filter(last_modified__gte=filters.modified_after)
    if filters.near is not None and filters.proximity is not None:
        services = services.filter(
            Exists(
                ServiceAtLocation.objects.filter(
                    service=OuterRef("pk"),
                    location__in=_locations_near(filters.near, filters.proximity),
                )
            )
        )
    return services


def _schedules(filters: Filters) -> QuerySet[Schedule]:
    """A schedule on that day, opening at or after start_time, closing by end_time."""
    schedules = Schedule.objects.all()
    if filters.day:
        schedules = schedules.filter(byday__icontains=filters.day)
    if filters.start_time is not None:
        schedules = schedules.filter(opens_at__gte=filters.start_time)
    if filters.end_time is not None:
        schedules = schedules.filter(closes_at__lte=filters.end_time)
    return schedules


def _locations_near(point: Point, metres: float) -> QuerySet[Location]:
    """Locations within `metres` of the point, on a flat-earth approximation.

    Good to well under 1% at the distances families travel (tens of kilometres). A box
    first, so that an index on the coordinates could be used, then the distance itself.
    """
    dlat = metres / METRES_PER_DEGREE
    scale = max(math.cos(math.radians(point.latitude)), 0.01)
    dlon = dlat / scale
    box = Location.objects.filter(
        latitude__isnull=False,
        longitude__isnull=False,
        latitude__gte=point.latitude - dlat,
        latitude__lte=point.latitude + dlat,
        longitude__gte=point.longitude - dlon,
        longitude__lte=point.longitude + dlon,
    )
    ids = [
        pk
        for pk, lat, lon in box.values_list("pk", "latitude", "longitude")
        if lat is not None
        and lon is not None
        and _distance(point, float(lat), float(lon), scale) <= metres
    ]
    return Location.objects.filter(pk__in=ids)


def _distance(point: Point, latitude: float, longitude: float, scale: float) -> float:
    dy = (latitude - point.latitude) * METRES_PER_DEGREE
    dx = (longitude - point.longitude) * METRES_PER_DEGREE * scale
    return math.hypot(dx, dy)


def postcode_centre(postcode: str) -> Point | None:
    """Where a postcode is: its centroid from the loaded postcode table (`load-postcodes`,
    the ONS Postcode Directory), else the mean of the directory's own addresses with it."""
    wanted = normalise_postcode(postcode)
    centroid = (
        Postcode.objects.filter(postcode=wanted, latitude__isnull=False, longitude__isnull=False)
        .values_list("latitude", "longitude")
        .first()
    )
    if centroid is not None and centroid[0] is not None and centroid[1] is not None:
        return Point(float(centroid[0]), float(centroid[1]))
    rows = (
        Location.objects.filter(latitude__isnull=False, longitude__isnull=False)
        .filter(addresses__postal_code__iexact=wanted)
        .values_list("latitude", "longitude")[:50]
    )
    points = [(float(lat), float(lon)) for lat, lon in rows if lat is not None and lon is not None]
    if not points:
        return None
    return Point(sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def normalise_postcode(text: str) -> str:
    """`wr11aa` → `WR1 1AA`."""
    compact = "".join(text.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact
