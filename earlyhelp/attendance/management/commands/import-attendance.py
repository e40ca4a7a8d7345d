# ruff: noqa: N999
"""`earlyhelp import-attendance`: the same command as `import_attendance`."""

from earlyhelp.attendance.management.commands.import_attendance import Command

__all__ = ["Command"]
