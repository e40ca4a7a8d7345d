"""Staff of another school get the same refusal (404, nothing recorded) on every URL that
opens a child's record, whichever school's address they put the child under (issue 11: every
child is loaded through `casework.access`)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern

from earlyhelp.attendance import urls as attendance_urls
from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework import staff_urls as child_urls
from earlyhelp.casework.access import VIEWED
from earlyhelp.dataprotection import staff_urls as subject_access_urls
from tests.early_help_universe import Children
from tests.signin import sign_in
from tests.universe import Universe

OTHER_IDS = {"consent_id": "1", "action_id": "1", "referral_id": "1", "service_id": "1"}
OTHER_IDS |= {"transfer_id": "1", "kind": "json"}


def child_paths(pupil_id: int) -> list[str]:
    """Every child URL under /staff/schools/<slug>/, with `pupil_id` filled in."""
    routes = [
        f"{prefix}{pattern.pattern}"
        for prefix, patterns in (
            ("children/", child_urls.urlpatterns),
            ("children/<int:pupil_id>/", subject_access_urls.urlpatterns),
            ("attendance/", attendance_urls.urlpatterns),
        )
        for pattern in patterns
        if isinstance(pattern, URLPattern)
    ]
    return [_fill(route, pupil_id) for route in routes if "<int:pupil_id>" in route]


def _fill(route: str, pupil_id: int) -> str:
    values = OTHER_IDS | {"pupil_id": str(pupil_id)}
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)


@pytest.fixture
def sam(universe: Universe) -> Client:
    """Sam is the DSL at Southbank Academy, with every right there and none at Northfield."""
    client = Client()
    sign_in(client, universe.sam)
    return client


def test_every_child_url_is_covered(children: Children) -> None:
    paths = child_paths(children.ava.pk)
    assert len(paths) >= 25
    assert any(p.endswith("/who-has-looked/") for p in paths)
    assert any("subject-access" in p for p in paths)


def test_staff_of_another_school_are_refused_alike_everywhere(
    universe: Universe, children: Children, sam: Client
) -> None:
    """The answer for Ava (on Northfield's roll) is the answer for a child who does not exist:
    404, or 405 for a GET of a POST-only address, and no look at her record is recorded."""
    ava, nobody = children.ava.pk, 999_999
    before = AuditEvent.objects.filter(action=VIEWED).count()
    for slug in (universe.northfield.slug, universe.southbank.slug):
        for ava_path, nobody_path in zip(child_paths(ava), child_paths(nobody), strict=True):
            for method in ("get", "post"):
                answer = getattr(sam, method)(f"/staff/schools/{slug}/{ava_path}").status_code
                missing = getattr(sam, method)(f"/staff/schools/{slug}/{nobody_path}")
                assert answer == missing.status_code, (method, ava_path)
                assert answer == 404 or (method, answer) == ("get", 405), (method, ava_path)
    assert AuditEvent.objects.filter(action=VIEWED).count() == before
