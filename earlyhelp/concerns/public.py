"""The one action public forms may call: a pupil's or parent's message reaches the inbox.

Public views import this module and nothing else from casework or concerns: it writes a new
concern with no pupil linked (the safeguarding team links one when it decides) and reads
nothing back, so a public form can never show anything about any child.
"""

from django.db import transaction
from django.utils import timezone

from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.concerns.models import Concern, MessageKind, SafeToContact, Source
from earlyhelp.schools.models import School

RECEIVED = AuditAction.CONCERN_MESSAGE_RECEIVED
PUPIL_KINDS = (MessageKind.WORRIED_ABOUT_MYSELF, MessageKind.BULLYING, MessageKind.TELL_A_TEACHER)


@transaction.atomic
def receive_message(
    *,
    school: School,
    kind: str,
    message: str,
    contact: str,
    about_whom: str = "",
    safe_to_contact: str = "",
    safe_times: str = "",
) -> None:
    """Store a public message as a new concern in the school's inbox. Returns nothing.

    A pupil's message says whether it is about them or a friend (`about_whom`); a parent's
    says whether it is safe to phone or email and when (`safe_to_contact`, `safe_times`)."""
    kind = MessageKind(kind)
    source = Source.PUPIL_MESSAGE if kind in PUPIL_KINDS else Source.PARENT_REQUEST
    concern = Concern(
        school=school,
        raised_by=None,
        raised_at=timezone.now(),
        account=message,
        contact=contact,
        source=source,
        message_kind=kind,
        about_whom=about_whom,
        safe_to_contact=safe_to_contact,
        safe_times=safe_times if safe_to_contact == SafeToContact.SOME_TIMES else "",
    )
    concern.full_clean()
    concern.save()
    record_event(
        by=None, action=RECEIVED, obj=concern, school_id=school.pk, details={"source": source}
    )
