# ruff: noqa: N999
"""`earlyhelp remind-training`: the same command as `remind_training`."""

from earlyhelp.training.management.commands.remind_training import Command

__all__ = ["Command"]
