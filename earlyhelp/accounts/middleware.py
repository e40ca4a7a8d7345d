"""The staff area's gate: session limits, the second factor, no caching, refusals logged.

For every request of a signed-in user: end the session after 15 minutes idle or 12 hours.
For every /staff/ URL except the sign-in, sign-out and second-factor pages: anonymous
people go to sign in, and signed-in people without a verified second factor go to set one
up or to the challenge — there is no way round it. Every /staff/ response is `no-store`.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from earlyhelp.accounts import sessions
from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import has_second_factor
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction

STAFF_PREFIX = "/staff/"
# accounts: URL names reachable without a verified second factor.
OPEN_WITHOUT_SECOND_FACTOR = frozenset(
    {
        "sign-in",
        "sign-out",
        "two-factor-setup",
        "two-factor-challenge",
        "passkey-authenticate-options",
        "passkey-authenticate",
        "session",
    }
)


class StaffAreaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._gate(request) or self.get_response(request)
        if request.path.startswith(STAFF_PREFIX):
            add_never_cache_headers(response)
        return response

    def _gate(self, request: HttpRequest) -> HttpResponse | None:
        staff_area = request.path.startswith(STAFF_PREFIX)
        url_name = _accounts_url_name(request) if staff_area else None  # accounts: in /staff/
        # Without a session cookie nobody is signed in: a public page's request loads no
        # session and no user.
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and request.user.is_authenticated:
            reason = sessions.expiry(request)
            if reason is not None:
                logout(request)
                request.session[sessions.SIGNED_OUT_REASON] = reason.value
            elif url_name != "session":
                sessions.touch(request)
            elif request.method == "POST":  # "Stay signed in"; a GET only asks
                sessions.touch(request, force=True)
        if not staff_area or url_name in OPEN_WITHOUT_SECOND_FACTOR:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        assert isinstance(user, User)
        if not user.is_verified():  # type: ignore[attr-defined]  # set by OTPMiddleware
            name = "two-factor-challenge" if has_second_factor(user) else "two-factor-setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:' + name)}?{query}")
        return None

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """Log a refusal in the staff area: a missing permission, or another school's page
        (the access checks answer 404 for both "missing" and "not yours")."""
        refused = isinstance(exception, PermissionDenied | Http404)
        if refused and request.path.startswith(STAFF_PREFIX) and request.user.is_authenticated:
            with transaction.atomic():
                record_event(
                    by=request.user,
                    action=AuditAction.PERMISSION_REFUSED,
                    details={
                        "path": request.path[:500],
                        "method": request.method,
                        "answer": 403 if isinstance(exception, PermissionDenied) else 404,
                    },
                )
        return None


def _accounts_url_name(request: HttpRequest) -> str | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return match.url_name if match.namespace == "accounts" else None
