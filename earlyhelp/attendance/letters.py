"""Half-term letters: the school's wording, one tagged PDF per family below the threshold.

The school edits plain text with a few placeholders in braces (PLACEHOLDERS). A family is
the pupils who share their first contact on the roll (name and phone or email), so brothers
and sisters get one letter; a pupil with no contact gets a letter "to the parent or carer
of" them. The PDF is PDF/UA-1 through `lib.pdf`, like the Offer PDF: the letter is HTML of
our own template, the school's text only ever as escaped paragraphs.
"""

from dataclasses import dataclass, field
from datetime import date
from string import Formatter

from django.db.models import QuerySet
from django.template.loader import render_to_string

from earlyhelp.attendance.engine import measure_school
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.pdf import html_to_pdf
from earlyhelp.pupils.models import Pupil, PupilContact
from earlyhelp.schools.models import School

PLACEHOLDERS = {
    "parent": "the name of the parent or carer the letter is to",
    "children": "each child's name and attendance this school year, one a line",
    "school": "the school's name",
    "threshold": "the attendance the school looks for, like 95",
    "date": "today's date, like 4 March 2026",
}
DEFAULT_BODY = "\n\n".join(
    [
        "Dear {parent},",
        "We write each half term to every family whose child's attendance this school year "
        "is below {threshold}%.",
        "{children}",
        "Every day in school matters. If something is making it hard for your child to come "
        "to school, please talk to us: we would like to help.",
        "Yours sincerely,",
        "The attendance team, {school}",
    ]
)


def template_problems(body: str) -> list[str]:
    """What is wrong with the wording, for the person editing it (empty when it is fine)."""
    if not body.strip():
        return ["Enter the letter's wording"]
    try:
        names = [name for _, name, _, _ in Formatter().parse(body) if name is not None]
    except ValueError:
        return ["Use { and } only around a placeholder, like {parent}"]
    unknown = sorted({n for n in names if n not in PLACEHOLDERS})
    return [f"{{{n}}} is not a placeholder: use {_listed()}" for n in unknown]


def _listed() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


@dataclass
class Family:
    addressed_to: str
    pupils: list[tuple[Pupil, float]] = field(default_factory=list)


def families(school: School, start: date, end: date, below: float) -> list[Family]:
    """The families of pupils with attendance below `below` per cent over `start` to `end`."""
    measures = measure_school(school.pk, start, end)
    low = {
        p.upn: p.attendance
        for p in measures.pupils
        if p.attendance is not None and p.attendance < below
    }
    pupils = Pupil.objects.filter(school=school, upn__in=low, left_on__isnull=True)
    first = _first_contacts(pupils)
    found: dict[tuple[str, ...], Family] = {}
    for pupil in pupils.order_by("legal_last_name", "legal_first_name", "pk"):
        contact = first.get(pupil.pk)
        key = (
            (contact.name.lower(), contact.phone or contact.email)
            if contact
            else ("pupil", str(pupil.pk))
        )
        to = contact.name if contact else f"the parent or carer of {pupil.display_name}"
        found.setdefault(key, Family(to)).pupils.append((pupil, low[pupil.upn]))
    return sorted(found.values(), key=lambda f: f.pupils[0][0].legal_last_name)


def _first_contacts(pupils: QuerySet[Pupil]) -> dict[int, PupilContact]:
    first: dict[int, PupilContact] = {}
    for contact in PupilContact.objects.filter(pupil__in=pupils):  # in calling order
        first.setdefault(contact.pupil_id, contact)
    return first


def letter_text(body: str, family: Family, *, school: School, below: float, today: date) -> str:
    children = "\n".join(f"{p.display_name}: {percent:.1f}%" for p, percent in family.pupils)
    return body.format_map(
        {
            "parent": family.addressed_to,
            "children": children,
            "school": school.name,
            "threshold": f"{below:g}",
            "date": govuk_date(today),
        }
    )


def letter_pdf(text: str, *, school: School, today: date) -> bytes:
    """The letter as a tagged PDF: paragraphs split at blank lines, lines kept."""
    paragraphs = [p.strip().splitlines() for p in text.split("\n\n") if p.strip()]
    html = render_to_string(
        "attendance/letter_pdf.html",
        {"school": school, "today": today, "paragraphs": paragraphs},
    )
    return html_to_pdf(html, base_url="http://127.0.0.1/")
