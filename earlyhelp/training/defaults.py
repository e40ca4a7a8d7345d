"""The KCSIE 2025 defaults (../shared/domain.md "Staff training"): types and national documents.

Seeded by migration 0002 and by `ensure_defaults` (a test's flush empties the tables; the
demo loader calls it). Seeding is idempotent: a type is matched by code, a national
document by kind, and what an operator has changed since is left as it is. Empty `roles`
means every member of staff (every school role but governor); a school or a county
changes a period with a TrainingPeriod row, and adds a type as a row: no code.
"""

from datetime import date
from typing import Any

TEAM = ["dsl", "deputy_dsl"]
# code, name, renewal months, roles, due soon days, optional, counts for, description
TYPES = [
    ("safeguarding-induction", "Safeguarding and child protection induction", None, [], 30,
     False, "safeguarding-update", "At induction; it also counts as that year's update."),
    ("safeguarding-update", "Safeguarding and child protection update", 12, [], 30, False, None,
     "Updated at least annually (KCSIE 2025)."),
    ("dsl-formal", "DSL and deputy formal training", 24, TEAM, 60, False, "dsl-refresh",
     "At least every 2 years; it also counts as that year's refresh."),
    ("dsl-refresh", "DSL and deputy knowledge refresh", 12, TEAM, 30, False, None,
     "Knowledge and skills refreshed at least annually."),
    ("prevent", "Prevent duty awareness", 24, [], 30, False, None, ""),
    ("fgm", "Female genital mutilation (FGM) awareness", 36, [], 30, False, None, ""),
    ("exploitation", "Child exploitation (CSE and CCE)", 36, [], 30, False, None, ""),
    ("online-safety", "Online safety", 12, [], 30, False, None, ""),
    ("governor-safeguarding", "Safeguarding governor training", 36, ["governor"], 30, False,
     None, "The governors' own safeguarding training."),
    ("local-course", "Local course (optional)", None, [], 30, True, None,
     "A course the county or school offers, e.g. MAPA de-escalation: shown when held."),
]  # fmt: skip
KCSIE_URL = "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2"
DOCUMENTS = [
    ("kcsie_part_one", "Keeping children safe in education 2025: Part one", []),
    # Annex A (the condensed Part one) for those who do not work directly with children.
    ("kcsie_annex_a", "Keeping children safe in education 2025: Annex A", ["governor"]),
]


def seed_defaults(training_type: Any, read_document: Any) -> None:
    """Create what is missing, with the models given (a migration passes its historical ones)."""
    made = {}
    for position, row in enumerate(TYPES):
        code, name, months, roles, soon, optional, _, text = row
        made[code], _created = training_type.objects.get_or_create(
            code=code,
            defaults={
                "name": name, "renewal_months": months, "roles": roles, "due_soon_days": soon,
                "optional": optional, "description": text, "position": position * 10,
            },
        )  # fmt: skip
    for code, *_, counts_for, _text in TYPES:
        if counts_for and made[code].counts_for_id is None:
            made[code].counts_for = made[counts_for]
            made[code].save(update_fields=["counts_for"])
    for position, (kind, title, roles) in enumerate(DOCUMENTS):
        read_document.objects.get_or_create(
            school=None,
            kind=kind,
            defaults={
                "title": title, "edition": "2025", "url": KCSIE_URL,
                "published_on": date(2025, 9, 1), "renewal_months": 12, "roles": roles,
                "position": position,
            },
        )  # fmt: skip


def ensure_defaults() -> None:
    """Seed the current database (after a test flush; before the demo's training)."""
    from earlyhelp.training.models import ReadDocument, TrainingType

    seed_defaults(TrainingType, ReadDocument)
