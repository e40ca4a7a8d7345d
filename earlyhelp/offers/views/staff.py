"""The Offer editor, in the staff area. Every view loads the school through the access check."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.schools.access import get_school_for_user


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def overview(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(_user(request), school_slug, Permission.EDIT_OFFER)
    return render(request, "offers/staff/overview.html", {"school": school, "offer": school.offer})
