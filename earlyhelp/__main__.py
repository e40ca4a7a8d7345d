"""The `earlyhelp` command: the project's manage.py, installed into the virtualenv."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(with_command_alias(sys.argv))


def with_command_alias(argv: list[str]) -> list[str]:
    """`earlyhelp import-offer` runs the `import_offer` command: Django command names are
    Python module names, which cannot contain hyphens, so a hyphenated name is read with
    underscores. Options and other arguments are left alone."""
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        return [argv[0], argv[1].replace("-", "_"), *argv[2:]]
    return argv


if __name__ == "__main__":
    main()
