"""The key people the Offer names: add, change, remove and put in order."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.forms import KeyPersonForm, MoveForm
from earlyhelp.offers.views.staff._shared import load_school, post_only, to_overview
from earlyhelp.schools.actions import (
    PERSON_FIELDS,
    PersonDetails,
    add_key_person,
    move_key_person,
    remove_key_person,
    update_key_person,
)
from earlyhelp.schools.models import KeyPerson, School


def _person(school: School, person_id: int) -> KeyPerson:
    return get_object_or_404(
        KeyPerson.objects.prefetch_related("roles"), pk=person_id, school=school
    )


def _details(form: KeyPersonForm) -> PersonDetails:
    data = form.cleaned_data
    return PersonDetails(
        name=data["name"].strip(),
        roles=tuple(data["roles"]),
        job_title=data["job_title"].strip(),
        email=data["email"],
        phone=data["phone"].number if data["phone"] else "",
        phone_extension=data["phone"].extension if data["phone"] else "",
    )


@staff_page
def add_person(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, _ = load_school(request, school_slug)
    form = KeyPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = add_key_person(by=staff_user(request), school=school, details=_details(form))
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{person.name} added.")
            return to_overview(school, "people")
    return render_page(request, "offers/staff/person_form.html", school, form=form, person=None)


@staff_page
def change_person(request: StaffRequest, school_slug: str, person_id: int) -> HttpResponse:
    school, _ = load_school(request, school_slug)
    person = _person(school, person_id)
    form = KeyPersonForm(
        request.POST or None,
        initial=KeyPersonForm.initial_for(person),
        version=version_of(person, PERSON_FIELDS),
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_key_person(
                by=staff_user(request),
                person=person,
                details=_details(form),
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{person.name}’s details saved.")
            return to_overview(school, "people")
    return render_page(request, "offers/staff/person_form.html", school, form=form, person=person)


@staff_page
def remove_person(request: StaffRequest, school_slug: str, person_id: int) -> HttpResponse:
    school, _ = load_school(request, school_slug)
    person = _person(school, person_id)
    if request.method == "POST":
        remove_key_person(by=staff_user(request), person=person)
        messages.success(request, f"{person.name} removed.")
        return to_overview(school, "people")
    return render_page(request, "offers/staff/person_remove.html", school, person=person)


@staff_page
def move_person(request: StaffRequest, school_slug: str, person_id: int) -> HttpResponse:
    school, _ = load_school(request, school_slug)
    person = _person(school, person_id)
    if request.method != "POST":
        return post_only()
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Move up or down.")
    move_key_person(by=staff_user(request), person=person, direction=form.cleaned_data["direction"])
    return to_overview(school, f"person-{person.pk}")
