"""The directory records an import may match for one school, read with a few queries.

Visible to a school: its own provision (school scope), its council's local services and
national services, none of them closed for good. Only records that share a phone, an email
or a web domain with the document, or a word of a service's name, are loaded in full.
"""

from collections.abc import Sequence
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q, QuerySet

from earlyhelp.directory.models import Contact, Phone, Scope, Service, ServiceStatus, Url
from earlyhelp.imports.matching import names
from earlyhelp.imports.matching.domains import registrable_domain
from earlyhelp.imports.matching.rules import Record
from earlyhelp.imports.result import Service as ImportedService
from earlyhelp.schools.models import School


def visible_services(school: School) -> QuerySet[Service]:
    return Service.objects.exclude(status=ServiceStatus.DEFUNCT).filter(
        Q(scope=Scope.SCHOOL, owner_school=school)
        | Q(scope=Scope.LOCAL, owner_local_authority_id=school.local_authority_id)
        | Q(scope=Scope.NATIONAL)
    )


def candidate_records(school: School, services: Sequence[ImportedService]) -> list[Record]:
    visible = visible_services(school)
    wanted = _by_contacts(visible, services) | _by_name(visible, services)
    rows = (
        visible.filter(pk__in=wanted)
        .order_by("pk")
        .prefetch_related(
            Prefetch("phones", queryset=Phone.objects.order_by("id")),
            Prefetch("contacts", queryset=Contact.objects.order_by("id")),
            Prefetch("additional_urls", queryset=Url.objects.order_by("id")),
        )
    )
    return [record_of(service) for service in rows]


def record_of(service: Service) -> Record:
    emails = [service.email, *(c.email for c in service.contacts.all())]
    urls = [service.url, *(u.url for u in service.additional_urls.all())]
    return Record(
        pk=service.pk,
        name=service.name,
        scope=service.scope,
        phones=tuple(dict.fromkeys(p.number for p in service.phones.all())),
        emails=tuple(dict.fromkeys(e.lower() for e in emails if e)),
        urls=tuple(dict.fromkeys(u for u in urls if u)),
    )


def _by_contacts(visible: QuerySet[Service], services: Sequence[ImportedService]) -> set[int]:
    phones = {p for s in services for p in s.contacts.phones}
    emails = {e.lower() for s in services for e in s.contacts.emails}
    domains = {registrable_domain(u) for s in services for u in s.contacts.urls} - {""}
    ids = set(
        Phone.objects.filter(number__in=phones, service__in=visible).values_list(
            "service_id", flat=True
        )
    )
    ids |= set(visible.filter(email__in=emails).values_list("pk", flat=True))
    ids |= set(
        Contact.objects.filter(email__in=emails, service__in=visible).values_list(
            "service_id", flat=True
        )
    )
    if domains:
        in_url = reduce(or_, (Q(url__icontains=d) for d in domains))
        ids |= set(visible.filter(in_url).values_list("pk", flat=True))
        ids |= set(
            Url.objects.filter(in_url, service__in=visible).values_list("service_id", flat=True)
        )
    return {pk for pk in ids if pk is not None}


def _by_name(visible: QuerySet[Service], services: Sequence[ImportedService]) -> set[int]:
    """Records whose name shares a word with some imported service's name."""
    wanted = {word for s in services for form in names.forms(s.name) for word in form}
    ids = set()
    for pk, name in visible.values_list("pk", "name").iterator(chunk_size=5000):
        if names.words(name.replace("’", "'")) & wanted:
            ids.add(pk)
    return ids
