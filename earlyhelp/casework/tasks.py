"""Background tasks of casework (docs/adr/0012)."""

from django.tasks import task

from earlyhelp.casework.clock import run_clock


@task
def run_casework_clock() -> dict[str, int]:
    """`casework-clock` as a task: nothing is created twice, so it is safe to run again."""
    return dict(run_clock())
