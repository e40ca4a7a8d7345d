# ruff: noqa: N999
"""`earlyhelp eval-search`: the same command as `eval_search`."""

from earlyhelp.directory.management.commands.eval_search import Command

__all__ = ["Command"]
