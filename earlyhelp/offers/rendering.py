"""A published Offer's page and PDF, rendered once per version and key, then served as files.

A published version never changes, but the page shows county and national services live
from the directory, the council's front door numbers and, once the review date has passed,
a warning. The render key digests all of that (each service's change stamp, status and
organisation name, not its rows) with the release, so a key names exactly one page and one
PDF. The services' part is kept in the shared cache, and each school's published version
with its key in each app process, until a service, organisation, school, council or Offer
is next written (a generation in the shared cache), so finding the key costs a small cache
read and no query whatever the number of services.
`OfferRender` has one row per kind and key (a unique constraint): whoever inserts it
renders; everyone else waits for it (the page, a fraction of a second) or is told it is
being prepared (the PDF, made by a background task). Pages live in the row; PDFs in the
default storage, so every app server serves the same bytes (issue 17); offers.served keeps
what a process has served in its memory. Renders no longer current go after a day.
"""

import base64
import hashlib
import re
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from earlyhelp.directory.models import Service
from earlyhelp.offers.models import OfferRender, OfferVersion, RenderKind, RenderStatus
from earlyhelp.offers.pdf import render_offer_pdf
from earlyhelp.offers.snapshot import OfferPage, page_from_snapshot
from earlyhelp.schools.models import School

STORAGE_FOLDER = "offer-renders"
STALE_AFTER = timedelta(minutes=10)  # a render claimed this long ago and unfinished is redone
PAGE_WAIT_SECONDS = 20.0  # how long a request waits for another's page render
POLL_SECONDS = 0.05
# The services' stamp of each version (in the shared cache), and each school's published
# version with its key (in each process), kept until a service, organisation, school,
# council or Offer is written (a signal, offers.apps) or this many seconds at most, for
# writes that send no signal (a queryset update, SQL by hand).
CACHE = "default"
GENERATION_KEY = "offer-render:directory-generation"
STAMP_PREFIX = "offer-render:services:"
KNOWN_SCHOOLS = 5000  # published Offers an app process keeps looked up (a few KB each)
STAMP_SECONDS = 60
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class Published:
    """A school's published Offer as it would be shown now, and the key of that showing."""

    school: School
    version: OfferVersion
    key: str


def get_published(slug: str) -> Published | None:
    """The school's published Offer and its key, kept in this process for this generation
    and day (`STAMP_SECONDS` at most): a stored page's request costs one small cache read
    (the generation) and no query. Looked up anew after any write to a service,
    organisation, school, council or Offer (offers.apps), on a new day (the review
    warning) or release; a write made without the app shows within `STAMP_SECONDS`."""
    generation = str(caches[CACHE].get(GENERATION_KEY) or _new_generation())
    valid_for = (generation, timezone.localdate(), release_digest())
    kept = known.get(slug)
    if kept is not None and kept.valid_for == valid_for and kept.until > time.time():
        return kept.published
    published = _published_from_database(slug)
    if published is not None:
        known.put(slug, Kept(valid_for, time.time() + STAMP_SECONDS, published))
    return published


@dataclass(frozen=True)
class Kept:
    valid_for: tuple[str, date, str]  # the generation, the day and the release
    until: float  # time.time(): at most `STAMP_SECONDS`
    published: Published


class Known:
    """The published Offers this process has looked up, the most recent `limit` of them
    (thread-safe; the objects are only read once kept)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.entries: OrderedDict[str, Kept] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, slug: str) -> Kept | None:
        with self.lock:
            found = self.entries.get(slug)
            if found is not None:
                self.entries.move_to_end(slug)
            return found

    def put(self, slug: str, entry: Kept) -> None:
        with self.lock:
            self.entries[slug] = entry
            self.entries.move_to_end(slug)
            while len(self.entries) > self.limit:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


known = Known(KNOWN_SCHOOLS)


def _published_from_database(slug: str) -> Published | None:
    """One query (the school with its version, without the snapshot) and a cache read."""
    school = (
        School.objects.select_related("local_authority", "offer__published_version")
        .defer("offer__published_version__content")  # read only to render, or to stamp
        .filter(slug=slug)
        .first()
    )
    offer = getattr(school, "offer", None) if school else None
    version = offer.published_version if offer else None
    if school is None or version is None:
        return None
    return Published(school, version, render_key(school, version))


def get_published_version(version: OfferVersion) -> Published | None:
    """The version as shown now, or None if it is no longer the school's public Offer."""
    found = get_published(version.offer.school.slug)
    return found if found and found.version.pk == version.pk else None


