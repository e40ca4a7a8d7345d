"""Adding a task for a school's safeguarding team: the public way for any app to add one."""

from datetime import date

from django.db import models, transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.models import Task, TaskKind
from earlyhelp.schools.models import School


def add_task(
    *,
    school: School,
    kind: TaskKind,
    title: str,
    due_on: date,
    pupil: Pupil | None = None,
    assigned_to: User | None = None,
    source: models.Model | None = None,
) -> Task:
    """Add one open task. Call it inside the action that made the duty arise."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("add_task must run inside the action's transaction")
    task = Task(
        school=school,
        pupil=pupil,
        kind=kind,
        title=title,
        due_on=due_on,
        assigned_to=assigned_to,
        created_at=timezone.now(),
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
    )
    task.full_clean()
    task.save()
    return task
