"""The weekly safeguarding meeting's agenda, built for a date from the school's records.

Sections: new concerns since the last meeting, reviews due, overdue plan actions, pattern
alerts (two or more concerns about one child from different staff within 7 days) and
referrals waiting past their follow-up date. Each item names one child, so a decision on it
goes into that child's chronology.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import Truncator

from earlyhelp.casework.models import (
    ACTIVE_STATUSES,
    AWAITING_REPLY,
    AgendaItemKind,
    EarlyHelpEpisode,
    Meeting,
    MeetingDecision,
    PlanAction,
    Referral,
)
from earlyhelp.concerns.models import Concern, ConcernPupil, Part
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.models import Task, TaskKind
from earlyhelp.schools.models import School

SUMMARY_WORDS = 40
PATTERN_WINDOW = timedelta(days=7)
REVIEW_HORIZON = timedelta(days=7)
# The tasks the attendance import raises when a child crosses a threshold (issue 13).
ATTENDANCE_TASKS = [TaskKind.ATTENDANCE_REVIEW, TaskKind.CME_NOTIFY, TaskKind.PENALTY_CONSIDER]
ATTENDANCE_KEY = "attendance-"


@dataclass
class AgendaItem:
    kind: AgendaItemKind
    key: str
    pupil: Pupil
    title: str
    due_on: date | None = None
    decisions: list[MeetingDecision] = field(default_factory=list)
    about: str = ""
    summary: str = ""
    immediate_risk: bool = False
    involved: list[tuple[str, str]] = field(default_factory=list)
    triaged: str = ""

    @property
    def decided(self) -> bool:
        """Decided at this meeting, or (a concern) already decided in the inbox."""
        return bool(self.decisions or self.triaged)


@dataclass
class Agenda:
    on: date
    since: date
    meeting: Meeting | None
    sections: dict[AgendaItemKind, list[AgendaItem]]

    @property
    def items(self) -> list[AgendaItem]:
        return [item for items in self.sections.values() for item in items]

    def find(self, key: str) -> AgendaItem | None:
        return next((item for item in self.items if item.key == key), None)

    @property
    def to_decide(self) -> list[AgendaItem]:
        return [item for item in self.items if not item.decided]

    @property
    def decided(self) -> list[AgendaItem]:
        return [item for item in self.items if item.decided]


def build_agenda(school: School, on: date) -> Agenda:
    previous = Meeting.objects.filter(school=school, held_on__lt=on).order_by("-held_on").first()
    since = previous.held_on if previous else on - timedelta(days=7)
    meeting = Meeting.objects.filter(school=school, held_on=on).first()
    sections = {
        AgendaItemKind.NEW_CONCERN: new_concerns(school, since, on),
        AgendaItemKind.REVIEW_DUE: reviews_due(school, on),
        AgendaItemKind.ACTION_OVERDUE: overdue_actions(school, on),
        AgendaItemKind.PATTERN: pattern_alerts(school, on),
        AgendaItemKind.REFERRAL_WAITING: referrals_waiting(school, on),
        AgendaItemKind.ATTENDANCE: attendance_tasks(school, on, meeting),
    }
    agenda = Agenda(on=on, since=since, meeting=meeting, sections=sections)
    if meeting is not None:
        _attach_decisions(agenda, meeting)
    return agenda


def new_concerns(school: School, since: date, on: date) -> list[AgendaItem]:
    """Concerns raised after the last meeting's day, up to the end of `on` (one item a child)."""
    links = (
        ConcernPupil.objects.filter(
            concern__school=school,
            concern__raised_at__gte=_start_of(since + timedelta(days=1)),
            concern__raised_at__lt=_start_of(on + timedelta(days=1)),
        )
        .select_related("pupil", "concern", "concern__decision")
        .prefetch_related(
            Prefetch("concern__links", queryset=ConcernPupil.objects.select_related("pupil"))
        )
        .order_by("concern__raised_at", "pk")
    )
    return [_concern_item(link) for link in links]


def _concern_item(link: ConcernPupil) -> AgendaItem:
    """One child's item for a concern: what it is about, its flags, who else is involved."""
    concern: Concern = link.concern
    decision = getattr(concern, "decision", None)
    about = (
        str(concern.get_message_kind_display())
        if concern.message_kind
        else ", ".join(concern.category_labels)
    )
    return AgendaItem(
        AgendaItemKind.NEW_CONCERN,
        f"concern-{link.concern_id}-{link.pupil_id}",
        link.pupil,
        f"Concern logged {govuk_date(timezone.localtime(concern.raised_at))}",
        about=about,
        summary=Truncator(concern.account).words(SUMMARY_WORDS),
        immediate_risk=concern.immediate_risk,
        involved=[
            (other.pupil.display_name, _part(other.part))
            for other in concern.links.all()
            if len(concern.links.all()) > 1
        ],
        triaged=(
            f"{decision.get_outcome_display()}: {decision.reason}" if decision is not None else ""
        ),
    )


