"""`earlyhelp load_demo`: the three Worcestershire demo schools and fictional staff logins."""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from earlyhelp.demo.fields import DemoDataError
from earlyhelp.demo.loader import DemoState, demo_state, format_logins, load_demo
from earlyhelp.demo.spec import DATA_DIR, read_demo_data


class Command(BaseCommand):
    help = (
        "Load the demo: Worcestershire, its county and national services, three schools with "
        "published Early Help Offers, and fictional staff logins for every role (printed). "
        "If the demo is already loaded, print the logins. Refuses to run in production."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("load_demo refuses to run in production (EARLYHELP_ENV=production).")
        try:
            data = read_demo_data(DATA_DIR)
        except DemoDataError as error:
            raise CommandError(f"Demo data in {DATA_DIR} is wrong: {error}") from error
        state = demo_state(data)
        if state == DemoState.PARTIAL:
            raise CommandError(
                "Part of the demo is already in the database (its county, a school or a login), "
                "but not all of it. Start again from an empty database: make demo-reset."
            )
        if state == DemoState.ABSENT:
            started = time.perf_counter()
            load_demo(data)
            self.stdout.write(
                f"Loaded the demo: {len(data.schools)} schools with published Offers and "
                f"{len(data.services)} county and national services "
                f"in {time.perf_counter() - started:.1f}s.\n"
            )
        else:
            self.stdout.write("The demo is already loaded.\n")
        self.stdout.write(format_logins(data))
