"""Anchors: signed checkpoints of the audit chain's head, kept outside the database.

An anchor says "on this date the trail held N events, the last one id L with hash H", signed
with an HMAC keyed by settings.AUDIT_CHAIN_KEY. `earlyhelp anchor-audit` writes one to the
default storage (settings.AUDIT_ANCHOR_PREFIX; Django's storage API, so object storage with
write-once retention works as well as a folder), and every backup writes one into its
manifest and to storage. `earlyhelp verify-audit` checks the chain against the newest: a
trail rewritten, emptied or cut short before that point fails, even by someone who
recomputed every hash, because they cannot sign a new anchor without the key.
"""

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db.models import Max
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent, chain_key


class AnchorError(Exception):
    """An anchor cannot be read or its signature does not match this installation's key."""


@dataclass(frozen=True)
class Anchor:
    created_at: str
    events: int
    last_id: int
    head: str
    signature: str = ""

    def signed(self) -> "Anchor":
        return Anchor(**{**asdict(self), "signature": _sign(self)})

    def is_genuine(self) -> bool:
        return hmac.compare_digest(self.signature, _sign(self))

    def describe(self) -> str:
        return f"the anchor of {self.created_at} ({self.events:,} events)"


def current_anchor(using: str = "default") -> Anchor:
    """An anchor of the chain as it is now."""
    events = AuditEvent.objects.using(using)
    last_id = events.aggregate(last=Max("id"))["last"] or 0
    return anchor_for(
        events=events.filter(id__lte=last_id).count(),
        last_id=last_id,
        head=events.filter(id=last_id).values_list("hash", flat=True).first() or "",
    )


def anchor_for(*, events: int, last_id: int, head: str) -> Anchor:
    return Anchor(timezone.now().isoformat(), events, last_id, head).signed()


def write_anchor(anchor: Anchor, storage: Storage | None = None) -> str:
    """Save the anchor as a new file; return its name in the storage."""
    storage = storage or storages["default"]
    stamp = datetime.fromisoformat(anchor.created_at).strftime("%Y%m%dT%H%M%S%f")
    name = f"{settings.AUDIT_ANCHOR_PREFIX}/anchor-{stamp}-{anchor.last_id:012d}.json"
    return storage.save(name, ContentFile(json.dumps(asdict(anchor), indent=2).encode()))


def latest_anchor(storage: Storage | None = None) -> Anchor | None:
    """The newest anchor in storage, or None if none was ever written."""
    storage = storage or storages["default"]
    try:
        _, files = storage.listdir(settings.AUDIT_ANCHOR_PREFIX)
    except FileNotFoundError:
        return None
    names = sorted(name for name in files if name.startswith("anchor-"))
    if not names:
        return None
    path = f"{settings.AUDIT_ANCHOR_PREFIX}/{names[-1]}"
    with storage.open(path, "rb") as stream:
        return parse_anchor(stream.read(), path)


def parse_anchor(raw: bytes | dict[str, Any], where: str) -> Anchor:
    try:
        data = json.loads(raw) if isinstance(raw, bytes) else raw
        anchor = Anchor(
            created_at=str(data["created_at"]),
            events=int(data["events"]),
            last_id=int(data["last_id"]),
            head=str(data["head"]),
            signature=str(data["signature"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise AnchorError(f"{where} is not a readable audit anchor.") from error
    if not anchor.is_genuine():
        raise AnchorError(
            f"{where} is not signed with this installation's AUDIT_CHAIN_KEY: "
            "it was forged, or the key changed."
        )
    return anchor


def _sign(anchor: Anchor) -> str:
    fields = {**asdict(anchor), "signature": ""}
    message = "anchor:" + json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hmac.new(chain_key(), message.encode(), hashlib.sha256).hexdigest()
