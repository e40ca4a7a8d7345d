"""A school's term dates and casework settings (the graduated clock and the transfer clock
count school days; reviews fall due every 6 to 12 weeks)."""

from datetime import date

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, save
from earlyhelp.casework.actions.errors import (
    OverlappingTermError,
    ReviewIntervalError,
    TermDatesError,
)
from earlyhelp.casework.models import CaseworkSettings, SchoolTerm
from earlyhelp.lib.concurrency import ensure_unchanged
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.schools.models import School

REVIEW_INTERVAL_WEEKS = range(6, 13)

TERM_FIELDS = ("name", "starts_on", "ends_on")
INTERVAL_FIELDS = ("review_interval_weeks",)


@transaction.atomic
def set_term(
    *,
    school: School,
    name: str,
    starts_on: date,
    ends_on: date,
    by: User | None,
    term: SchoolTerm | None = None,
    expected_version: str | None = None,
) -> SchoolTerm:
    """Change `term`, or (without it) add a term or change the dates of the term that starts
    on `starts_on`. A term ends after it starts and overlaps no other term of the school."""
    if ends_on <= starts_on:
        raise TermDatesError("The last day of the term must be after its first day")
    _lock_school(school)
    if term is not None:
        ensure_unchanged(term, TERM_FIELDS, expected_version)
    if term is None:
        term = SchoolTerm.objects.filter(school=school, starts_on=starts_on).first()
    term = term or SchoolTerm(school=school)
    assert term.school_id == school.pk, "a term of another school"
    _refuse_overlap(school, starts_on, ends_on, term)
    term.name, term.starts_on, term.ends_on = name, starts_on, ends_on
    save(term)
    audit(
        by=by,
        action=AuditAction.CASEWORK_TERM_SET,
        obj=term,
        school_id=school.pk,
        starts_on=starts_on.isoformat(),
        ends_on=ends_on.isoformat(),
    )
    return term


@transaction.atomic
def remove_term(*, term: SchoolTerm, by: User | None) -> None:
    """Remove a term: its days become holidays if other terms surround them."""
    audit(
        by=by,
        action=AuditAction.CASEWORK_TERM_REMOVED,
        obj=term,
        school_id=term.school_id,
        name=term.name,
        starts_on=term.starts_on.isoformat(),
        ends_on=term.ends_on.isoformat(),
    )
    term.delete()


@transaction.atomic
def set_review_interval(
    *, school: School, weeks: int, by: User | None, expected_version: str | None = None
) -> CaseworkSettings:
    """Weeks between Team Around the Family reviews: new reviews fall due this far apart."""
    if weeks not in REVIEW_INTERVAL_WEEKS:
        raise ReviewIntervalError("Reviews must be between 6 and 12 weeks apart")
    settings, _ = CaseworkSettings.objects.select_for_update().get_or_create(school=school)
    ensure_unchanged(settings, INTERVAL_FIELDS, expected_version)
    before = settings.review_interval_weeks
    settings.review_interval_weeks = weeks
    save(settings)
    audit(
        by=by,
        action=AuditAction.CASEWORK_REVIEW_INTERVAL_SET,
        obj=settings,
        school_id=school.pk,
        weeks=weeks,
        before=before,
    )
    return settings


def _lock_school(school: School) -> None:
    """Two people saving terms at once cannot both pass the overlap check."""
    list(School.objects.select_for_update().filter(pk=school.pk).values_list("pk", flat=True))


def _refuse_overlap(school: School, starts_on: date, ends_on: date, term: SchoolTerm) -> None:
    other = (
        SchoolTerm.objects.filter(school=school, starts_on__lte=ends_on, ends_on__gte=starts_on)
        .exclude(pk=term.pk)
        .first()
    )
    if other is not None:
        starts, ends = govuk_date(other.starts_on), govuk_date(other.ends_on)
        raise OverlappingTermError(f"The dates overlap {other.name} ({starts} to {ends})")
