"""Casework: a child's safeguarding record. One module per model family.

Chronology entries and tasks live in the kernel below casework: `earlyhelp.records.models`.
"""

from earlyhelp.casework.models.episodes import (
    ACTIVE_STATUSES,
    Assessment,
    Consent,
    ConsentScope,
    EarlyHelpEpisode,
    EpisodeStatus,
    LevelChange,
    NeedLevel,
    PlanAction,
    Review,
    ReviewOutcome,
)
from earlyhelp.casework.models.meetings import AgendaItemKind, Meeting, MeetingDecision
from earlyhelp.casework.models.referrals import (
    AWAITING_REPLY,
    Referral,
    ReferralStatus,
    ReferralStatusChange,
)
from earlyhelp.casework.models.terms import CaseworkSettings, SchoolTerm
from earlyhelp.casework.models.transfers import FileTransfer

__all__ = [
    "ACTIVE_STATUSES",
    "AWAITING_REPLY",
    "AgendaItemKind",
    "Assessment",
    "CaseworkSettings",
    "Consent",
    "ConsentScope",
    "EarlyHelpEpisode",
    "EpisodeStatus",
    "FileTransfer",
    "LevelChange",
    "Meeting",
    "MeetingDecision",
    "NeedLevel",
    "PlanAction",
    "Referral",
    "ReferralStatus",
    "ReferralStatusChange",
    "Review",
    "ReviewOutcome",
    "SchoolTerm",
]
