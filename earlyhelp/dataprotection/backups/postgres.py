"""PostgreSQL: pg_dump in custom format from an exported snapshot, pg_restore to load.

The row counts are read in a REPEATABLE READ transaction whose snapshot pg_dump then uses
(`--snapshot`), so the manifest describes exactly the rows in the dump while others write.
The client tools must be on PATH and not older than the server (Debian:
postgresql-client-NN); passwords go through the environment, never the command line.
"""

import os
import secrets
import shutil
import subprocess  # nosec B404 # runs pg_dump and pg_restore, argument lists only
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import DatabaseError, connection

from earlyhelp.dataprotection.backups.archive import BackupError
from earlyhelp.dataprotection.backups.counts import audit_head, quote, row_counts


def dump(target: Path) -> tuple[dict[str, int], str]:
    pg_dump = _tool("pg_dump")
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts, head = row_counts(cursor, "postgresql"), audit_head(cursor)
            _run([pg_dump, "-Fc", f"--snapshot={snapshot}", "-f", str(target), *_target()])
        raw.rollback()
    finally:
        raw.close()
    return counts, head


@contextmanager
def scratch(source: Path) -> Iterator[Any]:
    """Restore the dump into a new database on the same server (the role needs CREATEDB),
    yield a connection to it, and drop it afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore_check_{secrets.token_hex(4)}"
    _create_database(name)
    try:
        _run(
            [_tool("pg_restore"), "--no-owner", "--exit-on-error", *_target(name=name), str(source)]
        )
        raw = connection.get_new_connection({**connection.get_connection_params(), "dbname": name})
        try:
            yield raw
        finally:
            raw.close()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)")


def _create_database(name: str) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {quote(name)}")
    except DatabaseError as error:
        raise BackupError(
            f"Could not create the scratch database {name} to verify the backup in "
            f"(the database role needs CREATEDB): {str(error).strip()}"
        ) from error


def load(source: Path) -> None:
    pg_restore = _tool("pg_restore")
    connection.close()  # our own session must not hold locks on the tables being replaced
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *_target(dbname_flag="-d"),
            str(source),
        ]
    )


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools of the "
            "server's version or newer (Debian: apt-get install postgresql-client-15)."
        )
    return found


def _target(dbname_flag: str = "-d", name: str = "") -> list[str]:
    settings = connection.settings_dict
    args = [dbname_flag, name or str(settings["NAME"])]
    if settings.get("HOST"):
        args += ["-h", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["-p", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["-U", str(settings["USER"])]
    return [*args, "--no-password"]


def _run(command: list[str]) -> None:
    env: dict[str, Any] = {**os.environ}
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(connection.settings_dict["PASSWORD"])
    # A tool found on PATH by name, with an argument list (no shell).
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 # nosec B603
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed (exit {done.returncode}): {done.stderr.strip()}")
