"""What the public Offer views send: the stored page or PDF of a key, kept in memory.

A render key names one document for ever (offers.rendering), so an app process may keep
the bytes of the renders it has served and answer the next request for the same key with
no query for the render and no read from storage (the S3 bucket, in production). Each
process keeps the most recently served up to `MEMORY_BYTES`; a key no longer current is
simply not asked for again and drops out.

Beside each page's bytes a process keeps them gzipped (made once, when first put in memory;
`mtime` 0, so every process makes the same bytes for a key), sent to every browser that
accepts gzip: the 500-service page is about 2 MB of HTML, and copying it on each request
cost more than answering it.
"""

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from earlyhelp.offers.models import OfferRender, RenderKind, RenderStatus
from earlyhelp.offers.rendering import Published, get_page, get_pdf, open_pdf

MEMORY_BYTES = 32 * 1024 * 1024  # per app process; a 500-service page is about 2 MB


GZIP_LEVEL = 9  # once per key and process, so the smallest body


@dataclass(frozen=True)
class Document:
    body: bytes
    script_hashes: tuple[str, ...]  # the page's CSP sources for its inline scripts
    finished_at: datetime | None
    gzipped: bytes | None = None  # the body gzipped, for the browsers that accept it

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


def gzipped(document: Document) -> Document:
    """The document with its gzipped body beside the plain one."""
    compressed = gzip.compress(document.body, compresslevel=GZIP_LEVEL, mtime=0)
    return Document(document.body, document.script_hashes, document.finished_at, compressed)


class Memory:
    """The documents most recently served, up to `limit` bytes in all (thread-safe)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.documents: OrderedDict[tuple[str, str], Document] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, kind: str, key: str) -> Document | None:
        with self.lock:
            found = self.documents.get((kind, key))
            if found is not None:
                self.documents.move_to_end((kind, key))
            return found

    def put(self, kind: str, key: str, document: Document) -> None:
        if document.size > self.limit:
            return
        with self.lock:
            old = self.documents.pop((kind, key), None)
            self.size += document.size - (old.size if old else 0)
            self.documents[(kind, key)] = document
            while self.size > self.limit:
                _, dropped = self.documents.popitem(last=False)
                self.size -= dropped.size

    def clear(self) -> None:
        with self.lock:
            self.documents.clear()
            self.size = 0


memory = Memory(MEMORY_BYTES)


def page(published: Published) -> Document:
    """The page of this key: from memory, else stored (or rendered now, once)."""
    found = memory.get(RenderKind.PAGE, published.key)
    if found is not None:
        return found
    render = get_page(published)
    document = Document(render.html.encode(), tuple(render.script_hashes), render.finished_at)
    if render.status == RenderStatus.READY:
        document = gzipped(document)
        memory.put(RenderKind.PAGE, published.key, document)
    return document


def pdf(published: Published) -> Document | OfferRender:
    """The PDF of this key, or its render row while it is being prepared."""
    found = memory.get(RenderKind.PDF, published.key)
    if found is not None:
        return found
    render = get_pdf(published)
    if render.status != RenderStatus.READY:
        return render
    document = Document(open_pdf(render), (), render.finished_at)
    memory.put(RenderKind.PDF, published.key, document)
    return document
