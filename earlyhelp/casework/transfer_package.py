"""The child protection file as a package: plain data (JSON) the PDF is rendered from."""

from datetime import datetime
from typing import Any

from django.template.loader import render_to_string

from earlyhelp.casework.models import EarlyHelpEpisode, FileTransfer, Referral
from earlyhelp.lib.pdf import html_to_pdf
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import list_entries

FORMAT = "earlyhelp-cp-file/1"


def build_package(pupil: Pupil, *, made_at: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "made_at": made_at.isoformat(),
        "from_school": {"name": pupil.school.name, "urn": pupil.school.urn},
        "pupil": _pupil(pupil),
        "episodes": [_episode(e) for e in _episodes(pupil)],
        "referrals": [_referral(r) for r in _referrals(pupil)],
        "chronology": [
            {
                "occurred_at": e.occurred_at.isoformat(),
                "kind": e.get_kind_display(),
                "summary": e.summary,
                "recorded_by": str(e.recorded_by) if e.recorded_by else "",
            }
            for e in list_entries(pupil)
        ],
    }


def render_pdf(transfer: FileTransfer) -> bytes:
    html = render_to_string("casework/transfer/package_pdf.html", {"package": transfer.package})
    return html_to_pdf(html, base_url="about:blank")


def _pupil(pupil: Pupil) -> dict[str, Any]:
    return {
        "upn": pupil.upn,
        "legal_first_name": pupil.legal_first_name,
        "legal_last_name": pupil.legal_last_name,
        "preferred_name": pupil.preferred_name,
        "date_of_birth": pupil.date_of_birth.isoformat(),
        "year_group": pupil.get_year_group_display(),
        "sen_status": pupil.get_sen_status_display(),
        "looked_after": pupil.looked_after,
        "previously_looked_after": pupil.previously_looked_after,
        "young_carer": pupil.young_carer,
        "left_on": pupil.left_on.isoformat() if pupil.left_on else None,
    }


def _episodes(pupil: Pupil) -> list[EarlyHelpEpisode]:
    return list(
        EarlyHelpEpisode.objects.filter(pupil=pupil).prefetch_related(
            "consents", "assessments", "plan_actions", "reviews"
        )
    )


def _episode(e: EarlyHelpEpisode) -> dict[str, Any]:
    return {
        "level": e.get_level_display(),
        "status": e.get_status_display(),
        "opened_on": e.opened_at.date().isoformat(),
        "closed_on": e.closed_at.date().isoformat() if e.closed_at else None,
        "closure_reason": e.closure_reason,
        "lead_practitioner": e.lead_name,
        "consents": [
            {
                "given_by": f"{c.given_by_name} ({c.relationship})",
                "to": c.get_scope_display(),
                "share_with": c.share_with,
                "given_on": c.given_on.isoformat(),
                "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
            }
            for c in e.consents.all()
        ],
        "assessments": [
            {
                "completed_on": a.completed_on.isoformat(),
                "household": a.household,
                "significant_adults": a.significant_adults,
                "professionals_involved": a.professionals_involved,
                "child_voice": a.child_voice,
                "worried_about": a.worried_about,
                "working_well": a.working_well,
                "needs_to_happen": a.needs_to_happen,
                "scale": a.scale,
            }
            for a in e.assessments.all()
        ],
        "plan": [
            {
                "need": p.need,
                "action": p.action,
                "who": p.who,
                "due_on": p.due_on.isoformat(),
                "outcome": p.outcome,
                "done_on": p.done_on.isoformat() if p.done_on else None,
            }
            for p in e.plan_actions.all()
        ],
        "reviews": [
            {
                "held_on": r.held_on.isoformat(),
                "outcome": r.get_outcome_display(),
                "scale": r.scale,
                "notes": r.notes,
            }
            for r in e.reviews.all()
        ],
    }


def _referrals(pupil: Pupil) -> list[Referral]:
    return list(Referral.objects.filter(pupil=pupil).select_related("service", "local_authority"))


def _referral(r: Referral) -> dict[str, Any]:
    return {
        "to": r.recipient_name,
        "status": r.get_status_display(),
        "sent_on": r.sent_on.isoformat(),
        "summary": r.summary,
    }
