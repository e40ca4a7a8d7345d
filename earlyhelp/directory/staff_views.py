"""Staff pages for county directory editors: the search words they add to the concept
lexicon (with history), and the searches that found nothing (words only, per day)."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import ConceptEntry, ConceptEntryChange, ZeroResultSearch
from earlyhelp.directory.search.concepts import add_concept_entry, remove_concept_entry
from earlyhelp.directory.search.log import KEEP_DAYS, searches_per_day
from earlyhelp.lib.errors import ActionError

HISTORY_SHOWN = 50
SEARCHES_SHOWN = 200


class ConceptEntryForm(forms.Form):
    phrase = forms.CharField(
        label="Words people type",
        help_text="As a family or pupil would write them, for example “my dad hits my mum”.",
        max_length=200,
        error_messages={"required": "Enter the words people type"},
    )
    topics = forms.MultipleChoiceField(
        label="What they mean",
        help_text="Choose the topics that help with it.",
        choices=[(t.code, t.name) for t in taxonomies.TOPICS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one topic"},
    )
    words = forms.CharField(
        label="Words to search for as well (optional)",
        help_text="For example a service’s own name, such as “front door”.",
        max_length=200,
        required=False,
    )


def directory_editor_page(
    view: Callable[[HttpRequest, User], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Signed-in county directory editors only; never cached."""

    @staff_page
    def page(request: StaffRequest) -> HttpResponse:
        user = request.user
        assert isinstance(user, User)
        if not has_permission(user, Permission.EDIT_COUNTY_DIRECTORY):
            raise PermissionDenied
        return view(request, user)

    return page


@directory_editor_page
def search_words(request: HttpRequest, user: User) -> HttpResponse:
    form = ConceptEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = add_concept_entry(
                by=user,
                phrase=form.cleaned_data["phrase"],
                topics=form.cleaned_data["topics"],
                words=form.cleaned_data["words"],
            )
        except ActionError as error:
            form.add_error("phrase", str(error))
        else:
            messages.success(request, f"Searches for “{entry.phrase}” now find those topics.")
            return redirect("directory_staff:search_words")
    return render(
        request,
        "directory/staff/search_words.html",
        {
            "form": form,
            "entries": ConceptEntry.objects.all(),
            "topic_names": {t.code: t.name for t in taxonomies.TOPICS},
            "history": ConceptEntryChange.objects.all()[:HISTORY_SHOWN],
        },
    )


@require_POST
@directory_editor_page
def remove_search_words(request: HttpRequest, user: User) -> HttpResponse:
    entry = get_object_or_404(ConceptEntry, pk=request.POST.get("entry"))
    remove_concept_entry(by=user, entry=entry)
    messages.success(request, f"“{entry.phrase}” removed.")
    return redirect("directory_staff:search_words")


@directory_editor_page
def searches_without_results(request: HttpRequest, user: User) -> HttpResponse:
    return render(
        request,
        "directory/staff/searches_without_results.html",
        {
            "per_day": searches_per_day(),
            "searches": ZeroResultSearch.objects.all()[:SEARCHES_SHOWN],
            "keep_days": KEEP_DAYS,
        },
    )
