"""Step two of signing in: set up an authenticator app, answer the challenge, recovery codes.

These pages work without JavaScript; passkeys (views/passkeys.py) add to them.
"""

from typing import Any

import segno
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts import lockout
from earlyhelp.accounts.forms import ChallengeForm, TotpSetupForm
from earlyhelp.accounts.models import PasskeyDevice, RecoveryCodeDevice, User
from earlyhelp.accounts.second_factor import (
    confirm_totp_device,
    generate_recovery_codes,
    has_second_factor,
    should_offer_passkey,
    start_totp_setup,
    totp_secret_base32,
    verify_code,
)
from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction

SHOW_CODES = "eh_recovery_codes"


def next_url(request: HttpRequest) -> str:
    """The page the person was going to, if it is one of ours; otherwise the staff home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("staff:home")


@staff_page
@require_http_methods(["GET", "POST"])
def setup(request: StaffRequest) -> HttpResponse:
    user = staff_user(request)
    if has_second_factor(user) and not user.is_verified():  # type: ignore[attr-defined]
        return redirect(_with_next(request, "accounts:two-factor-challenge"))
    device = start_totp_setup(by=user)
    form = TotpSetupForm(request.POST or None)
    if form.is_valid():
        codes = confirm_totp_device(by=user, device=device, token=form.cleaned_data["code"])
        if codes is not None:
            mark_verified(request, device, method="totp-setup")
            if codes:
                request.session[SHOW_CODES] = codes
                return redirect(_with_next(request, "accounts:recovery-codes"))
            return redirect(after_verification(request, user))
        form.add_error("code", "Enter the code the app shows now – it changes every 30 seconds")
    return render(request, "accounts/two_factor_setup.html", _setup_context(device, form))


def _setup_context(device: TOTPDevice, form: TotpSetupForm) -> dict[str, Any]:
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, border=4, light="#fff", title="QR code for your authenticator app")
    # segno draws the QR code as paths; the only text in the SVG is our fixed title.
    qr_svg = SafeString(svg)  # nosec B703: SVG made by segno from our own data, no user text
    return {"form": form, "qr_svg": qr_svg, "secret": totp_secret_base32(device)}


@staff_page
@require_http_methods(["GET", "POST"])
def challenge(request: StaffRequest) -> HttpResponse:
    user = staff_user(request)
    if not has_second_factor(user):
        return redirect(_with_next(request, "accounts:two-factor-setup"))
    if user.is_verified():  # type: ignore[attr-defined]
        return redirect(next_url(request))
    form = ChallengeForm(request.POST or None)
    if form.is_valid():
        if lockout.codes_locked(user.pk):
            form.add_error("code", "You have entered too many wrong codes. Wait 15 minutes")
        elif device := verify_code(user=user, code=form.cleaned_data["code"]):
            mark_verified(request, device, method=_method(device))
            return redirect(after_verification(request, user))
        else:
            lockout.record_wrong_code(user.pk)
            _note_wrong_code(user)
            form.add_error("code", "Enter a correct code from your app or a recovery code")
    context = {
        "form": form,
        "has_passkey": PasskeyDevice.objects.filter(user=user, confirmed=True).exists(),
        "next": next_url(request),
    }
    return render(request, "accounts/two_factor_challenge.html", context)


@staff_page
@require_http_methods(["GET", "POST"])
def recovery_codes(request: StaffRequest) -> HttpResponse:
    """Show new recovery codes once; or make a new set (which cancels the old ones)."""
    user = staff_user(request)
    if request.method == "POST":
        request.session[SHOW_CODES] = generate_recovery_codes(by=user)
        return redirect(_with_next(request, "accounts:recovery-codes"))
    codes = request.session.pop(SHOW_CODES, None)
    device = RecoveryCodeDevice.objects.filter(user=user).first()
    context = {
        "codes": codes,
        "remaining": device.remaining() if device else 0,
        "continue_url": after_verification(request, user),
        "next": next_url(request),
    }
    return render(request, "accounts/recovery_codes.html", context)


@staff_page
def passkey_prompt(request: StaffRequest) -> HttpResponse:
    """Asked of DSLs, headteachers and administrators after they verify with an app."""
    context = {"next": next_url(request), "offer": should_offer_passkey(staff_user(request))}
    return render(request, "accounts/passkey_prompt.html", context)


def mark_verified(request: HttpRequest, device: Device, *, method: str) -> None:
    """The second factor is verified: a privilege change, so the session gets a new id."""
    otp_login(request, device)
    request.session.cycle_key()
    with transaction.atomic():
        user = staff_user(request)
        record_event(
            by=user, action=AuditAction.SIGN_IN_SUCCEEDED, obj=user, details={"method": method}
        )


@transaction.atomic
def _note_wrong_code(user: User) -> None:
    record_event(
        by=user, action=AuditAction.SIGN_IN_FAILED, obj=user, details={"step": "second_factor"}
    )


def _method(device: Device) -> str:
    if isinstance(device, RecoveryCodeDevice):
        return "recovery-code"
    return "passkey" if isinstance(device, PasskeyDevice) else "totp"


def after_verification(request: HttpRequest, user: User) -> str:
    if should_offer_passkey(user):
        return _with_next(request, "accounts:passkey-prompt")
    return next_url(request)


def _with_next(request: HttpRequest, name: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"
