"""The one-page concern form: the pupil by name with the roll inline (or ticked from a search
on the same page), date and time now, and a DSL alerted when harm is logged untold."""

import re

import pytest
import time_machine

from earlyhelp.concerns.models import Concern, Part
from tests.concerns_universe import add_pupils, pupil_row, signed_in

BASE = "/staff/schools/northfield-primary/concerns/"
NOW = "2026-11-24 14:37Z"


def quick(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "account": "She said: nobody made tea.",
        "occurred_on_0": "24",
        "occurred_on_1": "11",
        "occurred_on_2": "2026",
        "occurred_time": "14:30",
        "categories": ["neglect"],
        "told_dsl": "yes",
    }
    data.update(extra)
    return data


@pytest.fixture
def tom(client, universe):
    return signed_in(client, universe.tom)


def logged(response) -> Concern:
    assert response.status_code == 302, response.content.decode()[:3000]
    concern = Concern.objects.get()
    assert response["Location"] == f"{BASE}{concern.pk}/logged/"
    return concern


@time_machine.travel(NOW, tick=False)
def test_the_page_starts_now_with_the_roll_inline(tom, roll):
    html = tom.get(BASE + "new/").content.decode()
    assert re.search(r'name="occurred_on_0"[^>]*value="24"', html)
    assert re.search(r'name="occurred_on_2"[^>]*value="2026"', html)
    assert 'value="14:37"' in html  # the time now, in the UK
    roll_list = html.split('<datalist id="roll">')[1].split("</datalist>")[0]
    assert 'value="Amy Bell (Year 5)"' in roll_list and "Cara Dunn" in roll_list
    assert "Dan Evans" not in roll_list  # another school's pupil
    for label in ("Where did it happen? (optional)", "What did you do? (optional)"):
        assert label in html
    assert "Who did you tell? (optional)" in html and "Attach files (optional)" in html


@time_machine.travel(NOW, tick=False)
def test_a_name_chosen_from_the_roll_logs_the_concern(tom, roll):
    concern = logged(tom.post(BASE + "new/", quick(pupil="Amy Bell (Year 5)")))
    link = concern.links.get()
    assert (link.pupil, link.part) == (roll.amy, Part.SUBJECT)
    assert not concern.immediate_risk and not concern.tell_dsl_now


@time_machine.travel(NOW, tick=False)
def test_a_full_name_typed_without_the_list_is_found_on_the_roll(tom, roll):
    concern = logged(tom.post(BASE + "new/", quick(pupil="  amy bell ")))
    assert concern.links.get().pupil == roll.amy


@time_machine.travel(NOW, tick=False)
def test_a_name_shared_by_two_pupils_offers_both_to_tick(tom, universe, roll):
    (other,) = add_pupils(universe.northfield, [pupil_row(9, "Alf", "Bell", "3")])
    html = tom.post(BASE + "new/", quick(pupil="Bell")).content.decode()
    assert "More than one pupil is called “Bell”: tick the right one below" in html
    assert "Amy Bell (Year 5)" in html and "Alf Bell (Year 3)" in html
    assert "She said: nobody made tea." in html  # nothing typed is lost
    assert not Concern.objects.exists()
    concern = logged(tom.post(BASE + "new/", quick(pupil="Bell", ticked=[other.pk])))
    assert concern.links.get().pupil == other


@time_machine.travel(NOW, tick=False)
def test_a_name_not_on_this_roll_is_refused_and_nothing_is_saved(tom, roll):
    for typed in ("Zed Quill", "Dan Evans"):  # nobody; a pupil of another school
        html = tom.post(BASE + "new/", quick(pupil=typed)).content.decode()
        assert f"No pupil on the roll is called “{typed}”" in html
        assert "<title>Error:" in html
    html = tom.post(BASE + "new/", quick()).content.decode()
    assert "Enter the pupil’s name" in html
    assert not Concern.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_search_without_javascript_is_on_the_same_page(tom, roll):
    html = tom.get(BASE + "new/", {"q": "cara"}).content.decode()
    assert "Pupils on the roll matching “cara”" in html
    assert f'name="ticked" value="{roll.cara.pk}"' in html
    assert 'form="roll-search"' in html  # the search box belongs to the GET form
    concern = logged(tom.post(BASE + "new/", quick(ticked=[roll.cara.pk, roll.dan.pk])))
    assert [link.pupil for link in concern.links.all()] == [roll.cara]  # never another school's


@time_machine.travel(NOW, tick=False)
def test_immediate_risk_from_the_call_now_page_is_recorded(tom, roll):
    concern = logged(tom.post(BASE + "new/", quick(pupil="Amy Bell", risk="yes")))
    assert concern.immediate_risk


@time_machine.travel(NOW, tick=False)
def test_harm_logged_with_no_dsl_told_says_tell_the_dsl_now_and_alerts_them(client, universe, roll):
    signed_in(client, universe.tom)
    response = client.post(
        BASE + "new/", quick(pupil="Amy Bell", categories=["physical_abuse"], told_dsl="no")
    )
    concern = logged(response)
    assert concern.tell_dsl_now
    page = client.get(response["Location"]).content.decode()
    assert "Tell the DSL now: Dee Lane" in page and 'href="tel:+441134960100"' in page
    assert page.index("Tell the DSL now") < page.index("Concern logged</h1>")
    client.post(BASE + "new/", quick(pupil="Ben Cross", categories=["bullying"], told_dsl="no"))
    calm = client.get(f"{BASE}{Concern.objects.latest('pk').pk}/logged/").content.decode()
    assert "Tell the DSL now" not in calm  # bullying is not a disclosure of harm
    signed_in(client, universe.dee)
    inbox = client.get(BASE + "inbox/").content.decode()
    assert inbox.index("Harm disclosed: DSL not told") < inbox.index("Ben Cross")
    assert inbox.index("Amy Bell") < inbox.index("Ben Cross")  # though logged first
    home = client.get("/staff/").content.decode()
    assert "1 harm disclosed, DSL not told" in home


@time_machine.travel(NOW, tick=False)
def test_harm_logged_after_telling_a_dsl_needs_no_alert(tom, roll):
    concern = logged(
        tom.post(BASE + "new/", quick(pupil="Amy Bell", categories=["physical_abuse"]))
    )
    assert not concern.tell_dsl_now
