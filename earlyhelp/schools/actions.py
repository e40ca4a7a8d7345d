"""Writes to local authorities, schools and their key people."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.concurrency import ensure_unchanged
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.ordering import swap_with_neighbour
from earlyhelp.schools.models import KeyPerson, KeyPersonRole, KeyRole, LocalAuthority, School

PERSON_FIELDS = ("name", "job_title", "email", "phone", "phone_extension", "roles__role")


@transaction.atomic
def create_local_authority(
    *,
    by: User | None,
    name: str,
    front_door_name: str,
    front_door_phone: str,
    out_of_hours_phone: str,
    front_door_url: str = "",
) -> LocalAuthority:
    authority = LocalAuthority(
        name=name,
        slug=slugify(name),
        front_door_name=front_door_name,
        front_door_phone=front_door_phone,
        out_of_hours_phone=out_of_hours_phone,
        front_door_url=front_door_url,
    )
    authority.full_clean()
    authority.save()
    record_event(by=by, action=AuditAction.LOCAL_AUTHORITY_CREATED, obj=authority)
    return authority


@dataclass(frozen=True)
class SchoolDetails:
    name: str
    phase: str
    urn: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    postcode: str = ""


@transaction.atomic
def create_school(
    *, by: User | None, local_authority: LocalAuthority, details: SchoolDetails
) -> School:
    """Create a school. The slug comes from the name. A school that needs an Offer is made
    by `offers.actions.schools.create_school_with_offer` (schools knows nothing of Offers)."""
    school = School(
        local_authority=local_authority, slug=unique_school_slug(details.name), **details.__dict__
    )
    school.full_clean()
    school.save()
    record_event(by=by, action=AuditAction.SCHOOL_CREATED, obj=school, school_id=school.pk)
    return school


def unique_school_slug(name: str) -> str:
    base = slugify(name.replace("’", "").replace("'", "")) or "school"
    slug, n = base, 2
    while School.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass(frozen=True)
class PersonDetails:
    name: str
    roles: Sequence[str]
    job_title: str = ""
    email: str = ""
    phone: str = ""  # E.164, already checked by the form
    phone_extension: str = ""  # digits only: "204" for "extension 204"


@transaction.atomic
def add_key_person(*, by: User | None, school: School, details: PersonDetails) -> KeyPerson:
    last = school.key_people.aggregate(last=Max("position"))["last"]
    person = KeyPerson(school=school, position=(last or 0) + 1)
    _apply_person(person, details)
    record_event(
        by=by,
        action=AuditAction.KEY_PERSON_ADDED,
        obj=person,
        school_id=school.pk,
        details={"roles": list(details.roles)},
    )
    return person


@transaction.atomic
def update_key_person(
    *,
    by: User | None,
    person: KeyPerson,
    details: PersonDetails,
    expected_version: str | None = None,
) -> KeyPerson:
    """Save a key person's details; with `expected_version`, refuse (StaleEdit) if someone
    else saved them since that version was read (earlyhelp.lib.concurrency)."""
    ensure_unchanged(person, PERSON_FIELDS, expected_version)
    _apply_person(person, details)
    record_event(
        by=by,
        action=AuditAction.KEY_PERSON_UPDATED,
        obj=person,
        school_id=person.school_id,
        details={"roles": list(details.roles)},
    )
    return person


@transaction.atomic
def remove_key_person(*, by: User | None, person: KeyPerson) -> None:
    record_event(
        by=by, action=AuditAction.KEY_PERSON_REMOVED, obj=person, school_id=person.school_id
    )
    person.delete()


@transaction.atomic
def move_key_person(
    *, by: User | None, person: KeyPerson, direction: Literal["up", "down"]
) -> KeyPerson:
    """Swap a person with their neighbour in the school's list (the order the Offer shows)."""
    if swap_with_neighbour(person.school.key_people.all(), person, direction):
        record_event(
            by=by,
            action=AuditAction.KEY_PERSON_MOVED,
            obj=person,
            school_id=person.school_id,
            details={"direction": direction},
        )
    person.refresh_from_db()
    return person


def _apply_person(person: KeyPerson, details: PersonDetails) -> None:
    if not details.roles:
        raise ActionError("Select at least one role.")
    unknown = set(details.roles) - set(KeyRole.values)
    if unknown:
        raise ActionError(f"Unknown role: {', '.join(sorted(unknown))}.")
    person.name = details.name
    person.job_title = details.job_title
    person.email = details.email
    person.phone = details.phone
    person.phone_extension = details.phone_extension if details.phone else ""
    person.full_clean()
    person.save()
    person.roles.exclude(role__in=details.roles).delete()
    existing = set(person.roles.values_list("role", flat=True))
    KeyPersonRole.objects.bulk_create(
        KeyPersonRole(person=person, role=role) for role in details.roles if role not in existing
    )
