"""Validate a model before an action writes it.

The database holds some rules (constraints), but not a field's length on SQLite, its choices
or its validators: `full_clean()` checks them all. Every action that saves a model calls it,
through these, so a bad value is refused with a ValidationError and nothing is written.
"""

from collections.abc import Iterable

from django.db import models


def validated[M: models.Model](obj: M) -> M:
    """The object, checked (for `bulk_create`, which saves many at once)."""
    obj.full_clean()
    return obj


def validated_fields[M: models.Model](obj: M, *, exclude: Iterable[str]) -> M:
    """The object's own fields checked (length, choices, validators), without the queries
    `full_clean()` makes for each foreign key and constraint: for the rows of a bulk write
    whose related objects (`exclude`) the action has just read, and whose unique and check
    constraints the database enforces."""
    obj.clean_fields(exclude=list(exclude))
    return obj


def validated_save[M: models.Model](obj: M, *, exclude: Iterable[str] = ()) -> M:
    """Check the object, then save it. `exclude` names fields the action fills itself and
    that may legitimately be empty where a form would require them."""
    obj.full_clean(exclude=list(exclude) or None)
    obj.save()
    return obj
