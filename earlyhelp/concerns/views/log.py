"""Logging a concern, quick on a phone and without JavaScript:
1. "Is a child at immediate risk of harm?" (yes: call the front door or 999 now);
2. find and choose the pupils (a plain GET search; the chosen ids travel in the URL);
3. what happened, each pupil's part, categories, what you did, attachments.
"""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import posted, render_page, staff_page, staff_user
from earlyhelp.concerns.access import get_concern_for_user
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.forms import ConcernForm, RiskForm
from earlyhelp.concerns.models import Category
from earlyhelp.pupils.search import parse_ids, pupils_by_ids, search_pupils
from earlyhelp.schools.access import get_school_for_user


@staff_page
def start(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(staff_user(request), school_slug, Permission.LOG_CONCERN)
    form = RiskForm(posted(request))
    if request.method == "POST" and form.is_valid():
        name = "urgent" if form.cleaned_data["risk"] == "yes" else "choose"
        return redirect(reverse(f"concerns:{name}", args=[school.slug]))
    return render_page(request, "concerns/staff/start.html", school, form=form)


@staff_page
def urgent(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(staff_user(request), school_slug, Permission.LOG_CONCERN)
    return render_page(request, "concerns/staff/urgent.html", school)


@staff_page
def choose(request: HttpRequest, school_slug: str) -> HttpResponse:
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
def details(request: HttpRequest, school_slug: str) -> HttpResponse:
    user = staff_user(request)
    school = get_school_for_user(user, school_slug, Permission.LOG_CONCERN)
    source = request.POST if request.method == "POST" else request.GET
    pupils = pupils_by_ids(school, parse_ids(source.get("chosen", "")))
    if not pupils:
        return redirect(reverse("concerns:choose", args=[school.slug]))
    form = ConcernForm(posted(request), request.FILES or None, pupils=pupils)
    risk = source.get("risk") == "yes"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        logged = log_concern(
            school=school,
            details=ConcernDetails(
                account=data["account"],
                occurred_at=form.occurred_at(),
                location=data["location"],
                categories=tuple(data["categories"]),
                action_taken=data["action_taken"],
                told_dsl=data["told_dsl"] == "yes",
                told_dsl_who=data["told_dsl_who"],
                immediate_risk=risk,
            ),
            pupils=[Involved(pupil, part) for pupil, part in form.parts()],
            attachments=data["attachments"],
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
def logged(request: HttpRequest, school_slug: str, concern_id: int) -> HttpResponse:
    concern = get_concern_for_user(
        staff_user(request), concern_id, page="concern logged", school_slug=school_slug
    )
    return render_page(
        request,
        "concerns/staff/logged.html",
        concern.school,
        concern=concern,
        fgm=Category.FGM in concern.categories,
    )
