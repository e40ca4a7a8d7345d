"""`import-offer --save`: a document's people and services become a school's draft Offer.

What a save does, in one transaction:
- A previous import of this school still waiting for review is withdrawn first: the draft
  entries, own-provision services and key people it added are removed (see `withdraw`), and
  its run is marked replaced. So saving the same document twice leaves one import, not two.
- Each person not already among the school's key people (same name) is added.
- Each service is matched against the directory records the school can see
  (`matching.rules`). A match is linked: added to the draft under its lowest level of need,
  unless the draft shows it already. No match: a new school-scope service, inactive (out of
  the directory) until the Offer is published, added to the draft under level 1.
Nothing is published and no existing directory record is changed.
"""

import hashlib
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import Service
from earlyhelp.imports.matching import names
from earlyhelp.imports.matching.pool import candidate_records
from earlyhelp.imports.matching.rules import Match, match_services
from earlyhelp.imports.models import (
    ImportedPerson,
    ImportedService,
    ImportRun,
    Outcome,
    RunStatus,
)
from earlyhelp.imports.result import ImportResult, Person
from earlyhelp.imports.result import Service as FoundService
from earlyhelp.lib.errors import WrongStateError
from earlyhelp.offers.actions.editing import (
    add_entry,
    add_own_provision,
    delete_own_provision,
    remove_entry,
)
from earlyhelp.offers.actions.importing import left_out, values
from earlyhelp.offers.models import Offer
from earlyhelp.schools.actions import PersonDetails, add_key_person, remove_key_person
from earlyhelp.schools.models import KeyPerson, School

NEW_SERVICE_LEVEL = 1


def document_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@transaction.atomic
def save_import(
    *,
    by: User | None,
    school: School,
    result: ImportResult,
    document_name: str,
    document_sha256: str,
) -> ImportRun:
    """Store `result` as the school's draft Offer, waiting for a person to review it."""
    offer = Offer.objects.select_for_update().get(school=school)
    offer.school = school
    waiting = ImportRun.objects.filter(school=school, status=RunStatus.WAITING).first()
    if waiting is not None:
        withdraw(by=by, run=waiting, offer=offer)
    run = ImportRun.objects.create(
        school=school,
        document_name=document_name[:300],
        document_sha256=document_sha256,
        created_at=timezone.now(),
        result=result.to_contract(),
    )
    _save_people(by, run, school, result.people)
    _save_services(by, run, offer, _services_to_save(run, school, result))
    record_event(
        by=by,
        action=AuditAction.IMPORT_SAVED,
        obj=run,
        school_id=school.pk,
        details={
            "document": run.document_name,
            "sha256": document_sha256,
            "replaced_run": waiting.pk if waiting else None,
            "people": run.people.count(),
            "matched": run.services.filter(outcome=Outcome.MATCHED).count(),
            "created": run.services.filter(outcome=Outcome.CREATED).count(),
        },
    )
    return run


def _save_people(by: User | None, run: ImportRun, school: School, found: list[Person]) -> None:
    known = {names.words(p.name): p for p in school.key_people.all()}
    for position, (name, people) in enumerate(_people_by_name(found).items(), start=1):
        roles = list(dict.fromkeys(p.role for p in people))
        email = next(iter(values.emails([e for p in people for e in p.contacts.emails])), "")
        phone = next(iter(values.phones([n for p in people for n in p.contacts.phones])), "")
        person: KeyPerson | None = known.get(names.words(name))
        created = person is None
        if person is None:
            details = PersonDetails(name=name[:200], roles=roles, email=email, phone=phone)
            person = add_key_person(by=by, school=school, details=details)
        ImportedPerson.objects.create(
            run=run,
            position=position,
            name=name[:200],
            roles=roles,
            email=email,
            phone=phone,
            person=person,
            created=created,
        )


def _people_by_name(found: list[Person]) -> dict[str, list[Person]]:
    """A person who holds two roles is listed twice by the importer: once here."""
    grouped: dict[str, list[Person]] = {}
    for person in found:
        grouped.setdefault(person.name.strip(), []).append(person)
    return grouped


