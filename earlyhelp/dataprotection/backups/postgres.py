"""PostgreSQL: pg_dump in custom format from an exported snapshot, pg_restore to load.

The row counts are read in a REPEATABLE READ transaction whose snapshot pg_dump then uses
(`--snapshot`), so the manifest describes exactly the rows in the dump while others write.
The client tools must be on PATH and not older than the server (Debian:
postgresql-client-NN); passwords go through the environment, never the command line.
"""

import os
import shutil
import subprocess  # nosec B404 # runs pg_dump and pg_restore, argument lists only
from pathlib import Path
from typing import Any

from django.db import connection

from earlyhelp.dataprotection.backups.archive import BackupError
from earlyhelp.dataprotection.backups.counts import audit_head, row_counts


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


def _target(dbname_flag: str = "-d") -> list[str]:
    settings = connection.settings_dict
    args = [dbname_flag, str(settings["NAME"])]
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
