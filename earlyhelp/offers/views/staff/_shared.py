"""What every Offer editor view does besides the staff-view toolkit (`accounts.staffviews`):
load the school and its Offer, go back to the overview."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import staff_user
from earlyhelp.offers.models import Offer
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School


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
