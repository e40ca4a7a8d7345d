# ruff: noqa: N999
"""`earlyhelp harvest-oruk`: the same command as `harvest_oruk`."""

from earlyhelp.oruk.management.commands.harvest_oruk import Command

__all__ = ["Command"]
