"""A referral to the local authority's front door that does not come from early help: the
safeguarding team's "Step up to the front door" decision on a concern. It is a referral
like any other, so the authority's list of children referred shows it."""

from datetime import timedelta

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, now, save
from earlyhelp.casework.models import (
    EarlyHelpEpisode,
    Referral,
    ReferralStatus,
    ReferralStatusChange,
)
from earlyhelp.pupils.models import Pupil

FOLLOW_UP_AFTER = timedelta(days=3)


@transaction.atomic
def refer_to_front_door(
    *, pupil: Pupil, summary: str, by: User | None, episode: EarlyHelpEpisode | None = None
) -> Referral:
    """Refer the child to their school's local authority front door, with a summary (from
    early help's step up, `episode` is the child's early help)."""
    la = pupil.school.local_authority
    today = now().date()
    referral = Referral(
        pupil=pupil,
        school_id=pupil.school_id,
        episode=episode,
        local_authority=la,
        summary=summary,
        sent_on=today,
        follow_up_on=today + FOLLOW_UP_AFTER,
        created_at=now(),
        created_by=by,
    )
    save(referral)
    save(
        ReferralStatusChange(
            referral=referral, status=ReferralStatus.SENT, changed_at=now(), changed_by=by
        )
    )
    audit(
        by=by,
        action=AuditAction.REFERRAL_SENT,
        obj=referral,
        school_id=pupil.school_id,
        to_local_authority=la.pk,
    )
    return referral
