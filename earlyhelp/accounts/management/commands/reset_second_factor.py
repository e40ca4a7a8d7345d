"""`earlyhelp reset-second-factor USERNAME`: for a person who lost their phone."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import reset_second_factor


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator apps, passkeys and recovery codes and end all their "
        "sessions (audited as two_factor.reset). Check who is asking first: they will set up "
        "a new app at their next sign-in with only their password."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No account with the username {options['username']!r}.")
        reset_second_factor(by=None, user=user)
        self.stdout.write(f"Reset {user.username}: they set up an authenticator app next time.")
