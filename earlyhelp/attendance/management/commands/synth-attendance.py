# ruff: noqa: N999
"""`earlyhelp synth-attendance`: the same command as `synth_attendance`."""

from earlyhelp.attendance.management.commands.synth_attendance import Command

__all__ = ["Command"]
