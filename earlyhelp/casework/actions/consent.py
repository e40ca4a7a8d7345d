"""The family's consent: to an assessment, to sharing, or both; and its withdrawal."""

from datetime import date

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, locked_episode, now, require_active, save
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.models import Consent, ConsentScope, EarlyHelpEpisode
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind


def has_current_consent(episode: EarlyHelpEpisode, scope: str) -> bool:
    """True if a consent that is not withdrawn covers `scope`."""
    return episode.consents.filter(
        withdrawn_on__isnull=True, scope__in=[scope, ConsentScope.BOTH]
    ).exists()


@transaction.atomic
def record_consent(
    *,
    episode: EarlyHelpEpisode,
    given_by_name: str,
    relationship: str,
    scope: str,
    share_with: str = "",
    given_on: date,
    by: User | None,
) -> Consent:
    episode = locked_episode(episode)
    require_active(episode, doing="record consent")
    consent = Consent(
        episode=episode,
        given_by_name=given_by_name,
        relationship=relationship,
        scope=scope,
        share_with=share_with,
        given_on=given_on,
        recorded_by=by,
        recorded_at=now(),
    )
    save(consent)
    audit(
        by=by,
        action=AuditAction.CONSENT_RECORDED,
        obj=consent,
        school_id=episode.school_id,
        scope=scope,
    )
    sharing = f" Sharing with: {share_with}." if share_with else ""
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.CONSENT,
        summary=(
            f"{given_by_name} ({relationship}) consented to "
            f"{ConsentScope(scope).label[0].lower()}{ConsentScope(scope).label[1:]}.{sharing}"
        ),
        by=by,
        source=consent,
    )
    return consent


@transaction.atomic
def withdraw_consent(*, consent: Consent, withdrawn_on: date, by: User | None) -> Consent:
    consent = (
        Consent.objects.select_for_update(of=("self",))
        .select_related("episode__pupil")
        .get(pk=consent.pk)
    )
    if consent.withdrawn_on is not None:
        raise WrongStateError("This consent has already been withdrawn.")
    if withdrawn_on < consent.given_on:
        raise WrongStateError("Consent cannot be withdrawn before it was given.")
    consent.withdrawn_on = withdrawn_on
    save(consent)
    audit(
        by=by,
        action=AuditAction.CONSENT_WITHDRAWN,
        obj=consent,
        school_id=consent.episode.school_id,
    )
    add_entry(
        pupil=consent.episode.pupil,
        kind=EntryKind.CONSENT,
        summary=f"{consent.given_by_name} withdrew consent ({consent.get_scope_display()}).",
        by=by,
        source=consent,
    )
    return consent
