"""`earlyhelp synth`: a synthetic county-scale directory for load tests and benchmarks.

It lives in offers, above the directory, because each synthetic school opens with its empty
draft Offer (`create_school_with_offer`); the builder itself is `directory.synthetic`."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.directory.synthetic.builder import synthesise
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.schools import create_school_with_offer


class Command(BaseCommand):
    help = (
        "Build a synthetic county-scale directory: several local authorities, schools, "
        "organisations and services with varied English text, ages, levels, referral routes, "
        "delivery, schedules, costs and fictional phone numbers. Every place and name is made "
        "up. Adds to the current database; refuses to run in production or twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--services", type=int, default=100_000)
        parser.add_argument("--schools", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same directory.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("synth refuses to run in production mode.")
        if options["services"] < 1 or options["schools"] < 1:
            raise CommandError("--services and --schools must be at least 1.")
        try:
            made = synthesise(
                services=options["services"],
                schools=options["schools"],
                seed=options["seed"],
                progress=lambda line: self.stdout.write(line),
                open_school=create_school_with_offer,
            )
        except ActionError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Made {made['services']} services and {made['schools']} schools.")
        )
