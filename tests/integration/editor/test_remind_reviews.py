"""`earlyhelp remind_reviews`: editors hear when their Offer is due, once a week at most."""

from datetime import timedelta
from io import StringIO

import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from earlyhelp.accounts.actions import create_staff_user, grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.audit.models import AuditEvent
from tests.integration.editor.support import noon, review_due
from tests.worker import run_worker

# The messages are sent by a background task (jobs.mail.send_email); here it runs at once.
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def remind(capture, *args: str) -> str:
    out = StringIO()
    with capture(execute=True), override_settings(TASKS=IMMEDIATE):
        call_command("remind_reviews", *args, stdout=out)
    return out.getvalue()


def test_reminds_everyone_who_may_publish_when_due_soon(
    universe, django_capture_on_commit_callbacks
):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due - timedelta(days=10))):
        output = remind(django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["dee@example.org", "ed@example.org"]
    assert "tom@example.org" not in output  # a teacher may not publish
    assert "Northfield Primary" in output and "reminded 2" in output
    message = mail.outbox[0]
    assert "Early Help Offer review is due on" in message.subject
    assert "/staff/schools/northfield-primary/offer/" in message.body
    event = AuditEvent.objects.get(action="offer.review_reminder_sent")
    assert event.school_id == str(universe.northfield.pk)


def test_not_twice_in_a_week_but_again_the_week_after(universe, django_capture_on_commit_callbacks):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due - timedelta(days=3))):
        remind(django_capture_on_commit_callbacks)
    with time_machine.travel(noon(due + timedelta(days=2))):
        output = remind(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert "already reminded this week" in output
    with time_machine.travel(noon(due + timedelta(days=5))):
        output = remind(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4
    assert "was due on" in mail.outbox[-1].subject  # overdue now
    assert AuditEvent.objects.filter(action="offer.review_reminder_sent").count() == 2


def test_nothing_for_offers_not_due(universe, django_capture_on_commit_callbacks):
    output = remind(django_capture_on_commit_callbacks)  # Northfield was published today
    assert mail.outbox == []
    assert "No Offer is due for review." in output
    assert not AuditEvent.objects.filter(action="offer.review_reminder_sent").exists()


def test_unpublished_offers_and_inactive_staff_are_left_alone(
    universe, django_capture_on_commit_callbacks
):
    """Southbank has never published; a departed DSL at Northfield gets nothing."""
    gone = create_staff_user(
        by=None,
        username="gus",
        first_name="Gus",
        last_name="Old",
        email="gus@example.org",
        password=None,
    )
    grant_role(by=None, user=gone, role=Role.DSL, school=universe.northfield)
    gone.is_active = False
    gone.save()
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due)):
        output = remind(django_capture_on_commit_callbacks)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["dee@example.org", "ed@example.org"]
    assert "Southbank" not in output


def test_dry_run_sends_nothing(universe, django_capture_on_commit_callbacks):
    due = review_due(universe.northfield)
    with time_machine.travel(noon(due)):
        output = remind(django_capture_on_commit_callbacks, "--dry-run")
    assert "would be reminded" in output
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(action="offer.review_reminder_sent").exists()


def test_the_hyphenated_name_runs_the_same_command(universe, django_capture_on_commit_callbacks):
    out = StringIO()
    call_command("remind-reviews", stdout=out)
    assert "No Offer is due for review." in out.getvalue()


def test_the_messages_wait_in_the_queue_for_the_worker(universe):
    from django_tasks_db.models import DBTaskResult

    due = review_due(universe.northfield)
    with time_machine.travel(noon(due - timedelta(days=10))):
        call_command("remind_reviews", stdout=StringIO())
    queued = DBTaskResult.objects.filter(task_path="earlyhelp.jobs.mail.send_email")
    assert mail.outbox == []
    assert sorted(r.args_kwargs["kwargs"]["to"][0] for r in queued) == [
        "dee@example.org",
        "ed@example.org",
    ]

    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["dee@example.org", "ed@example.org"]