def render_key(school: School, version: OfferVersion) -> str:
    """A digest of what the page shows now; no query but the cache's (see `services_stamp`)."""
    authority = school.local_authority
    overdue = version.review_due < timezone.localdate()
    parts = [
        f"version {version.pk}",
        f"services {services_stamp(version)}",
        f"council {authority.name}|{authority.front_door_name}|{authority.front_door_phone}|"
        f"{authority.out_of_hours_phone}|{authority.front_door_url}",
        f"overdue {overdue}",
        f"release {release_digest()}",
        f"site {settings.SITE_URL}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def services_stamp(version: OfferVersion) -> str:
    """The digest of the version's services as the directory has them, kept in the shared
    cache for this directory generation (or `STAMP_SECONDS` at most): a request costs a
    cache read, not a query over every service and the version's whole snapshot."""
    stamp_key = f"{STAMP_PREFIX}{version.pk}"
    found = caches[CACHE].get_many([GENERATION_KEY, stamp_key])
    generation = found.get(GENERATION_KEY) or _new_generation()
    kept = found.get(stamp_key)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == generation:
        return str(kept[1])
    stamp = _services_digest(version)
    caches[CACHE].set(stamp_key, (generation, stamp), STAMP_SECONDS)
    return stamp


def _services_digest(version: OfferVersion) -> str:
    """Each service's change stamp, status and organisation name (shown live on the page)."""
    content = snapshot_of(version)
    ids = [entry["id"] for level in content["levels"] for entry in level["entries"]]
    rows = (
        Service.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "last_modified", "status", "organization__name")
    )
    digest = hashlib.sha256()
    for pk, modified, status, organization in rows:
        digest.update(f"{pk}|{modified.isoformat()}|{status}|{organization}\n".encode())
    return digest.hexdigest()


def snapshot_of(version: OfferVersion) -> dict[str, Any]:
    """The version's snapshot; read without keeping it on the version if it was deferred
    (a version kept by `known` stays small)."""
    if "content" in version.get_deferred_fields():
        content: dict[str, Any] = (
            OfferVersion.objects.filter(pk=version.pk).values_list("content", flat=True).get()
        )
        return content
    kept: dict[str, Any] = version.content
    return kept


def directory_changed(**_: object) -> None:
    """A service, organisation, school, council or Offer was written: every cached stamp
    and published version is looked up again when next asked. Now, and again once the
    write is committed, so what is read meanwhile from the data before it is not kept."""
    _new_generation(force=True)
    transaction.on_commit(lambda: _new_generation(force=True))


def _new_generation(*, force: bool = False) -> str:
    generation = uuid.uuid4().hex
    if force:
        caches[CACHE].set(GENERATION_KEY, generation, None)
        return generation
    caches[CACHE].add(GENERATION_KEY, generation, None)
    return str(caches[CACHE].get(GENERATION_KEY) or generation)


