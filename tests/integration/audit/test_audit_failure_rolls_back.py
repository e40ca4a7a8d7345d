"""An action and its audit event are one transaction: if the audit write fails, nothing the
action wrote before it is kept (earlyhelp/audit/events.py, ADR 0001)."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.actions.episodes import open_episode
from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.schools.models import School
from tests.concerns_universe import add_pupils, log, pupil_row
from tests.early_help_universe import build_children
from tests.universe import Universe

pytestmark = pytest.mark.django_db


class AuditDown(Exception):
    """The audit table cannot be written (a full disk, a lost connection)."""


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("earlyhelp.") and model is not AuditEvent
    }


def log_a_concern(universe: Universe) -> Callable[[], object]:
    (amy,) = add_pupils(universe.northfield, [pupil_row(1, "Amy", "Bell")])
    return lambda: log(universe.tom, amy)


def open_early_help(universe: Universe) -> Callable[[], object]:
    ava = build_children(universe).ava
    return lambda: open_episode(pupil=ava, level=2, reason="Tired most mornings.", by=universe.dee)


def publish_northfields_offer(universe: Universe) -> Callable[[], object]:
    offer = universe.northfield.offer
    due = timezone.localdate() + timedelta(days=200)
    return lambda: publish_offer(by=universe.ed, offer=offer, review_due=due)


def add_to_the_roll(universe: Universe) -> Callable[[], object]:
    school = School.objects.get(pk=universe.northfield.pk)
    rows = [pupil_row(7, "Nia", "Hart"), pupil_row(8, "Ole", "Park")]
    return lambda: add_pupils(school, rows)


ACTIONS = [log_a_concern, open_early_help, publish_northfields_offer, add_to_the_roll]


@pytest.mark.parametrize("prepare", ACTIONS, ids=[a.__name__ for a in ACTIONS])
def test_a_failing_audit_write_rolls_the_whole_action_back(universe, monkeypatch, prepare):
    action = prepare(universe)
    before, events = row_counts(), AuditEvent.objects.count()
    at_failure: dict[str, int] = {}

    def refuse(self: AuditEvent, *args: object, **kwargs: object) -> None:
        at_failure.update(row_counts())
        raise AuditDown("the audit table cannot be written")

    monkeypatch.setattr(AuditEvent, "save", refuse)
    with pytest.raises(AuditDown):
        action()
    assert at_failure and at_failure != before  # the action had written rows before its event
    assert row_counts() == before
    assert AuditEvent.objects.count() == events


def test_the_same_actions_succeed_when_the_audit_can_be_written(universe):
    """The control: without the failure each action keeps its rows and its events."""
    for prepare in ACTIONS:
        action = prepare(universe)
        before, events = row_counts(), AuditEvent.objects.count()
        action()
        assert row_counts() != before and AuditEvent.objects.count() > events
