"""How urgent the safeguarding team's new concerns are: the inbox's order and the home counts.

Immediate risk first, then harm disclosed to someone who has not told a DSL, then pattern
alerts, then the oldest. A new concern is overdue when it has waited longer than
TRIAGE_WITHIN for the team's decision.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from earlyhelp.concerns.models import Category, Concern, ConcernPupil, Status
from earlyhelp.schools.models import School

PATTERN_WINDOW = timedelta(days=7)
TRIAGE_WITHIN = timedelta(days=1)
# Categories that mean harm done to a child: logged with "Told a DSL: No", the DSL is alerted.
HARM = frozenset(
    {
        Category.PHYSICAL_ABUSE,
        Category.EMOTIONAL_ABUSE,
        Category.SEXUAL_ABUSE,
        Category.NEGLECT,
        Category.DOMESTIC_ABUSE,
        Category.CHILD_ON_CHILD,
        Category.EXPLOITATION,
        Category.FGM,
    }
)


def tell_dsl_now(categories: Iterable[str], *, told_dsl: bool) -> bool:
    """Harm was disclosed or seen and no DSL has heard it yet: tell one now."""
    return not told_dsl and any(c in HARM for c in categories)


@dataclass(frozen=True)
class InboxCounts:
    immediate_risk: int
    new: int
    overdue: int
    tell_dsl_now: int = 0


def by_urgency(concerns: QuerySet[Concern]) -> QuerySet[Concern]:
    """Immediate risk first, then harm no DSL has heard of, then pattern alerts, then the
    oldest first.

    A pattern alert: a child of the concern is in another concern, from another member of
    staff, raised within 7 days of it either way (the weekly meeting's rule, per concern).
    """
    children = ConcernPupil.objects.filter(concern_id=OuterRef(OuterRef("pk"))).values("pupil_id")
    others = ConcernPupil.objects.filter(
        pupil_id__in=children,
        concern__raised_by__isnull=False,
        concern__raised_at__gte=OuterRef("raised_at") - PATTERN_WINDOW,
        concern__raised_at__lte=OuterRef("raised_at") + PATTERN_WINDOW,
    ).exclude(Q(concern_id=OuterRef("pk")) | Q(concern__raised_by_id=OuterRef("raised_by_id")))
    return concerns.annotate(pattern=Exists(others)).order_by(
        F("immediate_risk").desc(),
        F("tell_dsl_now").desc(),
        F("pattern").desc(),
        "raised_at",
        "pk",
    )


def inbox_counts(school: School, now: datetime) -> InboxCounts:
    """The school's new concerns: how many, how many at immediate risk, how many overdue."""
    found = Concern.objects.filter(school=school, status=Status.NEW).aggregate(
        new=Count("pk"),
        immediate_risk=Count("pk", filter=Q(immediate_risk=True)),
        overdue=Count("pk", filter=Q(raised_at__lt=now - TRIAGE_WITHIN)),
        tell_dsl_now=Count("pk", filter=Q(tell_dsl_now=True)),
    )
    return InboxCounts(
        immediate_risk=found["immediate_risk"],
        new=found["new"],
        overdue=found["overdue"],
        tell_dsl_now=found["tell_dsl_now"],
    )
