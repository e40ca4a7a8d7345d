"""Background tasks of the link checks (docs/adr/0012)."""

from django.conf import settings
from django.tasks import task

from earlyhelp.directory.link_sources import list_directory_urls, list_recently_checked
from earlyhelp.lib.linkcheck import CheckSettings, check_urls, user_agent
from earlyhelp.links.actions import record_link_checks


@task
def check_links(only_older_than_days: int | None = None) -> dict[str, int]:
    """`check-links` as a task; running it again only checks the addresses again."""
    urls = list_directory_urls()
    if only_older_than_days is not None:
        recent = list_recently_checked(urls, days=only_older_than_days)
        urls = [url for url in urls if url not in recent]
    check_settings = CheckSettings(user_agent=user_agent(settings.SITE_URL))
    summary = record_link_checks(by=None, results=check_urls(urls, check_settings))
    return {
        "checked": summary.checked,
        "working": summary.working,
        "failing": summary.failing,
        "newly failing": summary.newly_failing,
    }
