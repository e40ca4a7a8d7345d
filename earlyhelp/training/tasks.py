"""Background tasks of staff training (run by `run-due-jobs`, jobs/schedule.py)."""

from django.tasks import task
from django.utils import timezone

from earlyhelp.training.reminders import send_reminders


@task
def send_training_reminders() -> dict[str, int]:
    """Each due or overdue record's reminder, once each (safe to run again)."""
    result = send_reminders(today=timezone.localdate())
    return {"sent": result.sent, "already sent": result.already, "no email": result.no_email}
