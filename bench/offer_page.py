"""How the public Offer page and its PDF scale with the number of services.

    EARLYHELP_ENV=test .venv/bin/python -m bench.offer_page

Builds, in a throwaway SQLite database, one school whose published Offer shows 89 and then
500 services (a third the school's own, a third county, a third national, each with phones,
an email, a web address, topics and opening times), and prints for each the number of
queries and time of the first request (the one render of this version's page), then the
queries and the median time and CPU time of the next ones (the stored page). Then the PDF
of a 60-service Offer: the render (the background task, run inline here; wall and CPU time:
CPU time is steadier on a busy machine) and the stored one's queries, median time and CPU.
Figures go in docs/benchmarks.md ("Offer page").
"""

import os
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

SERVED_ROUNDS = 50  # stored pages and PDFs: the median CPU time of this many requests
PAGE_SIZES = (89, 500)
PDF_SIZE = 60


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="earlyhelp-bench-") as folder:
        _setup_django(Path(folder))
        print(
            f"Offer page: the first request, then {SERVED_ROUNDS} of the stored page (median); "
            "SQLite in a temporary folder"
        )
        for count in PAGE_SIZES:
            first, stored = measure_page(build_offer(f"Bench School {count}", count))
            print(
                f"  {count:>4} services: first request {first[0]} queries, "
                f"{first[1] * 1000:.0f} ms; stored {stored[0]} queries, "
                f"{stored[1] * 1000:.1f} ms ({stored[2] * 1000:.1f} ms of CPU)"
            )
        slug = build_offer(f"Bench School PDF {PDF_SIZE}", PDF_SIZE)
        render, cpu, stored_pdf, pages = measure_pdf(slug)
        print(
            f"Offer PDF, {PDF_SIZE} services ({pages} A4 pages): render {render:.2f} s "
            f"({cpu:.2f} s of CPU), stored {stored_pdf[1] * 1000:.1f} ms "
            f"({stored_pdf[2] * 1000:.1f} ms of CPU, {stored_pdf[0]} queries)"
        )


def _setup_django(folder: Path) -> None:
    os.environ.setdefault("EARLYHELP_ENV", "test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # as bench.load: no access log line each
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = str(folder / "media")  # rendered PDFs, this run's own
    call_command("migrate", verbosity=0)


def measure_page(slug: str) -> tuple[tuple[int, float], tuple[int, float, float]]:
    """(queries, seconds) of the first request, then (queries, seconds, CPU seconds) of the
    median stored one."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from earlyhelp.offers.models import OfferRender

    OfferRender.objects.filter(version__offer__school__slug=slug, kind="page").delete()
    _forget_served()
    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(f"/schools/{slug}/")
        first = (len(queries), time.perf_counter() - start)
    assert response.status_code == 200, response.status_code
    count, wall, cpu = served(client, f"/schools/{slug}/")
    return first, (count, wall, cpu)


def _forget_served() -> None:
    """The first request must find no page, not even in this process's memory."""
    from earlyhelp.offers.served import memory

    memory.clear()


def served(client: Any, url: str) -> tuple[int, float, float]:
    """Queries, median wall and median CPU seconds of a stored page or PDF's requests."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus, count = [], [], 0
    for _ in range(SERVED_ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - start_cpu)
        assert response.status_code == 200, response.status_code
        count = len(queries)
    return count, statistics.median(walls), statistics.median(cpus)


def measure_pdf(slug: str) -> tuple[float, float, tuple[int, float, float], int]:
    """Wall and CPU time of the render (the task publishing queued), then the stored one's
    queries, median wall and CPU time."""
    from django.test import Client

    from earlyhelp.offers.models import OfferRender
    from earlyhelp.offers.rendering import render_pdf_now

    queued = OfferRender.objects.get(version__offer__school__slug=slug, kind="pdf")
    start, start_cpu = time.perf_counter(), time.process_time()
    render_pdf_now(queued.pk)
    first, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.get(f"/schools/{slug}/offer.pdf")
    assert response.status_code == 200, response.status_code
    return first, cpu, served(client, f"/schools/{slug}/offer.pdf"), _pages(response.content)


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def build_offer(name: str, services: int) -> str:
    """A published Offer of `services` services, made through the app's own actions."""
    from earlyhelp.directory.actions import create_service
    from earlyhelp.directory.models import Scope
    from earlyhelp.offers.actions.editing import add_entry, update_offer_text
    from earlyhelp.offers.actions.publishing import publish_offer
    from earlyhelp.offers.actions.schools import create_school_with_offer
    from earlyhelp.schools.actions import (
        PersonDetails,
        SchoolDetails,
        add_key_person,
        create_local_authority,
    )
    from earlyhelp.schools.models import LocalAuthority

    county = LocalAuthority.objects.filter(name="Benchshire").first() or create_local_authority(
        by=None,
        name="Benchshire",
        front_door_name="Family Front Door",
        front_door_phone="+441134960001",
        out_of_hours_phone="+441134960002",
    )
    school = create_school_with_offer(
        by=None,
        local_authority=county,
        details=SchoolDetails(name=name, phase="primary", phone="+441134960100"),
    )
    for person, roles in (("Ann Bell", ("dsl", "headteacher")), ("Cal Dunn", ("deputy_dsl",))):
        add_key_person(
            by=None,
            school=school,
            details=PersonDetails(name=person, roles=roles, email="office@example.org"),
        )
    offer = school.offer
    update_offer_text(
        by=None,
        offer=offer,
        introduction="We help early.",
        raising_concerns="Talk to any of us.",
        attendance="We call on the first morning of an absence.",
    )
    for i in range(services):
        scope = (Scope.SCHOOL, Scope.LOCAL, Scope.NATIONAL)[i % 3]
        service = create_service(
            by=None,
            scope=scope,
            data=service_data(name, i),
            owner_school=school if scope == Scope.SCHOOL else None,
            owner_local_authority=county if scope == Scope.LOCAL else None,
        )
        add_entry(by=None, offer=offer, service=service, level=1 + i % 4)
    publish_offer(by=None, offer=offer)
    return school.slug


def service_data(school: str, i: int) -> Any:
    from datetime import time as clock

    from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
    from earlyhelp.directory.taxonomies import TOPICS

    topics = (TOPICS[i % len(TOPICS)].code, TOPICS[(i + 7) % len(TOPICS)].code)
    return ServiceData(
        name=f"{school} service {i + 1}",
        organization_name=f"Bench organisation {i % 40}",
        description="Support for children and families, in person and by phone. " * 3,
        url=f"https://www.example.org/service-{i}",
        email=f"service{i}@example.org",
        minimum_age=Decimal(4),
        maximum_age=Decimal(18),
        phones=(PhoneData(f"+44113496{i % 1000:04d}"), PhoneData("+448081570999", "text")),
        topics=topics,
        levels=(1 + i % 4,),
        referral_routes=("self", "parent"),
        delivery=("in-person", "phone"),
        free=True,
        schedules=(ScheduleData("MO,TU,WE,TH,FR", clock(9), clock(17)),),
    )


if __name__ == "__main__":
    main()
