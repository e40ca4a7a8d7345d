"""The WebAuthn ceremonies' JSON endpoints, called by static/accounts/passkeys.mjs."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from earlyhelp.accounts import passkeys
from earlyhelp.accounts.second_factor import add_passkey, record_passkey_use
from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.accounts.views.two_factor import after_verification, mark_verified
from earlyhelp.lib import ratelimit


def _json(text: str) -> HttpResponse:
    return HttpResponse(text, content_type="application/json")


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@staff_page
@require_POST
def register_options(request: StaffRequest) -> HttpResponse:
    return _json(passkeys.registration_options(request, staff_user(request)))


@staff_page
@require_POST
def register(request: StaffRequest) -> JsonResponse:
    try:
        fields = passkeys.verify_registration(request, request.body)
    except passkeys.PasskeyError as error:
        return _error(str(error))
    name = str(request.GET.get("name", ""))[:64] or "Passkey"
    add_passkey(by=staff_user(request), name=name, **fields)
    return JsonResponse({"next": after_verification(request, staff_user(request))})


@staff_page
@require_POST
def authenticate_options(request: StaffRequest) -> HttpResponse:
    return _json(passkeys.authentication_options(request, staff_user(request)))


@staff_page
@require_POST
def authenticate(request: StaffRequest) -> JsonResponse:
    user = staff_user(request)
    if not ratelimit.hit(f"challenge:{user.pk}", limit=10, window=15 * 60):
        return _error("You have tried too many times. Wait 15 minutes", status=429)
    try:
        device = passkeys.verify_authentication(request, user, request.body)
    except passkeys.PasskeyError as error:
        return _error(str(error))
    record_passkey_use(device=device)
    mark_verified(request, device, method="passkey")
    return JsonResponse({"next": after_verification(request, user)})
