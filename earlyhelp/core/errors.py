"""Typed errors that actions raise when a workflow rule is broken."""


class ActionError(Exception):
    """An action refused: the message is written for the person who asked."""


class InvalidState(ActionError):
    """The object is not in a state that allows this action."""
