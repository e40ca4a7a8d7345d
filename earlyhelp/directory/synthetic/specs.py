"""One synthetic service as plain values, drawn from a seeded random generator."""

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from earlyhelp.directory import taxonomies
from earlyhelp.directory.opening import OPEN_BANK_HOLIDAYS
from earlyhelp.directory.synthetic import phones, vocabulary
from earlyhelp.directory.taxonomies import DELIVERY_MODES, REFERRAL_ROUTES

_WEEKDAYS = "MO,TU,WE,TH,FR"
# (weight, [(byday, opens, closes)], open on bank holidays)
_SCHEDULES: tuple[tuple[int, tuple[tuple[str, time, time], ...], bool], ...] = (
    (20, (), False),
    (35, ((_WEEKDAYS, time(9), time(17)),), False),
    (10, ((_WEEKDAYS, time(9), time(17)), ("SA", time(10), time(13))), False),
    (10, (("TU,TH", time(16), time(18, 30)),), False),
    (5, (("MO,TU,WE,TH", time(18), time(21)),), False),
    (8, (("MO,TU,WE,TH,FR,SA,SU", time(0), time(0)),), True),
    (4, (("FR,SA", time(20), time(2)),), False),
    (8, ((_WEEKDAYS, time(8), time(20)),), False),
)
_AGE_BANDS: tuple[tuple[Decimal | None, Decimal | None], ...] = (
    (None, None),
    (Decimal(0), Decimal(5)),
    (Decimal(0), Decimal(19)),
    (Decimal(4), Decimal(11)),
    (Decimal(5), Decimal(16)),
    (Decimal(7), Decimal(17)),
    (Decimal(8), Decimal(18)),
    (Decimal(11), Decimal(18)),
    (Decimal(11), Decimal(25)),
    (Decimal(13), Decimal(19)),
    (Decimal(16), Decimal(25)),
    (Decimal("2.5"), Decimal(5)),
    (Decimal(10), Decimal("17.5")),
    (Decimal(18), None),
)
_TOPIC_CODES = tuple(vocabulary.TOPICS)
_TOPIC_WEIGHTS = tuple(vocabulary.TOPIC_WEIGHTS[code] for code in _TOPIC_CODES)


@dataclass
class ServiceSpec:
    name: str
    description: str
    topics: list[str]
    levels: list[int]
    routes: list[str]
    delivery: list[str]
    minimum_age: Decimal | None
    maximum_age: Decimal | None
    application_process: str
    eligibility: str
    free: bool | None
    fees: str
    status: str
    assured_date: date
    phones: list[tuple[str, str]]  # (E.164, type)
    schedules: tuple[tuple[str, time, time], ...]
    open_bank_holidays: bool
    area: str
    languages: list[str] = field(default_factory=list)
    with_email: bool = False
    with_location: bool = False

    def terms(self) -> list[tuple[str, str]]:
        """(taxonomy, code) of every term the service carries."""
        terms = [
            *((taxonomies.TOPIC, code) for code in self.topics),
            *((taxonomies.LEVEL_OF_NEED, f"level-{level}") for level in self.levels),
            *((taxonomies.REFERRAL_ROUTE, code) for code in self.routes),
            *((taxonomies.DELIVERY, code) for code in self.delivery),
        ]
        if self.open_bank_holidays:
            terms.append((taxonomies.FEATURE, OPEN_BANK_HOLIDAYS))
        return terms


def draw_service(rng: random.Random, *, place: str, area: str, today: date) -> ServiceSpec:
    topics = _topics(rng)
    names, _ = vocabulary.TOPICS[topics[0]]
    minimum_age, maximum_age = rng.choice(_AGE_BANDS)
    _, schedules, bank_holidays = rng.choices(_SCHEDULES, [s[0] for s in _SCHEDULES])[0]
    free = rng.choices((True, False, None), (70, 15, 15))[0]
    return ServiceSpec(
        name=rng.choice(names).format(place=place),
        description=_description(rng, topics, minimum_age, maximum_age),
        topics=topics,
        levels=_levels(rng),
        routes=_routes(rng),
        delivery=rng.sample([t.code for t in DELIVERY_MODES], rng.randint(1, 3)),
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        application_process=rng.choice(vocabulary.APPLICATION_PROCESSES),
        eligibility=f"Families living in {area}." if rng.random() < 0.6 else "",
        free=free,
        fees=rng.choice(vocabulary.PAID_DESCRIPTIONS) if free is False else "",
        status=rng.choices(("active", "inactive", "temporarily closed"), (95, 3, 2))[0],
        assured_date=today - timedelta(days=rng.randrange(540)),
        phones=_phones(rng),
        schedules=schedules,
        open_bank_holidays=bank_holidays,
        area=area,
        languages=["English", *rng.sample(vocabulary.LANGUAGES, rng.choice((0, 0, 0, 1, 2)))],
        with_email=rng.random() < 0.5,
        with_location=rng.random() < 0.25,
    )


def _topics(rng: random.Random) -> list[str]:
    """One to three different topics, common ones more often."""
    wanted = rng.choices((1, 2, 3), (50, 35, 15))[0]
    topics: list[str] = []
    while len(topics) < wanted:
        code = rng.choices(_TOPIC_CODES, _TOPIC_WEIGHTS)[0]
        if code not in topics:
            topics.append(code)
    return topics


def _levels(rng: random.Random) -> list[int]:
    first = rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
    return [first, first + 1] if first < 4 and rng.random() < 0.4 else [first]


def _routes(rng: random.Random) -> list[str]:
    routes = [t.code for t in REFERRAL_ROUTES if t.code != "self" and rng.random() < 0.4]
    if rng.random() < 0.55 or not routes:
        routes.insert(0, "self")
    return routes


def _description(
    rng: random.Random, topics: list[str], minimum: Decimal | None, maximum: Decimal | None
) -> str:
    sentences = rng.sample(vocabulary.TOPICS[topics[0]][1], 2)
    sentences += [rng.choice(vocabulary.TOPICS[code][1]) for code in topics[1:]]
    sentences.append(rng.choice(vocabulary.GENERAL_SENTENCES))
    if minimum is not None and maximum is not None:
        sentences.append(f"For children and young people aged {minimum} to {maximum}.")
    return " ".join(sentences)


def _phones(rng: random.Random) -> list[tuple[str, str]]:
    roll = rng.random()
    first = phones.freephone(rng) if roll < 0.2 else phones.landline(rng)
    numbers = [(first, "voice")]
    if rng.random() < 0.2:
        numbers.append((phones.uk_wide(rng), "voice"))
    return numbers
