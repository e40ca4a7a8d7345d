"""Writing concerns: `log_concern` (staff) and `triage_concern` (the safeguarding team).

Each action writes its audit event and one chronology entry per linked child in the same
transaction. A chronology entry is worded by that child's part, so a label never spreads:
a witness's chronology says they witnessed something, never what was done to whom.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.concerns.attachments import check_attachment
from earlyhelp.concerns.models import (
    Category,
    Concern,
    ConcernAttachment,
    ConcernPupil,
    Outcome,
    Part,
    Source,
    Status,
    TriageDecision,
)
from earlyhelp.concerns.urgency import tell_dsl_now
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.lib.workdays import next_working_day
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, Task, TaskKind
from earlyhelp.records.signals import stepped_up_to_front_door
from earlyhelp.records.tasks import add_task
from earlyhelp.schools.models import School

if TYPE_CHECKING:
    Upload = UploadedFile[bytes]
else:
    Upload = UploadedFile

LOGGED = AuditAction.CONCERN_LOGGED
TRIAGED = AuditAction.CONCERN_TRIAGED


class ReasonRequiredError(ActionError):
    """A decision needs its reason, every time (KCSIE 2025 Annex C)."""


class WrongSchoolError(ActionError):
    """A pupil from another school cannot be linked to this school's concern."""


@dataclass(frozen=True)
class ConcernDetails:
    account: str
    occurred_at: datetime
    location: str = ""
    categories: tuple[str, ...] = ()
    action_taken: str = ""
    told_dsl: bool = False
    told_dsl_who: str = ""
    immediate_risk: bool = False


@dataclass(frozen=True)
class Involved:
    pupil: Pupil
    part: str = Part.SUBJECT


@dataclass
class Logged:
    concern: Concern
    fgm_task: Task | None = field(default=None)


@transaction.atomic
def log_concern(
    *,
    school: School,
    details: ConcernDetails,
    pupils: Sequence[Involved],
    attachments: Sequence[Upload] = (),
    by: User,
) -> Logged:
    """A member of staff records what they saw or heard about one or more pupils.

    Harm logged with "Told a DSL: No" is marked `tell_dsl_now`: first after immediate risk
    in the team's inbox, and counted on the DSL's home page."""
    _check_pupils(school, pupils)
    if not pupils:
        raise ValueError("A concern from staff names at least one pupil")
    concern = Concern(
        school=school,
        raised_by=by,
        raised_at=timezone.now(),
        occurred_at=details.occurred_at,
        location=details.location,
        account=details.account,
        categories=list(dict.fromkeys(details.categories)),
        action_taken=details.action_taken,
        told_dsl=details.told_dsl,
        told_dsl_who=details.told_dsl_who if details.told_dsl else "",
        immediate_risk=details.immediate_risk,
        tell_dsl_now=tell_dsl_now(details.categories, told_dsl=details.told_dsl),
        source=Source.STAFF,
    )
    concern.full_clean()
    concern.save()
    for involved in pupils:
        _link(concern, involved)
        _chronicle_logged(concern, involved, by=by)
    for upload in attachments:
        _attach(concern, upload, by=by)
    record_event(
        by=by,
        action=LOGGED,
        obj=concern,
        school_id=school.pk,
        details={
            "pupils": len(pupils),
            "categories": concern.categories,
            "attachments": len(attachments),
            "immediate_risk": concern.immediate_risk,
            "tell_dsl_now": concern.tell_dsl_now,
        },
    )
    task = _fgm_task(concern, pupils, by=by) if Category.FGM in concern.categories else None
    return Logged(concern=concern, fgm_task=task)


