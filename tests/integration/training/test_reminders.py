"""Reminder e-mails: once when due, once when overdue, never once per run (issue 15)."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from earlyhelp.audit.models import AuditEvent
from earlyhelp.jobs.schedule import list_jobs
from earlyhelp.training.models import TrainingReminder
from earlyhelp.training.tasks import send_training_reminders
from tests.integration.training.support import done

pytestmark = pytest.mark.django_db
# The messages are sent by a background task (jobs.mail.send_email); here it runs at once.
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def remind(capture) -> str:
    out = StringIO()
    with capture(execute=True), override_settings(TASKS=IMMEDIATE):
        call_command("remind_training", stdout=out)
    return out.getvalue()


def test_due_then_overdue_each_once(universe, django_capture_on_commit_callbacks):
    u = universe
    with time_machine.travel("2025-09-01 12:00Z", tick=False):
        done(u.northfield, u.tom, "safeguarding-update", date(2025, 9, 1))
    with time_machine.travel("2026-08-20 12:00Z", tick=False):
        output = remind(django_capture_on_commit_callbacks)
    assert "Reminders sent: 1" in output and "Northfield Primary: 1 sent" in output
    [message] = mail.outbox
    assert message.to == ["tom@example.org"]
    assert message.subject == "Due soon: Safeguarding and child protection update"
    assert "is due on 1 September 2026" in message.body
    assert "/staff/schools/northfield-primary/training/" in message.body
    with time_machine.travel("2026-08-21 12:00Z", tick=False):
        output = remind(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # the second run sends nothing new
    assert "Reminders sent: 0; already sent before: 1" in output
    with time_machine.travel("2026-09-02 12:00Z", tick=False):
        remind(django_capture_on_commit_callbacks)
        remind(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Overdue: Safeguarding and child protection update"
    assert "was due on 1 September 2026" in mail.outbox[1].body
    assert TrainingReminder.objects.count() == 2
    assert AuditEvent.objects.filter(action="training.reminders_sent").count() == 2


def test_formal_dsl_training_is_reminded_as_the_refresh_and_as_itself(
    universe, django_capture_on_commit_callbacks
):
    u = universe
    with time_machine.travel("2025-09-01 12:00Z", tick=False):
        done(u.northfield, u.dee, "dsl-formal", date(2025, 9, 1))
        done(u.northfield, u.dee, "safeguarding-update", date(2025, 9, 1))
    with time_machine.travel("2026-09-02 12:00Z", tick=False):
        remind(django_capture_on_commit_callbacks)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Overdue: DSL and deputy knowledge refresh",
        "Overdue: Safeguarding and child protection update",
    ]
    with time_machine.travel("2027-08-01 12:00Z", tick=False):
        remind(django_capture_on_commit_callbacks)
    assert mail.outbox[-1].subject == "Due soon: DSL and deputy formal training"
    assert len(mail.outbox) == 3


def test_nothing_to_send_and_no_address(universe, django_capture_on_commit_callbacks):
    u = universe
    u.tom.email = ""
    u.tom.save()
    with time_machine.travel("2025-01-01 12:00Z", tick=False):
        done(u.northfield, u.tom, "online-safety", date(2025, 1, 1))
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        output = remind(django_capture_on_commit_callbacks)
    assert not mail.outbox
    assert "no e-mail address: 1" in output


def test_the_daily_job_runs_the_same_task(universe, django_capture_on_commit_callbacks):
    job = next(j for j in list_jobs() if j.name == "remind-training")
    assert job.task == "earlyhelp.training.tasks.send_training_reminders"
    with time_machine.travel("2025-09-01 12:00Z", tick=False):
        done(universe.northfield, universe.tom, "fgm", date(2022, 9, 1))
        with django_capture_on_commit_callbacks(execute=True), override_settings(TASKS=IMMEDIATE):
            result = send_training_reminders.enqueue()
    assert result.return_value == {"sent": 1, "already sent": 0, "no email": 0}
    assert mail.outbox[0].subject.startswith("Due soon: Female genital mutilation")
