"""Add the hour-of-the-week words (`directory/search/hours.py`) to every service's search text.

"Open now" asks the full-text index for them first; services indexed before they existed
would otherwise never be found open. They join the filter words on the last line of the text.
"""

from typing import Any

from django.db import migrations

from earlyhelp.directory.search.hours import opening_words

BATCH = 1000


def add_hour_words(apps: Any, schema_editor: Any) -> None:
    service_model = apps.get_model("directory", "Service")
    schedule_model = apps.get_model("directory", "Schedule")
    weekly: dict[int, list[Any]] = {}
    rows = schedule_model.objects.filter(freq="WEEKLY").values_list(
        "service_id", "byday", "opens_at", "closes_at"
    )
    for service_id, byday, opens, closes in rows.iterator():
        if service_id is not None:
            weekly.setdefault(service_id, []).append((byday, opens, closes))
    ids = list(weekly)
    for start in range(0, len(ids), BATCH):
        services = list(service_model.objects.filter(pk__in=ids[start : start + BATCH]))
        for service in services:
            words = [w for w in opening_words(weekly[service.pk]) if w not in service.search_text]
            if words:
                service.search_text = f"{service.search_text} {' '.join(words)}".strip()
        service_model.objects.bulk_update(services, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_search_understanding"),
    ]

    operations = [
        migrations.RunPython(add_hour_words, migrations.RunPython.noop),
    ]
