"""Harvest an Open Referral UK feed: read it all, check it all, then write it in one go.

Reading: every page of `/services`, then each `/services/{id}` (a few at a time). Checking:
each page item against the profile's list schema, each service against the compiled
service schema and the directory's field rules. Any problem refuses the whole feed before
anything is written, even when the bad service is on the last page.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.utils import timezone

from earlyhelp.oruk import actions, feed, schemas
from earlyhelp.oruk.actions import Counts
from earlyhelp.oruk.client import Client, FeedError
from earlyhelp.oruk.feed import HarvestRecord, RecordError
from earlyhelp.oruk.models import HarvestRun, HarvestSource
from earlyhelp.schools.models import LocalAuthority

Progress = Callable[[str], None]
PER_PAGE = 100
MAX_PAGES = 10_000
MAX_ERRORS = 20  # problems listed when a feed is refused
DEFAULT_WORKERS = 8


class HarvestRefused(Exception):
    """The feed was not imported; `problems` says why, service by service."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems[:3]))


def harvest(
    *,
    base_url: str,
    source_name: str,
    local_authority: LocalAuthority | None = None,
    progress: Progress = lambda _: None,
    workers: int = DEFAULT_WORKERS,
    timeout: float = 30.0,
    allow_empty: bool = False,
) -> tuple[HarvestRun, Counts]:
    client = Client(base_url, timeout=timeout)
    source = actions.get_or_create_source(
        by=None, name=source_name, base_url=client.base_url, local_authority=local_authority
    )
    run = actions.start_run(by=None, source=source, at=timezone.now())
    try:
        records = read_feed(client, progress=progress, workers=workers)
        if not records and not allow_empty and source.services.exists():
            raise HarvestRefused(["the feed lists no services; nothing withdrawn"])
        progress(f"Writing {len(records)} services…")
        counts = actions.apply_harvest(by=None, source=source, records=records, at=run.started_at)
    except (HarvestRefused, FeedError) as problem:
        errors = problem.problems if isinstance(problem, HarvestRefused) else [str(problem)]
        outcome = HarvestRun.Outcome.REFUSED
        actions.finish_run(by=None, run=run, outcome=outcome, at=timezone.now(), errors=errors)
        raise
    except Exception as problem:
        outcome = HarvestRun.Outcome.FAILED
        actions.finish_run(
            by=None, run=run, outcome=outcome, at=timezone.now(), errors=[repr(problem)[:500]]
        )
        raise
    run = actions.finish_run(
        by=None,
        run=run,
        outcome=HarvestRun.Outcome.SUCCEEDED,
        at=timezone.now(),
        counts=counts,
        errors=counts.warnings,
    )
    return run, counts


def read_feed(client: Client, *, progress: Progress, workers: int) -> list[HarvestRecord]:
    ids, problems = list_services(client, progress)
    details = fetch_services(client, ids, progress=progress, workers=workers)
    records: list[HarvestRecord] = []
    for remote_id, record in zip(ids, details, strict=True):
        found = feed.schema_problems(schemas.SERVICE, record)
        if not found and record.get("id") != remote_id:
            found = [f"{feed.label(record)}: field id: listed as {remote_id!r}"]
        if not found:
            try:
                records.append(feed.read_service(record))
            except RecordError as error:
                found = [str(error)]
        problems += found
    if problems:
        raise HarvestRefused(problems[:MAX_ERRORS])
    progress(f"Checked {len(records)} services: all valid.")
    return records


def list_services(client: Client, progress: Progress) -> tuple[list[str], list[str]]:
    """Every id on every page of /services, in order, each once; and the items' problems."""
    ids: dict[str, None] = {}
    problems: list[str] = []
    for page in range(1, MAX_PAGES + 1):
        body = client.get_json("services", {"page": page, "per_page": PER_PAGE})
        contents = _contents(body, client.url("services", {"page": page}))
        for item in contents:
            found = feed.schema_problems(schemas.SERVICE_LIST, item)
            problems += [f"page {page}: {p}" for p in found]
            if not found:
                ids.setdefault(str(item["id"]), None)
        total_pages = body.get("total_pages")
        shown = f"/{total_pages}" if isinstance(total_pages, int) else ""
        progress(f"Page {page}{shown}: {len(ids)} services listed")
        if not contents or body.get("last_page") is True:
            break
        if isinstance(total_pages, int) and page >= total_pages:
            break
    return list(ids), problems


def _contents(body: Any, address: str) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
        raise FeedError(f"{address}: not a page of results (no `contents` list)")
    contents: list[Any] = body["contents"]
    return contents


def fetch_services(
    client: Client, ids: list[str], *, progress: Progress, workers: int
) -> list[Any]:
    """Each /services/{id}, a few at a time, in the order of `ids`."""
    details: list[Any] = []
    step = max(1, min(500, len(ids) // 10 or 1))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for done, record in enumerate(pool.map(lambda i: client.get_json(f"services/{i}"), ids)):
            details.append(record)
            if (done + 1) % step == 0 or done + 1 == len(ids):
                progress(f"Fetched {done + 1}/{len(ids)} services")
    return details


__all__ = ["HarvestRefused", "HarvestSource", "harvest"]
