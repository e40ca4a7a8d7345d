"""Casework: a child's safeguarding record. One module per model family."""

from earlyhelp.casework.models.chronology import ChronologyEntry, EntryKind
from earlyhelp.casework.models.tasks import Task, TaskKind

__all__ = ["ChronologyEntry", "EntryKind", "Task", "TaskKind"]
