"""What every staff concern view does: signed-in staff only, never cached, school loaded
through the access check."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User
from earlyhelp.schools.models import School


def staff_page[**P, R: HttpResponseBase](view: Callable[P, R]) -> Callable[P, R]:
    return login_required(never_cache(view))


def staff_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST (even an empty one), or None for a GET."""
    return request.POST if request.method == "POST" else None


def render_page(
    request: HttpRequest, template: str, school: School, **context: Any
) -> HttpResponse:
    context.update(school=school, local_authority=school.local_authority)
    return render(request, f"concerns/staff/{template}", context)