def _services_to_save(run: ImportRun, school: School, result: ImportResult) -> list[FoundService]:
    """The document's services, less emergency routes and the school's own contact blocks
    (kept on the run as `left_out`, for the review screen)."""
    contacts = left_out.school_contacts(school, result)
    kept, run.left_out = [], []
    for service in result.services:
        why = left_out.left_out_reason(service, contacts)
        if why is None:
            kept.append(service)
            continue
        document = service.to_contract()
        run.left_out.append({"name": service.name, "phones": document["phones"], "why": why})
    for found in result.staff_contacts:
        phones = found.to_contract()["phones"]
        run.left_out.append({"name": found.name, "phones": phones, "why": left_out.SCHOOL})
    run.save(update_fields=["left_out"])
    return kept


def _save_services(
    by: User | None, run: ImportRun, offer: Offer, found: Sequence[FoundService]
) -> None:
    matches = match_services(found, candidate_records(offer.school, found))
    shown = set(offer.entries.values_list("service_id", flat=True))
    for position, (service, match) in enumerate(zip(found, matches, strict=True), start=1):
        document = service.to_contract()
        row = ImportedService(run=run, position=position, name=service.name[:300])
        row.document = {key: document[key] for key in ("phones", "emails", "urls", "topics")}
        row.document["phones"] = left_out.without_emergency_numbers(service)
        if match is None:
            data = values.new_service_data(service.name, row.document)
            entry = add_own_provision(by=by, offer=offer, data=data, level=NEW_SERVICE_LEVEL)
            row.service, row.outcome, row.entry_added = entry.service, Outcome.CREATED, True
        else:
            row.service = Service.objects.get(pk=match.record.pk)
            row.outcome = Outcome.MATCHED
            row.entry_added = row.service.pk not in shown
            row.evidence, row.disagreements = _kept(match)
            if row.entry_added:
                add_entry(by=by, offer=offer, service=row.service, level=lowest_level(row.service))
        shown.add(row.service.pk)
        row.full_clean()
        row.save()


def _kept(match: Match) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    evidence = [{"field": e.field, "value": e.value, "weight": e.weight} for e in match.evidence]
    disagreements = [
        {"field": d.field, "document": list(d.document), "directory": list(d.directory)}
        for d in match.disagreements
    ]
    return evidence, disagreements


def lowest_level(service: Service) -> int:
    codes = service.terms.filter(taxonomy__name=taxonomies.LEVEL_OF_NEED).values_list(
        "code", flat=True
    )
    return min((int(code.removeprefix("level-")) for code in codes), default=NEW_SERVICE_LEVEL)


@transaction.atomic
def withdraw(*, by: User | None, run: ImportRun, offer: Offer) -> None:
    """Take an unreviewed import back out of the draft and mark it replaced.

    Entries it added are removed; services it created are deleted unless a published Offer
    shows them (then they stay, as the school's own provision); people it added are removed.
    """
    if run.status != RunStatus.WAITING:
        raise WrongStateError("Only an import waiting for review can be withdrawn.")
    for row in run.services.select_related("service").filter(service__isnull=False):
        service = row.service
        assert service is not None
        _take_out(by, offer, service, remove=row.entry_added, delete=row.outcome == Outcome.CREATED)
    for person in run.people.filter(created=True, person__isnull=False).select_related("person"):
        assert person.person is not None
        remove_key_person(by=by, person=person.person)
    run.status = RunStatus.REPLACED
    run.save(update_fields=["status"])
    record_event(by=by, action=AuditAction.IMPORT_WITHDRAWN, obj=run, school_id=run.school_id)


def _take_out(
    by: User | None, offer: Offer, service: Service, *, remove: bool, delete: bool
) -> None:
    entry = offer.entries.filter(service=service).first()
    if remove and entry is not None:
        remove_entry(by=by, entry=entry)
    if delete:
        # Published since, or still shown: then the school keeps it as its own provision.
        with suppress(WrongStateError):
            delete_own_provision(by=by, offer=offer, service=service)
