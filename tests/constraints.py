"""Database constraints under test: write a row through the ORM that breaks one constraint,
and check that the database itself refuses it, with that constraint and no other.

    refused("meeting_one_per_day", school=..., held_on=..., created_at=...)
    refused("pupil_unique_upn_per_school", **copy_of(pupil, legal_first_name="Twin"))

The model is found by the constraint's name, so a test survives its model moving between
apps. Every constraint of every earlyhelp model must be named in a `refused(...)` call
somewhere under tests/ (tests/integration/constraints/test_every_constraint_is_tested.py).
"""

from typing import Any

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction


def all_constraints() -> dict[str, tuple[type[models.Model], models.BaseConstraint]]:
    """Every constraint declared on an earlyhelp model, by name."""
    return {
        constraint.name: (model, constraint)
        for model in apps.get_models()
        if model.__module__.startswith("earlyhelp.")
        for constraint in model._meta.constraints
    }


def model_with(name: str) -> type[models.Model]:
    return all_constraints()[name][0]


def copy_of(instance: models.Model, **changes: Any) -> dict[str, Any]:
    """The row's own field values, with some changed: a near-duplicate. Its primary key and
    any other unique field with a default (an HSDS id) are left to their defaults."""
    fields = {
        field.name: getattr(instance, field.name)
        for field in instance._meta.concrete_fields
        if not (field.primary_key or (field.unique and field.has_default()))
    }
    return {**fields, **changes}


def refused(name: str, /, **fields: Any) -> None:
    """Creating this row fails in the database because of the constraint `name`."""
    model, constraint = all_constraints()[name]
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        model._default_manager.create(**fields)
    message = str(caught.value)
    assert names_the_constraint(message, model, constraint), message


def names_the_constraint(
    message: str, model: type[models.Model], constraint: models.BaseConstraint
) -> bool:
    """PostgreSQL and SQLite name a broken check constraint; for a unique one SQLite names
    the columns instead ("UNIQUE constraint failed: table.a, table.b")."""
    if constraint.name in message:
        return True
    if connection.vendor != "sqlite" or not isinstance(constraint, models.UniqueConstraint):
        return False
    table = model._meta.db_table
    fields = [model._meta.get_field(name) for name in constraint.fields]
    columns = [field.column for field in fields if isinstance(field, models.Field)]
    return message == "UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)
