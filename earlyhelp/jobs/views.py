"""The operators' view of the background work: failed and waiting tasks, scheduled runs."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from earlyhelp.jobs.operations import list_task_overview


@login_required
@never_cache
def tasks(request: HttpRequest) -> HttpResponse:
    if not getattr(request.user, "is_superuser", False):  # operators are superusers
        raise PermissionDenied
    return render(request, "jobs/tasks.html", {"overview": list_task_overview()})
