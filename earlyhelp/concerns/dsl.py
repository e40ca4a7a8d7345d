"""Who a member of staff tells now: the school's designated safeguarding lead and a number.

The Offer's key people name the DSL with their phone; a school whose Offer names nobody
falls back to the staff account holding the DSL role and the school's own number.
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
    person = KeyPerson.objects.filter(school=school, roles__role=KeyRole.DSL).first()
    if person is not None:
        return DslContact(name=person.name, phone=person.phone or school.phone)
    member = Membership.objects.filter(school=school, role=Role.DSL).select_related("user").first()
    if member is None:
        return None
    user = member.user
    return DslContact(name=user.get_full_name() or user.get_username(), phone=school.phone)
