"""Background tasks of the attendance app (Django's Tasks framework; docs/adr/0012)."""

from django.tasks import task

from earlyhelp.attendance.letter_actions import make_letters


@task
def make_letters_task(run_id: int) -> None:
    """Make a run's half-term letters (attendance.LetterRun), one PDF per family."""
    make_letters(run_id=run_id)
