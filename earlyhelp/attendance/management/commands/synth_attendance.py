"""`earlyhelp synth-attendance --pupils N --schools N`: a synthetic county year of registers."""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.attendance.synth import COUNTY, make_county
from earlyhelp.schools.models import LocalAuthority


class Command(BaseCommand):
    help = (
        "Make a synthetic county of schools, pupils and a year's registers (realistic "
        "absence: persistent and severe absentees, children missing education, joiners and "
        "leavers). For benchmarks and load tests: refuses to run in production or twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pupils", type=int, default=100_000)
        parser.add_argument("--schools", type=int, default=250)
        parser.add_argument("--year", type=int, default=2025, help="Starting September of.")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("synth-attendance refuses to run in production mode.")
        if LocalAuthority.objects.filter(name=COUNTY).exists():
            raise CommandError(f"{COUNTY} already exists: synth-attendance runs once a database.")
        if options["pupils"] < options["schools"] or options["schools"] < 1:
            raise CommandError("Give at least one school and at least one pupil a school.")
        started = time.perf_counter()
        rows = make_county(
            pupils=options["pupils"],
            schools=options["schools"],
            year=options["year"],
            seed=options["seed"],
            progress=lambda text: self.stdout.write(text),
        )
        self.stdout.write(
            f"Made {COUNTY}: {options['schools']} schools, {options['pupils']:,} pupils, "
            f"{rows:,} pupil-days ({2 * rows:,} marks) in {time.perf_counter() - started:.0f} s."
        )
