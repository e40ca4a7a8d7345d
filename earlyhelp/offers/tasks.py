"""Background tasks of the Offers (Django's Tasks framework; docs/adr/0012). Each is safe to
run again: a render already made, or a school reminded this week, is left as it is."""

from django.tasks import task
from django.utils import timezone

from earlyhelp.lib.errors import WrongStateError
from earlyhelp.offers.actions.reminders import reminded_recently, send_review_reminder
from earlyhelp.offers.models import OfferVersion
from earlyhelp.offers.rendering import (
    get_pdf,
    get_published,
    get_published_version,
    prune_renders,
    render_page_now,
    render_pdf_now,
)
from earlyhelp.offers.reviews import list_offers_due_for_review
from earlyhelp.schools.models import School


@task
def render_offer_pdf(render_id: int) -> str:
    """Make the PDF of one OfferRender row (offers.rendering)."""
    return render_pdf_now(render_id)


@task
def render_offer_page(version_id: int) -> str:
    version = OfferVersion.objects.select_related("offer__school").filter(pk=version_id).first()
    published = get_published_version(version) if version else None
    if published is None:
        return "no longer published"
    return "rendered" if render_page_now(published) else "already there"


@task
def refresh_offer_renders() -> dict[str, int]:
    """Every published Offer's page and PDF for what it shows now (after a service changed)."""
    counts = {"pages": 0, "pdfs queued": 0}
    slugs = School.objects.filter(offer__published_version__isnull=False).values_list(
        "slug", flat=True
    )
    for slug in slugs.order_by("slug"):
        published = get_published(slug)
        if published is None:
            continue
        counts["pages"] += render_page_now(published) is not None
        counts["pdfs queued"] += get_pdf(published).status != "ready"
    return counts


@task
def prune_offer_renders() -> dict[str, int]:
    """The renders no longer current and a day old, with their stored files."""
    return prune_renders()


@task
def remind_reviews() -> dict[str, int]:
    """`remind-reviews` as a task: each school due for review, at most once a week."""
    today = timezone.localdate()
    counts = {"reminded": 0, "skipped": 0}
    for offer in list_offers_due_for_review(today):
        if reminded_recently(offer.school):
            counts["skipped"] += 1
            continue
        try:
            sent = send_review_reminder(by=None, offer=offer, today=today)
        except WrongStateError:
            counts["skipped"] += 1
            continue
        counts["reminded" if sent else "skipped"] += 1
    return counts


def queue_renders(*, version: OfferVersion) -> None:
    """On publish: the PDF and the page made in the background, before anyone asks."""
    published = get_published_version(version)
    if published is not None:
        get_pdf(published)
        render_offer_page.enqueue(version.pk)
