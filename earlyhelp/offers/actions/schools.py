"""Opening a school on the platform: the school and its empty draft Offer, in one transaction.

This orchestrating action sits above `schools` (which knows nothing of Offers): call it
wherever a school should appear with an Offer to edit (the demo, the tests' universe).
"""

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.offers.actions.editing import create_offer
from earlyhelp.schools.actions import SchoolDetails, create_school
from earlyhelp.schools.models import LocalAuthority, School


@transaction.atomic
def create_school_with_offer(
    *, by: User | None, local_authority: LocalAuthority, details: SchoolDetails
) -> School:
    """Create a school (`schools.actions.create_school`) with an empty draft Offer."""
    school = create_school(by=by, local_authority=local_authority, details=details)
    create_offer(by=by, school=school)
    return school
