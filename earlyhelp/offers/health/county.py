"""The health check across a county's services: each service's own numbers and addresses,
judged by the same checks as the services in a school's Offer (`health.contacts`)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from earlyhelp.directory.models import Service
from earlyhelp.imports import data
from earlyhelp.offers.health.contacts import inconsistent_phones, source_findings
from earlyhelp.offers.health.findings import HealthFinding
from earlyhelp.offers.health.sources import directory_source, is_unreachable


@dataclass(frozen=True)
class ServiceHealth:
    service: Service
    findings: list[HealthFinding]

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.is_error)


def check_services(
    services: Iterable[Service], *, home: data.Area | None, link: Callable[[Service], str]
) -> list[ServiceHealth]:
    """The services that have findings, each with its findings, errors first. `services`
    come with phones, contacts, additional_urls and schedules prefetched."""
    found = []
    for service in services:
        source = directory_source(
            service, link=link(service), keeper="", unreachable=is_unreachable(service)
        )
        findings = [*source_findings(source, home), *inconsistent_phones([source])]
        if findings:
            findings.sort(key=lambda finding: not finding.is_error)
            found.append(ServiceHealth(service, findings))
    return found
