"""The child's overview links the safeguarding team to the subject access export."""

import json

import pytest
from django.template import Context, Template

from tests.concerns_universe import add_roll, log, signed_in

pytestmark = pytest.mark.django_db


def test_the_dsl_finds_and_follows_the_export_links(client, universe):
    roll = add_roll(universe)
    log(universe.tom, roll.amy)
    signed_in(client, universe.dee)
    base = f"/staff/schools/northfield-primary/children/{roll.amy.pk}/"
    page = client.get(base).content.decode()
    assert "Subject access export" in page
    assert f'href="{base}subject-access.json"' in page
    assert f'href="{base}subject-access.pdf"' in page
    assert 'method="post"' in client.get(f"{base}subject-access.json").content.decode()
    exported = client.post(f"{base}subject-access.json")
    assert exported.status_code == 200
    assert "Amy" in json.dumps(json.loads(exported.content))


def test_someone_without_casework_rights_gets_no_export_links(universe):
    roll = add_roll(universe)
    template = Template("{% load subject_access %}{% subject_access_links pupil school user %}")

    def render(user):
        return template.render(
            Context({"pupil": roll.amy, "school": universe.northfield, "user": user})
        )

    assert "subject-access.pdf" in render(universe.dee)
    assert render(universe.tom).strip() == ""
    assert render(universe.sam).strip() == ""
