"""Which web addresses the directory shows to families."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from earlyhelp.directory.models import Organization, Service, ServiceStatus, Url
from earlyhelp.lib.linkcheck import normalise_url
from earlyhelp.links.models import LinkCheck


def list_directory_urls() -> list[str]:
    """Every address of an active service: its own, its further ones, and its organisation's
    website and further ones; normalised, de-duplicated and sorted."""
    active = Service.objects.filter(status=ServiceStatus.ACTIVE)
    service_urls = active.exclude(url="").values_list("url", flat=True)
    websites = (
        Organization.objects.filter(services__in=active)
        .exclude(website="")
        .values_list("website", flat=True)
    )
    further = Url.objects.filter(
        Q(service__in=active) | Q(organization__services__in=active)
    ).values_list("url", flat=True)
    found = [*service_urls, *websites, *further]
    return sorted({normalise_url(url) for url in found if url.strip()})


def list_recently_checked(urls: list[str], *, days: int) -> set[str]:
    """The addresses among `urls` (normalised) checked less than `days` days ago."""
    since = timezone.now() - timedelta(days=days)
    recent = LinkCheck.objects.filter(last_checked_at__gt=since).values_list("url", flat=True)
    return set(urls).intersection(recent.iterator())
