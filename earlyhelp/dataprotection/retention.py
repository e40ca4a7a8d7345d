"""Which records are due for review under the retention schedule (docs/security.md).

- A child's safeguarding record: reviewed when the child turns 25 (date of birth + 25 years,
  the Information and Records Management Society's schedule for child protection files).
- Registers (attendance, when it is built): kept 6 years after the register's date. Each
  register model is listed in `REGISTERS` as (model label, date field).
Nothing is deleted here: a person decides, then calls `actions.delete_child_record`.
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.db.models import Exists, OuterRef

from earlyhelp.dataprotection.models import RetentionHold
from earlyhelp.pupils.models import Pupil

CHILD_RECORD_YEARS = 25
REGISTER_YEARS = 6
REGISTERS: list[tuple[str, str]] = []


@dataclass(frozen=True)
class DueRecord:
    pupil: Pupil
    review_on: date
    on_hold: bool


def review_date(date_of_birth: date) -> date:
    return date_of_birth + relativedelta(years=CHILD_RECORD_YEARS)


def list_child_records_due(on: date) -> list[DueRecord]:
    """Pupils who turned 25 on or before `on`, oldest first, with whether a hold stops it."""
    born_by = on - relativedelta(years=CHILD_RECORD_YEARS)
    active = RetentionHold.objects.filter(pupil=OuterRef("pk"), lifted_at__isnull=True)
    pupils = (
        Pupil.objects.filter(date_of_birth__lte=born_by)
        .annotate(on_hold=Exists(active))
        .select_related("school")
        .order_by("date_of_birth", "pk")
    )
    return [DueRecord(p, review_date(p.date_of_birth), bool(p.on_hold)) for p in pupils]


def count_registers_due(on: date) -> dict[str, int]:
    """Register rows older than 6 years, per register model (none until attendance exists)."""
    before = on - relativedelta(years=REGISTER_YEARS)
    counts = {}
    for label, field in REGISTERS:
        model = apps.get_model(label)
        counts[label] = model._base_manager.filter(**{f"{field}__lt": before}).count()
    return counts
