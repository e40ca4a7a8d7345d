"""`earlyhelp demo-code USERNAME`: the current authenticator code of a demo login."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.demo.second_factor import current_demo_code


class Command(BaseCommand):
    help = (
        "Print the code a demo login's authenticator app would show now (demo accounts "
        "only: the code comes from the demo's public key for that username). Refuses to run "
        "in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo-code refuses to run in production (EARLYHELP_ENV=production).")
        try:
            code = current_demo_code(options["username"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(code + "\n")
