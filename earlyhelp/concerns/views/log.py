"""Logging a concern, quick on a phone and without JavaScript.

The common case is one page (`start`): the pupil by name with the roll inline, or ticked
from a search of the roll on the same page (a plain GET form); when it happened (now, unless
changed); what it is about; what was seen or said; what was done; whether a DSL knows. The
confirmation says what to do next: harm that no DSL has heard of is "Tell the DSL now", with
the DSL's name and phone.

A child at immediate risk: `urgent` (call the front door or 999 now), then the same page.
Several pupils with different parts (an alleged harmer, a witness): the longer form,
`choose` (find and choose the pupils; the chosen ids travel in the URL) then `details`.
"""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.concerns.access import get_concern_for_user
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.dsl import dsl_contact
from earlyhelp.concerns.forms import ConcernForm
from earlyhelp.concerns.models import Category
from earlyhelp.concerns.quick import QuickConcernForm, inline_roll
from earlyhelp.pupils.search import parse_ids, pupils_by_ids, search_pupils
from earlyhelp.schools.access import get_school_for_user


@staff_page
def start(request: StaffRequest, school_slug: str) -> HttpResponse:
    user = staff_user(request)
    school = get_school_for_user(user, school_slug, Permission.LOG_CONCERN)
    source = request.POST if request.method == "POST" else request.GET
    risk = source.get("risk") == "yes"
    query = request.GET.get("q", "").strip()[:100]
    found = search_pupils(school, query) if query else []
    form = QuickConcernForm(posted(request), request.FILES or None, school=school, offered=found)
    if request.method == "POST" and form.is_valid():
        logged = log_concern(
            school=school,
            details=_details(form, risk=risk),
            pupils=[Involved(pupil) for pupil in form.chosen],
            attachments=form.cleaned_data["attachments"],
            by=user,
        )
        return redirect(reverse("concerns:logged", args=[school.slug, logged.concern.pk]))
    return render_page(
        request,
        "concerns/staff/start.html",
        school,
        form=form,
        risk=risk,
        query=query,
        searched=bool(query),
        roll=inline_roll(school),
    )


def _details(form: ConcernForm, *, risk: bool) -> ConcernDetails:
    data = form.cleaned_data
    return ConcernDetails(
        account=data["account"],
        occurred_at=form.occurred_at(),
        location=data["location"],
        categories=tuple(data["categories"]),
        action_taken=data["action_taken"],
        told_dsl=data["told_dsl"] == "yes",
        told_dsl_who=data["told_dsl_who"],
        immediate_risk=risk,
    )


@staff_page
def urgent(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(staff_user(request), school_slug, Permission.LOG_CONCERN)
    return render_page(request, "concerns/staff/urgent.html", school)


@staff_page
def choose(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(staff_user(request), school_slug, Permission.LOG_CONCERN)
    query = request.GET.get("q", "").strip()[:100]
    chosen = pupils_by_ids(school, parse_ids(request.GET.get("chosen", "")))
    chosen_ids = [p.pk for p in chosen]
    results = [p for p in search_pupils(school, query) if p.pk not in chosen_ids]
    risk = request.GET.get("risk") == "yes"
    return render_page(
        request,
        "concerns/staff/choose.html",
        school,
        query=query,
        chosen=[
            (p, _ids_url(school.slug, [i for i in chosen_ids if i != p.pk], query)) for p in chosen
        ],
        results=[(p, _ids_url(school.slug, [*chosen_ids, p.pk], query)) for p in results],
        chosen_param=",".join(map(str, chosen_ids)),
        risk=risk,
    )


def _ids_url(slug: str, ids: list[int], query: str) -> str:
    params = {"chosen": ",".join(map(str, ids)), "q": query}
    return f"{reverse('concerns:choose', args=[slug])}?{urlencode(params)}"


@staff_page
def details(request: StaffRequest, school_slug: str) -> HttpResponse:
    user = staff_user(request)
    school = get_school_for_user(user, school_slug, Permission.LOG_CONCERN)
    source = request.POST if request.method == "POST" else request.GET
    pupils = pupils_by_ids(school, parse_ids(source.get("chosen", "")))
    if not pupils:
        return redirect(reverse("concerns:choose", args=[school.slug]))
    form = ConcernForm(posted(request), request.FILES or None, pupils=pupils)
    risk = source.get("risk") == "yes"
    if request.method == "POST" and form.is_valid():
        logged = log_concern(
            school=school,
            details=_details(form, risk=risk),
            pupils=[Involved(pupil, part) for pupil, part in form.parts()],
            attachments=form.cleaned_data["attachments"],
            by=user,
        )
        return redirect(reverse("concerns:logged", args=[school.slug, logged.concern.pk]))
    return render_page(
        request,
        "concerns/staff/details.html",
        school,
        form=form,
        pupils=pupils,
        chosen_param=",".join(str(p.pk) for p in pupils),
        risk=risk,
    )


@staff_page
def logged(request: StaffRequest, school_slug: str, concern_id: int) -> HttpResponse:
    concern = get_concern_for_user(
        staff_user(request), concern_id, page="concern logged", school_slug=school_slug
    )
    return render_page(
        request,
        "concerns/staff/logged.html",
        concern.school,
        concern=concern,
        fgm=Category.FGM in concern.categories,
        dsl=dsl_contact(concern.school) if concern.tell_dsl_now else None,
    )
