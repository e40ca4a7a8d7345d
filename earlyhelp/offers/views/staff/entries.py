"""Services shown in the Offer: their level of need, their order, and taking them out."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.offers.actions.editing import (
    ENTRY_FIELDS,
    move_entry,
    remove_entry,
    set_entry_level,
)
from earlyhelp.offers.forms import EntryLevelForm, MoveForm
from earlyhelp.offers.models import Offer, OfferEntry
from earlyhelp.offers.views.staff._shared import headings_of, load_school, post_only, to_overview


def _entry(offer: Offer, entry_id: int) -> OfferEntry:
    entry = get_object_or_404(
        OfferEntry.objects.select_related("service"), pk=entry_id, offer=offer
    )
    entry.offer = offer
    return entry


@staff_page
def change_level(request: StaffRequest, school_slug: str, entry_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    entry = _entry(offer, entry_id)
    form = EntryLevelForm(
        request.POST or None,
        headings=headings_of(offer),
        initial={"level": entry.level},
        version=version_of(entry, ENTRY_FIELDS),
    )
    if request.method == "POST" and form.is_valid():
        try:
            set_entry_level(
                by=staff_user(request),
                entry=entry,
                level=form.cleaned_data["level"],
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        else:
            messages.success(request, f"{entry.service.name} moved.")
            return to_overview(school, f"entry-{entry.pk}")
    return render_page(request, "offers/staff/entry_level.html", school, form=form, entry=entry)


@staff_page
def remove(request: StaffRequest, school_slug: str, entry_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    entry = _entry(offer, entry_id)
    if request.method == "POST":
        remove_entry(by=staff_user(request), entry=entry)
        messages.success(
            request,
            f"{entry.service.name} removed from your Offer. "
            "Families see the change when you publish.",
        )
        return to_overview(school, f"level-{entry.level}")
    return render_page(request, "offers/staff/entry_remove.html", school, entry=entry)


@staff_page
def move(request: StaffRequest, school_slug: str, entry_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    entry = _entry(offer, entry_id)
    if request.method != "POST":
        return post_only()
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Move up or down.")
    move_entry(by=staff_user(request), entry=entry, direction=form.cleaned_data["direction"])
    return to_overview(school, f"entry-{entry.pk}")
