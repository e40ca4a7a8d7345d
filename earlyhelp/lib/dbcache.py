"""Django's database cache, without counting the whole table on every write.

Django's `DatabaseCache` runs `SELECT COUNT(*)` before each `set`/`add`, so a write costs
more as the table grows (a rate-limit check with 40,000 live counters scans 40,000 rows).
Here a write touches only its own row, found through the primary key, and the expired rows
are deleted now and then (one write in `CULL_EVERY`, through the index on `expires`). So the
table holds what is live plus at most a short tail of expired rows, and a rate-limit check
costs the same at 100 counters or 100,000.

The table is made by `earlyhelp migrate` (earlyhelp/ops/apps.py runs `createcachetable`).
It is the fallback when no Redis is configured (settings.py, docs/deployment.md): counters
are shared by every app server on the same database, and `incr` locks its row, so two
simultaneous requests count twice and a window keeps its expiry.
"""

import base64
import pickle  # nosec B403 pickle of the cache's own values, as Django's cache
import random
from datetime import UTC, datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now as tz_now

CULL_EVERY = 200


class DatabaseCache(DjangoDatabaseCache):
    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        self.table_name = table

    def _base_set(
        self, mode: str, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT
    ) -> bool:
        db = router.db_for_write(self.cache_model_class)
        expires = _expiry(self.get_backend_timeout(timeout))
        now = tz_now().replace(microsecond=0)
        if random.randrange(CULL_EVERY) == 0:  # noqa: S311 (not security)  # nosec B311 sampling when to cull, not security
            self.delete_expired(now=now)
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        try:
            with transaction.atomic(using=db):
                return self._write(db, mode, key, encoded, expires, now)
        except DatabaseError:  # a simultaneous insert of the same key: as Django's, no error
            return False

    def _write(
        self, db: str, mode: str, key: str, encoded: str, expires: datetime, now: datetime
    ) -> bool:
        connection = connections[db]
        table = connection.ops.quote_name(self.table_name)
        expires_value = connection.ops.adapt_datetimefield_value(expires)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT expires FROM {table} WHERE cache_key = %s", [key])  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
            row = cursor.fetchone()
            if row and mode == "touch":
                cursor.execute(
                    f"UPDATE {table} SET expires = %s WHERE cache_key = %s",  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
                    [expires_value, key],
                )
            elif row and (mode == "set" or (mode == "add" and _expired(row[0], now, db))):
                cursor.execute(
                    f"UPDATE {table} SET value = %s, expires = %s WHERE cache_key = %s",  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
                    [encoded, expires_value, key],
                )
            elif row or mode == "touch":
                return False
            else:
                cursor.execute(
                    f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s)",  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
                    [key, encoded, expires_value],
                )
        return True

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        """Add `delta` to a live number and keep its expiry (Django's generic `incr` sets it
        again with the default timeout, which would stretch a rate-limit window). The row is
        locked while it changes, so simultaneous requests never lose a count."""
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self.table_name)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = tz_now().replace(microsecond=0)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value, expires FROM {table} WHERE cache_key = %s{lock}",  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
                [key],
            )
            row = cursor.fetchone()
            if row is None or _expired(row[1], now, db):
                raise ValueError(f"Key {key!r} not found.")
            value = pickle.loads(base64.b64decode(row[0].encode()))  # noqa: S301 (our own rows)  # nosec B301 the cache's own rows, as Django's DatabaseCache
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
                [encoded, key],
            )
        return int(value)

    def delete_expired(self, *, now: datetime | None = None) -> int:
        """Delete every expired row; return how many."""
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self.table_name)
        moment = connection.ops.adapt_datetimefield_value(now or tz_now().replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [moment])  # noqa: S608  # nosec B608 table name quoted by the backend, values are parameters
            return int(cursor.rowcount)


def _expiry(timeout: float | None) -> datetime:
    if timeout is None:
        return datetime.max.replace(microsecond=0)
    return datetime.fromtimestamp(timeout, tz=UTC).replace(microsecond=0)


def _expired(stored: Any, now: datetime, db: str) -> bool:
    """Whether a row's `expires`, as the database returned it, is before `now`."""
    connection = connections[db]
    expression = models.Expression(output_field=models.DateTimeField())
    value = stored
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        value = converter(value, expression, connection)
    return bool(value < now)
