# ruff: noqa: N999
"""`earlyhelp attendance-report`: the same command as `attendance_report`."""

from earlyhelp.attendance.management.commands.attendance_report import Command

__all__ = ["Command"]
