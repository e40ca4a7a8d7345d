"""The demo's training: each school's staff with a mix of current, due-soon, overdue and
missing training, and read-and-sign half done. Written through the app's actions.

For the person at position p (by username) and the type at position t, (p + t) % 4 picks
the state: 0 current, 1 due soon (due in 10 days), 2 overdue (due 20 days ago), 3 not held.
A course done once (induction) is held by everyone, a year ago. Each school publishes its
child protection policy; the first half of its people (by username) have signed it and
KCSIE Part one. Fictional data; the same every day it is loaded.
"""

from datetime import date, timedelta

from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.schools.models import School
from earlyhelp.training.actions import publish_policy, record_training, sign_document
from earlyhelp.training.compliance import STAFF_ROLES, renewal_months
from earlyhelp.training.models import DocumentKind, ReadDocument, TrainingType
from earlyhelp.training.rules import add_months, applies

PROVIDER = "Worcestershire Safeguarding Children Partnership (demo)"


def load_demo_training(today: date | None = None) -> None:
    today = today or timezone.localdate()
    for school in School.objects.filter(memberships__isnull=False).distinct().order_by("name"):
        people = _people(school)
        if people:
            _train(school, people, today)
            _read_and_sign(school, people)


def _people(school: School) -> list[tuple[User, set[str]]]:
    held: dict[int, tuple[User, set[str]]] = {}
    for m in Membership.objects.filter(school=school).select_related("user"):
        held.setdefault(m.user_id, (m.user, set()))[1].add(m.role)
    return sorted(held.values(), key=lambda pair: pair[0].username)


def _train(school: School, people: list[tuple[User, set[str]]], today: date) -> None:
    types = [t for t in TrainingType.objects.all() if not t.optional]
    months = renewal_months(school, types)
    for p, (person, roles) in enumerate(people):
        for t, kind in enumerate(types):
            if not applies(kind.roles, roles, staff_roles=STAFF_ROLES):
                continue
            completed = _completed(today, months[kind.pk], (p + t) % 4)
            if completed is not None:
                record_training(
                    school=school, person=person, training_type=kind, completed_on=completed,
                    provider=PROVIDER, by=person,
                )  # fmt: skip


def _completed(today: date, months: int | None, state: int) -> date | None:
    if months is None:
        return add_months(today, -12)
    due_on = {0: today + timedelta(days=200), 1: today + timedelta(days=10)}.get(
        state, today - timedelta(days=20)
    )
    return None if state == 3 else min(add_months(due_on, -months), today)


def _read_and_sign(school: School, people: list[tuple[User, set[str]]]) -> None:
    manager = next(
        (u for u, _ in people if has_permission(u, Permission.MANAGE_TRAINING, school=school)),
        None,
    )
    if manager is None:
        return
    policy = publish_policy(
        school=school,
        kind=DocumentKind.CHILD_PROTECTION,
        title="Child protection policy",
        edition="2025-26",
        url="",
        by=manager,
    )
    part_one = ReadDocument.objects.get(school=None, kind=DocumentKind.KCSIE_PART_ONE)
    for person, roles in people[: len(people) // 2]:
        if applies([], roles, staff_roles=STAFF_ROLES):
            sign_document(school=school, document=part_one, by=person)
            sign_document(school=school, document=policy, by=person)
