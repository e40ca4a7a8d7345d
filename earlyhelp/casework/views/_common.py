"""What the early help views share: loading school and child once, rendering, redirecting."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.casework.access import get_child_for_user
from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode
from earlyhelp.core.forms import GovukForm
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School


def staff_page[**P](view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """Signed-in staff only, and never kept in a browser's cache."""
    return login_required(never_cache(view))


def staff_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def load_school(request: HttpRequest, slug: str) -> School:
    return get_school_for_user(staff_user(request), slug, Permission.MANAGE_CASEWORK)


def load_child(request: HttpRequest, slug: str, pupil_id: int, *, page: str) -> Pupil:
    """School (404 elsewhere, 403 without casework rights) then the child, through the one
    access check that records the look. A child not on this school's roll is a 404 first,
    with nothing recorded."""
    school = load_school(request, slug)
    if not Pupil.objects.filter(pk=pupil_id, school=school).exists():
        raise Http404("No such child")
    pupil = get_child_for_user(staff_user(request), pupil_id, page=page)
    pupil.school = school
    return pupil


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


def render_page(
    request: HttpRequest, template: str, school: School, **context: Any
) -> HttpResponse:
    context.update(school=school, local_authority=school.local_authority)
    return render(request, f"casework/{template}", context)


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
    response = render_page(
        request,
        "early_help/form.html",
        pupil.school,
        pupil=pupil,
        form=form,
        title=title,
        button=button,
        back=back,
        intro=intro,
        warning=warning,
    )
    response.status_code = status
    return response


def to_episode(pupil: Pupil) -> HttpResponseRedirect:
    return redirect(reverse("children:early-help", args=[pupil.school.slug, pupil.pk]))


def posted(request: HttpRequest) -> Any:
    """The submitted data, or None on a GET (an empty POST is still a submission)."""
    return request.POST if request.method == "POST" else None
