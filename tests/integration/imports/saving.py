"""Helpers for the `--save` tests: a fictional Offer document, and saving it in-process."""

import io
from pathlib import Path

from django.core.management import call_command

from earlyhelp.imports.models import ImportRun, RunStatus
from earlyhelp.schools.models import School

# Northfield's county (Testshire, tests/universe.py) already holds Testshire Young Carers
# (+441134960300, youngcarers@example.org) and the national Samaritans (116 123); Northfield
# runs a Breakfast club. Every number here is an Ofcom drama number.
OFFER = """# Northfield Primary – Early Help Offer

Date: 1 September 2026
Date of review: September 2027

The Designated Safeguarding Lead (DSL) is: Mrs Ada Fenn
Contact details: email: afenn@northfield.example.org Telephone: 0113 496 0100
The Deputy DSL is: Mr Eli Gray

Testshire Children's Social Care 0113 496 0555, or in an emergency call 999.

Mental Health\tQuiet Minds 0808 157 0111 www.quietminds.org.uk
\tSamaritans 116 123 www.samaritans.org
\tTestshire Young Carers 0113 496 0399 youngcarers@example.org
\tBreakfast Club 0113 496 0777
"""


def write_offer(folder: Path, text: str = OFFER, name: str = "northfield.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def save(path: Path, slug: str = "northfield-primary") -> str:
    out = io.StringIO()
    call_command(
        "import_offer", str(path), "--save", "--school", slug, "--today", "2026-11-24", stdout=out
    )
    return out.getvalue()


def waiting_run(school: School) -> ImportRun:
    return ImportRun.objects.get(school=school, status=RunStatus.WAITING)


# The shared seed Offers beside the repository (../shared/seeds), when this machine has them.
SEEDS = next(
    (
        path
        for path in (Path(__file__).resolve().parents[3].parent / "shared" / "seeds",)
        if path.is_dir()
    ),
    None,
)
