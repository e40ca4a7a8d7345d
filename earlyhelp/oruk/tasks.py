"""Background tasks of the Open Referral UK harvest (docs/adr/0012, docs/oruk.md)."""

from typing import Any

from django.tasks import task

from earlyhelp.oruk.harvest import HarvestRefused, harvest
from earlyhelp.oruk.models import HarvestSource


class HarvestFailed(Exception):
    """A feed refused or unreadable: the task fails, with the problems, for an operator."""


def list_scheduled_sources() -> list[tuple[str, dict[str, Any]]]:
    """The members of the scheduled "harvest-oruk" job family (jobs.schedule)."""
    return [
        (name, {"source_name": name})
        for name in HarvestSource.objects.values_list("name", flat=True)
    ]


@task
def harvest_source(source_name: str) -> dict[str, int]:
    """Harvest one known source again; unchanged services are left as they are."""
    source = HarvestSource.objects.select_related("local_authority").get(name=source_name)
    try:
        _, counts = harvest(
            base_url=source.base_url,
            source_name=source.name,
            local_authority=source.local_authority,
        )
    except HarvestRefused as refused:
        raise HarvestFailed("Feed refused: " + "; ".join(refused.problems)) from None
    return {
        "seen": counts.seen,
        "created": counts.created,
        "updated": counts.updated,
        "withdrawn": counts.withdrawn,
    }
