"""Background tasks of the pupils app (Django's Tasks framework; docs/adr/0012)."""

from django.tasks import task

from earlyhelp.pupils.actions import run_roll_import


@task
def import_roll_file(roll_import_id: int) -> None:
    """Import an uploaded roll file (pupils.RollImport) with progress; all or nothing."""
    run_roll_import(roll_import_id=roll_import_id)
