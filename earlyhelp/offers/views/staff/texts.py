"""The Offer's own words: its texts and how it names each level of need."""

from django.contrib import messages
from django.http import Http404, HttpResponse

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.editing import (
    HEADING_FIELDS,
    TEXT_FIELDS,
    set_level_heading,
    update_offer_text,
)
from earlyhelp.offers.forms import LevelHeadingForm, OfferTextsForm
from earlyhelp.offers.models import LevelChoices
from earlyhelp.offers.views.staff._shared import load_school, to_overview


@staff_page
def edit_texts(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    initial = {
        "introduction": offer.introduction,
        "raising_concerns": offer.raising_concerns,
        "attendance": offer.attendance,
    }
    version = version_of(offer, TEXT_FIELDS)
    form = OfferTextsForm(request.POST or None, initial=initial, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            update_offer_text(
                by=staff_user(request),
                offer=offer,
                introduction=form.cleaned_data["introduction"],
                raising_concerns=form.cleaned_data["raising_concerns"],
                attendance=form.cleaned_data["attendance"],
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        else:
            messages.success(request, "Texts saved. Families see them when you publish.")
            return to_overview(school, "texts")
    return render_page(request, "offers/staff/texts.html", school, offer=offer, form=form)


@staff_page
def edit_level(request: StaffRequest, school_slug: str, level: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    if level not in LevelChoices.values:
        raise Http404("No such level of need")
    row = offer.level_headings.filter(level=level).first()
    initial = {"heading": row.heading, "description": row.description} if row else {}
    version = version_of(row, HEADING_FIELDS)
    form = LevelHeadingForm(request.POST or None, initial=initial, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            set_level_heading(
                by=staff_user(request),
                offer=offer,
                level=level,
                heading=form.cleaned_data["heading"],
                description=form.cleaned_data["description"],
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except ActionError as error:
            form.add_error("heading", str(error))
        else:
            messages.success(
                request, f"Level {level} is now called “{form.cleaned_data['heading']}”."
            )
            return to_overview(school, f"level-{level}")
    return render_page(
        request,
        "offers/staff/level.html",
        school,
        form=form,
        level=level,
        council_label=LevelChoices(level).label,
    )
