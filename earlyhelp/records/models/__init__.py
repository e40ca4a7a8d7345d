"""The kernel's models: chronology entries and tasks (tables kept from casework)."""

from earlyhelp.records.models.chronology import ChronologyEntry, EntryKind
from earlyhelp.records.models.tasks import Task, TaskKind

__all__ = ["ChronologyEntry", "EntryKind", "Task", "TaskKind"]
