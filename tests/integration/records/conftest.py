import pytest


@pytest.fixture
def taxonomies(transactional_db: None) -> None:
    """The flush between transactional tests empties what data migrations filled."""
    from earlyhelp.directory.taxonomy_sync import ensure_taxonomies

    ensure_taxonomies()
