"""The KCSIE 2025 defaults (../shared/domain.md "Staff training"): types and national documents.

Empty `roles` means every member of staff (every school role but governor). A school or a
county changes a period with a TrainingPeriod row, and adds a type as a row: no code.
"""

from datetime import date

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

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


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    TrainingType = apps.get_model("training", "TrainingType")
    made = {}
    for position, row in enumerate(TYPES):
        code, name, months, roles, soon, optional, _, text = row
        made[code] = TrainingType.objects.create(
            code=code, name=name, renewal_months=months, roles=roles, due_soon_days=soon,
            optional=optional, description=text, position=position * 10,
        )  # fmt: skip
    for code, *_, counts_for, _text in TYPES:
        if counts_for:
            made[code].counts_for = made[counts_for]
            made[code].save(update_fields=["counts_for"])
    ReadDocument = apps.get_model("training", "ReadDocument")
    for position, (kind, title, roles) in enumerate(DOCUMENTS):
        ReadDocument.objects.create(
            kind=kind, title=title, edition="2025", url=KCSIE_URL,
            published_on=date(2025, 9, 1), renewal_months=12, roles=roles, position=position,
        )  # fmt: skip


def unseed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("training", "ReadDocument").objects.filter(school=None).delete()
    apps.get_model("training", "TrainingType").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0001_staff_training")]

    operations = [migrations.RunPython(seed, unseed)]
