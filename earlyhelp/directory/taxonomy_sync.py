"""Bring the taxonomy tables in step with `taxonomies.py` (used by a migration)."""

from typing import Any

from earlyhelp.directory.taxonomies import TAXONOMIES


def sync_taxonomies(taxonomy_model: Any, term_model: Any) -> None:
    """Create or update every taxonomy and term; terms no longer listed are left alone."""
    for name, (description, terms) in TAXONOMIES.items():
        taxonomy, _ = taxonomy_model.objects.update_or_create(
            name=name, defaults={"description": description, "version": "1"}
        )
        for position, term in enumerate(terms):
            term_model.objects.update_or_create(
                taxonomy=taxonomy,
                code=term.code,
                defaults={"name": term.name, "description": term.description, "position": position},
            )


def ensure_taxonomies() -> None:
    """Load our taxonomies into the current database (e.g. after a test flush)."""
    from earlyhelp.directory.models import Taxonomy, TaxonomyTerm

    sync_taxonomies(Taxonomy, TaxonomyTerm)
