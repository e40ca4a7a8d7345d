"""The key people as the Offer shows them: once each, with every role, DSL first."""

from earlyhelp.offers.snapshot import people_from_rows


def row(name, roles, **contact):
    return {
        "name": name,
        "roles": list(roles),
        "job_title": "",
        "email": "",
        "phone": "",
        **contact,
    }


def test_people_are_ordered_by_their_most_senior_safeguarding_role():
    people = people_from_rows(
        [
            row("Sue Senco", ["senco"]),
            row("Chris Chair", ["chair_of_governors"]),
            row("Dan Deputy", ["deputy_dsl"]),
            row("Gail Governor", ["safeguarding_governor"]),
            row("Hal Head", ["headteacher"]),
            row("Fay Family", ["family_support_lead"]),
            row("Dee Lead", ["dsl"]),
            row("Ola Other", ["other"]),
        ]
    )

    assert [p.name for p in people] == [
        "Dee Lead",
        "Dan Deputy",
        "Hal Head",
        "Gail Governor",
        "Chris Chair",
        "Sue Senco",
        "Fay Family",
        "Ola Other",
    ]


def test_a_person_listed_once_per_role_appears_once_with_all_roles_and_contacts():
    people = people_from_rows(
        [
            row("Rachel Roberts", ["headteacher"], email="head@example.org"),
            row("Pat Deputy", ["deputy_dsl"]),
            row("rachel  roberts", ["dsl"], phone="+441134960100", email="head@example.org"),
        ]
    )

    assert [p.name for p in people] == ["Rachel Roberts", "Pat Deputy"]
    rachel = people[0]
    assert rachel.role_names == ["Designated Safeguarding Lead (DSL)", "Headteacher"]
    assert rachel.emails == ("head@example.org",)
    assert [phone.number for phone in rachel.phones] == ["+441134960100"]


def test_people_of_equal_rank_keep_the_schools_order():
    people = people_from_rows([row("Zoe", ["deputy_dsl"]), row("Amy", ["deputy_dsl"])])

    assert [p.name for p in people] == ["Zoe", "Amy"]


def test_a_job_title_that_repeats_a_role_is_not_shown_twice():
    head = people_from_rows([row("Hal", ["headteacher"], job_title="Headteacher")])[0]
    bursar = people_from_rows([row("Bo", ["other"], job_title="School business manager")])[0]

    assert not head.shows_job_title
    assert bursar.shows_job_title
