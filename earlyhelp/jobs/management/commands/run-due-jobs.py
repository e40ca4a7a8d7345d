# ruff: noqa: N999
"""`earlyhelp run-due-jobs`: the same command as `run_due_jobs`."""

from earlyhelp.jobs.management.commands.run_due_jobs import Command

__all__ = ["Command"]
