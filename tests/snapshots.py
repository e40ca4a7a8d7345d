"""Build a test world once a session, then put its rows back for each test that asks.

`build_universe()` makes its people, schools and services through the actions, as a user
would: about 400 queries and a third of a second, for about a thousand tests a pass. A
`Snapshot` runs the builder once, inside a transaction it rolls back, and keeps the rows
the builder added or changed, model by model. Each test then gets those rows inserted as
they were (one INSERT a table, with the same primary keys; the sequences moved past them
on PostgreSQL) and a deep copy of the objects the builder returned.

Only for tests inside the test's own transaction (pytest-django's `db`): a test with real
transactions (the browser journeys) builds for real, as its commits have effects (tasks
queued on commit) that a restore would not have. Nor when the test's clock is not the
session's (time_machine): rows stamped "now" must carry the test's now. Nor when the test
has changed a setting (an inline task backend, a review period): the builder might then
have written something else.
"""

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django.utils import timezone

# How far the test's clock may be from the snapshot's before the world is built again.
SAME_CLOCK = timedelta(hours=1)
# Settings each test changes (tests/conftest.py) that the builders never use.
PER_TEST_SETTINGS = frozenset({"MEDIA_ROOT", "DEMO_SECRET_FILE"})


def _settings_now() -> dict[str, Any]:
    return {
        name: getattr(settings, name)
        for name in dir(settings)
        if name.isupper() and name not in PER_TEST_SETTINGS
    }


@dataclass
class TableRows:
    model: type[Model]
    rows: list[Model] = field(default_factory=list)  # added or changed, as after the build
    gone: list[Any] = field(default_factory=list)  # primary keys of rows changed or deleted


def _models() -> list[type[Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _values(row: Model) -> tuple[Any, ...]:
    return tuple(f.value_from_object(row) for f in row._meta.concrete_fields)


def _rows(model: type[Model], using: str) -> dict[Any, Model]:
    return {row.pk: row for row in model._base_manager.using(using).all()}


def _changes(before: dict[Any, Model], after: dict[Any, Model], model: type[Model]) -> TableRows:
    table = TableRows(model)
    for pk, row in after.items():
        old = before.get(pk)
        if old is None or _values(old) != _values(row):
            table.rows.append(row)
            if old is not None:
                table.gone.append(pk)
    table.gone.extend(pk for pk in before if pk not in after)
    return table


class Snapshot:
    """`Snapshot(build).get()`: what `build()` returns, its rows in the database."""

    def __init__(self, build: Callable[[], Any], using: str = DEFAULT_DB_ALIAS) -> None:
        self.build, self.using = build, using
        self.tables: list[TableRows] | None = None
        self.result: Any = None
        self.cache: dict[str, dict[str, tuple[Any, float | None]]] = {}
        self.taken_at = timezone.now()
        self.settings: dict[str, Any] = {}

    def take(self) -> None:
        """Run the builder once, in a transaction rolled back, and keep what it wrote."""
        models = _models()
        with transaction.atomic(using=self.using):
            before = {model: _rows(model, self.using) for model in models}
            cache_before = _cache_entries()
            self.taken_at, self.settings = timezone.now(), copy.deepcopy(_settings_now())
            self.result = copy.deepcopy(self.build())
            after = {model: _rows(model, self.using) for model in models}
            self.cache = _new_entries(cache_before, _cache_entries())
            transaction.set_rollback(True, using=self.using)
        changed = (_changes(before[m], after[m], m) for m in models)
        self.tables = [table for table in changed if table.rows or table.gone]

    def get(self) -> Any:
        if not self._can_restore():
            return self.build()
        self._restore()
        return copy.deepcopy(self.result)

    def _can_restore(self) -> bool:
        in_test_transaction = connections[self.using].in_atomic_block
        same_clock = abs(timezone.now() - self.taken_at) < SAME_CLOCK
        return (
            self.tables is not None
            and in_test_transaction
            and same_clock
            and _settings_now() == self.settings
        )

    def _restore(self) -> None:
        assert self.tables is not None
        for table in self.tables:
            manager = table.model._base_manager.using(self.using)
            if table.gone:
                manager.filter(pk__in=table.gone)._raw_delete(self.using)
            _insert(table.model, table.rows, self.using)
        _reset_sequences([table.model for table in self.tables], self.using)
        _put_cache_entries(self.cache)


def _insert(model: type[Model], rows: list[Model], using: str) -> None:
    fields = model._meta.concrete_fields
    ops = connections[using].ops
    size = max(ops.bulk_batch_size(fields, rows), 1)
    # QuerySet._insert, as loaddata's raw saves use: no pre_save, so every value (timestamps
    # included) goes in as the builder left it.
    queryset: Any = model._base_manager.using(using)
    for start in range(0, len(rows), size):
        queryset._insert(rows[start : start + size], fields, raw=True)


def _reset_sequences(models: list[type[Model]], using: str) -> None:
    """PostgreSQL's sequences past the keys put back (SQLite's AUTOINCREMENT does this)."""
    statements = connections[using].ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connections[using].cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


# The builder's writes to the in-memory caches (tests keep caches in memory: LocMemCache's
# stored values and expiry times), put back with its rows, each with the time it had left.
CACHES = ("default", "pdf")


def _cache_entries() -> dict[str, dict[str, tuple[Any, float | None]]]:
    entries = {}
    for alias in CACHES:
        cache: Any = caches[alias]
        expiry = cache._expire_info
        entries[alias] = {key: (value, expiry.get(key)) for key, value in cache._cache.items()}
    return entries


def _new_entries(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> dict[str, dict[str, tuple[Any, float | None]]]:
    """What the builder wrote, with expiry times as seconds left (None: never)."""
    now = time.time()
    return {
        alias: {
            key: (value, None if expires is None else expires - now)
            for key, (value, expires) in entries.items()
            if before[alias].get(key, (None,))[0] != value
        }
        for alias, entries in after.items()
    }


def _put_cache_entries(entries: dict[str, dict[str, tuple[Any, float | None]]]) -> None:
    now = time.time()
    for alias, values in entries.items():
        cache: Any = caches[alias]
        for key, (value, left) in values.items():
            cache._cache[key] = value
            cache._expire_info[key] = None if left is None else now + left
