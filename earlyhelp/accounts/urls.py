from django.urls import path

from earlyhelp.accounts.views import methods, passkeys, session, sign_in, two_factor

app_name = "accounts"
urlpatterns = [
    path("sign-in/", sign_in.SignInView.as_view(), name="sign-in"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("two-factor/", two_factor.challenge, name="two-factor-challenge"),
    path("two-factor/set-up/", two_factor.setup, name="two-factor-setup"),
    path("two-factor/recovery-codes/", two_factor.recovery_codes, name="recovery-codes"),
    path("two-factor/passkey/", two_factor.passkey_prompt, name="passkey-prompt"),
    path(
        "two-factor/passkey/authenticate/options/",
        passkeys.authenticate_options,
        name="passkey-authenticate-options",
    ),
    path(
        "two-factor/passkey/authenticate/",
        passkeys.authenticate,
        name="passkey-authenticate",
    ),
    path(
        "two-factor/passkey/register/options/",
        passkeys.register_options,
        name="passkey-register-options",
    ),
    path("two-factor/passkey/register/", passkeys.register, name="passkey-register"),
    path("account/sign-in-methods/", methods.sign_in_methods, name="sign-in-methods"),
    path(
        "account/sign-in-methods/<str:kind>/<int:device_id>/remove/",
        methods.remove,
        name="sign-in-method-remove",
    ),
    path("session/", session.session, name="session"),
]
