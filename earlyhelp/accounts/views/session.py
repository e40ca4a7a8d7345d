"""The session's time limit: how long is left (GET) and "Stay signed in" (POST)."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from earlyhelp.accounts import sessions
from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.accounts.views.two_factor import next_url


@staff_page
@require_http_methods(["GET", "POST"])
def session(request: StaffRequest) -> HttpResponse:
    """GET does not count as activity (the middleware skips it); POST does."""
    if request.method == "POST" and "application/json" not in request.headers.get("Accept", ""):
        return redirect(next_url(request))
    return JsonResponse(
        {
            "secondsLeft": sessions.seconds_left(request),
            "warningBefore": settings.SESSION_WARNING_BEFORE,
        }
    )
