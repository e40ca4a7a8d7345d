"""Writes for imports: save a document into a school's draft Offer, and apply its review."""

from earlyhelp.imports.actions.review import ServiceChoice, apply_review
from earlyhelp.imports.actions.saving import save_import

__all__ = ["ServiceChoice", "apply_review", "save_import"]
