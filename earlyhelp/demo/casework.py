"""Demo casework: a fictional roll for each demo school and concerns at every stage.

Every name is invented and every UPN made up (valid format, local authority 885, school
numbers 9000 and up, which no real school uses here). Written through the actions, so each
concern has its audit events and chronology entries like real ones:
- new concerns in the inbox (one about two pupils with a witness, one at immediate risk),
  a pupil's message and a parent's request from the public forms;
- a decided concern for each outcome, each with its reason;
- a pattern: two concerns about one child from different staff within 7 days.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import Role
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern, triage_concern
from earlyhelp.concerns.models import Concern, Outcome, Part
from earlyhelp.concerns.public import receive_message
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.contacts import ContactRow
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import ROW_FIELDS, PupilRow
from earlyhelp.pupils.upn import make_upn
from earlyhelp.schools.models import Phase, School

FIRST_NAMES = [
    "Alfie",
    "Bethany",
    "Callum",
    "Daisy",
    "Ellis",
    "Freya",
    "Gideon",
    "Hollie",
    "Isaac",
    "Jasmine",
    "Kit",
    "Lacey",
    "Milo",
    "Nell",
    "Oscar",
    "Poppy",
    "Quinn",
    "Rosa",
    "Sonny",
    "Tilly",
    "Umar",
    "Violet",
    "Wilf",
    "Xanthe",
    "Yusuf",
    "Zara",
    "Arlo",
    "Bea",
    "Cody",
    "Dotty",
    "Eben",
    "Fern",
]
LAST_NAMES = [
    "Ashdown",
    "Brackley",
    "Corrin",
    "Dellow",
    "Empson",
    "Fairlie",
    "Gorringe",
    "Hebblewhite",
    "Ivison",
    "Jellicoe",
    "Kettley",
    "Lumsden",
    "Marwick",
    "Nettlefold",
    "Orpwood",
    "Pennycook",
    "Quested",
    "Rudkin",
    "Sealby",
    "Tulloch",
]
YEARS_BY_PHASE = {
    Phase.FIRST: ("R", "1", "2", "3", "4"),
    Phase.MIDDLE: ("5", "6", "7", "8"),
    Phase.PRIMARY: ("R", "1", "2", "3", "4", "5", "6"),
    Phase.SECONDARY: ("7", "8", "9", "10", "11"),
}
PUPILS_PER_SCHOOL = 30

REASONS = {
    Outcome.NO_FURTHER_ACTION: "Explained by mum the same day (hospital appointment); "
    "nothing else known. No further action; class teacher told.",
    Outcome.MONITOR: "First concern of this kind. Class teacher and lunch staff to watch "
    "and log anything further for two weeks; review at the weekly meeting.",
    Outcome.SCHOOL_EARLY_HELP: "Family agree to early help: offer the nurture group and "
    "a meeting with parents about routines. Lead: family support worker.",
    Outcome.REFER_TO_SERVICE: "Young carer for a parent with a long-term illness; family "
    "consent to a referral to the young carers service.",
    Outcome.STEP_UP: "Disclosure of harm at home. Called the Family Front Door; advice to "
    "make a written referral today. Parents not told, on the front door's advice.",
}


def load_casework() -> None:
    """For each school with a DSL login: a roll and concerns at every stage."""
    for number, school in enumerate(School.objects.order_by("name")):
        staff = _staff(school)
        if Role.DSL in staff:
            pupils = _add_roll(school, number)
            _add_concerns(school, pupils, staff)


def _staff(school: School) -> dict[str, User]:
    return {m.role: m.user for m in Membership.objects.filter(school=school).select_related("user")}


def _add_roll(school: School, number: int) -> list[Pupil]:
    rng = random.Random(f"demo-roll-{school.slug}")  # noqa: S311  # nosec B311 - demo data
    years = YEARS_BY_PHASE.get(Phase(school.phase), ("3", "4", "5", "6", "7", "8", "9"))
    rows = []
    for serial in range(1, PUPILS_PER_SCHOOL + 1):
        year = years[serial % len(years)]
        values = {
            "upn": make_upn(f"885{9000 + number:04d}{19:02d}{serial:03d}"),
            "legal_first_name": FIRST_NAMES[serial % len(FIRST_NAMES)],
            "legal_last_name": rng.choice(LAST_NAMES),
            "date_of_birth": _birthday(year, rng),
            "year_group": year,
            "registration_group": f"{year}{rng.choice('AB')}",
            "sen_status": rng.choice("NNNNNKKE"),
            "pupil_premium": rng.random() < 0.25,
            "free_school_meals": rng.random() < 0.2,
            "english_additional_language": rng.random() < 0.15,
            "looked_after": serial == 7,
            "previously_looked_after": serial == 11,
            "young_carer": serial in {4, 19},
        }
        contacts = _contacts(str(values["legal_last_name"]), number * 100 + serial, rng)
        rows.append(PupilRow(**values, given=frozenset(ROW_FIELDS), contacts=contacts))  # type: ignore[arg-type]
    import_roll(school=school, rows=rows, by=None)
    return list(Pupil.objects.filter(school=school).order_by("upn"))


PARENT_NAMES = ["Sam", "Alex", "Jo", "Chris", "Pat", "Robin", "Kim", "Lee", "Jamie", "Charlie"]
RELATIONSHIPS = ["Mother", "Father", "Carer", "Grandparent", "Step-parent"]


def _contacts(last_name: str, n: int, rng: random.Random) -> tuple[ContactRow, ...]:
    """One or two fictional contacts: Ofcom's drama numbers, example.org addresses."""
    first, second = rng.sample(PARENT_NAMES, 2)
    main = ContactRow(
        name=f"{first} {last_name}",
        relationship=rng.choice(RELATIONSHIPS[:3]),
        phone=f"+447700900{n % 1000:03d}",
        email=f"{first.lower()}.{last_name.lower()}@example.org",
        priority=1,
    )
    if n % 3 == 0:
        return (main,)
    other = ContactRow(
        name=f"{second} {rng.choice(LAST_NAMES)}",
        relationship=rng.choice(RELATIONSHIPS),
        phone=f"+441632960{n % 1000:03d}",
        email="",
        priority=2,
    )
    return (main, other)


