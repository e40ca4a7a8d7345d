"""Full-text search over the directory.

`index_service` keeps `Service.search_text` current; the database keeps its full-text index
in step with that column (an FTS5 table fed by triggers on SQLite, a generated tsvector
column on PostgreSQL).
"""

from earlyhelp.directory.models import Service


def build_search_text(service: Service) -> str:
    """What a service is about, beside its name (the index holds the name separately)."""
    terms = service.terms.select_related("taxonomy").all()
    topics = [t for t in terms if t.taxonomy.name == "earlyhelp-topic"]
    from earlyhelp.directory.taxonomies import TOPICS

    synonyms = {t.code: t.synonyms for t in TOPICS}
    parts = [
        service.alternate_name,
        service.organization.name,
        " ".join(t.name for t in topics),
        " ".join(word for t in topics for word in synonyms.get(t.code, ())),
        service.description,
        service.eligibility_description,
    ]
    return "\n".join(p for p in parts if p)


def index_service(service: Service) -> None:
    service.search_text = build_search_text(service)
    Service.objects.filter(pk=service.pk).update(search_text=service.search_text)
