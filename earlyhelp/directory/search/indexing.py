"""What full-text search reads of a service, and the one way it is refreshed.

The index holds a service's name and its `search_text`: everything else a family might type
to find it (its organisation, topics and their everyday words, description, eligibility,
area and languages), and its filter words (`facets.py`). The database keeps its full-text
index in step with those two columns (see `schema.py`), so writing `search_text` is all an
action has to do.
"""

from collections.abc import Iterable

from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import Service
from earlyhelp.directory.search.facets import facet_words
from earlyhelp.directory.search.hours import opening_words
from earlyhelp.directory.search.understand import context

_TOPICS = {t.code: t for t in taxonomies.TOPICS}


def compose_search_text(
    *,
    alternate_name: str = "",
    organization: str = "",
    topic_codes: Iterable[str] = (),
    description: str = "",
    eligibility: str = "",
    areas: Iterable[str] = (),
    languages: Iterable[str] = (),
    facets: Iterable[str] = (),
) -> str:
    """The text beside the name, from plain values (the synthetic generator uses this too).

    `facets` are the service's filter words (`facets.facet_words`), kept on the last line.
    """
    topics = [_TOPICS[code] for code in topic_codes if code in _TOPICS]
    parts = [
        alternate_name,
        organization,
        " ".join(t.name for t in topics),
        " ".join(word for t in topics for word in t.synonyms),
        description,
        eligibility,
        " ".join(areas),
        " ".join(language for language in languages if language != "English"),
        " ".join(facets),
    ]
    return "\n".join(p for p in parts if p)


def build_search_text(service: Service) -> str:
    """What a service is about, beside its name (the index holds the name separately)."""
    terms = list(service.terms.values_list("taxonomy__name", "code"))
    free = service.cost_options.filter(amount=0).exists()
    weekly = service.schedules.filter(freq="WEEKLY").values_list("byday", "opens_at", "closes_at")
    return compose_search_text(
        alternate_name=service.alternate_name,
        organization=service.organization.name,
        topic_codes=[code for taxonomy, code in terms if taxonomy == taxonomies.TOPIC],
        description=service.description,
        eligibility=service.eligibility_description,
        areas=service.service_areas.values_list("name", flat=True),
        languages=service.languages.values_list("name", flat=True),
        facets=[*facet_words(terms, free=free), *opening_words(weekly)],
    )


def index_service(service: Service) -> None:
    """Refresh the service's search text; the database updates its index from it."""
    service.search_text = build_search_text(service)
    Service.objects.filter(pk=service.pk).update(search_text=service.search_text)
    context.forget()  # the directory's words may have changed
