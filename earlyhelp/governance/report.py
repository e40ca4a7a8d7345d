"""What the governors' report says, in counts: `build_report(school, starts_on, ends_on)`.

Sections: staff training and read-and-sign (training's own summary), the Offer's health and
review date, pupil voice, early help (by level of need, step-ups to the front door,
transfers of child protection files) and attendance (persistent and severe absence). No
child is named. Counts about children (early help, attendance, pupil voice) under 5 are
suppressed (`lib.smallnumbers`), and so is any rate built on one; training counts are about
staff the governors oversee and are shown as they are.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from earlyhelp.attendance.engine import measure_school
from earlyhelp.casework.models import (
    ACTIVE_STATUSES,
    EarlyHelpEpisode,
    FileTransfer,
    NeedLevel,
    Referral,
)
from earlyhelp.lib.schoolyear import england_terms
from earlyhelp.lib.smallnumbers import rate, suppress
from earlyhelp.offers.health import check_offer
from earlyhelp.offers.reviews import ReviewState, review_state
from earlyhelp.pupilvoice.results import PeriodResults, period_results
from earlyhelp.pupilvoice.terms import school_year_start
from earlyhelp.schools.models import School
from earlyhelp.training.summary import TrainingSummary, summary_for_school


@dataclass(frozen=True)
class OfferHealth:
    errors: int
    warnings: int
    review: ReviewState
    review_due: date | None
    published_on: date | None


@dataclass(frozen=True)
class LevelCount:
    level: str
    open_now: int | None
    opened: int | None


@dataclass(frozen=True)
class EarlyHelp:
    levels: tuple[LevelCount, ...]
    open_now: int | None
    opened: int | None
    step_ups: int | None
    transfers_out: int | None
    transfers_in: int | None


@dataclass(frozen=True)
class Attendance:
    pupils: int | None
    persistent: int | None
    persistent_rate: float | None
    severe: int | None
    severe_rate: float | None


@dataclass(frozen=True)
class Report:
    school: School
    starts_on: date
    ends_on: date
    made_on: date
    training: TrainingSummary
    offer: OfferHealth
    pupil_voice: PeriodResults
    early_help: EarlyHelp
    attendance: Attendance


def this_half_term(today: date) -> tuple[date, date]:
    """From the first day of the half term `today` is in (or the last one begun) to today."""
    half_terms = england_terms(school_year_start(today))
    begun = [t for t in half_terms if t.starts_on <= today] or [half_terms[0]]
    return min(begun[-1].starts_on, today), today


def build_report(school: School, starts_on: date, ends_on: date, *, today: date) -> Report:
    return Report(
        school=school,
        starts_on=starts_on,
        ends_on=ends_on,
        made_on=today,
        training=summary_for_school(school, today=today),
        offer=offer_health(school, today),
        pupil_voice=period_results(school, starts_on, ends_on),
        early_help=early_help(school, starts_on, ends_on),
        attendance=attendance(school, starts_on, ends_on),
    )


def offer_health(school: School, today: date) -> OfferHealth:
    offer = school.offer
    findings = check_offer(offer, today=today)
    errors = sum(1 for f in findings if f.is_error)
    version = offer.published_version
    return OfferHealth(
        errors=errors,
        warnings=len(findings) - errors,
        review=review_state(offer, today),
        review_due=offer.review_due,
        published_on=version.published_at.date() if version else None,
    )


def early_help(school: School, starts_on: date, ends_on: date) -> EarlyHelp:
    """Open now by level, opened in the period by level, step-ups and transfers in it."""
    in_period = Q(opened_at__date__gte=starts_on, opened_at__date__lte=ends_on)
    counts = {
        level: (open_now, opened)
        for level, open_now, opened in EarlyHelpEpisode.objects.filter(school=school)
        .values_list("level")
        .annotate(
            open_now=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
            opened=Count("pk", filter=in_period),
        )
        .order_by()
    }
    levels = tuple(
        LevelCount(
            level=level.label,
            open_now=suppress(counts.get(level, (0, 0))[0]),
            opened=suppress(counts.get(level, (0, 0))[1]),
        )
        for level in NeedLevel
    )
    step_ups = Referral.objects.filter(
        school=school, local_authority__isnull=False, sent_on__gte=starts_on, sent_on__lte=ends_on
    ).count()
    created = Q(created_at__date__gte=starts_on, created_at__date__lte=ends_on)
    return EarlyHelp(
        levels=levels,
        open_now=suppress(sum(c[0] for c in counts.values())),
        opened=suppress(sum(c[1] for c in counts.values())),
        step_ups=suppress(step_ups),
        transfers_out=suppress(FileTransfer.objects.filter(created, from_school=school).count()),
        transfers_in=suppress(FileTransfer.objects.filter(created, to_school=school).count()),
    )


def attendance(school: School, starts_on: date, ends_on: date) -> Attendance:
    measures = measure_school(school.pk, starts_on, ends_on)
    pupils = [p for p in measures.pupils if p.possible]
    persistent = sum(1 for p in pupils if p.persistent)
    severe = sum(1 for p in pupils if p.severe)
    return Attendance(
        pupils=suppress(len(pupils)),
        persistent=suppress(persistent),
        persistent_rate=rate(persistent, len(pupils)),
        severe=suppress(severe),
        severe_rate=rate(severe, len(pupils)),
    )
