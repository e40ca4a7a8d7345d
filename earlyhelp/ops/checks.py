"""`check --deploy` refuses per-host state in production: a cache in files or in one
process's memory would give each app server its own lockouts, rate limits and PDFs."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

PER_HOST_CACHES = {
    "django.core.cache.backends.filebased.FileBasedCache": "files on one host",
    "django.core.cache.backends.locmem.LocMemCache": "one process's memory",
    "django.core.cache.backends.dummy.DummyCache": "nowhere (a dummy cache)",
}


@register(Tags.caches, deploy=True)
def shared_caches(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not getattr(settings, "PRODUCTION", False):
        return []
    return [
        Error(
            f"The {alias!r} cache keeps its entries in {PER_HOST_CACHES[config['BACKEND']]}, "
            "so each app server would count lockouts and rate limits on its own.",
            hint="Set REDIS_URL, or leave it unset to use the database cache.",
            id="ops.E001",
        )
        for alias, config in settings.CACHES.items()
        if config["BACKEND"] in PER_HOST_CACHES
    ]