@transaction.atomic
def triage_concern(
    *,
    concern: Concern,
    outcome: str,
    reason: str,
    by: User,
    service_name: str = "",
    link_pupils: Sequence[Involved] = (),
) -> TriageDecision:
    """The team's decision on a new concern, with its reason; may first link pupils to it.

    "Step up to the front door" refers each child the concern is about to the school's
    local authority, so the authority's list of children referred shows them."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if concern.status != Status.NEW:
        raise WrongStateError("This concern already has a decision")
    if not reason.strip():
        raise ReasonRequiredError("Enter the reason for the decision")
    _check_pupils(concern.school, link_pupils)
    linked = {link.pupil_id for link in concern.links.all()}
    for involved in link_pupils:
        if involved.pupil.pk not in linked:
            _link(concern, involved)
            _chronicle_logged(concern, involved, by=by)
    decision = TriageDecision(
        concern=concern,
        outcome=Outcome(outcome),
        reason=reason.strip(),
        service_name=service_name if outcome == Outcome.REFER_TO_SERVICE else "",
        decided_by=by,
        decided_at=timezone.now(),
    )
    decision.full_clean()
    decision.save()
    concern.status = Status.TRIAGED
    concern.save(update_fields=["status"])
    links = list(concern.links.select_related("pupil__school__local_authority"))
    if decision.outcome == Outcome.STEP_UP:
        for link in links:
            if link.part == Part.SUBJECT:
                stepped_up_to_front_door.send(
                    sender=Concern, pupil=link.pupil, summary=decision.reason, by=by
                )
    for link in links:
        add_entry(
            pupil=link.pupil,
            kind=EntryKind.DECISION,
            summary=decision_summary(decision, link.part),
            by=by,
            occurred_at=decision.decided_at,
            source=decision,
        )
    record_event(
        by=by,
        action=TRIAGED,
        obj=concern,
        school_id=concern.school_id,
        details={"outcome": decision.outcome, "pupils_linked": len(link_pupils)},
    )
    return decision


def logged_summary(concern: Concern, part: str, raiser: str) -> str:
    """The chronology line for one child, worded by their part in the concern."""
    labels = ", ".join(concern.category_labels) or "no category given"
    if part == Part.SUBJECT:
        return f"Concern logged by {raiser} ({labels}): {concern.account}"
    if part == Part.ALLEGED_HARMER:
        return f"Named as alleged to have caused harm in a concern logged by {raiser} ({labels})."
    if part == Part.WITNESS:
        return f"Witnessed an incident recorded in a concern logged by {raiser}."
    return f"Named in a concern logged by {raiser}."


def decision_summary(decision: TriageDecision, part: str) -> str:
    outcome = decision.get_outcome_display()
    if decision.service_name:
        outcome = f"{outcome} ({decision.service_name})"
    if part == Part.SUBJECT:
        return f"Decision on a concern: {outcome}. Reason: {decision.reason}"
    if part == Part.WITNESS:
        return f"Decision recorded on a concern they witnessed: {outcome}."
    return f"Decision recorded on a concern they were named in: {outcome}."


def _check_pupils(school: School, pupils: Sequence[Involved]) -> None:
    for involved in pupils:
        if involved.pupil.school_id != school.pk:
            raise WrongSchoolError("A pupil from another school cannot be linked")
        Part(involved.part)


def _link(concern: Concern, involved: Involved) -> ConcernPupil:
    link = ConcernPupil(concern=concern, pupil=involved.pupil, part=involved.part)
    link.full_clean(validate_constraints=False)
    link.save()
    return link


def _chronicle_logged(concern: Concern, involved: Involved, *, by: User) -> None:
    raiser = _raiser_name(concern)
    add_entry(
        pupil=involved.pupil,
        kind=EntryKind.CONCERN,
        summary=logged_summary(concern, involved.part, raiser),
        by=by,
        occurred_at=concern.occurred_at or concern.raised_at,
        source=concern,
    )


def _raiser_name(concern: Concern) -> str:
    if concern.raised_by is not None:
        return concern.raised_by.get_full_name() or concern.raised_by.get_username()
    return Source(concern.source).label.lower()


def _attach(concern: Concern, upload: Upload, *, by: User) -> ConcernAttachment:
    kind = check_attachment(upload)
    attachment = ConcernAttachment(
        concern=concern,
        original_name=(upload.name or "file")[-200:],
        content_type=kind.content_type,
        size=upload.size or 0,
        uploaded_by=by,
        uploaded_at=timezone.now(),
    )
    attachment.file.save(upload.name or "file", upload, save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


def _fgm_task(concern: Concern, pupils: Sequence[Involved], *, by: User) -> Task:
    """The teacher's personal duty (FGM Act 2003 s5B): tell the police by the next working day."""
    subject = next((i.pupil for i in pupils if i.part == Part.SUBJECT), pupils[0].pupil)
    return add_task(
        school=concern.school,
        pupil=subject,
        kind=TaskKind.FGM_POLICE_REPORT,
        title="Report FGM to the police (101): your personal duty under the FGM Act 2003",
        due_on=next_working_day(timezone.localdate()),
        assigned_to=by,
        source=concern,
    )
