# ruff: noqa: N999
"""`earlyhelp load-postcodes`: the same command as `load_postcodes`."""

from earlyhelp.directory.management.commands.load_postcodes import Command

__all__ = ["Command"]
