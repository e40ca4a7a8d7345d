"""Key people: add, change, remove and order, with their roles."""

from earlyhelp.audit.models import AuditEvent
from earlyhelp.schools.actions import PersonDetails, add_key_person
from earlyhelp.schools.models import KeyPerson
from tests.integration.editor.support import html, overview_order, url


def person_form(**changes):
    data = {
        "name": "Priya Shah",
        "job_title": "Deputy head",
        "roles": ["deputy_dsl", "senco"],
        "email": "Priya.Shah@Northfield.example.org",
        "phone": "0113 496 0123",
    }
    return {**data, **changes}


def test_add_a_person_with_several_roles(ed, universe):
    page = html(ed.get(url("person-add")))
    assert "<legend" in page and "Roles" in page  # the role checkboxes are a group
    response = ed.post(url("person-add"), person_form())
    assert response.status_code == 302
    person = KeyPerson.objects.get(name="Priya Shah", school=universe.northfield)
    assert sorted(r.role for r in person.roles.all()) == ["deputy_dsl", "senco"]
    assert person.phone == "+441134960123"
    assert person.email == "priya.shah@northfield.example.org"
    overview = html(ed.get(url("overview")))
    assert "Priya Shah" in overview and "SENCO" in overview


def test_change_a_person(ed, universe):
    dee = KeyPerson.objects.get(name="Dee Lane")
    form = html(ed.get(url("person", dee.pk)))
    assert "0113 496 0100" in form  # the stored number shown as people write it
    response = ed.post(url("person", dee.pk), person_form(name="Dee Lane", roles=["dsl"]))
    assert response.status_code == 302
    dee.refresh_from_db()
    assert [r.role for r in dee.roles.all()] == ["dsl"]
    assert dee.job_title == "Deputy head"


def test_a_person_needs_a_role(ed, universe):
    response = ed.post(url("person-add"), person_form(roles=[]))
    assert response.status_code == 200
    assert "Select at least one role" in html(response)
    assert 'href="#id_roles_0"' in html(response)  # the summary links to the first box
    assert not KeyPerson.objects.filter(name="Priya Shah").exists()


def test_remove_a_person_after_confirming(ed, universe):
    dee = KeyPerson.objects.get(name="Dee Lane")
    assert "Remove Dee Lane from your Offer?" in html(ed.get(url("person-remove", dee.pk)))
    assert KeyPerson.objects.filter(pk=dee.pk).exists()  # asking is not removing
    response = ed.post(url("person-remove", dee.pk))
    assert response.status_code == 302
    assert not KeyPerson.objects.filter(pk=dee.pk).exists()
    assert AuditEvent.objects.filter(action="key_person.removed", object_id=str(dee.pk)).exists()


def test_order_people(ed, universe):
    add_key_person(
        by=None,
        school=universe.northfield,
        details=PersonDetails(name="Olu Adeyemi", roles=("dsl",)),
    )
    olu = KeyPerson.objects.get(name="Olu Adeyemi")
    assert overview_order(ed, ["Dee Lane", "Olu Adeyemi"], "people") == ["Dee Lane", "Olu Adeyemi"]
    response = ed.post(url("person-move", olu.pk), {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#person-{olu.pk}")
    assert overview_order(ed, ["Dee Lane", "Olu Adeyemi"], "people") == ["Olu Adeyemi", "Dee Lane"]
    ed.post(url("person-move", olu.pk), {"direction": "up"})  # already first: nothing moves
    assert overview_order(ed, ["Dee Lane", "Olu Adeyemi"], "people") == ["Olu Adeyemi", "Dee Lane"]


def test_move_needs_a_direction(ed, universe):
    dee = KeyPerson.objects.get(name="Dee Lane")
    assert ed.post(url("person-move", dee.pk), {"direction": "sideways"}).status_code == 400
