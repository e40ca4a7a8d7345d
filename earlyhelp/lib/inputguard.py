"""Checks on every request before a view runs: nothing out of range reaches the database.

- An id in the URL (`<int:...>`) larger than the database can hold is "not found" (404),
  not a server error: 23 digits match `[0-9]+` but overflow a BIGINT.
- A NUL character in the address or a query string is a bad request (400): PostgreSQL
  cannot store or compare text with one, and no browser sends one unasked.

Form fields are checked by their forms (Django's CharField refuses NUL; earlyhelp.lib
.validators bounds dates and ids); this guards the parameters views read directly.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse

from earlyhelp.lib.validators import MAX_ID, has_nul


class InputGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request.path) or any(
            has_nul(key) or any(has_nul(value) for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address")
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., HttpResponse],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_ID:
                raise Http404("No such item")
