"""The session's time limit: how long is left (GET) and "Stay signed in" (POST)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from earlyhelp.accounts import sessions
from earlyhelp.accounts.views.two_factor import next_url


@login_required
@require_http_methods(["GET", "POST"])
def session(request: HttpRequest) -> HttpResponse:
    """GET does not count as activity (the middleware skips it); POST does."""
    if request.method == "POST" and "application/json" not in request.headers.get("Accept", ""):
        return redirect(next_url(request))
    return JsonResponse(
        {
            "secondsLeft": sessions.seconds_left(request),
            "warningBefore": settings.SESSION_WARNING_BEFORE,
        }
    )
