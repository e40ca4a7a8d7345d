"""Who at a school holds what: the people × types matrix, read in a fixed number of queries.

Everyone with a school role at the school is a row (governors too, for their own
training). A type applies to a person by its roles (empty: every role but governor); an
optional type shows only when held. A record of a type that `counts_for` another also
renews that other (formal DSL training renews the annual refresh). The renewal period is
the school's own, else the county's, else the type's (`TrainingPeriod`).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import SCHOOL_ROLES, Role
from earlyhelp.schools.models import School
from earlyhelp.training.models import (
    ReadDocument,
    Signature,
    TrainingPeriod,
    TrainingRecord,
    TrainingType,
)
from earlyhelp.training.rules import ItemState, Status, applies, signature_state, training_state

STAFF_ROLES = frozenset(SCHOOL_ROLES - {Role.GOVERNOR})
DOCUMENT_DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class PersonRow:
    person: User
    training: tuple[ItemState | None, ...]  # one per type; None: does not apply
    documents: tuple[ItemState | None, ...]  # one per document; None: does not apply

    def overdue(self) -> int:
        return sum(1 for s in self.training if s is not None and s.status == Status.OVERDUE)


@dataclass(frozen=True)
class Compliance:
    types: tuple[TrainingType, ...]
    documents: tuple[ReadDocument, ...]
    rows: tuple[PersonRow, ...]

    def row_for(self, person: User) -> PersonRow | None:
        return next((r for r in self.rows if r.person.pk == person.pk), None)


def renewal_months(school: School, types: Iterable[TrainingType]) -> dict[int, int | None]:
    """Each type's period at `school`: the school's rule, else the county's, else the type's."""
    months = {t.pk: t.renewal_months for t in types}
    rules = TrainingPeriod.objects.filter(
        Q(school=school) | Q(local_authority_id=school.local_authority_id)
    )
    for rule in sorted(rules, key=lambda r: r.school_id is not None):  # the school's last
        months[rule.training_type_id] = rule.renewal_months
    return months


def documents_for(school: School) -> list[ReadDocument]:
    return list(ReadDocument.objects.filter(Q(school=None) | Q(school=school)))


def school_compliance(
    school: School, *, today: date, people: Iterable[User] | None = None
) -> Compliance:
    """The matrix for everyone at `school` (or only `people`) on `today`."""
    held = _roles(school, people)
    types = tuple(TrainingType.objects.select_related("counts_for"))
    months = renewal_months(school, types)
    done = _completions(school, types, held)
    documents = tuple(documents_for(school))
    signed = _signatures(school, held)
    rows = []
    for person, roles in held.values():
        training = tuple(
            _training(t, roles, done.get((person.pk, t.pk), []), months[t.pk], today) for t in types
        )
        docs = tuple(
            _document(d, roles, signed.get((person.pk, d.pk), []), today) for d in documents
        )
        rows.append(PersonRow(person, training, docs))
    rows.sort(key=lambda r: (r.person.last_name, r.person.first_name, r.person.username))
    return Compliance(types, documents, tuple(rows))


def _roles(school: School, people: Iterable[User] | None) -> dict[int, tuple[User, set[str]]]:
    memberships = Membership.objects.filter(school=school, user__is_active=True)
    if people is not None:
        memberships = memberships.filter(user__in=[p.pk for p in people])
    held: dict[int, tuple[User, set[str]]] = {}
    for m in memberships.select_related("user"):
        held.setdefault(m.user_id, (m.user, set()))[1].add(m.role)
    return held


def _completions(
    school: School, types: tuple[TrainingType, ...], held: dict[int, tuple[User, set[str]]]
) -> dict[tuple[int, int], list[date]]:
    counts_for = {t.pk: t.counts_for_id for t in types}
    done: dict[tuple[int, int], list[date]] = defaultdict(list)
    records = TrainingRecord.objects.filter(school=school, person__in=list(held))
    for person_id, type_id, completed_on in records.values_list(
        "person_id", "training_type_id", "completed_on"
    ):
        done[(person_id, type_id)].append(completed_on)
        also = counts_for.get(type_id)
        if also is not None:
            done[(person_id, also)].append(completed_on)
    return done


def _signatures(
    school: School, held: dict[int, tuple[User, set[str]]]
) -> dict[tuple[int, int], list[tuple[str, date]]]:
    signed: dict[tuple[int, int], list[tuple[str, date]]] = defaultdict(list)
    rows = Signature.objects.filter(school=school, person__in=list(held))
    for person_id, document_id, edition, signed_at in rows.values_list(
        "person_id", "document_id", "edition", "signed_at"
    ):
        signed[(person_id, document_id)].append((edition, timezone.localdate(signed_at)))
    return signed


def _training(
    kind: TrainingType, roles: set[str], done: list[date], months: int | None, today: date
) -> ItemState | None:
    if not applies(kind.roles, roles, staff_roles=STAFF_ROLES):
        return None
    state = training_state(
        done, renewal_months=months, today=today, due_soon_days=kind.due_soon_days
    )
    return None if kind.optional and state.status == Status.MISSING else state


def _document(
    document: ReadDocument, roles: set[str], signed: list[tuple[str, date]], today: date
) -> ItemState | None:
    if not applies(document.roles, roles, staff_roles=STAFF_ROLES):
        return None
    return signature_state(
        signed,
        edition=document.edition,
        renewal_months=document.renewal_months,
        today=today,
        due_soon_days=DOCUMENT_DUE_SOON_DAYS,
    )


@dataclass(frozen=True)
class DueItem:
    name: str
    state: ItemState
    document: ReadDocument | None = None  # set for something to read and sign


def due_for_person(school: School, person: User, *, today: date) -> list[DueItem]:
    """What `person` must do at `school`: training due soon, overdue or missing, and the
    documents whose current edition they have not signed (or must sign again soon)."""
    matrix = school_compliance(school, today=today, people=[person])
    row = matrix.row_for(person)
    if row is None:
        return []
    due = [
        DueItem(t.name, s)
        for t, s in zip(matrix.types, row.training, strict=True)
        if s is not None and s.status != Status.CURRENT
    ]
    return [
        DueItem(d.title, s, d)
        for d, s in zip(matrix.documents, row.documents, strict=True)
        if s is not None and s.status != Status.CURRENT
    ] + due
