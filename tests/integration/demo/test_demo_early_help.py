"""The demo shows early help at every stage in each demo school (fictional records)."""

from django.utils import timezone

from earlyhelp.casework.agenda import build_agenda
from earlyhelp.casework.models import (
    EarlyHelpEpisode,
    EpisodeStatus,
    FileTransfer,
    Meeting,
    Referral,
    SchoolTerm,
)
from earlyhelp.records.models import Task, TaskKind
from earlyhelp.schools.models import School


def test_every_demo_school_has_early_help_at_every_stage(demo):
    schools = School.objects.filter(pupils__isnull=False).distinct()
    assert schools.count() == 3
    for school in schools:
        statuses = set(
            EarlyHelpEpisode.objects.filter(school=school).values_list("status", flat=True)
        )
        assert statuses == {EpisodeStatus.OPEN, EpisodeStatus.STEPPED_UP, EpisodeStatus.CLOSED}
        referrals = set(Referral.objects.filter(school=school).values_list("status", flat=True))
        assert {"waiting", "accepted"} <= referrals
        assert FileTransfer.objects.filter(from_school=school, acknowledged_at=None).exists()
        assert Meeting.objects.filter(school=school).exists()
        assert SchoolTerm.objects.filter(school=school).count() == 3


def test_the_clock_has_made_tasks_and_the_agenda_has_items(demo):
    kinds = set(Task.objects.values_list("kind", flat=True))
    assert {TaskKind.REVIEW_DUE, TaskKind.ACTION_OVERDUE, TaskKind.REFERRAL_FOLLOW_UP} <= kinds
    school = School.objects.filter(pupils__isnull=False).first()
    assert school is not None
    agenda = build_agenda(school, timezone.localdate())
    assert agenda.items
