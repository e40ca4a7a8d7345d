"""The editor's front page: the whole draft, what has changed, and what to do next."""

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.offers.models import LevelChoices, Offer, OfferEntry
from earlyhelp.offers.reviews import ReviewState, reminder_horizon, review_state
from earlyhelp.offers.snapshot import build_snapshot
from earlyhelp.offers.views.staff._shared import load_school, may_publish
from earlyhelp.schools.models import School


@dataclass(frozen=True)
class LevelRows:
    level: int
    council_label: str
    heading: str
    description: str
    entries: list[OfferEntry]


@staff_page
def overview(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    today = timezone.localdate()
    entries = list(
        offer.entries.select_related("service__owner_local_authority").order_by(
            "level", "position", "id"
        )
    )
    return render_page(
        request,
        "offers/staff/overview.html",
        school,
        offer=offer,
        today=today,
        review=review_state(offer, today),
        review_states=ReviewState,
        reminder_horizon=reminder_horizon(today),
        changed=draft_has_changes(offer),
        people=school.key_people.prefetch_related("roles"),
        provision=own_provision_rows(school, entries),
        levels=level_rows(offer, entries),
        may_publish=may_publish(request, school),
        notices=list(offer.service_notices.filter(dismissed_at__isnull=True)),
    )


def level_rows(offer: Offer, entries: list[OfferEntry]) -> list[LevelRows]:
    headings = {h.level: h for h in offer.level_headings.all()}
    return [
        LevelRows(
            level=level,
            council_label=label,
            heading=headings[level].heading if level in headings else label,
            description=headings[level].description if level in headings else "",
            entries=[e for e in entries if e.level == level],
        )
        for level, label in LevelChoices.choices
    ]


def own_provision_rows(
    school: School, entries: list[OfferEntry]
) -> list[tuple[Service, int | None]]:
    """Each piece of the school's own provision, with the level it is shown under (or None)."""
    levels = {e.service_id: e.level for e in entries}
    services = Service.objects.filter(scope=Scope.SCHOOL, owner_school=school).exclude(
        status=ServiceStatus.DEFUNCT
    )
    return [(s, levels.get(s.pk)) for s in services.order_by("name", "id")]


def draft_has_changes(offer: Offer) -> bool:
    """Would publishing now change what families read (beyond the review date)?

    County and national services are shown live on the public page, so only which of them
    are shown, and where, counts; the school's own words and provision count in full.
    """
    published = offer.published_version
    if published is None:
        return True
    draft = build_snapshot(offer, review_due=published.review_due)
    return _comparable(draft) != _comparable(published.content)


def _comparable(content: dict[str, Any]) -> dict[str, Any]:
    normal: dict[str, Any] = json.loads(json.dumps(content, cls=DjangoJSONEncoder))
    for level in normal["levels"]:
        level["entries"] = [
            entry if entry["scope"] == Scope.SCHOOL else {"id": entry["id"]}
            for entry in level["entries"]
        ]
    return normal
