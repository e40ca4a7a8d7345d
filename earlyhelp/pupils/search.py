"""Finding pupils on a school's roll by name (names are in clear so that staff can search)."""

from django.db.models import QuerySet

from earlyhelp.lib import validators
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

LIMIT = 20


def search_pupils(school: School, query: str, *, limit: int = LIMIT) -> list[Pupil]:
    """On-roll pupils whose names hold every word of `query`, at most `limit` of them."""
    words = query.lower().split()[:5]
    if not words:
        return []
    pupils: QuerySet[Pupil] = Pupil.objects.filter(school=school, left_on__isnull=True)
    for word in words:
        pupils = pupils.filter(search_name__contains=word)
    return list(pupils[:limit])


def pupils_by_ids(school: School, ids: list[int]) -> list[Pupil]:
    """The school's on-roll pupils among `ids`, in the order given (others are dropped)."""
    found = {p.pk: p for p in Pupil.objects.filter(school=school, pk__in=ids)}
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def parse_ids(text: str) -> list[int]:
    """Ids from a query string, plain integers within range only (earlyhelp.lib.validators)."""
    return validators.parse_ids(text, limit=20)
