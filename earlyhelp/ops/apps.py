from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class OpsConfig(AppConfig):
    name = "earlyhelp.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from earlyhelp.ops import checks  # noqa: F401 (registers the deploy checks)

        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """Every `migrate` (demo, tests, production) makes the database cache's table if a cache
    uses it (settings.CACHES without REDIS_URL); nothing happens when it is there."""
    call_command("createcachetable", database=using, verbosity=0)
