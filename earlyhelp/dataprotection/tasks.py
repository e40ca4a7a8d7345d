"""Background tasks of data protection (docs/adr/0012)."""

from django.tasks import task
from django.utils import timezone

from earlyhelp.dataprotection.retention import count_registers_due, list_child_records_due


@task
def retention_review() -> dict[str, int]:
    """`retention-review` as a task: counts only, deletes nothing (the DSL decides)."""
    on = timezone.localdate()
    due = list_child_records_due(on)
    counts = {
        "child records due": len(due),
        "on legal hold": sum(1 for record in due if record.on_hold),
    }
    for label, count in count_registers_due(on).items():
        counts[f"registers older than 6 years in {label}"] = count
    return counts
