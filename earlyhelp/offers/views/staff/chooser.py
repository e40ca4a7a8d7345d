"""Choose county and national services from the directory to show in the Offer."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import Scope, Service, ServiceStatus, TaxonomyTerm
from earlyhelp.directory.search.engine import ranked_ids
from earlyhelp.directory.search.filters import Where
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.editing import add_entry
from earlyhelp.offers.forms import ChooserFilterForm, EntryLevelForm
from earlyhelp.offers.views.staff._shared import headings_of, load_school, next_url
from earlyhelp.schools.models import School

PER_PAGE = 20


def choosable_services(school: School) -> QuerySet[Service]:
    """Open services of the school's own council and national ones."""
    return Service.objects.filter(status=ServiceStatus.ACTIVE).filter(
        Q(scope=Scope.LOCAL, owner_local_authority_id=school.local_authority_id)
        | Q(scope=Scope.NATIONAL)
    )


def addable_services(school: School) -> QuerySet[Service]:
    """What may be added to the Offer: the above, and the school's own open provision."""
    own = Q(scope=Scope.SCHOOL, owner_school=school) & ~Q(status=ServiceStatus.DEFUNCT)
    return Service.objects.filter(Q(pk__in=choosable_services(school).values("pk")) | own)


@dataclass(frozen=True)
class Choice:
    service: Service
    topics: list[str]
    levels: list[str]
    in_offer: bool


@staff_page
def choose(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    form = ChooserFilterForm(request.GET or None)
    services = choosable_services(school)
    ranked: list[int] | None = None
    if form.is_valid():
        if form.cleaned_data["topic"]:
            services = services.filter(
                terms__taxonomy__name=taxonomies.TOPIC, terms__code=form.cleaned_data["topic"]
            )
        q = (form.cleaned_data["q"] or "").strip()
        ranked = _ranked(school, q)
        if ranked is None and q:  # only common words ("child"): match them in the name
            services = services.filter(name__icontains=q)
    services = services.select_related("organization", "owner_local_authority").prefetch_related(
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy"))
    )
    page: Page[Service] | Page[int]
    if ranked is None:
        page = Paginator(services.order_by("name", "id"), PER_PAGE).get_page(
            request.GET.get("page")
        )
        listed = list(page.object_list)
    else:  # best match first, as the public search ranks them
        allowed = set(services.filter(pk__in=ranked).values_list("pk", flat=True))
        ids = Paginator([pk for pk in ranked if pk in allowed], PER_PAGE).get_page(
            request.GET.get("page")
        )
        by_id = services.in_bulk(list(ids.object_list))
        listed, page = [by_id[pk] for pk in ids.object_list], ids
    shown = set(offer.entries.values_list("service_id", flat=True))
    return render_page(
        request,
        "offers/staff/choose.html",
        school,
        form=form,
        page=page,
        choices=[_choice(service, service.pk in shown) for service in listed],
        here=request.get_full_path(),
    )


def _ranked(school: School, q: str) -> list[int] | None:
    """Choosable services matching the words, best first, understood as the public search
    understands them ("womens aid" finds Women's Aid); None without words."""
    where = Where()
    where.add("s.status = %s", ServiceStatus.ACTIVE.value)
    where.add(
        "((s.scope = %s AND s.owner_local_authority_id = %s) OR s.scope = %s)",
        Scope.LOCAL.value,
        school.local_authority_id,
        Scope.NATIONAL.value,
    )
    return ranked_ids(q, where)


def _choice(service: Service, in_offer: bool) -> Choice:
    terms = sorted(service.terms.all(), key=lambda t: (t.position, t.name))
    return Choice(
        service=service,
        topics=[t.name for t in terms if t.taxonomy.name == taxonomies.TOPIC],
        levels=[t.name for t in terms if t.taxonomy.name == taxonomies.LEVEL_OF_NEED],
        in_offer=in_offer,
    )


def lowest_level(service: Service) -> int:
    codes = service.terms.filter(taxonomy__name=taxonomies.LEVEL_OF_NEED).values_list(
        "code", flat=True
    )
    levels = [int(code.removeprefix("level-")) for code in codes]
    return min(levels, default=1)


@staff_page
def add(request: StaffRequest, school_slug: str, service_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    service = get_object_or_404(
        addable_services(school).select_related("organization"), pk=service_id
    )
    back = next_url(request, reverse("offers_staff:choose", args=[school.slug]))
    headings = headings_of(offer)
    form = EntryLevelForm(
        request.POST or None, headings=headings, initial={"level": lowest_level(service)}
    )
    if request.method == "POST" and form.is_valid():
        level = form.cleaned_data["level"]
        try:
            add_entry(by=staff_user(request), offer=offer, service=service, level=level)
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{service.name} added under “{headings.get(level, level)}”.")
        return redirect(back)
    return render_page(
        request, "offers/staff/choose_add.html", school, form=form, service=service, back=back
    )
