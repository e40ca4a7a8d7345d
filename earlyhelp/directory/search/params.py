"""What a search asks for, and the page of results it gets back."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

# School years as families name them; Reception is 0. A child in Year N is taken to be N + 4.
SCHOOL_YEARS: tuple[tuple[int, str], ...] = (
    (0, "Reception"),
    *((year, f"Year {year}") for year in range(1, 14)),
)
RECEPTION_AGE = 4


def age_for_school_year(year: int) -> Decimal:
    """Reception is age 4; Year N is age N + 4."""
    if not 0 <= year <= 13:
        raise ValueError(f"No school year {year}")
    return Decimal(RECEPTION_AGE + year)


@dataclass(frozen=True)
class SearchParams:
    """Filters for `search_services`. Empty values mean "any"."""

    q: str = ""
    topics: tuple[str, ...] = ()  # topic codes: any of them
    level: int | None = None  # level of need, 1 to 4
    age: Decimal | None = None  # years, e.g. Decimal("7.5")
    year: int | None = None  # school year (0 = Reception); used when no age is given
    delivery: tuple[str, ...] = ()  # delivery codes: any of them
    free_only: bool = False
    self_referral: bool = False
    open_now: bool = False
    scope: str | None = None  # "school", "local" or "national"
    page: int = 1
    per_page: int = 20
    at: datetime | None = None  # the moment "open now" means; now if None
    # The school whose Offer the search started from: its own provision shows only then.
    school_id: int | None = None
    # With open_now: the services whose opening hours are not known (shown apart, not dropped).
    hours_unknown: bool = False
    # Keep the words of a search that finds nothing in the zero-result log (not the bench).
    log_no_result: bool = True

    @property
    def child_age(self) -> Decimal | None:
        if self.age is not None:
            return self.age
        return age_for_school_year(self.year) if self.year is not None else None


@dataclass(frozen=True)
class SearchPage:
    """One page of matching service ids, best first, and how many matched in all.

    Counting stops at `engine.COUNT_CAP`: beyond it `total` is the cap and `more` is True,
    so a search matching most of the directory costs no more to count than a narrow one.
    """

    ids: list[int]
    total: int
    more: bool
    number: int
    per_page: int
    ranked: bool  # ordered by relevance (a text search) rather than by name
    # What the query was understood as (filled by query understanding; empty by default).
    matched: dict[int, tuple[str, ...]] = field(default_factory=dict)  # id -> why it matched
    did_you_mean: str | None = None  # the corrected query, when a correction was made
    topic_suggestions: tuple[tuple[str, str], ...] = ()  # (topic code, label) when nothing found
    place: str | None = None  # a postcode or place understood in the query

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.ids else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.ids)