@cache
def release_digest() -> str:
    """The templates and static file names of this release: a new release renders anew."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR) / "earlyhelp"
    for path in sorted(root.glob("**/templates/**/*")):
        if path.is_file():
            digest.update(path.read_bytes())
    manifest = Path(str(settings.STATIC_ROOT or "")) / "staticfiles.json"
    if settings.STATIC_ROOT and manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def offer_context(published: Published) -> dict[str, Any]:
    page: OfferPage = page_from_snapshot(snapshot_of(published.version), live=True)
    school = published.school
    return {
        "school": school,
        "version": published.version,
        "page": page,
        "nav": "schools",
        "local_authority": school.local_authority,
        "quick_exit": page.quick_exit,
        # The Offer places the emergency panel under its title, so headings stay in order.
        "emergency_in_body": True,
    }


# The page ---------------------------------------------------------------------------------


def get_page(published: Published) -> OfferRender:
    """The stored page for this key, rendering it here if nobody has (once, however many ask)."""
    found = _ready(RenderKind.PAGE, published.key)
    if found is not None:
        return found
    claimed = _claim(published, RenderKind.PAGE)
    if claimed is not None:
        return _render_page(claimed, published)
    waited = _wait_for_page(published.key)
    if waited is not None:
        return waited
    # The renderer is taking far longer than any page should: answer without storing.
    return OfferRender(kind=RenderKind.PAGE, key=published.key, **_page_fields(published))


def render_page_now(published: Published) -> OfferRender | None:
    """For the background task: the page for this key unless it is there or being made."""
    if _ready(RenderKind.PAGE, published.key) is not None:
        return None
    claimed = _claim(published, RenderKind.PAGE)
    return _render_page(claimed, published) if claimed is not None else None


def _page_fields(published: Published) -> dict[str, Any]:
    rendered = render_to_string("offers/offer.html", offer_context(published))
    html = str(rendered).replace(
        ' nonce=""', ""
    )  # rendered without a request: no nonce, hashes instead
    return {"html": html, "script_hashes": script_hashes(html)}


def script_hashes(html: str) -> list[str]:
    """CSP sources for each inline script, so the stored page needs no per-request nonce."""
    found = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return sorted(set(found))


def _render_page(render: OfferRender, published: Published) -> OfferRender:
    try:
        fields = _page_fields(published)
    except Exception as error:
        _fail(render, error)
        raise
    _finish(render, **fields)
    return render


def _wait_for_page(key: str) -> OfferRender | None:
    deadline = time.monotonic() + PAGE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = OfferRender.objects.filter(kind=RenderKind.PAGE, key=key).first()
        if found is None or found.status == RenderStatus.READY:
            return found
        if found.status != RenderStatus.RENDERING:
            return None
    return None


# The PDF ----------------------------------------------------------------------------------


def get_pdf(published: Published) -> OfferRender:
    """The PDF render for this key: ready, or queued once for the background worker."""
    found = OfferRender.objects.filter(kind=RenderKind.PDF, key=published.key).first()
    if found is None:
        found = _queue_pdf(published)
    elif _should_retry(found):
        _requeue_pdf(found)
    if found.status != RenderStatus.READY:
        found.refresh_from_db()  # a backend that runs tasks at once has finished it
    return found


def render_pdf_now(render_id: int) -> str:
    """For the background task: make the PDF of this render, once; safe to run again."""
    render = OfferRender.objects.select_related("version__offer__school").filter(pk=render_id)
    found = render.first()
    if found is None or found.status == RenderStatus.READY:
        return "nothing to do"
    if not _take(found, Q(status__in=[RenderStatus.QUEUED, RenderStatus.FAILED])):
        return "being made by another worker"
    published = get_published_version(found.version)
    if published is None or published.key != found.key:
        _set(found, status=RenderStatus.SUPERSEDED, finished_at=timezone.now())
        if published is not None:
            get_pdf(published)
        return "superseded"
    _render_pdf(found, published)
    return f"rendered {found.size} bytes"


def pdf_file_name(published: Published) -> str:
    return f"{STORAGE_FOLDER}/{published.school.slug}/{published.key}.pdf"


def open_pdf(render: OfferRender) -> bytes:
    with default_storage.open(render.file_name, "rb") as stored:
        content: bytes = stored.read()
    return content


def _queue_pdf(published: Published) -> OfferRender:
    from earlyhelp.offers import tasks

    try:
        with transaction.atomic():
            render = _insert(published, RenderKind.PDF, RenderStatus.QUEUED)
            tasks.render_offer_pdf.enqueue(render.pk)  # the task row in the same transaction
            return render
    except IntegrityError:
        return OfferRender.objects.get(kind=RenderKind.PDF, key=published.key)


def _should_retry(render: OfferRender) -> bool:
    now = timezone.now()
    if render.status == RenderStatus.FAILED:
        return render.finished_at is None or render.finished_at < now - timedelta(minutes=1)
    if render.status in (RenderStatus.QUEUED, RenderStatus.RENDERING):
        return (render.started_at or render.created_at) < now - STALE_AFTER
    return False


def _requeue_pdf(render: OfferRender) -> None:
    from earlyhelp.offers import tasks

    with transaction.atomic():
        moved = OfferRender.objects.filter(pk=render.pk, status=render.status).update(
            status=RenderStatus.QUEUED, created_at=timezone.now(), started_at=None
        )
        if moved:
            tasks.render_offer_pdf.enqueue(render.pk)


def _render_pdf(render: OfferRender, published: Published) -> None:
    try:
        base_url = settings.SITE_URL.rstrip("/") + "/"
        pdf = render_offer_pdf(offer_context(published), base_url=base_url)
        name = pdf_file_name(published)
        if default_storage.exists(name):
            default_storage.delete(name)  # a retried render: the same key, the same document
        name = default_storage.save(name, ContentFile(pdf))
    except Exception as error:
        _fail(render, error)
        raise
    _finish(render, file_name=name, size=len(pdf))


# Claims -----------------------------------------------------------------------------------


def _ready(kind: str, key: str) -> OfferRender | None:
    return OfferRender.objects.filter(kind=kind, key=key, status=RenderStatus.READY).first()


def _insert(published: Published, kind: str, status: str) -> OfferRender:
    now = timezone.now()
    return OfferRender.objects.create(
        version=published.version,
        kind=kind,
        key=published.key,
        status=status,
        created_at=now,
        started_at=now if status == RenderStatus.RENDERING else None,
    )


def _claim(published: Published, kind: str) -> OfferRender | None:
    """The render row if this caller is to render it: a new row, or one nobody is making."""
    try:
        with transaction.atomic():
            return _insert(published, kind, RenderStatus.RENDERING)
    except IntegrityError:
        pass
    found = OfferRender.objects.filter(kind=kind, key=published.key).first()
    takeable = Q(status__in=[RenderStatus.QUEUED, RenderStatus.FAILED])
    return found if found is not None and _take(found, takeable) else None


def _take(render: OfferRender, takeable: Q) -> bool:
    """Mark the render as being made by this caller, if it is takeable or abandoned."""
    now = timezone.now()
    abandoned = Q(status=RenderStatus.RENDERING, started_at__lt=now - STALE_AFTER)
    taken = (
        OfferRender.objects.filter(pk=render.pk)
        .filter(takeable | abandoned)
        .update(status=RenderStatus.RENDERING, started_at=now, error="")
    )
    if taken:
        render.status, render.started_at, render.error = RenderStatus.RENDERING, now, ""
    return bool(taken)


def _finish(render: OfferRender, **fields: Any) -> None:
    _set(render, status=RenderStatus.READY, finished_at=timezone.now(), error="", **fields)


def _fail(render: OfferRender, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:2000]
    _set(render, status=RenderStatus.FAILED, finished_at=timezone.now(), error=message)


def _set(render: OfferRender, **fields: Any) -> None:
    OfferRender.objects.filter(pk=render.pk).update(**fields)
    for name, value in fields.items():
        setattr(render, name, value)


# Pruning ----------------------------------------------------------------------------------

KEEP_FOR = timedelta(days=1)  # a render younger than this is kept even when no longer current


def prune_renders() -> dict[str, int]:
    """Delete the renders no published Offer shows now, and their stored files, once they
    are a day old: what each school's page and PDF are now (their key) is always kept.
    A file is deleted before its row, so a failure leaves the row to be tried next time."""
    current = _current_keys()
    old = OfferRender.objects.filter(created_at__lt=timezone.now() - KEEP_FOR)
    counts = {"renders deleted": 0, "files deleted": 0, "kept": 0}
    for render in old.only("pk", "key", "file_name").order_by("pk").iterator():
        if render.key in current:
            counts["kept"] += 1
            continue
        if render.file_name and default_storage.exists(render.file_name):
            default_storage.delete(render.file_name)
            counts["files deleted"] += 1
        OfferRender.objects.filter(pk=render.pk).delete()
        counts["renders deleted"] += 1
    return counts


def _current_keys() -> set[str]:
    slugs = School.objects.filter(offer__published_version__isnull=False).values_list(
        "slug", flat=True
    )
    keys = set()
    for slug in slugs.iterator():
        published = get_published(slug)
        if published is not None:
            keys.add(published.key)
    return keys
