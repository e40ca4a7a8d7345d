"""Seed the KCSIE 2025 defaults (earlyhelp/training/defaults.py)."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from earlyhelp.training.defaults import seed_defaults

    seed_defaults(apps.get_model("training", "TrainingType"), apps.get_model("training", "ReadDocument"))


def unseed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("training", "ReadDocument").objects.filter(school=None).delete()
    apps.get_model("training", "TrainingType").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0001_staff_training")]

    operations = [migrations.RunPython(seed, unseed)]
