"""Directory editors' additions to the concept lexicon: add, change, remove, with history.

Every change is one transaction: the entry, a `ConceptEntryChange` (who, when, before and
after) and an audit event. Searches read the additions from the next search on.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import ConceptEntry, ConceptEntryChange
from earlyhelp.directory.search.understand import context
from earlyhelp.directory.search.understand.lexicon import validate_topics
from earlyhelp.directory.search.understand.text import raw_tokens
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validation import validated_save

MAX_PHRASE_WORDS = 8


@transaction.atomic
def add_concept_entry(
    *, by: User | None, phrase: str, topics: list[str], words: str = ""
) -> ConceptEntry:
    cleaned = _phrase(phrase)
    if ConceptEntry.objects.filter(phrase=cleaned).exists():
        raise ActionError(f"“{cleaned}” is already in the lexicon: change that entry instead.")
    now = timezone.now()
    entry = ConceptEntry(
        phrase=cleaned,
        topics=_topics(topics),
        words=" ".join(raw_tokens(words)),
        created_at=now,
        updated_at=now,
    )
    validated_save(entry)
    _history(entry, ConceptEntryChange.Kind.ADDED, by=by, before={}, after=_state(entry))
    return entry


@transaction.atomic
def change_concept_entry(
    *, by: User | None, entry: ConceptEntry, topics: list[str], words: str = ""
) -> ConceptEntry:
    before = _state(entry)
    entry.topics = _topics(topics)
    entry.words = " ".join(raw_tokens(words))
    entry.updated_at = timezone.now()
    if _state(entry) == before:
        return entry
    validated_save(entry)
    _history(entry, ConceptEntryChange.Kind.CHANGED, by=by, before=before, after=_state(entry))
    return entry


@transaction.atomic
def remove_concept_entry(*, by: User | None, entry: ConceptEntry) -> None:
    before = _state(entry)
    _history(entry, ConceptEntryChange.Kind.REMOVED, by=by, before=before, after={})
    entry.delete()


def _phrase(phrase: str) -> str:
    words = raw_tokens(phrase)
    if not words:
        raise ActionError("Enter the words people type, for example “my dad hits my mum”.")
    if len(words) > MAX_PHRASE_WORDS:
        raise ActionError(f"Keep a phrase to {MAX_PHRASE_WORDS} words or fewer.")
    return " ".join(words)


def _topics(topics: list[str]) -> str:
    codes = list(dict.fromkeys(t for t in topics if t))
    if not codes:
        raise ActionError("Choose at least one topic the words mean.")
    unknown = validate_topics(codes)
    if unknown:
        raise ActionError(f"Not a topic: {', '.join(unknown)}.")
    return ",".join(codes)


def _state(entry: ConceptEntry) -> dict[str, Any]:
    return {"phrase": entry.phrase, "topics": list(entry.topic_codes), "words": entry.words}


def _history(
    entry: ConceptEntry,
    kind: str,
    *,
    by: User | None,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    ConceptEntryChange.objects.create(
        entry=entry if kind != ConceptEntryChange.Kind.REMOVED else None,
        phrase=entry.phrase,
        kind=kind,
        before=before,
        after=after,
        changed_by=by,
        changed_by_name=(by.get_full_name() or by.get_username()) if by else "system",
        changed_at=timezone.now(),
    )
    record_event(
        by=by,
        action=AuditAction(f"directory.concept_{kind}"),
        obj=entry,
        details={"before": before, "after": after},
    )
    context.forget()  # this process reads the change at once,
    transaction.on_commit(context.forget)  # and not an older copy read meanwhile
