"""The county directory editors' workspace, read side: the county's services, which schools'
Offers show each, which are unverified, and the access check every page goes through.

The pages sit in `offers` because they show Offers and the Offer health check, which are
here; the services themselves are the directory's (`directory.actions`).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission, permissions_for
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.offers.health.county import ServiceHealth, check_services
from earlyhelp.offers.health.sources import area_of
from earlyhelp.schools.access import get_local_authority_for_user
from earlyhelp.schools.models import LocalAuthority, School

OFFERED = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
WITHDRAWN = (ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT)


def get_county_for_editor(user: User, la_slug: str, *, page: str) -> LocalAuthority:
    """The county whose directory the user edits (404 for anyone else; the opening audited)."""
    return get_local_authority_for_user(user, la_slug, Permission.EDIT_COUNTY_DIRECTORY, page=page)


def get_county_service_for_editor(
    user: User, la_slug: str, service_id: int, *, page: str
) -> tuple[LocalAuthority, Service]:
    """One of that county's services (404 for another county's, a school's or a national one)."""
    county = get_county_for_editor(user, la_slug, page=page)
    services = county_services(county).select_related("organization")
    return county, get_object_or_404(services, pk=service_id)


def list_counties_for_editor(user: User) -> list[LocalAuthority]:
    """The authorities whose directory the user edits (for the staff home's links)."""
    ids = [
        m.local_authority_id
        for m in user.memberships.filter(local_authority__isnull=False)
        if m.local_authority_id is not None
        and Permission.EDIT_COUNTY_DIRECTORY in permissions_for(m.role)
    ]
    return list(LocalAuthority.objects.filter(pk__in=ids).order_by("name"))


def county_services(county: LocalAuthority) -> QuerySet[Service]:
    return Service.objects.filter(scope=Scope.LOCAL, owner_local_authority=county)


def with_contacts(county: LocalAuthority, service: Service) -> Service:
    """The service again, with what its page and health check read (one query each)."""
    return (
        county_services(county)
        .select_related("organization")
        .prefetch_related("phones", "contacts", "additional_urls", "schedules")
        .get(pk=service.pk)
    )


def list_county_services(county: LocalAuthority, *, q: str, show: str) -> QuerySet[Service]:
    """The county's services by name, with how many Offers show each; `show` is "" (all),
    "unverified" or "withdrawn"."""
    services = county_services(county).select_related("organization")
    if q:
        services = services.filter(Q(name__icontains=q) | Q(organization__name__icontains=q))
    if show == "unverified":
        services = unverified(services)
    elif show == "withdrawn":
        services = services.filter(status__in=WITHDRAWN)
    return services.annotate(offers=Count("offer_entries")).order_by("name", "id")


def unverified_before() -> date:
    """A service last checked before this day is unverified."""
    return timezone.localdate() - timedelta(days=settings.SERVICE_UNVERIFIED_AFTER_DAYS)


def unverified(services: QuerySet[Service]) -> QuerySet[Service]:
    """The offered services never checked, or not checked for the set number of days."""
    stale = Q(assured_date__isnull=True) | Q(assured_date__lt=unverified_before())
    return services.filter(status__in=OFFERED).filter(stale)


def is_unverified(service: Service) -> bool:
    if service.status not in OFFERED:
        return False
    return service.assured_date is None or service.assured_date < unverified_before()


def schools_using(service: Service) -> QuerySet[School]:
    """The schools whose draft Offer shows the service."""
    return School.objects.filter(offer__entries__service=service).order_by("name")


def county_health(county: LocalAuthority) -> list[ServiceHealth]:
    """Health findings of every offered county service, each linked to its workspace page."""
    services = (
        county_services(county)
        .filter(status__in=OFFERED)
        .order_by("name", "id")
        .prefetch_related("phones", "contacts", "additional_urls", "schedules")
    )
    return check_services_of(services, county)


def check_services_of(services: Iterable[Service], county: LocalAuthority) -> list[ServiceHealth]:
    """The services with findings (phones, contacts, web addresses and schedules prefetched)."""
    return check_services(
        services,
        home=area_of(county),
        link=lambda s: reverse("county_directory:change", args=[county.slug, s.pk]),
    )
