"""Two people editing the same thing: the second save is refused, both versions are shown,
nothing is overwritten; saving again after seeing theirs is a deliberate choice."""

import re

from earlyhelp.offers.models import LevelHeading
from earlyhelp.schools.models import KeyPerson
from tests.integration.editor.support import html, offer_of, url
from tests.integration.editor.test_entries import entry
from tests.integration.editor.test_people import person_form
from tests.integration.editor.test_provision import provision_form

STALE = "Someone else changed this while you were editing"


def version(page: str) -> str:
    found = re.search(r'name="base_version" value="([0-9a-f]*)"', page)
    assert found, "the form carries no version"
    return found.group(1)


def texts(intro: str, base: str) -> dict[str, str]:
    return {"introduction": intro, "raising_concerns": "", "attendance": "", "base_version": base}


def test_offer_texts_a_stale_save_is_refused_and_both_versions_shown(ed, universe):
    base = version(html(ed.get(url("texts"))))  # two people open the form
    first = ed.post(url("texts"), texts("Theirs: breakfast club on Mondays.", base))
    assert first.status_code == 302
    second = ed.post(url("texts"), texts("Mine: a new family worker.", base))
    page = html(second)
    assert second.status_code == 200 and STALE in page and "<title>Error:" in page
    assert "Theirs: breakfast club on Mondays." in page  # their version, shown
    assert "Mine: a new family worker." in page  # mine, kept in the form
    assert offer_of(universe.northfield).introduction == "Theirs: breakfast club on Mondays."
    again = ed.post(url("texts"), texts("Mine: a new family worker.", version(page)))
    assert again.status_code == 302
    assert offer_of(universe.northfield).introduction == "Mine: a new family worker."


def test_a_level_heading_stale_save_is_refused(ed, universe):
    base = version(html(ed.get(url("level", 2))))
    ed.post(url("level", 2), {"heading": "Theirs", "description": "", "base_version": base})
    page = html(
        ed.post(url("level", 2), {"heading": "Mine", "description": "", "base_version": base})
    )
    assert STALE in page
    assert LevelHeading.objects.get(offer__school=universe.northfield, level=2).heading == "Theirs"


def test_a_key_person_stale_save_is_refused(ed, universe):
    dee = KeyPerson.objects.get(name="Dee Lane")
    base = version(html(ed.get(url("person", dee.pk))))
    ed.post(
        url("person", dee.pk), {**person_form(name="Dee Lane", roles=["dsl"]), "base_version": base}
    )
    page = html(
        ed.post(url("person", dee.pk), {**person_form(name="Dee Lane-Smith"), "base_version": base})
    )
    assert STALE in page and "Dee Lane-Smith" in page
    dee.refresh_from_db()
    assert dee.name == "Dee Lane" and [r.role for r in dee.roles.all()] == ["dsl"]


def test_own_provision_stale_save_is_refused(ed, universe):
    ed.post(url("provision-add"), provision_form())
    service = (
        offer_of(universe.northfield).entries.get(service__name="Listening and talking").service
    )
    base = version(html(ed.get(url("provision", service.pk))))
    ed.post(url("provision", service.pk), {**provision_form(name="Theirs"), "base_version": base})
    page = html(
        ed.post(url("provision", service.pk), {**provision_form(name="Mine"), "base_version": base})
    )
    assert STALE in page
    service.refresh_from_db()
    assert service.name == "Theirs"


def test_a_services_level_stale_save_is_refused(ed, universe):
    carers = entry(universe.young_carers)  # shown under level 3
    base = version(html(ed.get(url("entry-level", carers.pk))))  # two people open the form
    first = ed.post(url("entry-level", carers.pk), {"level": "2", "base_version": base})
    assert first.status_code == 302
    page = html(ed.post(url("entry-level", carers.pk), {"level": "4", "base_version": base}))
    assert STALE in page and "<title>Error:" in page
    carers.refresh_from_db()
    assert carers.level == 2  # theirs kept
    again = ed.post(url("entry-level", carers.pk), {"level": "4", "base_version": version(page)})
    assert again.status_code == 302
    carers.refresh_from_db()
    assert carers.level == 4
