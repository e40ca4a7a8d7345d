"""Small fictional Offers for the health check, built through actions on the test universe."""

from datetime import date, timedelta

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Scope, Service
from earlyhelp.offers.actions.editing import add_entry
from earlyhelp.offers.health import HealthFinding, check_offer
from earlyhelp.offers.models import Offer
from earlyhelp.schools.actions import PersonDetails, add_key_person
from earlyhelp.schools.models import School

# A day the universe's Offer (published today, reviewed yearly) is not yet due for review.
SOON = date.today() + timedelta(days=30)


def check(school: School, today: date = SOON) -> list[HealthFinding]:
    return check_offer(Offer.objects.get(school=school), today=today)


def codes(findings: list[HealthFinding]) -> list[str]:
    return [str(f.code) for f in findings]


def add_deputy(school: School) -> None:
    add_key_person(
        by=None,
        school=school,
        details=PersonDetails(name="Ben Ash", roles=("deputy_dsl",), phone="+441134960101"),
    )


def show_service(school: School, data: ServiceData, *, scope: Scope = Scope.NATIONAL) -> Service:
    authority = school.local_authority if scope == Scope.LOCAL else None
    service = create_service(by=None, scope=scope, data=data, owner_local_authority=authority)
    add_entry(by=None, offer=school.offer, service=service, level=2)
    return service


def phones_of(*numbers: str) -> tuple[PhoneData, ...]:
    return tuple(PhoneData(number) for number in numbers)
