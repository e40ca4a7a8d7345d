"""The test universe: named people, schools and services, built only through actions.

Personas (as in healthchecks' tests):
- Dee is the designated safeguarding lead at Northfield Primary.
- Ed edits Offers at Northfield Primary.
- Tom is a teacher (staff member) at Northfield Primary.
- Sam is the DSL at Southbank Academy, another school in the same county.
- Lara is a local authority officer for Testshire.
Everyone has an authenticator app set up (key `totp_key(username)`); sign test clients in
with `tests.signin.sign_in`. Every person, place and number here is fictional (Ofcom
drama numbers: 0113 496 0xxx).
"""

import hashlib
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from earlyhelp.accounts.actions import create_staff_user, grant_role
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from earlyhelp.accounts.second_factor import confirm_totp_device, start_totp_setup
from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
from earlyhelp.directory.models import Scope, Service
from earlyhelp.offers.actions.editing import add_entry, update_offer_text
from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.offers.actions.schools import create_school_with_offer
from earlyhelp.schools.actions import (
    PersonDetails,
    SchoolDetails,
    add_key_person,
    create_local_authority,
)
from earlyhelp.schools.models import LocalAuthority, School
from tests.signin import totp_code

PASSWORD = "correct horse battery staple"


@dataclass
class Universe:
    county: LocalAuthority
    northfield: School
    southbank: School
    dee: User
    ed: User
    tom: User
    sam: User
    lara: User
    young_carers: Service
    samaritans: Service
    breakfast_club: Service


def make_user(username: str, first: str, last: str) -> User:
    user = create_staff_user(
        by=None,
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@example.org",
        password=PASSWORD,
    )
    add_authenticator_app(user)
    return user


def totp_key(username: str) -> str:
    """Each persona's fictional authenticator-app key (hex), known to the tests."""
    return hashlib.sha1(f"earlyhelp test key for {username}".encode()).hexdigest()


def add_authenticator_app(user: User) -> None:
    """Set up an authenticator app as the person would: start, then confirm with a code."""
    device = start_totp_setup(by=user, key=totp_key(user.username))
    assert confirm_totp_device(by=user, device=device, token=totp_code(device)) is not None


def make_county() -> LocalAuthority:
    return create_local_authority(
        by=None,
        name="Testshire",
        front_door_name="Family Front Door",
        front_door_phone="+441134960001",
        out_of_hours_phone="+441134960002",
    )


def make_school(county: LocalAuthority, name: str) -> School:
    return create_school_with_offer(
        by=None,
        local_authority=county,
        details=SchoolDetails(name=name, phase="primary", phone="+441134960100"),
    )


def build_universe() -> Universe:
    county = make_county()
    northfield = make_school(county, "Northfield Primary")
    southbank = make_school(county, "Southbank Academy")
    dee, ed, tom = (
        make_user("dee", "Dee", "Lane"),
        make_user("ed", "Ed", "Jones"),
        make_user("tom", "Tom", "Webb"),
    )
    sam, lara = make_user("sam", "Sam", "Cole"), make_user("lara", "Lara", "Fox")
    grant_role(by=None, user=dee, role=Role.DSL, school=northfield)
    grant_role(by=None, user=ed, role=Role.OFFER_EDITOR, school=northfield)
    grant_role(by=None, user=tom, role=Role.STAFF, school=northfield)
    grant_role(by=None, user=sam, role=Role.DSL, school=southbank)
    grant_role(by=None, user=lara, role=Role.LA_OFFICER, local_authority=county)
    add_key_person(
        by=None,
        school=northfield,
        details=PersonDetails(
            name="Dee Lane",
            roles=("dsl", "headteacher"),
            email="dsl@northfield.example.org",
            phone="+441134960100",
        ),
    )
    young_carers = create_service(
        by=None, scope=Scope.LOCAL, owner_local_authority=county, data=young_carers_data()
    )
    samaritans = create_service(
        by=None,
        scope=Scope.NATIONAL,
        data=ServiceData(
            name="Samaritans",
            organization_name="Samaritans",
            description="Someone to talk to, day or night.",
            url="https://www.samaritans.org",
            phones=(PhoneData("116123"),),
            topics=("mental-health", "emergency"),
            levels=(1,),
            referral_routes=("self",),
            delivery=("phone",),
            free=True,
            features=("open-bank-holidays",),
            schedules=(ScheduleData("MO,TU,WE,TH,FR,SA,SU", time(0, 0), time(0, 0)),),
        ),
    )
    breakfast_club = create_service(
        by=None,
        scope=Scope.SCHOOL,
        owner_school=northfield,
        data=ServiceData(
            name="Breakfast club",
            organization_name="Northfield Primary",
            description="Breakfast every school day from 8am.",
            topics=("family-support",),
            levels=(1,),
            referral_routes=("parent",),
            delivery=("in-person",),
            free=False,
        ),
    )
    offer = northfield.offer
    update_offer_text(
        by=ed,
        offer=offer,
        introduction="We help families early.",
        raising_concerns="Tell any member of staff.",
        attendance="We call on the first day of absence.",
    )
    for service, level in ((breakfast_club, 1), (samaritans, 1), (young_carers, 3)):
        add_entry(by=ed, offer=offer, service=service, level=level)
    publish_offer(by=ed, offer=offer)
    return Universe(
        county,
        northfield,
        southbank,
        dee,
        ed,
        tom,
        sam,
        lara,
        young_carers,
        samaritans,
        breakfast_club,
    )


def young_carers_data() -> ServiceData:
    return ServiceData(
        name="Testshire Young Carers",
        organization_name="Testshire Youth Support",
        description="Support for young carers aged 7 to 17: one-to-one time and clubs.",
        url="https://www.example.org/young-carers",
        email="youngcarers@example.org",
        minimum_age=Decimal(7),
        maximum_age=Decimal(17),
        phones=(PhoneData("+441134960300"),),
        topics=("young-carers",),
        levels=(2, 3),
        referral_routes=("self", "parent", "school"),
        delivery=("in-person", "home-visit"),
        free=True,
        schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9, 0), time(17, 0)),),
        service_areas=("Testshire",),
    )
