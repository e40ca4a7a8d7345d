"""The safeguarding team's casework settings: the school's term dates (the clocks count
school days) and the weeks between Team Around the Family reviews."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page
from earlyhelp.accounts.staffviews import staff_user as by
from earlyhelp.casework.actions.errors import OverlappingTermError, TermDatesError
from earlyhelp.casework.actions.terms import (
    INTERVAL_FIELDS,
    TERM_FIELDS,
    remove_term,
    set_review_interval,
    set_term,
)
from earlyhelp.casework.models import CaseworkSettings, SchoolTerm
from earlyhelp.casework.settings_forms import ReviewIntervalForm, TermForm
from earlyhelp.casework.views._common import load_school
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.schools.models import School


def _settings_url(school: School) -> str:
    return reverse("casework:settings", args=[school.slug])


def _back_to_settings(request: HttpRequest, school: School, message: str) -> HttpResponseRedirect:
    messages.success(request, message)
    return redirect(_settings_url(school))


@staff_page
def settings_page(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = load_school(request, school_slug)
    current = CaseworkSettings.objects.filter(school=school).first()
    weeks = current.review_interval_weeks if current else 6
    version = version_of(current, INTERVAL_FIELDS)
    form = ReviewIntervalForm(posted(request), initial={"weeks": weeks}, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            set_review_interval(
                school=school,
                weeks=form.cleaned_data["weeks"],
                by=by(request),
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except ActionError as error:
            form.add_error("weeks", str(error))
        else:
            return _back_to_settings(request, school, "The review interval is saved.")
    return render_page(
        request,
        "casework/settings/settings.html",
        school,
        form=form,
        weeks=weeks,
        terms=list(SchoolTerm.objects.filter(school=school).order_by("starts_on")),
    )


@staff_page
def add_term(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = load_school(request, school_slug)
    return _term_form(request, school, None)


@staff_page
def change_term(request: StaffRequest, school_slug: str, term_id: int) -> HttpResponse:
    school = load_school(request, school_slug)
    term = get_object_or_404(SchoolTerm, pk=term_id, school=school)
    return _term_form(request, school, term)


def _term_form(request: HttpRequest, school: School, term: SchoolTerm | None) -> HttpResponse:
    initial = (
        {"name": term.name, "starts_on": term.starts_on, "ends_on": term.ends_on} if term else {}
    )
    form = TermForm(posted(request), initial=initial, version=version_of(term, TERM_FIELDS))
    if request.method == "POST" and form.is_valid():
        try:
            set_term(
                school=school,
                term=term,
                by=by(request),
                name=form.cleaned_data["name"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except TermDatesError as error:
            form.add_error("ends_on", str(error))
        except OverlappingTermError as error:
            form.add_error("starts_on", str(error))
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            return _back_to_settings(request, school, f"{form.cleaned_data['name']} is saved.")
    return render_page(
        request,
        "casework/settings/term.html",
        school,
        form=form,
        term=term,
        back=_settings_url(school),
    )


@staff_page
def remove_term_page(request: StaffRequest, school_slug: str, term_id: int) -> HttpResponse:
    school = load_school(request, school_slug)
    term = get_object_or_404(SchoolTerm, pk=term_id, school=school)
    if request.method == "POST":
        remove_term(term=term, by=by(request))
        return _back_to_settings(request, school, f"{term.name} is removed.")
    return render_page(
        request, "casework/settings/remove_term.html", school, term=term, back=_settings_url(school)
    )
