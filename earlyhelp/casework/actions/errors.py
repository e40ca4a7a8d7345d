"""The typed errors casework actions raise; views show their message as a GOV.UK error."""

from earlyhelp.lib.errors import ActionError, WrongStateError

__all__ = [
    "ActionError",
    "ConsentRequiredError",
    "OpenActionsError",
    "OverlappingTermError",
    "ReviewIntervalError",
    "TermDatesError",
    "WrongStateError",
]


class ConsentRequiredError(ActionError):
    """The family has not given (or has withdrawn) consent to this."""


class OpenActionsError(ActionError):
    """The plan still has open actions and no reason was given for closing anyway."""


class TermDatesError(ActionError):
    """A term that would end on or before the day it starts."""


class OverlappingTermError(ActionError):
    """A term whose dates would overlap another term of the same school."""


class ReviewIntervalError(ActionError):
    """A review interval outside the 6 to 12 weeks the domain allows."""