def _birthday(year: str, rng: random.Random) -> date:
    age = {"N": 3, "R": 4}.get(year) or int(year) + 4
    return date(2026 - age, 9, 1) + timedelta(days=rng.randrange(365))


def _log(
    school: School,
    by: User,
    pupils: list[Involved],
    account: str,
    categories: tuple[str, ...],
    *,
    days_ago: int,
    **extra: object,
) -> Concern:
    details = ConcernDetails(
        account=account,
        occurred_at=timezone.now() - timedelta(days=days_ago, hours=3),
        location=str(extra.pop("location", "Classroom")),
        categories=categories,
        action_taken=str(extra.pop("action_taken", "Listened and reassured; told the DSL.")),
        told_dsl=True,
        **extra,  # type: ignore[arg-type]
    )
    return log_concern(school=school, details=details, pupils=pupils, by=by).concern


def _add_concerns(school: School, pupils: list[Pupil], staff: dict[str, User]) -> None:
    teacher = staff.get(Role.STAFF) or staff[Role.DSL]
    senco = staff.get(Role.SENCO) or teacher
    other = staff.get(Role.ATTENDANCE_OFFICER) or senco
    dsl = staff[Role.DSL]
    _new_concerns(school, pupils, teacher, senco, other)
    decided = [
        (
            Outcome.NO_FURTHER_ACTION,
            pupils[10],
            ("physical_abuse",),
            "A bruise on his arm. He said: I fell off my bike on Sunday.",
            12,
        ),
        (
            Outcome.MONITOR,
            pupils[12],
            ("neglect",),
            "Came in without a coat again. She said: I couldn't find it, mum was asleep.",
            9,
        ),
        (
            Outcome.SCHOOL_EARLY_HELP,
            pupils[14],
            ("mental_health",),
            "Crying in the toilets at break. He said: everyone at home is shouting all the time.",
            20,
        ),
        (
            Outcome.REFER_TO_SERVICE,
            pupils[4],
            ("other",),
            "She said: I have to do the shopping and get my brother to bed because mum is poorly.",
            25,
        ),
        (
            Outcome.STEP_UP,
            pupils[16],
            ("physical_abuse", "domestic_abuse"),
            "He said: dad hit me with a belt last night. Marks seen on his back at PE.",
            3,
        ),
    ]
    for outcome, pupil, categories, account, days in decided:
        concern = _log(school, teacher, [Involved(pupil)], account, categories, days_ago=days)
        triage_concern(
            concern=concern,
            outcome=outcome,
            reason=REASONS[outcome],
            service_name="Worcestershire Young Carers"
            if outcome == Outcome.REFER_TO_SERVICE
            else "",
            by=dsl,
        )
    receive_message(
        school=school,
        kind="bullying",
        message="Some people in my class keep taking my lunch and saying I smell. Please help.",
        contact="Year 5, blue group",
    )
    receive_message(
        school=school,
        kind="family_support",
        message="Since my partner left we are struggling with money and the children's sleep. "
        "Is there any help?",
        contact="Parent or carer: (demo) Sam Parent\nChild: Year 2\nPhone: 01632 960 111\n"
        "Email: parent@example.org",
    )


def _new_concerns(
    school: School, pupils: list[Pupil], teacher: User, senco: User, other: User
) -> None:
    _log(
        school,
        teacher,
        [
            Involved(pupils[2]),
            Involved(pupils[3], Part.ALLEGED_HARMER),
            Involved(pupils[5], Part.WITNESS),
        ],
        "In the playground she said: he keeps pushing me and took my phone and put my "
        "picture in the group chat.",
        ("child_on_child", "bullying"),
        days_ago=1,
        location="Playground",
    )
    _log(
        school,
        teacher,
        [Involved(pupils[8])],
        "He said: I'm not going home, my mum's boyfriend said he'll hurt me.",
        ("physical_abuse",),
        days_ago=0,
        immediate_risk=True,
        action_taken="Called the Family Front Door at 15:10, then told the DSL.",
    )
    # A pattern: two concerns about one child from different staff within 7 days.
    _log(
        school,
        teacher,
        [Involved(pupils[6])],
        "Very hungry at breakfast club; ate three portions. She said: there wasn't any tea.",
        ("neglect",),
        days_ago=5,
        location="Breakfast club",
    )
    _log(
        school,
        senco if senco != teacher else other,
        [Involved(pupils[6])],
        "Same uniform all week, not washed. She was asleep in the reading session.",
        ("neglect",),
        days_ago=2,
    )
