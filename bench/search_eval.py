"""Search evaluation on the demo directory, in a throwaway SQLite database.

    EARLYHELP_ENV=test .venv/bin/python -m bench.search_eval [FILE] [--verbose]

Migrates a temporary database, loads the demo and the sample postcodes, and runs
`earlyhelp eval-search` (bench/search_eval.toml unless FILE is given).
"""

import os
import sys
import tempfile
from pathlib import Path


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="earlyhelp-eval-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'eval.sqlite3'}"
        os.environ.setdefault("EARLYHELP_ENV", "test")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("eval_search", *sys.argv[1:], "--load-demo")


if __name__ == "__main__":
    main()