def _part(part: str) -> str:
    return {
        Part.SUBJECT: "subject",
        Part.ALLEGED_HARMER: "alleged harmer",
        Part.WITNESS: "witness",
    }.get(Part(part), "other")


def reviews_due(school: School, on: date) -> list[AgendaItem]:
    episodes = EarlyHelpEpisode.objects.filter(
        school=school, status__in=ACTIVE_STATUSES, next_review_on__lte=on + REVIEW_HORIZON
    ).select_related("pupil")
    return [
        AgendaItem(
            AgendaItemKind.REVIEW_DUE,
            f"review-{e.pk}-{e.next_review_on}",
            e.pupil,
            "Team Around the Family review due",
            e.next_review_on,
        )
        for e in episodes.order_by("next_review_on", "pk")
    ]


def overdue_actions(school: School, on: date) -> list[AgendaItem]:
    actions = PlanAction.objects.filter(
        episode__school=school,
        episode__status__in=ACTIVE_STATUSES,
        done_on__isnull=True,
        due_on__lt=on,
    ).select_related("episode__pupil")
    return [
        AgendaItem(
            AgendaItemKind.ACTION_OVERDUE,
            f"action-{a.pk}",
            a.episode.pupil,
            f"Plan action for {a.who} overdue",
            a.due_on,
        )
        for a in actions
    ]


def pattern_alerts(school: School, on: date) -> list[AgendaItem]:
    """Children with concerns from two or more members of staff in the 7 days up to `on`."""
    links = ConcernPupil.objects.filter(
        concern__school=school,
        concern__raised_by__isnull=False,
        concern__raised_at__gte=_start_of(on + timedelta(days=1) - PATTERN_WINDOW),
        concern__raised_at__lt=_start_of(on + timedelta(days=1)),
    ).values_list("pupil_id", "concern__raised_by_id")
    staff: dict[int, set[int]] = defaultdict(set)
    for pupil_id, raised_by in links:
        staff[pupil_id].add(raised_by)
    flagged = [pupil_id for pupil_id, who in staff.items() if len(who) >= 2]
    pupils = Pupil.objects.filter(pk__in=flagged).order_by("legal_last_name", "pk")
    return [
        AgendaItem(
            AgendaItemKind.PATTERN,
            f"pattern-{p.pk}-{on}",
            p,
            f"Concerns from {len(staff[p.pk])} members of staff in 7 days",
        )
        for p in pupils
    ]


def referrals_waiting(school: School, on: date) -> list[AgendaItem]:
    referrals = Referral.objects.filter(
        school=school, status__in=AWAITING_REPLY, follow_up_on__lt=on
    ).select_related("pupil", "service", "local_authority")
    return [
        AgendaItem(
            AgendaItemKind.REFERRAL_WAITING,
            f"referral-{r.pk}",
            r.pupil,
            f"Referral to {r.recipient_name} waiting since {govuk_date(r.sent_on)}",
            r.follow_up_on,
        )
        for r in referrals
    ]


def attendance_tasks(school: School, on: date, meeting: Meeting | None) -> list[AgendaItem]:
    """Open attendance tasks raised by the end of `on`, and those this meeting decided."""
    decided = (
        meeting.decisions.filter(item_kind=AgendaItemKind.ATTENDANCE).values_list(
            "item_key", flat=True
        )
        if meeting is not None
        else []
    )
    numbers = (key.removeprefix(ATTENDANCE_KEY) for key in decided)
    closed_here = [int(n) for n in numbers if n.isdigit()]
    tasks = (
        Task.objects.filter(
            school=school,
            kind__in=ATTENDANCE_TASKS,
            pupil__isnull=False,
            created_at__lt=_start_of(on + timedelta(days=1)),
        )
        .filter(Q(done_at__isnull=True) | Q(pk__in=closed_here))
        .select_related("pupil")
        .order_by("due_on", "pk")
    )
    return [
        AgendaItem(AgendaItemKind.ATTENDANCE, f"{ATTENDANCE_KEY}{t.pk}", t.pupil, t.title, t.due_on)
        for t in tasks
        if t.pupil is not None
    ]


def _attach_decisions(agenda: Agenda, meeting: Meeting) -> None:
    by_key: dict[str, list[MeetingDecision]] = defaultdict(list)
    for decision in meeting.decisions.select_related("decided_by"):
        by_key[decision.item_key].append(decision)
    for item in agenda.items:
        item.decisions = by_key.get(item.key, [])


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
