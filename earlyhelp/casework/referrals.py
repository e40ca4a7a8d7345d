"""Referral queries used by the access check (the Referral model arrives with referrals)."""

from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import LocalAuthority


def referred_to_local_authority(*, pupil: Pupil, local_authority: LocalAuthority) -> bool:
    """Has the school sent this child's record to the authority (a step-up to its front door)?

    Until referrals exist nothing has been sent, so no officer sees any child.
    """
    return False
