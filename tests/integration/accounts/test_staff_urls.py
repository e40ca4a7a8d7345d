"""Every staff URL, read from the URL resolver: anonymous people are sent to sign in,
people past the password but not the second factor are sent to the challenge, and staff
of another school get 404 (while someone at the school gets in).

A URL added later is covered the day it appears. A URL taking an argument this file does
not know fails `test_every_staff_url_can_be_filled` until IDS says which Northfield object
to use; a URL that is not about one school must be listed in NOT_PER_SCHOOL. Each check
walks all URLs in one test over one set of objects and lists every URL that fails.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.middleware import OPEN_WITHOUT_SECOND_FACTOR
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from earlyhelp.attendance.models import Letter, LetterRun
from earlyhelp.casework.actions.assessment import add_plan_action
from earlyhelp.casework.actions.referrals import refer_to_service
from earlyhelp.casework.actions.terms import set_term
from earlyhelp.casework.actions.transfers import start_transfer
from earlyhelp.casework.models import (
    EarlyHelpEpisode,
    FileTransfer,
    PlanAction,
    Referral,
    SchoolTerm,
)
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.models import Concern
from earlyhelp.governance.actions import request_report
from earlyhelp.governance.models import GovernorsReport
from earlyhelp.imports.models import OfferUpload
from earlyhelp.offers.actions.importing.uploading import start_offer_upload
from earlyhelp.offers.models import ServiceChangeNotice
from earlyhelp.pupils.actions import start_roll_import
from earlyhelp.pupils.models import Pupil, RollImport
from earlyhelp.pupilvoice.actions import open_session
from earlyhelp.pupilvoice.models import VoiceQuestion, VoiceSession
from tests.concerns_universe import add_roll
from tests.early_help_universe import assessed, build_children
from tests.integration.training.support import evidence_record, kcsie_part_one
from tests.signin import sign_in, sign_in_without_second_factor
from tests.universe import Universe, make_user


@dataclass(frozen=True)
class StaffUrl:
    name: str  # namespace:name
    route: str
    kwargs: tuple[str, ...]

    def __str__(self) -> str:
        return self.name


def _walk(
    patterns: list[Any], prefix: str, namespace: str, kwargs: tuple[str, ...]
) -> Iterator[StaffUrl]:
    for p in patterns:
        route = prefix + str(p.pattern)
        names = kwargs + tuple(p.pattern.converters)
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, route, p.namespace or namespace, names)
        elif isinstance(p, URLPattern) and route.startswith("staff/"):
            assert p.name, f"/{route} needs a name"
            yield StaffUrl(f"{namespace}:{p.name}", route, tuple(sorted(set(names))))


@cache
def staff_urls() -> tuple[StaffUrl, ...]:
    return tuple(_walk(get_resolver().url_patterns, "", "", ()))


URLS = staff_urls()

# Pages that belong to no school (a person's own account, the way in and out), and pages
# of a local authority (casework's own tests cover another authority's officer).
NOT_PER_SCHOOL = {
    "staff:home",
    "accounts:sign-in",
    "accounts:sign-out",
    "accounts:two-factor-challenge",
    "accounts:two-factor-setup",
    "accounts:recovery-codes",
    "accounts:passkey-prompt",
    "accounts:passkey-authenticate-options",
    "accounts:passkey-authenticate",
    "accounts:passkey-register-options",
    "accounts:passkey-register",
    "accounts:sign-in-methods",
    "accounts:sign-in-method-remove",
    "accounts:session",
    "casework_la:overview",
    "oruk_staff:harvests",
    "la:home",
    "la:home_csv",
    "attendance_la:overview",
    "attendance_la:csv",
    # The directory's search words and searches without results: directory editors only.
    "directory_staff:search_words",
    "directory_staff:remove_search_words",
    "directory_staff:searches_without_results",
    # The county directory editors' workspace (tests/integration/county has their access tests).
    "county_directory:services",
    "county_directory:add",
    "county_directory:service",
    "county_directory:change",
    "county_directory:check",
    "county_directory:withdraw",
    "county_directory:health",
    # The operators' list of background tasks: superusers only (jobs' own tests).
    "jobs:tasks",
}
# Reachable without signing in at all.
PUBLIC = {"accounts:sign-in", "accounts:sign-out"}


@dataclass
class World:
    universe: Universe
    concern: Concern
    pupil: Pupil
    episode: EarlyHelpEpisode
    plan_action: PlanAction
    referral: Referral
    outgoing: FileTransfer
    incoming: FileTransfer
    term: SchoolTerm
    roll_import: RollImport
    offer_upload: OfferUpload


# For each URL argument ("name" or "url-name:argument"): a value naming an object of
# Northfield Primary that a Northfield person may see.
IDS: dict[str, Callable[[World], object]] = {
    "school_slug": lambda w: w.universe.northfield.slug,
    "la_slug": lambda w: w.universe.county.slug,
    "level": lambda w: 2,
    "person_id": lambda w: w.universe.northfield.key_people.get().pk,
    "provision_id": lambda w: w.universe.breakfast_club.pk,
    "entry_id": lambda w: w.universe.northfield.offer.entries.get(service=w.universe.samaritans).pk,
    "service_id": lambda w: w.universe.young_carers.pk,
    "number": lambda w: 1,
    "concern_id": lambda w: w.concern.pk,
    "attachment_id": lambda w: w.concern.attachments.get().pk,
    "pupil_id": lambda w: w.pupil.pk,
    "consent_id": lambda w: w.episode.consents.get().pk,
    "action_id": lambda w: w.plan_action.pk,
    "referral_id": lambda w: w.referral.pk,
    "transfer_id": lambda w: w.outgoing.pk,
    "incoming_id": lambda w: w.incoming.pk,
    "day": lambda w: timezone.localdate().isoformat(),
    "kind": lambda w: "json",
    "accounts:sign-in-method-remove:kind": lambda w: "app",
    "device_id": lambda w: TOTPDevice.objects.get(user=w.universe.dee).pk,
    "term_id": lambda w: w.term.pk,
    "import_id": lambda w: w.roll_import.pk,
    "upload_id": lambda w: w.offer_upload.pk,
    # Pupil voice and the governors' report (issue 15).
    "session_id": lambda w: voice_session(w).pk,
    "question_id": lambda w: voice_question(w).pk,
    "report_id": lambda w: governors_report(w).pk,
    "document_id": lambda w: kcsie_part_one().pk,
    "record_id": lambda w: evidence_record(w.universe.northfield, w.universe.tom).pk,
    "letter_id": lambda w: attendance_letter(w).pk,
    "notice_id": lambda w: service_notice(w).pk,
}


def voice_session(w: "World") -> VoiceSession:
    found = VoiceSession.objects.filter(school=w.universe.northfield).first()
    return found or open_session(school=w.universe.northfield, class_name="Oak", by=w.universe.tom)


def voice_question(w: "World") -> VoiceQuestion:
    question = VoiceQuestion.objects.filter(school=voice_session(w).school).first()
    assert question is not None
    return question


def governors_report(w: "World") -> GovernorsReport:
    found = GovernorsReport.objects.filter(school=w.universe.northfield).first()
    today = timezone.localdate()
    return found or request_report(
        school=w.universe.northfield, starts_on=today, ends_on=today, by=w.universe.dee
    )


def service_notice(world: "World") -> ServiceChangeNotice:
    """A change to the county's young carers service, told to Northfield's Offer editors."""
    offer = world.universe.northfield.offer
    return ServiceChangeNotice.objects.filter(offer=offer).first() or (
        ServiceChangeNotice.objects.create(
            offer=offer,
            service=world.universe.young_carers,
            service_name="Testshire Young Carers",
            changes=["Phone changed from 0113 496 0300 to 0113 496 0301"],
            changed_at=timezone.now(),
        )
    )


@pytest.fixture
def world(universe: Universe) -> World:
    u = universe
    roll, children = add_roll(u), build_children(u)
    concern = log_concern(
        school=u.northfield,
        details=ConcernDetails(
            account="He said he was hungry.",
            occurred_at=timezone.now(),
            categories=("neglect",),
            location="Class 5",
        ),
        pupils=[Involved(roll.amy)],
        attachments=[
            SimpleUploadedFile("note.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "image/png")
        ],
        by=u.tom,
    ).concern
    episode = assessed(children.ava, u.dee)
    plan_action = add_plan_action(
        episode=episode, need="Breakfast", action="Breakfast club", who="School",
        due_on=timezone.localdate(), by=u.dee,
    )  # fmt: skip
    referral = refer_to_service(
        pupil=children.ava, service=u.young_carers, summary="Cares for her mum.",
        sent_on=timezone.localdate(), by=u.dee,
    )  # fmt: skip
    outgoing = start_transfer(pupil=children.ben, to_school=u.southbank, by=u.dee)
    incoming = start_transfer(pupil=children.cai, to_school=u.northfield, by=u.sam)
    today = timezone.localdate()
    term = set_term(
        school=u.northfield, name="This term", starts_on=today.replace(day=1),
        ends_on=today.replace(day=28), by=u.dee,
    )  # fmt: skip
    roll_import = start_roll_import(
        school=u.northfield, by=u.dee, data=b"upn\n", file_format="auto", encoding="auto"
    )
    offer_upload = start_offer_upload(
        by=u.ed, school=u.northfield, document_name="offer.txt", data=b"Our Early Help Offer"
    )
    return World(
        u, concern, children.ava, episode, plan_action, referral, outgoing, incoming, term,
        roll_import, offer_upload,
    )  # fmt: skip


def value(url: StaffUrl, key: str, world: World) -> object:
    build = IDS.get(f"{url.name}:{key}") or IDS.get(key)
    if build is None:
        pytest.fail(f"Say in IDS which Northfield object to use for {url}: {key}")
    return build(world)


def address(url: StaffUrl, world: World) -> str:
    return reverse(url.name, kwargs={key: value(url, key, world) for key in url.kwargs})


def client_for(user: User, *, verified: bool = True) -> Client:
    client = Client()
    (sign_in if verified else sign_in_without_second_factor)(client, user)
    return client


def status(client: Client, method: str, target: str) -> tuple[int, str]:
    response = getattr(client, method)(target)
    if response.streaming:  # a file download: read it, which also closes it
        b"".join(response.streaming_content)
    return response.status_code, response.get("Location", "")


def test_every_staff_url_can_be_filled():
    unknown = {
        f"{u}: {k}" for u in URLS for k in u.kwargs if k not in IDS and f"{u}:{k}" not in IDS
    }
    assert not unknown, f"Say in IDS which Northfield object to use for {sorted(unknown)}"
    assert len({u.name for u in URLS}) == len(URLS), "each staff URL needs its own name"


def test_every_staff_url_not_about_one_school_is_listed():
    not_per_school = {u.name for u in URLS if "school_slug" not in u.kwargs}
    assert not_per_school == NOT_PER_SCHOOL


def test_anonymous_people_are_sent_to_sign_in(world: World):
    wrong = []
    for url in URLS:
        if url.name in PUBLIC:
            continue
        code, location = status(Client(), "get", address(url, world))
        if code != 302 or not location.startswith(reverse("accounts:sign-in") + "?next="):
            wrong.append(f"{url}: {code} {location}")
    assert not wrong, "\n".join(wrong)


def test_without_the_second_factor_people_are_sent_to_the_challenge(world: World):
    client, wrong = client_for(world.universe.dee, verified=False), []
    for url in URLS:
        if url.name.startswith("accounts:") and url.name[9:] in OPEN_WITHOUT_SECOND_FACTOR:
            continue
        for method in ("get", "post"):
            code, location = status(client, method, address(url, world))
            if code != 302 or not location.startswith(reverse("accounts:two-factor-challenge")):
                wrong.append(f"{method} {url}: {code} {location}")
    assert not wrong, "\n".join(wrong)


def test_staff_of_another_school_get_not_found(world: World):
    """Sam, Southbank's DSL, gets 404 for every Northfield page (a POST to a page that only
    answers GET may say 405 first: that reveals nothing)."""
    sam, wrong = client_for(world.universe.sam), []
    for url in URLS:
        if url.name in NOT_PER_SCHOOL:
            continue
        target = address(url, world)
        get, post = status(sam, "get", target)[0], status(sam, "post", target)[0]
        if get not in (404, 405) or post not in (404, 405) or (get, post) == (405, 405):
            wrong.append(f"{url}: GET {get}, POST {post}")
    assert not wrong, "\n".join(wrong)


def test_someone_at_the_school_gets_in(world: World):
    """The 404s above are about the school, not a broken URL: a Northfield person gets in."""
    u, wrong = world.universe, []
    people = [client_for(person) for person in (u.dee, u.ed, u.tom)]
    for url in URLS:
        if url.name in NOT_PER_SCHOOL:
            continue
        target = address(url, world)
        answers = [status(client, "get", target)[0] for client in people]
        if not any(code in (200, 302, 405) for code in answers):
            wrong.append(f"{url}: {answers}")
    assert not wrong, "\n".join(wrong)


# The governor (issue 15): the governors' report and nothing about any child.
GOVERNOR_MAY_OPEN = {"governance:report", "governance:prepare", "governance:download"}
# … and their own training: a governor's own records and the documents they read and sign.
GOVERNOR_MAY_OPEN |= {"training:mine", "training:record", "training:document"}


def test_a_governor_opens_the_report_and_nothing_else_at_the_school(world: World):
    """Every other staff URL of the school refuses Northfield's governor: 403, or 404 where
    a record's existence is need-to-know (a child, a concern), or 405 for a GET of a
    POST-only address. No child, concern, roll, register or casework page opens."""
    governor = make_user("gill", "Gill", "Hart")
    grant_role(by=None, user=governor, role=Role.GOVERNOR, school=world.universe.northfield)
    client, wrong = client_for(governor), []
    for url in URLS:
        if url.name in NOT_PER_SCHOOL:
            continue
        code = status(client, "get", address(url, world))[0]
        allowed = url.name in GOVERNOR_MAY_OPEN
        if (allowed and code not in (200, 302)) or (not allowed and code not in (403, 404, 405)):
            wrong.append(f"{url}: {code}")
    assert not wrong, "\n".join(wrong)
    home = client.get(reverse("staff:home")).content.decode()
    assert reverse("governance:report", args=[world.universe.northfield.slug]) in home
    assert "/children/" not in home and "/concerns/" not in home and "/pupils/" not in home


def attendance_letter(world: World) -> Letter:
    """A half-term letter about Ava, its PDF in storage (attendance:letter_pdf)."""
    run = LetterRun.objects.create(
        school=world.universe.northfield, created_at=timezone.now(), created_by_name="Dee Lane",
        period_start=timezone.localdate(), period_end=timezone.localdate(), below_percent=95,
        body="Dear {parent},", status="done",
    )  # fmt: skip
    name = default_storage.save("attendance-letters/test.pdf", ContentFile(b"%PDF-1.7\n"))
    return Letter.objects.create(
        run=run, pupil=world.pupil, addressed_to="Jo Stone", file_name=name, made_at=timezone.now()
    )
