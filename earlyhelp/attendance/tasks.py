"""Background tasks of the attendance app (Django's Tasks framework; docs/adr/0012)."""

from django.tasks import task

from earlyhelp.attendance.alerts import check_queued
from earlyhelp.attendance.letter_actions import make_letters


@task
def make_letters_task(run_id: int) -> None:
    """Make a run's half-term letters (attendance.LetterRun), one PDF per family."""
    make_letters(run_id=run_id)


@task
def check_alerts_task() -> None:
    """Measure the pupils the imports queued and raise each new crossing (attendance.alerts):
    safe to run again and on several workers; a run with nothing queued does nothing."""
    check_queued()
