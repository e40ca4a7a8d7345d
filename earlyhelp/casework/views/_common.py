"""What the casework views share besides the staff-view toolkit (`accounts.staffviews`):
loading the school and the child once, the early help form page, redirecting."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import render_page, staff_user
from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School
from earlyhelp.ui.forms import GovukForm


def load_school(request: HttpRequest, slug: str) -> School:
    return get_school_for_user(staff_user(request), slug, Permission.MANAGE_CASEWORK)


def active_episode(pupil: Pupil) -> EarlyHelpEpisode | None:
    return (
        EarlyHelpEpisode.objects.filter(pupil=pupil, status__in=ACTIVE_STATUSES)
        .select_related("lead_practitioner")
        .first()
    )


def require_episode(pupil: Pupil) -> EarlyHelpEpisode:
    episode = active_episode(pupil)
    if episode is None:
        raise Http404("No open early help")
    episode.pupil = pupil
    return episode


def render_form(
    request: HttpRequest,
    pupil: Pupil,
    form: GovukForm,
    *,
    title: str,
    button: str,
    back: str,
    intro: str = "",
    warning: str = "",
    status: int = 200,
) -> HttpResponse:
    """The one template for the early help forms: heading, fields in order, one button."""
    return render_page(
        request,
        "casework/early_help/form.html",
        pupil.school,
        pupil=pupil,
        form=form,
        title=title,
        button=button,
        back=back,
        intro=intro,
        warning=warning,
        status=status,
    )


def to_episode(pupil: Pupil) -> HttpResponseRedirect:
    return redirect(reverse("children:early-help", args=[pupil.school.slug, pupil.pk]))
