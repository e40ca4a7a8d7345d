"""The support under one level of need: its order (one form, a number per service), and
links to move a service to another level or take it out."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.offers.actions.ordering import OUT_OF_DATE, OrderOutOfDate, reorder_entries
from earlyhelp.offers.forms.ordering import ReorderForm
from earlyhelp.offers.models import LevelChoices, Offer, OfferEntry
from earlyhelp.offers.views.staff._shared import headings_of, load_school


@staff_page
def level_services(request: StaffRequest, school_slug: str, level: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    if level not in LevelChoices.values:
        raise Http404("No such level")
    entries = _entries(offer, level)
    items = [(e.pk, e.service.name) for e in entries]
    form = ReorderForm(request.POST or None, items=items)
    if request.method == "POST" and not _same_list(request, form):
        form = _as_stored(items)
        form.add_error(None, OUT_OF_DATE)
    elif request.method == "POST" and form.is_valid():
        try:
            changed = reorder_entries(
                by=staff_user(request), offer=offer, level=level, order=form.order()
            )
        except OrderOutOfDate as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "The new order is saved. Families see it when you publish."
                if changed
                else "The order is the same as before: nothing was changed.",
            )
            return redirect(reverse("offers_staff:level-services", args=[school.slug, level]))
    by_id = {e.pk: e for e in entries}
    return render_page(
        request,
        "offers/staff/level_services.html",
        school,
        form=form,
        level=level,
        council_label=LevelChoices(level).label,
        heading=headings_of(offer).get(level, LevelChoices(level).label),
        rows=[(by_id[item_id], field) for item_id, _, field in form.rows()],
    )


def _entries(offer: Offer, level: int) -> list[OfferEntry]:
    return list(
        offer.entries.filter(level=level)
        .select_related("service__owner_local_authority")
        .order_by("position", "id")
    )


def _same_list(request: HttpRequest, form: ReorderForm) -> bool:
    """The page posted a number for exactly the services under the level now."""
    posted = {key for key in request.POST if key.startswith("position-")}
    return posted == {form.field_name(item_id) for item_id, _ in form.items}


def _as_stored(items: list[tuple[int, str]]) -> ReorderForm:
    """The form filled in with the order as it is now (to show with an error)."""
    numbers = {ReorderForm.field_name(item_id): str(n) for n, (item_id, _) in enumerate(items, 1)}
    form = ReorderForm(numbers, items=items)
    form.is_valid()
    return form
