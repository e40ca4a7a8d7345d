"""The staff area's front page: the schools a person works for and what needs doing."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earlyhelp.accounts.models import User
from earlyhelp.schools.access import list_schools_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    schools = list_schools_for_user(request.user)
    return render(request, "core/staff_home.html", {"schools": schools})
