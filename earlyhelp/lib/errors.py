"""Typed errors that actions raise when they refuse.

Every refusal an action raises is an `ActionError`, so a view catches one type and shows its
message (written for the person who asked) as a GOV.UK error. Apps use these classes or
subclass them for a more precise name.
"""


class ActionError(Exception):
    """An action refused: the message is written for the person who asked."""


class WrongStateError(ActionError):
    """The object is not in a state that allows this action (e.g. it was already decided)."""
