"""The local authority's home: one row per school of the authority, counts only.

Each row has the Offer's health (findings of the health check by severity, whether the
review is overdue, when it was published), open early help by level of need, step-ups to
the front door this school year, and persistent and severe absence over the school year to
date. The health check costs some 35 ms a school (bench/la_home.py), so each school's
counts are kept in the cache for `HEALTH_SECONDS`, keyed by the Offer's last change and the
day: a county's page runs each school's check at most once in that time. Any count under 5
is suppressed (`None`, shown as "fewer than 5"), and so is any rate built on a suppressed
count (`lib.smallnumbers`). No child is named here.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count

from earlyhelp.attendance.engine import SchoolMeasures, measure
from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode, NeedLevel, Referral
from earlyhelp.lib.smallnumbers import rate, suppress
from earlyhelp.offers.health import check_offer
from earlyhelp.offers.models import Offer
from earlyhelp.offers.reviews import ReviewState, review_state
from earlyhelp.schools.models import LocalAuthority, School

LEVELS = list(NeedLevel)
SUPPRESSED = "fewer than 5"
HEALTH_SECONDS = 10 * 60


@dataclass(frozen=True)
class SchoolSummary:
    school: School
    errors: int
    warnings: int
    review: ReviewState
    published_at: datetime | None
    levels: list[int | None]
    step_ups: int | None
    pupils: int | None
    persistent: int | None
    persistent_rate: float | None
    severe: int | None
    severe_rate: float | None

    @property
    def level_pairs(self) -> list[tuple[NeedLevel, int | None]]:
        return list(zip(LEVELS, self.levels, strict=True))

    @property
    def review_overdue(self) -> bool:
        return self.review == ReviewState.OVERDUE


def year_start(today: date) -> date:
    """1 September of the school year `today` is in (as the attendance pages count)."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def summarise(la: LocalAuthority, today: date) -> list[SchoolSummary]:
    schools = list(la.schools.select_related("offer", "offer__published_version").order_by("name"))
    levels, step_ups = _episode_counts(la), _step_ups(la, year_start(today))
    attendance = measure(year_start(today), today) if schools else {}
    return [
        _summary(s, today, levels[s.pk], step_ups.get(s.pk, 0), attendance.get(s.pk))
        for s in schools
    ]


def _summary(
    school: School,
    today: date,
    levels: dict[int, int],
    step_ups: int,
    measures: SchoolMeasures | None,
) -> SchoolSummary:
    offer = school.offer
    errors, warnings = health_counts(offer, today)
    version = offer.published_version
    pupils = [p for p in measures.pupils if p.possible] if measures else []
    persistent = sum(1 for p in pupils if p.persistent)
    severe = sum(1 for p in pupils if p.severe)
    return SchoolSummary(
        school=school,
        errors=errors,
        warnings=warnings,
        review=review_state(offer, today),
        published_at=version.published_at if version else None,
        levels=[suppress(levels.get(level, 0)) for level in LEVELS],
        step_ups=suppress(step_ups),
        pupils=suppress(len(pupils)),
        persistent=suppress(persistent),
        persistent_rate=rate(persistent, len(pupils)),
        severe=suppress(severe),
        severe_rate=rate(severe, len(pupils)),
    )


def health_counts(offer: Offer, today: date) -> tuple[int, int]:
    """(errors, warnings) of the Offer's health check, from the cache when fresh."""
    key = f"la-home:health:{offer.pk}:{offer.updated_at.isoformat()}:{today}"
    cached: tuple[int, int] | None = cache.get(key)
    if cached is None:
        findings = check_offer(offer, today=today)
        errors = sum(1 for f in findings if f.is_error)
        cached = (errors, len(findings) - errors)
        cache.set(key, cached, HEALTH_SECONDS)
    return cached


def _episode_counts(la: LocalAuthority) -> dict[int, dict[int, int]]:
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for school_id, level, n in (
        EarlyHelpEpisode.objects.filter(school__local_authority=la, status__in=ACTIVE_STATUSES)
        .values_list("school_id", "level")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[school_id][level] = n
    return counts


def _step_ups(la: LocalAuthority, since: date) -> dict[int, int]:
    return dict(
        Referral.objects.filter(local_authority=la, school__local_authority=la, sent_on__gte=since)
        .values_list("school_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
