"""Public forms: a pupil tells the school something; a parent asks for family support.

No sign-in, CSRF-protected, a honeypot field, rate-limited per address, and nothing shown
back: the confirmation page repeats nothing that was typed. These views import only the
concerns app's public action (`concerns.public`), nothing that reads records.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from earlyhelp.concerns.models import MessageKind
from earlyhelp.concerns.public import receive_message
from earlyhelp.concerns.public_forms import ParentRequestForm, PupilMessageForm
from earlyhelp.lib import ratelimit
from earlyhelp.schools.models import School

POSTS_PER_HOUR = 5


def tell_us(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school(school_slug)
    form = PupilMessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not _allowed(request, "tell-us"):
            return _too_many(request, school)
        if form.is_valid():
            if not form.is_spam():
                receive_message(
                    school=school,
                    kind=form.cleaned_data["kind"],
                    message=form.cleaned_data["message"],
                    contact=form.cleaned_data["name"],
                )
            return redirect(reverse("concerns_public:tell-us-sent", args=[school.slug]))
    return _render(request, "tell_us.html", school, form=form, for_pupils=True)


def ask_for_help(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school(school_slug)
    form = ParentRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not _allowed(request, "ask-for-help"):
            return _too_many(request, school)
        if form.is_valid():
            if not form.is_spam():
                data = form.cleaned_data
                receive_message(
                    school=school,
                    kind=MessageKind.FAMILY_SUPPORT,
                    message=data["message"],
                    contact=(
                        f"Parent or carer: {data['name']}\nChild: {data['child']}\n"
                        f"Phone: {data['phone']}\nEmail: {data['email']}"
                    ),
                )
            return redirect(reverse("concerns_public:ask-for-help-sent", args=[school.slug]))
    return _render(request, "ask_for_help.html", school, form=form)


def tell_us_sent(request: HttpRequest, school_slug: str) -> HttpResponse:
    return _render(request, "sent.html", _school(school_slug), for_pupils=True)


def ask_for_help_sent(request: HttpRequest, school_slug: str) -> HttpResponse:
    return _render(request, "sent.html", _school(school_slug), for_pupils=False)


def _school(slug: str) -> School:
    school = School.objects.select_related("local_authority").filter(slug=slug).first()
    if school is None:
        raise Http404("No such school")
    return school


def _allowed(request: HttpRequest, scope: str) -> bool:
    address = ratelimit.client_address(request)
    return ratelimit.hit(f"public-form:{scope}:{address}", limit=POSTS_PER_HOUR, window=3600)


def _too_many(request: HttpRequest, school: School) -> HttpResponse:
    response = _render(request, "too_many.html", school)
    response.status_code = 429
    return response


def _render(request: HttpRequest, template: str, school: School, **context: object) -> HttpResponse:
    context.update(school=school, local_authority=school.local_authority, nav="schools")
    return render(request, f"concerns/public/{template}", context)
