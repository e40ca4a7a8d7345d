"""The staff-view toolkit: what every view under /staff/ uses, in one place.

- `staff_page`: signed-in staff only (anyone else goes to sign in) and never kept in a
  browser's cache. Before any staff view runs, `accounts.middleware` has already checked the
  verified second factor and the session's idle and absolute limits; what a person may do at
  a school or a local authority is checked by the access modules the view calls
  (`schools.access`, `casework.access`, …), never here.
- `StaffRequest`: the request a staff view receives, its `.user` typed as our `User`.
- `staff_user`: the same narrowing for code that is handed a plain `HttpRequest`.
- `posted`: the form data of a POST (even an empty one), or None for a GET.
- `render_page`: render a template with the school and its local authority in the context.
"""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User

if TYPE_CHECKING:  # accounts sits below schools: only named in annotations here
    from earlyhelp.schools.models import LocalAuthority, School


class StaffRequest(HttpRequest):
    """A request from signed-in staff (what `staff_page` hands its view)."""

    user: User  # narrowed from User | AnonymousUser by `staff_page`


def staff_page[**P, R: HttpResponseBase](
    view: Callable[Concatenate[StaffRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R]:
    """Signed-in staff only (others go to sign in), and never kept in a browser's cache."""

    @wraps(view)
    def page(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return view(as_staff(request), *args, **kwargs)

    return login_required(never_cache(page))


def as_staff(request: HttpRequest) -> StaffRequest:
    """The request, typed as from staff; refuses one whose user is not signed in."""
    if not isinstance(request.user, User):
        raise TypeError("A staff page was reached without a signed-in user.")
    return cast(StaffRequest, request)


def staff_user(request: HttpRequest) -> User:
    return as_staff(request).user


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST (even an empty one), or None for a GET."""
    return request.POST if request.method == "POST" else None


def render_page(
    request: HttpRequest,
    template: str,
    school: "School | None" = None,
    *,
    local_authority: "LocalAuthority | None" = None,
    status: int = 200,
    **context: Any,
) -> HttpResponse:
    """Render `template` with `school` and its local authority (or `local_authority`)."""
    if school is not None:
        context.update(school=school, local_authority=school.local_authority)
    elif local_authority is not None:
        context.update(local_authority=local_authority)
    return render(request, template, context, status=status)
