# ruff: noqa: N999
"""`earlyhelp import-pupils`: the same command as `import_pupils`."""

from earlyhelp.pupils.management.commands.import_pupils import Command

__all__ = ["Command"]
