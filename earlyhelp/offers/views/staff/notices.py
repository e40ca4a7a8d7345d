"""Changes the county made to services the Offer shows: dismissed once the editor has read one."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from earlyhelp.accounts.staffviews import StaffRequest, staff_page, staff_user
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.county import dismiss_service_notice
from earlyhelp.offers.models import ServiceChangeNotice
from earlyhelp.offers.views.staff._shared import load_school, post_only, to_overview


@staff_page
def dismiss(request: StaffRequest, school_slug: str, notice_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    notice = get_object_or_404(ServiceChangeNotice, pk=notice_id, offer=offer)
    if request.method != "POST":
        return post_only()
    notice.offer = offer
    try:
        dismiss_service_notice(by=staff_user(request), notice=notice)
    except ActionError as error:
        messages.error(request, str(error))
    return to_overview(school, "service-changes")
