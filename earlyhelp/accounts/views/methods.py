"""The person's own sign-in methods: apps, passkeys, recovery codes; remove one."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models import PasskeyDevice, RecoveryCodeDevice
from earlyhelp.accounts.second_factor import remove_device
from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.lib.errors import ActionError


@staff_page
def sign_in_methods(request: StaffRequest) -> HttpResponse:
    user = staff_user(request)
    recovery = RecoveryCodeDevice.objects.filter(user=user).first()
    context = {
        "apps": TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id"),
        "passkeys": PasskeyDevice.objects.filter(user=user, confirmed=True).order_by("id"),
        "recovery_remaining": recovery.remaining() if recovery else 0,
    }
    return render(request, "accounts/sign_in_methods.html", context)


@staff_page
@require_POST
def remove(request: StaffRequest, kind: str, device_id: int) -> HttpResponse:
    model = {"app": TOTPDevice, "passkey": PasskeyDevice}.get(kind)
    if model is None:
        return redirect("accounts:sign-in-methods")
    device = get_object_or_404(model, pk=device_id, user=staff_user(request), confirmed=True)
    try:
        remove_device(by=staff_user(request), device=device)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{device.name} removed")
    return redirect("accounts:sign-in-methods")
