"""The levels of need take their one set of names ("Level 2: additional needs")."""

from django.db import migrations


def sync(apps, schema_editor):
    from earlyhelp.directory.taxonomy_sync import sync_taxonomies

    sync_taxonomies(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_search_understanding")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
