"""Staff accounts, their roles, and the second factors they sign in with."""

from earlyhelp.accounts.models.devices import PasskeyDevice, RecoveryCode, RecoveryCodeDevice
from earlyhelp.accounts.models.users import Membership, User

__all__ = ["Membership", "PasskeyDevice", "RecoveryCode", "RecoveryCodeDevice", "User"]
