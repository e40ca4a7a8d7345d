"""Optimistic concurrency for edit forms: nobody's save silently overwrites another's.

An edit form carries, in a hidden field, the version of the record it was opened on: a
fingerprint (SHA-256) of the stored values the form edits, so no model needs a new column
and every edited field counts, related rows included (a key person's roles). The action
takes that version as `expected_version=`, locks the row, and refuses with `StaleEdit` when
the stored values have changed since; the view shows the form again with what the person
typed, the message "Someone else changed this while you were editing" and the saved
version beside it. Saving again after that is a deliberate choice to keep one's own.

    # view
    form = OfferTextsForm(request.POST or None, initial=..., version=version_of(offer, FIELDS))
    try:
        update_offer_text(..., expected_version=form.expected_version())
    except StaleEdit as stale:
        form.show_stale(stale)
    # action, inside its transaction
    ensure_unchanged(offer, FIELDS, expected_version)
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.db import models
from django.http import QueryDict

from earlyhelp.lib.errors import ActionError

STALE_MESSAGE = (
    "Someone else changed this while you were editing. Their version is saved and shown "
    "below; yours is still in the form. Check both, then save again to keep yours"
)
VERSION_FIELD = "base_version"


class StaleEdit(ActionError):
    """The record changed after the form was opened; `current` holds the saved values."""

    def __init__(self, current: Mapping[str, Any]) -> None:
        super().__init__(STALE_MESSAGE)
        self.current = dict(current)


def fingerprint(values: Mapping[str, Any]) -> str:
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def state_of(obj: models.Model, fields: Iterable[str], *, lock: bool = False) -> dict[str, Any]:
    """The stored values of `fields` of `obj` (a lookup like "roles__role" gives a sorted
    list of the related values). `lock` holds the row until the transaction ends."""
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    if lock:  # the row alone: FOR UPDATE cannot take the outer join of related rows
        list(rows.select_for_update().values_list("pk", flat=True))
    names = list(fields)
    plain = [name for name in names if "__" not in name]
    values: dict[str, Any] = dict(rows.values(*plain).first() or {}) if plain else {}
    for name in names:
        if "__" in name:
            found = rows.exclude(**{f"{name}__isnull": True}).values_list(name, flat=True)
            values[name] = sorted(str(v) for v in found)
    return values


def version_of(obj: models.Model | None, fields: Iterable[str]) -> str:
    """The version a form opens on ("" for a record that does not exist yet)."""
    if obj is None or obj.pk is None:
        return ""
    return fingerprint(state_of(obj, fields))


def ensure_unchanged(obj: models.Model, fields: Iterable[str], expected: str | None) -> None:
    """In an action's transaction: lock the row and refuse if it changed since `expected`.
    None (a caller with no form, like an import or a command) skips the check."""
    if expected is None or obj.pk is None:
        return
    current = state_of(obj, fields, lock=True)
    if fingerprint(current) != expected:
        raise StaleEdit(current)


class VersionedFormMixin(forms.Form):
    """Add to an edit form: a hidden version field, and the "both versions" state."""

    base_version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, version: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD].initial = version
        self.theirs: list[tuple[str, str]] = []

    def expected_version(self) -> str | None:
        """What the action should check against (None for a form opened on nothing)."""
        value = str(self.cleaned_data.get(VERSION_FIELD) or "")
        return value or None

    def show_stale(self, stale: StaleEdit) -> None:
        """Keep what was typed, say what happened, show theirs; the next save is deliberate."""
        self.add_error(None, STALE_MESSAGE)
        self.theirs = [(self._label(name), _show(value)) for name, value in stale.current.items()]
        data = dict(self.data.lists()) if isinstance(self.data, QueryDict) else dict(self.data)
        fresh = QueryDict(mutable=True)
        for key, value in data.items():
            fresh.setlist(key, value if isinstance(value, list) else [value])
        fresh[self.add_prefix(VERSION_FIELD)] = fingerprint(stale.current)
        self.data = fresh

    def _label(self, name: str) -> str:
        base = name.split("__")[0]
        field = self.fields.get(base)
        return (
            str(field.label)
            if field is not None and field.label
            else base.replace("_", " ").capitalize()
        )


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value) if value not in (None, "") else "(empty)"
