"""Writes for imports: save a document into a school's draft Offer, and apply its review."""

from earlyhelp.offers.actions.importing.review import ServiceChoice, apply_review
from earlyhelp.offers.actions.importing.saving import save_import

__all__ = ["ServiceChoice", "apply_review", "save_import"]
