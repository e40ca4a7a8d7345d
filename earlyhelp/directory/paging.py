"""Links for the GOV.UK pagination component, keeping the rest of the query string."""

from dataclasses import dataclass

from django.http import QueryDict

from earlyhelp.directory.search import SearchPage

AROUND = 1  # pages shown either side of the current one, besides the first and the last


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    items: list[PageLink]
    previous: str
    next: str


def page_links(page: SearchPage, query: QueryDict) -> PageLinks | None:
    """None when everything fits on one page."""
    if page.num_pages <= 1:
        return None
    numbers = _numbers(page.number, page.num_pages)
    items: list[PageLink] = []
    for number, following in zip(numbers, [*numbers[1:], None], strict=True):
        items.append(PageLink(number, _href(query, number), number == page.number))
        if following is not None and following > number + 1:
            items.append(PageLink(None))
    return PageLinks(
        items,
        previous=_href(query, page.number - 1) if page.has_previous else "",
        next=_href(query, page.number + 1) if page.has_next else "",
    )


def _numbers(current: int, last: int) -> list[int]:
    wanted = {1, last, *range(current - AROUND, current + AROUND + 1)}
    return sorted(n for n in wanted if 1 <= n <= last)


def _href(query: QueryDict, number: int) -> str:
    params = query.copy()
    params.pop("page", None)
    if number > 1:
        params["page"] = str(number)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
