"""Referral queries used by the access check."""

from earlyhelp.casework.models import Referral
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import LocalAuthority


def referred_to_local_authority(*, pupil: Pupil, local_authority: LocalAuthority) -> bool:
    """Has the school sent this child's record to the authority (a step-up to its front door)?

    Only a referral to the authority itself counts; a referral to one of its directory
    services does not open the child's record to the authority's officers.
    """
    return Referral.objects.filter(pupil=pupil, local_authority=local_authority).exists()
