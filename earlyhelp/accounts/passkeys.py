"""WebAuthn ceremonies (py_webauthn) for passkeys: registration and authentication.

The relying party is the host the request came to (ALLOWED_HOSTS has vetted it), and the
origin its scheme and host. Each ceremony's challenge lives in the session for one use.
"""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from earlyhelp.accounts.models import PasskeyDevice, User

CHALLENGE = "eh_webauthn_challenge"


class PasskeyError(Exception):
    """The browser's answer did not verify; the message is for the person."""


def rp_id(request: HttpRequest) -> str:
    return request.get_host().split(":")[0]


def origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def registration_options(request: HttpRequest, user: User) -> str:
    existing = PasskeyDevice.objects.filter(user=user)
    options = generate_registration_options(
        rp_id=rp_id(request),
        rp_name=str(settings.WEBAUTHN_RP_NAME),
        user_id=str(user.pk).encode(),
        user_name=user.get_username(),
        user_display_name=user.get_full_name() or user.get_username(),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=bytes(d.credential_id)) for d in existing
        ],
    )
    request.session[CHALLENGE] = _b64(options.challenge)
    return str(options_to_json(options))


def verify_registration(request: HttpRequest, body: bytes) -> dict[str, Any]:
    """Check the browser's new credential; returns the fields of a PasskeyDevice."""
    credential = _parse(body)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=_take_challenge(request),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
            require_user_verification=True,
        )
    except InvalidRegistrationResponse as error:
        raise PasskeyError("The passkey could not be checked. Try again.") from error
    transports = credential.get("response", {}).get("transports", [])
    return {
        "credential_id": verified.credential_id,
        "public_key": verified.credential_public_key,
        "sign_count": verified.sign_count,
        "transports": [str(t) for t in transports if isinstance(t, str)][:8],
    }


def authentication_options(request: HttpRequest, user: User) -> str:
    options = generate_authentication_options(
        rp_id=rp_id(request),
        allow_credentials=[
            PublicKeyCredentialDescriptor(id=bytes(d.credential_id))
            for d in PasskeyDevice.objects.filter(user=user, confirmed=True)
        ],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    request.session[CHALLENGE] = _b64(options.challenge)
    return str(options_to_json(options))


def verify_authentication(request: HttpRequest, user: User, body: bytes) -> PasskeyDevice:
    """Check the browser's signature with one of the user's passkeys; returns that device."""
    credential = _parse(body)
    raw_id = base64url_to_bytes(str(credential.get("rawId", "")))
    device: PasskeyDevice | None = PasskeyDevice.objects.filter(
        user=user, credential_id=raw_id
    ).first()
    if device is None:
        raise PasskeyError("This passkey is not registered to your account.")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=_take_challenge(request),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
            credential_public_key=bytes(device.public_key),
            credential_current_sign_count=device.sign_count,
            require_user_verification=True,
        )
    except InvalidAuthenticationResponse as error:
        raise PasskeyError("The passkey could not be checked. Try again.") from error
    device.sign_count = verified.new_sign_count
    return device


def _parse(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError as error:
        raise PasskeyError("The browser sent something that is not a passkey.") from error
    if not isinstance(data, dict):
        raise PasskeyError("The browser sent something that is not a passkey.")
    return data


def _take_challenge(request: HttpRequest) -> bytes:
    challenge = request.session.pop(CHALLENGE, None)
    if not challenge:
        raise PasskeyError("The passkey request ran out of time. Try again.")
    return base64url_to_bytes(str(challenge))


def _b64(data: bytes) -> str:
    return str(bytes_to_base64url(data))
