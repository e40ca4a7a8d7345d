"""What every Offer editor view does: load the school, render, go back to the overview."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.offers.models import Offer
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School


def staff_page[**P](view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """Signed-in staff only (others go to sign in), and never kept in a browser's cache."""
    return login_required(never_cache(view))


def staff_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def load_school(
    request: HttpRequest, slug: str, permission: Permission = Permission.EDIT_OFFER
) -> tuple[School, Offer]:
    """The school (through the access check) and its draft Offer."""
    school = get_school_for_user(staff_user(request), slug, permission)
    offer = Offer.objects.select_related("published_version").get(school=school)
    offer.school = school
    return school, offer


def may_publish(request: HttpRequest, school: School) -> bool:
    return has_permission(staff_user(request), Permission.PUBLISH_OFFER, school=school)


def headings_of(offer: Offer) -> dict[int, str]:
    return {h.level: h.heading for h in offer.level_headings.all()}


def render_page(
    request: HttpRequest, template: str, school: School, **context: Any
) -> HttpResponse:
    context.update(school=school, local_authority=school.local_authority)
    return render(request, f"offers/staff/{template}", context)


def to_overview(school: School, section: str = "") -> HttpResponseRedirect:
    url = reverse("offers_staff:overview", args=[school.slug])
    return redirect(f"{url}#{section}" if section else url)


def post_only() -> HttpResponse:
    response = HttpResponse("Use the buttons on the page.", status=405, content_type="text/plain")
    response["Allow"] = "POST"
    return response


def next_url(request: HttpRequest, fallback: str) -> str:
    """The `next` the page was given, if it is a path on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback
