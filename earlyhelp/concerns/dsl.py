"""Who a member of staff tells now: the school's designated safeguarding lead and a number.

The DSL is the person holding the DSL role here (whose inbox the concern reaches); their
phone is the one the Offer's key people give for them, else the school's own number. A
school with no DSL account falls back to the DSL the Offer names.
"""

from dataclasses import dataclass

from earlyhelp.accounts.models import Membership
from earlyhelp.accounts.roles import Role
from earlyhelp.schools.models import KeyPerson, KeyRole, School


@dataclass(frozen=True)
class DslContact:
    name: str
    phone: str


def dsl_contact(school: School) -> DslContact | None:
    people = list(KeyPerson.objects.filter(school=school, roles__role=KeyRole.DSL))
    member = (
        Membership.objects.filter(school=school, role=Role.DSL)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if member is None:
        first = people[0] if people else None
        return DslContact(first.name, first.phone or school.phone) if first else None
    name = member.user.get_full_name() or member.user.get_username()
    phones = [p.phone for p in people if p.name.casefold() == name.casefold() and p.phone]
    return DslContact(name=name, phone=phones[0] if phones else school.phone)
