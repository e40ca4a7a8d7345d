"""The demo data files, read and checked in full before anything is written.

`read_demo_data()` turns `earlyhelp/demo/data/*.toml` into plain values that the loader hands
to the app's actions. Every file is read first: an error names the file and the entry, and
nothing has been written when it is raised.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from earlyhelp.accounts.roles import LOCAL_AUTHORITY_ROLES, SCHOOL_ROLES, Role
from earlyhelp.demo import fields
from earlyhelp.demo.fields import DemoDataError, Entry
from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.schools.actions import PersonDetails, SchoolDetails
from earlyhelp.schools.models import KeyRole, Phase

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTY_FILE = "worcestershire.toml"
SERVICE_FILES = {"county_services.toml": Scope.LOCAL, "national_services.toml": Scope.NATIONAL}
SCHOOLS_DIR = "schools"

TOPIC_CODES = frozenset(t.code for t in taxonomies.TOPICS)
ROUTE_CODES = frozenset(t.code for t in taxonomies.REFERRAL_ROUTES)
DELIVERY_CODES = frozenset(t.code for t in taxonomies.DELIVERY_MODES)
FEATURE_CODES = frozenset(t.code for t in taxonomies.FEATURES)
LEVELS = frozenset(int(level) for level in taxonomies.Level)


@dataclass(frozen=True)
class Login:
    username: str
    role: Role
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def email(self) -> str:
        return f"{self.username}@example.org"


@dataclass(frozen=True)
class County:
    name: str
    front_door_name: str
    front_door_phone: str
    out_of_hours_phone: str
    front_door_url: str
    logins: tuple[Login, ...]


@dataclass(frozen=True)
class SharedService:
    key: str
    scope: Scope
    data: ServiceData


@dataclass(frozen=True)
class Support:
    """One line of a school's Offer: a shared service by key, or the school's own provision."""

    level: int
    service_key: str = ""
    own: ServiceData | None = None


@dataclass(frozen=True)
class SchoolData:
    file: str
    details: SchoolDetails
    introduction: str
    raising_concerns: str
    attendance: str
    headings: dict[int, str]
    people: tuple[PersonDetails, ...]
    support: tuple[Support, ...]
    logins: tuple[Login, ...]


@dataclass(frozen=True)
class DemoData:
    county: County
    services: dict[str, SharedService]
    schools: tuple[SchoolData, ...]

    @property
    def logins(self) -> tuple[Login, ...]:
        return self.county.logins + tuple(x for s in self.schools for x in s.logins)


def read_demo_data(directory: Path = DATA_DIR) -> DemoData:
    county = read_county(directory / COUNTY_FILE)
    services: dict[str, SharedService] = {}
    for name, scope in SERVICE_FILES.items():
        for service in read_services(directory / name, scope):
            if service.key in services:
                raise DemoDataError(f"{name}: service '{service.key}' is defined twice")
            services[service.key] = service
    paths = sorted((directory / SCHOOLS_DIR).glob("*.toml"))
    schools = tuple(read_school(path, services) for path in paths)
    data = DemoData(county=county, services=services, schools=schools)
    check_logins(data)
    return data


def load_toml(path: Path) -> Entry:
    try:
        with path.open("rb") as handle:
            return Entry(tomllib.load(handle), where=path.name)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoDataError(f"{path.name}: cannot be read: {error}") from error


def read_county(path: Path) -> County:
    root = load_toml(path)
    authority = root.table("local_authority", required=True)
    county = County(
        name=authority.text("name", required=True),
        front_door_name=authority.text("front_door_name", required=True),
        front_door_phone=fields.phone_number(
            authority, authority.text("front_door_phone", required=True)
        ),
        out_of_hours_phone=fields.phone_number(
            authority, authority.text("out_of_hours_phone", required=True)
        ),
        front_door_url=fields.url(authority, authority.text("front_door_url", required=True)),
        logins=read_logins(root, LOCAL_AUTHORITY_ROLES),
    )
    authority.finish()
    root.finish()
    return county


def read_services(path: Path, scope: Scope) -> list[SharedService]:
    root = load_toml(path)
    services = []
    for entry in root.entries("service"):
        key = entry.text("key", required=True)
        entry.where = f"{path.name}, service '{key}'"
        area = ("Worcestershire",) if scope == Scope.LOCAL else ()
        data = service_data(
            entry,
            organisation=entry.text("organisation", required=True),
            levels=check_levels(entry, entry.ints("levels", required=True)),
            default_areas=area,
        )
        services.append(SharedService(key=key, scope=scope, data=data))
    root.finish()
    return services


def check_levels(entry: Entry, values: tuple[int, ...]) -> tuple[int, ...]:
    if not values or any(v not in LEVELS for v in values) or len(set(values)) != len(values):
        raise entry.error("levels must list levels of need from 1 to 4, each once")
    return values


def service_data(
    entry: Entry, *, organisation: str, levels: tuple[int, ...], default_areas: tuple[str, ...]
) -> ServiceData:
    """A directory service as the actions take it, from one entry of a data file."""
    urls = tuple(fields.url(entry, u) for u in entry.texts("urls"))
    emails = tuple(fields.email(entry, e) for e in entry.texts("emails"))
    data = ServiceData(
        name=entry.text("name", required=True),
        organization_name=organisation,
        description=entry.prose("description", required=True),
        application_process=entry.prose("how_to_get_help"),
        eligibility_description=entry.prose("eligibility"),
        fees_description=entry.prose("fees"),
        free=entry.flag("free"),
        minimum_age=entry.age("min_age"),
        maximum_age=entry.age("max_age"),
        url=urls[0] if urls else "",
        additional_urls=urls[1:],
        email=emails[0] if emails else "",
        emails=emails[1:],
        phones=tuple(fields.phone(p) for p in entry.entries("phones")),
        schedules=tuple(fields.schedule(h) for h in entry.entries("hours")),
        topics=fields.codes(entry, "topics", TOPIC_CODES, required=True),
        levels=levels,
        referral_routes=fields.codes(entry, "referral", ROUTE_CODES, required=True),
        delivery=fields.codes(entry, "delivery", DELIVERY_CODES, required=True),
        features=fields.codes(entry, "features", FEATURE_CODES),
        service_areas=entry.texts("areas") or default_areas,
        languages=entry.texts("languages") or ("English",),
    )
    low, high = data.minimum_age, data.maximum_age
    if low is not None and high is not None and low > high:
        raise entry.error("min_age is above max_age")
    if len(data.topics) > 3:
        raise entry.error("give at most three topics, the main one first")
    entry.finish()
    return data


def read_school(path: Path, services: dict[str, SharedService]) -> SchoolData:
    root = load_toml(path)
    school, offer = root.table("school", required=True), root.table("offer", required=True)
    details = school_details(school)
    data = SchoolData(
        file=path.name,
        details=details,
        introduction=offer.prose("introduction", required=True),
        raising_concerns=offer.prose("raising_concerns", required=True),
        attendance=offer.prose("attendance", required=True),
        headings=headings(offer.table("headings")),
        people=tuple(person(p) for p in root.entries("person")),
        support=read_support(root, details.name, services),
        logins=read_logins(root, SCHOOL_ROLES),
    )
    offer.finish()
    root.finish()
    if not any("dsl" in p.roles for p in data.people):
        raise root.error("no person has the 'dsl' role")
    return data


def school_details(entry: Entry) -> SchoolDetails:
    phase = entry.text("phase", required=True)
    if phase not in Phase.values:
        raise entry.error(f"phase '{phase}' is not one of {', '.join(Phase.values)}")
    phone, email, website = entry.text("phone"), entry.text("email"), entry.text("website")
    details = SchoolDetails(
        name=entry.text("name", required=True),
        phase=phase,
        urn=entry.text("urn"),
        phone=fields.phone_number(entry, phone) if phone else "",
        email=fields.email(entry, email) if email else "",
        website=fields.url(entry, website) if website else "",
        address=entry.prose("address"),
        postcode=entry.text("postcode"),
    )
    entry.finish()
    return details


def headings(entry: Entry) -> dict[int, str]:
    result = {}
    for key in list(entry.data):
        if not key.isdigit() or int(key) not in LEVELS:
            raise entry.error(f"'{key}' is not a level of need (1 to 4)")
        result[int(key)] = entry.text(key, required=True)
    entry.finish()
    return result


def person(entry: Entry) -> PersonDetails:
    name = entry.text("name", required=True)
    entry.where = f"{entry.where} ({name})"
    roles = fields.codes(entry, "roles", frozenset(KeyRole.values), required=True)
    phone, email = entry.text("phone"), entry.text("email")
    details = PersonDetails(
        name=name,
        roles=roles,
        job_title=entry.text("job_title"),
        email=fields.email(entry, email) if email else "",
        phone=fields.phone_number(entry, phone) if phone else "",
    )
    entry.finish()
    return details


def read_support(
    root: Entry, school_name: str, services: dict[str, SharedService]
) -> tuple[Support, ...]:
    lines: list[Support] = []
    for entry in root.entries("support"):
        lines.append(support_line(entry, school_name, services))
    keys = [line.service_key for line in lines if line.service_key]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise root.error(f"[[support]] lists service(s) twice: {', '.join(twice)}")
    names = [line.own.name for line in lines if line.own]
    if len(set(names)) != len(names):
        raise root.error("[[support]] gives two pieces of own provision the same name")
    return tuple(lines)


def support_line(entry: Entry, school_name: str, services: dict[str, SharedService]) -> Support:
    level = entry.integer("level")
    if level is not None and level not in LEVELS:
        raise entry.error(f"level {level} is not a level of need (1 to 4)")
    if entry.has("service"):
        key = entry.text("service", required=True)
        if key not in services:
            raise entry.error(f"service '{key}' is not in {' or '.join(SERVICE_FILES)}")
        entry.finish()
        return Support(level=level or min(services[key].data.levels), service_key=key)
    entry.where = f"{entry.where} ({entry.text('name', required=True)})"
    if level is None:
        raise entry.error("own provision needs the 'level' it sits under")
    own = service_data(entry, organisation=school_name, levels=(level,), default_areas=())
    return Support(level=level, own=own)


def read_logins(root: Entry, roles: frozenset[Role]) -> tuple[Login, ...]:
    prefix = root.text("login_prefix", required=True)
    staff = root.table("staff", required=True)
    missing = sorted(role.value for role in roles if not staff.has(role.value))
    if missing:
        raise staff.error(f"give a fictional name for each role; missing: {', '.join(missing)}")
    logins = []
    for role in sorted(roles, key=list(Role).index):
        first, _, last = staff.text(role.value, required=True).rpartition(" ")
        if not first:
            raise staff.error(f"'{role.value}' needs a first name and a last name")
        username = f"{prefix}.{role.value.replace('_', '-')}"
        logins.append(Login(username=username, role=role, first_name=first, last_name=last))
    staff.finish()
    return tuple(logins)


def check_logins(data: DemoData) -> None:
    """Usernames are unique, and no login borrows the name of a real person in the seeds."""
    usernames = [login.username for login in data.logins]
    if len(set(usernames)) != len(usernames):
        raise DemoDataError("two data files give the same login_prefix")
    real = {name for school in data.schools for name in _surnames(school)}
    for school_or_county, logins in _logins_by_file(data):
        for login in logins:
            if login.last_name.lower() in real:
                raise DemoDataError(
                    f"{school_or_county} [staff]: '{login.display_name}' shares a surname with "
                    "a person in the seed Offers; demo logins must use fictional names"
                )


def _surnames(school: SchoolData) -> set[str]:
    return {p.name.split()[-1].lower() for p in school.people}


def _logins_by_file(data: DemoData) -> list[tuple[str, tuple[Login, ...]]]:
    pairs: list[tuple[str, Any]] = [(COUNTY_FILE, data.county.logins)]
    return pairs + [(school.file, school.logins) for school in data.schools]
