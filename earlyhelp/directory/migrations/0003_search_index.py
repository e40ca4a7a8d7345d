"""Full-text search: an FTS5 table and triggers on SQLite, a generated tsvector on PostgreSQL.

Neither is a model field, so only the name index changes the migration state; the rest is
SQL run for the database's vendor (see earlyhelp/directory/search/schema.py).
"""

from django.db import migrations, models


def forward(apps, schema_editor):
    from earlyhelp.directory.search.schema import install

    install(schema_editor)


def backward(apps, schema_editor):
    from earlyhelp.directory.search.schema import uninstall

    uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_taxonomies")]
    operations = [
        migrations.AddIndex(
            model_name="service",
            index=models.Index(fields=["status", "name"], name="service_status_name"),
        ),
        migrations.RunPython(forward, backward),
    ]
