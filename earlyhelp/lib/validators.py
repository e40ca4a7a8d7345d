"""Model-level validators: the last line against bad data reaching the database."""

from django.core.exceptions import ValidationError

from earlyhelp.lib import phones


def validate_stored_phone(value: str) -> None:
    """A stored number must already be normalised: E.164, or a helpline short code."""
    try:
        normalised = phones.normalise(value)
    except phones.InvalidPhone as error:
        raise ValidationError("Enter a phone number, like 01905 822666") from error
    if normalised != value:
        raise ValidationError(f"Store phone numbers as {normalised}")
