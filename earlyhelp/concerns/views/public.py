"""Public forms: a pupil tells the school something; a parent asks for family support.

No sign-in, CSRF-protected, a honeypot field, and nothing shown back: the confirmation page
repeats nothing that was typed. Limits are per form and school and count accepted messages
only (a form with mistakes or a honeypot hit costs nothing): 60 an hour from one address,
enough for a classroom behind one school address, and 600 an hour to one school's form from
all addresses together, to stop a flood. A refused message is shown again in the form, with
what was typed and why, so nothing is lost. These views import only the
concerns app's public action (`concerns.public`), nothing that reads records.
"""

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from earlyhelp.concerns.models import MessageKind
from earlyhelp.concerns.public import receive_message
from earlyhelp.concerns.public_forms import ParentRequestForm, PupilMessageForm
from earlyhelp.lib import ratelimit
from earlyhelp.schools.models import School

PER_ADDRESS_PER_HOUR = 60
PER_SCHOOL_PER_HOUR = 600
HOUR = 3600
REFUSED = (
    "Your message has not been sent yet, because a lot of messages have been sent to this "
    "school in the last hour. What you typed is still here: try sending it again later"
)


def tell_us(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school(school_slug)
    form = PupilMessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            if not _allowed(request, "tell-us", school):
                return _refused(request, "tell_us.html", school, form, for_pupils=True)
            receive_message(
                school=school,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["name"],
                about_whom=form.cleaned_data["about_whom"],
            )
            _count(request, "tell-us", school)
        return redirect(reverse("concerns_public:tell-us-sent", args=[school.slug]))
    return _render(request, "tell_us.html", school, form=form, for_pupils=True)


def ask_for_help(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school(school_slug)
    form = ParentRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            if not _allowed(request, "ask-for-help", school):
                return _refused(request, "ask_for_help.html", school, form)
            data = form.cleaned_data
            receive_message(
                school=school,
                kind=MessageKind.FAMILY_SUPPORT,
                message=data["message"],
                contact=(
                    f"Parent or carer: {data['name']}\nChild: {data['child']}\n"
                    f"Phone: {data['phone']}\nEmail: {data['email']}"
                ),
                safe_to_contact=data["safe_to_contact"],
                safe_times=data["safe_times"],
            )
            _count(request, "ask-for-help", school)
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


def _keys(request: HttpRequest, scope: str, school: School) -> tuple[str, str]:
    address = ratelimit.client_address(request)
    return (f"public-form:{scope}:{school.pk}:{address}", f"public-form:{scope}:{school.pk}")


def _allowed(request: HttpRequest, scope: str, school: School) -> bool:
    """Whether one more accepted message fits the limits (nothing is counted here)."""
    by_address, by_school = _keys(request, scope, school)
    return (
        ratelimit.peek(by_address) < PER_ADDRESS_PER_HOUR
        and ratelimit.peek(by_school) < PER_SCHOOL_PER_HOUR
    )


def _count(request: HttpRequest, scope: str, school: School) -> None:
    for key in _keys(request, scope, school):
        ratelimit.count(key, window=HOUR)


def _refused(
    request: HttpRequest, template: str, school: School, form: Form, **context: object
) -> HttpResponse:
    """The form again, with what was typed and why it was not sent (429)."""
    form.add_error(None, REFUSED)
    response = _render(request, template, school, form=form, refused=True, **context)
    response.status_code = 429
    response["Retry-After"] = str(HOUR)
    return response


def _render(request: HttpRequest, template: str, school: School, **context: object) -> HttpResponse:
    context.update(school=school, local_authority=school.local_authority, nav="schools")
    if context.get("for_pupils"):
        context["emergency_reader"] = "pupil"
    return render(request, f"concerns/public/{template}", context)
