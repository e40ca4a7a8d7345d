"""Referrals to directory services, and every change of a referral's status."""

from datetime import date

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, complete_tasks, now, save
from earlyhelp.casework.actions.consent import has_current_consent
from earlyhelp.casework.actions.errors import ConsentRequiredError, WrongStateError
from earlyhelp.casework.models import (
    ACTIVE_STATUSES,
    ConsentScope,
    EarlyHelpEpisode,
    Referral,
    ReferralStatus,
    ReferralStatusChange,
)
from earlyhelp.directory.models import Service
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, TaskKind


@transaction.atomic
def refer_to_service(
    *,
    pupil: Pupil,
    service: Service,
    summary: str,
    sent_on: date,
    follow_up_on: date | None = None,
    by: User | None,
) -> Referral:
    """Refer a child to a service: sharing information needs the family's consent to it."""
    episode = (
        EarlyHelpEpisode.objects.filter(pupil=pupil, status__in=ACTIVE_STATUSES)
        .select_for_update()
        .first()
    )
    if episode is None or not has_current_consent(episode, ConsentScope.SHARING):
        raise ConsentRequiredError(
            "Record the family’s consent to sharing information before referring to a service."
        )
    referral = Referral(
        pupil=pupil,
        school_id=pupil.school_id,
        episode=episode,
        service=service,
        summary=summary,
        sent_on=sent_on,
        follow_up_on=follow_up_on,
        created_at=now(),
        created_by=by,
    )
    save(referral)
    save(
        ReferralStatusChange(
            referral=referral, status=ReferralStatus.SENT, changed_at=now(), changed_by=by
        )
    )
    audit(by=by, action=AuditAction.REFERRAL_SENT, obj=referral, school_id=pupil.school_id)
    add_entry(
        pupil=pupil,
        kind=EntryKind.REFERRAL,
        summary=f"Referred to {service.name}. {summary}",
        by=by,
        source=referral,
    )
    return referral


@transaction.atomic
def update_referral_status(
    *,
    referral: Referral,
    status: str,
    note: str = "",
    follow_up_on: date | None = None,
    by: User | None,
) -> Referral:
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("pupil", "service", "local_authority")
        .get(pk=referral.pk)
    )
    if referral.status == ReferralStatus.COMPLETED:
        raise WrongStateError("This referral is completed.")
    if status == referral.status and follow_up_on is None:
        raise WrongStateError(f"This referral is already {referral.get_status_display().lower()}.")
    referral.status = status
    if follow_up_on is not None:
        referral.follow_up_on = follow_up_on
    save(referral)
    save(
        ReferralStatusChange(
            referral=referral, status=status, note=note, changed_at=now(), changed_by=by
        )
    )
    complete_tasks(source=referral, kinds=[TaskKind.REFERRAL_FOLLOW_UP], by=by)
    audit(
        by=by,
        action=AuditAction.REFERRAL_STATUS,
        obj=referral,
        school_id=referral.school_id,
        to=status,
    )
    add_entry(
        pupil=referral.pupil,
        kind=EntryKind.REFERRAL,
        summary=(
            f"Referral to {referral.recipient_name}: {referral.get_status_display().lower()}."
            + (f" {note}" if note else "")
        ),
        by=by,
        source=referral,
    )
    return referral
