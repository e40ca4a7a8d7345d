# ruff: noqa: N999
"""`earlyhelp remind-reviews`: the same command as `remind_reviews`."""

from earlyhelp.offers.management.commands.remind_reviews import Command

__all__ = ["Command"]
