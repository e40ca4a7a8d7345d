"""Key people: roles from the contract's vocabulary, fullest names, their own contacts."""

from tests.unit.imports.conftest import run


def people(text: str) -> set[tuple[str, str]]:
    return {(person["role"], person["name"]) for person in run(text)["people"]}


def contacts(text: str, role: str) -> tuple[list[str], list[str]]:
    person = next(p for p in run(text)["people"] if p["role"] == role)
    return person["phones"], person["emails"]


def test_name_then_roles_on_one_line():
    text = "Mrs Jane Ashdown – Head teacher – Designated Safeguarding Lead (DSL), SENCO\n"
    assert people(text) == {
        ("headteacher", "Jane Ashdown"),
        ("dsl", "Jane Ashdown"),
        ("senco", "Jane Ashdown"),
    }


def test_an_assistant_head_is_not_the_head_and_a_deputy_dsl_is_not_the_dsl():
    text = "Mr Omar Reid – Assistant Headteacher – Deputy Designated Safeguarding Lead\n"
    assert people(text) == {("deputy_dsl", "Omar Reid")}


def test_role_then_a_list_of_names():
    text = "The Deputy DSLs are: Ms R. Okoro, Mr T Lane and Miss P.Quinn\n"
    assert people(text) == {
        ("deputy_dsl", "R Okoro"),
        ("deputy_dsl", "T Lane"),
        ("deputy_dsl", "P Quinn"),
    }


def test_a_role_line_then_a_name_line():
    assert people("The Deputy DSL\n\nAmira Hassan\n\nOther news\n") == {
        ("deputy_dsl", "Amira Hassan")
    }


def test_one_person_is_listed_once_per_role_under_the_fullest_name():
    text = (
        "Our Family Support Lead is Miss Josie Marsh.\n"
        "Miss J Marsh – Deputy DSL\n"
        "The DSL (Mrs Penn) meets weekly. Mrs Penn is the Designated Safeguarding Lead.\n"
        "Mrs Alice Penn – Deputy Headteacher\n"
    )
    assert people(text) == {
        ("family_support_lead", "Josie Marsh"),
        ("deputy_dsl", "Josie Marsh"),
        ("dsl", "Alice Penn"),
        ("deputy_headteacher", "Alice Penn"),
    }


def test_names_in_a_staff_group_row_take_the_group_role_unless_their_line_says_otherwise():
    text = (
        "Pastoral Support Team\tYou may also contact:\n"
        "\tKim Adeyemi – Behaviour support\n"
        "\tLeo Park – Emotional well-being\n"
    )
    assert people(text) == {("pastoral_lead", "Kim Adeyemi"), ("mental_health_lead", "Leo Park")}


def test_outside_professionals_and_people_without_a_role_are_not_listed():
    text = (
        "Our school nurse is Sam Ives and she can be contacted on 0113 496 0111.\n"
        "Year 5 – Mrs Dale\n"
        "Annie Cole (Head of Service) completed the training.\n"
    )
    assert people(text) == set()


def test_contact_details_below_a_declaration_belong_to_that_person():
    text = (
        "The Designated Safeguarding Lead (DSL) is: Mrs K Rowe\n"
        "Contact details: email: krowe@riverside.example.sch.uk Telephone: 0113 496 0100\n"
        "The Headteacher is: Mr Dan Ives\n"
        "If a child is at risk call Children's Social Care on 0113 496 0999 or 999.\n"
    )
    assert contacts(text, "dsl") == (["+441134960100"], ["krowe@riverside.example.sch.uk"])
    assert contacts(text, "headteacher") == ([], [])


def test_a_list_of_addresses_is_shared_out_by_name():
    text = (
        "The Deputy DSLs are: Ms N. Akers and Mr L. Bright\n"
        "Contact details: email:\n"
        "lbright@riverside.example.sch.uk, nakers@riverside.example.sch.uk\n"
        "Telephone: 0113 496 0100\n"
    )
    result = run(text)
    by_name = {p["name"]: p for p in result["people"]}
    assert by_name["N Akers"]["emails"] == ["nakers@riverside.example.sch.uk"]
    assert by_name["L Bright"]["emails"] == ["lbright@riverside.example.sch.uk"]
    assert by_name["L Bright"]["phones"] == ["+441134960100"]


def test_names_just_before_a_number_share_it():
    text = (
        "Mrs Ava Stone – Designated Safeguarding Lead\n"
        "Mr Ben Ford – Deputy Safeguarding Lead\n"
        "Please contact Ava Stone or Ben Ford on 0113 496 0100.\n"
    )
    assert contacts(text, "dsl") == (["+441134960100"], [])
    assert contacts(text, "deputy_dsl") == (["+441134960100"], [])


def test_a_staff_table_pairs_roles_names_and_contacts_by_row():
    text = (
        "Role\tName\tContact\n"
        "Designated Safeguarding Lead\tMrs Helen Marsh\thmarsh@oakwood.example.sch.uk\n"
        "\t\t020 7946 0101\n"
        "Deputy Designated Safeguarding Leads\tMr Raj Patel, Ms Chloe Dunn\t020 7946 0100\n"
    )
    result = run(text)
    by_role = {(p["role"], p["name"]): p for p in result["people"]}
    assert set(by_role) == {
        ("dsl", "Helen Marsh"),
        ("deputy_dsl", "Raj Patel"),
        ("deputy_dsl", "Chloe Dunn"),
    }
    assert by_role[("dsl", "Helen Marsh")]["phones"] == ["+442079460101"]
    assert by_role[("deputy_dsl", "Chloe Dunn")]["phones"] == ["+442079460100"]


def test_a_sentence_end_stops_a_role_reaching_back_to_the_previous_name():
    text = "Our Designated Safeguarding Lead is Mrs Rosa Quint. Deputy DSL: Mr Ian Vale.\n"
    assert people(text) == {("dsl", "Rosa Quint"), ("deputy_dsl", "Ian Vale")}
