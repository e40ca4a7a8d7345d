"""Signing in with a password (step one) and signing out."""

from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from earlyhelp.accounts import lockout, sessions
from earlyhelp.accounts.forms import SignInForm
from earlyhelp.accounts.models import User
from earlyhelp.accounts.views.two_factor import after_verification, mark_verified
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.ratelimit import client_address

UNKNOWN_ACCOUNT = "unknown account"


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        reason = self.request.session.pop(sessions.SIGNED_OUT_REASON, None)
        context["signed_out_message"] = sessions.signed_out_message(reason)
        form = context.get("form")
        context["locked"] = bool(form and form.is_bound and form.has_error("__all__", "locked"))
        return context

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        lockout.record_success(user.get_username(), client_address(self.request))
        super().form_valid(form)  # django.contrib.auth.login gives the session a new id
        sessions.start(self.request)
        if form.device is not None:  # locked out, and the second factor typed here too
            mark_verified(self.request, form.device, method="locked-sign-in")
            return HttpResponseRedirect(after_verification(self.request, user))
        # Step two: the middleware would send them on too; say where, and keep `next`.
        return HttpResponseRedirect(
            f"{reverse('accounts:two-factor-challenge')}?"
            + urlencode({"next": self.get_redirect_url() or reverse("staff:home")})
        )

    def form_invalid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        if form.has_error("__all__", "invalid_login"):
            _note_failure(form.cleaned_data.get("username", ""), client_address(self.request))
        return super().form_invalid(form)


@transaction.atomic
def _note_failure(username: str, address: str) -> None:
    """Count the failure towards a lockout and write it (and any lockout) to the audit log.

    The log names the account only when it exists: whatever else was typed (a password in
    the wrong box, say) is never stored."""
    known = User.objects.filter(username=username).exists()
    details = {"username": username if known else UNKNOWN_ACCOUNT, "address": address}
    record_event(by=None, action=AuditAction.SIGN_IN_FAILED, details=details)
    if lockout.record_failure(username, address):
        record_event(by=None, action=AuditAction.SIGN_IN_LOCKED, details=details)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign-in")
