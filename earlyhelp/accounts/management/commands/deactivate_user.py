"""`earlyhelp deactivate-user USERNAME`: someone has left."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import deactivate_user


class Command(BaseCommand):
    help = "Switch an account off and end all its sessions now (audited as user.deactivated)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No account with the username {options['username']!r}.")
        deactivate_user(by=None, user=user)
        self.stdout.write(f"Switched off {user.username}; their sessions have ended.")
