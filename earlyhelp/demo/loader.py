"""Build the demo through the app's own actions: the county, its shared directory, three
schools with published Offers, and fictional staff logins for every role.

Everything is written in one transaction, by the same actions that forms and the importer
use (so every write is validated and audited). The county's directory editor creates the
shared services; each school's Offer editor writes and publishes its Offer.
"""

from enum import StrEnum

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse

from earlyhelp.accounts.actions import create_staff_user, grant_role
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from earlyhelp.attendance.demo import load_demo_registers
from earlyhelp.demo.casework import load_casework
from earlyhelp.demo.early_help import load_early_help
from earlyhelp.demo.locations import add_demo_locations
from earlyhelp.demo.second_factor import add_demo_authenticator
from earlyhelp.demo.secret import demo_password
from earlyhelp.demo.spec import DemoData, Login, SchoolData, SharedService
from earlyhelp.directory.actions import create_service
from earlyhelp.directory.models import Scope, Service
from earlyhelp.directory.postcodes import SAMPLE_FILE as POSTCODE_SAMPLE
from earlyhelp.directory.postcodes import load_postcode_file
from earlyhelp.governance.demo import load_demo_governors_reports
from earlyhelp.offers.actions.editing import add_entry, set_level_heading, update_offer_text
from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.offers.actions.schools import create_school_with_offer
from earlyhelp.pupilvoice.demo import load_demo_pupil_voice
from earlyhelp.schools.actions import add_key_person, create_local_authority
from earlyhelp.schools.models import LocalAuthority, School
from earlyhelp.training.demo import load_demo_training


class DemoPasswordHasher(Argon2PasswordHasher):
    """Argon2 at its lowest cost, used only while the loader sets the demo password.

    Every demo login shares one password that `make demo` prints, so a slow hash of it
    protects nothing and would cost the loader seconds. The normal Argon2 hasher verifies
    these hashes (the cost is stored in each hash) and re-hashes at full cost at first sign-in.
    """

    time_cost = 1
    memory_cost = 64
    parallelism = 1


class DemoState(StrEnum):
    ABSENT = "absent"
    LOADED = "loaded"
    PARTIAL = "partial"


def demo_state(data: DemoData) -> DemoState:
    """Whether the demo's county, schools and logins are all here, none of them, or some."""
    usernames = [login.username for login in data.logins]
    found = [
        User.objects.filter(username__in=usernames).count(),
        LocalAuthority.objects.filter(name=data.county.name).count(),
        School.objects.filter(name__in=[s.details.name for s in data.schools]).count(),
    ]
    if not any(found):
        return DemoState.ABSENT
    if found == [len(usernames), 1, len(data.schools)]:
        return DemoState.LOADED
    return DemoState.PARTIAL


@transaction.atomic
def load_demo(data: DemoData) -> None:
    county = data.county
    authority = create_local_authority(
        by=None,
        name=county.name,
        front_door_name=county.front_door_name,
        front_door_phone=county.front_door_phone,
        out_of_hours_phone=county.out_of_hours_phone,
        front_door_url=county.front_door_url,
    )
    users = create_logins(county.logins, local_authority=authority)
    services = {
        key: add_shared_service(shared, authority, by=users[Role.DIRECTORY_EDITOR])
        for key, shared in data.services.items()
    }
    for school_data in data.schools:
        load_school(school_data, authority, services)
    load_casework()
    load_early_help()
    load_demo_registers()
    load_demo_training()
    load_demo_pupil_voice()  # issue 15: a term of anonymous answers in three classes
    load_demo_governors_reports()  # issue 15: this half term's report, made by the worker
    # The sample postcodes (Worcestershire's districts), so that a postcode search works.
    load_postcode_file(POSTCODE_SAMPLE, by=users[Role.DIRECTORY_EDITOR])
    add_demo_locations(services, by=users[Role.DIRECTORY_EDITOR])  # places at those postcodes


def add_shared_service(shared: SharedService, authority: LocalAuthority, *, by: User) -> Service:
    owner = authority if shared.scope == Scope.LOCAL else None
    return create_service(by=by, data=shared.data, scope=shared.scope, owner_local_authority=owner)


def create_logins(
    logins: tuple[Login, ...],
    *,
    school: School | None = None,
    local_authority: LocalAuthority | None = None,
) -> dict[Role, User]:
    users = {}
    hashers = [f"{__name__}.DemoPasswordHasher", *settings.PASSWORD_HASHERS]
    password = demo_password()
    for login in logins:
        with override_settings(PASSWORD_HASHERS=hashers):
            user = create_staff_user(
                by=None,
                username=login.username,
                first_name=login.first_name,
                last_name=login.last_name,
                email=login.email,
                password=password,
            )
        grant_role(
            by=None, user=user, role=login.role, school=school, local_authority=local_authority
        )
        add_demo_authenticator(user)
        users[login.role] = user
    return users


def load_school(data: SchoolData, authority: LocalAuthority, services: dict[str, Service]) -> None:
    school = create_school_with_offer(by=None, local_authority=authority, details=data.details)
    editor = create_logins(data.logins, school=school)[Role.OFFER_EDITOR]
    offer = school.offer
    update_offer_text(
        by=editor,
        offer=offer,
        introduction=data.introduction,
        raising_concerns=data.raising_concerns,
        attendance=data.attendance,
    )
    for level, heading in sorted(data.headings.items()):
        set_level_heading(by=editor, offer=offer, level=level, heading=heading)
    for person in data.people:
        add_key_person(by=editor, school=school, details=person)
    for line in data.support:
        if line.own is not None:
            service = create_service(
                by=editor, data=line.own, scope=Scope.SCHOOL, owner_school=school
            )
        else:
            service = services[line.service_key]
        add_entry(by=editor, offer=offer, service=service, level=line.level)
    publish_offer(by=editor, offer=offer)


def format_logins(data: DemoData) -> str:
    """The fictional staff logins, by place, for the terminal."""
    sign_in = settings.SITE_URL.rstrip("/") + reverse(settings.LOGIN_URL)
    lines = [
        f"Demo staff logins. Sign in at {sign_in}",
        f"Every account's password: {demo_password()}",
        "Each has an authenticator app set up: for the code it shows now, run",
        "  .venv/bin/earlyhelp demo-code USERNAME",
    ]
    places = [(f"{data.county.name} (county)", data.county.logins)]
    places += [(school.details.name, school.logins) for school in data.schools]
    width = max(len(login.username) for login in data.logins) + 2
    for place, logins in places:
        lines += ["", place]
        for login in logins:
            lines.append(f"  {login.username:<{width}}{login.role.label:<38}{login.display_name}")
    return "\n".join(lines)
