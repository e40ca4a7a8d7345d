"""What a search filters on: filter words for the full-text index, SQL for the rest.

Topic, level of need, self-referral, delivery and "free" are filter words (`facets.py`)
that every match must contain: `facet_groups` gives them as groups, any word of a group and
every group. "Open now" is a group too: the hour-of-the-week words of `hours.py`, a superset
of the services open at that moment that the index finds at once. Status, scope, school, age
and the exact "open now" rule are WHERE conditions on the service table aliased `s`, written
by hand (not through the ORM) because they sit beside the full-text match in one statement.
Every value is a query parameter.

A school's own provision is shown only in that school's context (`SearchParams.school_id`).
A service that states no ages at all is taken to be for children (up to `DEFAULT_MAXIMUM_AGE`):
an older age matches only services whose stated ages include it. With `hours_unknown`, "open
now" asks for the services with no weekly opening times instead of dropping them.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection

from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import Scope, ServiceStatus
from earlyhelp.directory.opening import OPEN_BANK_HOLIDAYS, OpenCheck, Session
from earlyhelp.directory.search.facets import FREE, facet
from earlyhelp.directory.search.hours import open_now_words
from earlyhelp.directory.search.params import SearchParams

# The age a service that states none is taken to serve up to: children and young people.
DEFAULT_MAXIMUM_AGE = Decimal(18)
# Services with the feature term that keeps them open on bank holidays.
BANK_HOLIDAY_SERVICES = (
    "SELECT a.service_id FROM directory_attribute a"
    " JOIN directory_taxonomyterm t ON t.id = a.taxonomy_term_id"
    " JOIN directory_taxonomy x ON x.id = t.taxonomy_id"
    " WHERE x.name = %s AND t.code = %s AND a.service_id IS NOT NULL"
)
# A weekly schedule running now: a session that started today (and has not closed, or runs
# past midnight), or one that started yesterday and runs past midnight until after now.
# {today} and {yesterday} say that the schedule runs a session on that day (`_session`).
OPEN_NOW = (
    "EXISTS (SELECT 1 FROM directory_schedule h WHERE h.service_id = s.id"
    " AND h.freq = 'WEEKLY' AND h.opens_at IS NOT NULL AND h.closes_at IS NOT NULL AND ("
    "(h.opens_at <= %s AND (h.closes_at <= h.opens_at OR h.closes_at > %s) AND {today})"
    " OR (h.closes_at <= h.opens_at AND h.closes_at > %s AND {yesterday})))"
)
# No weekly opening times to go by: `service_is_open` says None for these.
HOURS_UNKNOWN = (
    "NOT EXISTS (SELECT 1 FROM directory_schedule h WHERE h.service_id = s.id"
    " AND h.freq = 'WEEKLY' AND h.opens_at IS NOT NULL AND h.closes_at IS NOT NULL)"
)
SESSION = (
    "UPPER(h.byday) LIKE %s AND (h.valid_from IS NULL OR h.valid_from <= %s)"
    " AND (h.valid_to IS NULL OR h.valid_to >= %s)"
)


@dataclass
class Where:
    """SQL conditions joined by AND, and their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.clauses) or "1 = 1"


def facet_groups(params: SearchParams) -> list[tuple[str, ...]]:
    """Filter words: a match has at least one word of every group."""
    groups = [
        tuple(facet(taxonomies.TOPIC, code) for code in params.topics),
        tuple(facet(taxonomies.DELIVERY, code) for code in params.delivery),
    ]
    if params.level:
        groups.append((facet(taxonomies.LEVEL_OF_NEED, f"level-{params.level}"),))
    if params.self_referral:
        groups.append((facet(taxonomies.REFERRAL_ROUTE, "self"),))
    if params.free_only:
        groups.append((FREE,))
    if params.open_now and not params.hours_unknown:  # the exact rule stays in `where_for`
        groups.append(open_now_words(OpenCheck.at(params.at)))
    return [group for group in groups if group]


def where_for(params: SearchParams) -> Where:
    where = Where()
    where.add("s.status = %s", ServiceStatus.ACTIVE.value)
    if params.scope:
        where.add("s.scope = %s", params.scope)
    _school(where, params.school_id)
    age = params.child_age
    if age is not None:
        _age(where, age)
    if params.open_now and params.hours_unknown:
        where.add(HOURS_UNKNOWN)
    elif params.open_now:
        _open_at(where, OpenCheck.at(params.at))
    return where


def _school(where: Where, school_id: int | None) -> None:
    """Schools' own provision: only the school's own, and only in its context."""
    if school_id is None:
        where.add("s.scope <> %s", Scope.SCHOOL.value)
    else:
        where.add("(s.scope <> %s OR s.owner_school_id = %s)", Scope.SCHOOL.value, school_id)


def _age(where: Where, age: Decimal) -> None:
    """Stated ages include `age`; a service stating none serves up to DEFAULT_MAXIMUM_AGE."""
    value = connection.ops.adapt_decimalfield_value(age)
    where.add(
        "(s.minimum_age IS NULL OR s.minimum_age <= %s)"
        " AND (s.maximum_age IS NULL OR s.maximum_age >= %s)",
        value,
        value,
    )
    if age > DEFAULT_MAXIMUM_AGE:
        where.add("s.minimum_age IS NOT NULL OR s.maximum_age IS NOT NULL")


def _open_at(where: Where, check: OpenCheck) -> None:
    """Mirrors `OpenCheck.schedule_is_open` for the service's own weekly schedules."""
    now = connection.ops.adapt_timefield_value(check.now.replace(microsecond=0))
    today, today_params = _session(check.today)
    yesterday, yesterday_params = _session(check.yesterday)
    where.add(
        OPEN_NOW.format(today=today, yesterday=yesterday),
        now,
        now,
        *today_params,
        now,
        *yesterday_params,
    )


def _session(session: Session) -> tuple[str, list[Any]]:
    """A schedule runs a session on this day: listed, in date, not stopped by a holiday."""
    day = connection.ops.adapt_datefield_value(session.day)
    params: list[Any] = [f"%{session.code}%", day, day]
    if not session.bank_holiday:
        return SESSION, params
    return f"{SESSION} AND s.id IN ({BANK_HOLIDAY_SERVICES})", [
        *params,
        taxonomies.FEATURE,
        OPEN_BANK_HOLIDAYS,
    ]
