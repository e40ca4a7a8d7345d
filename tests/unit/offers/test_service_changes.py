"""What a school's Offer editor is told when the county changes a service, in words."""

from earlyhelp.offers.service_changes import ServiceFacts, describe

BEFORE = ServiceFacts(
    name="Young Carers",
    phones=("0113 496 0300",),
    email="carers@example.org",
    url="https://www.example.org/carers",
    status="active",
)


def facts(**changes: object) -> ServiceFacts:
    values = {**BEFORE.__dict__, **changes}
    return ServiceFacts(**values)


def test_nothing_changed_says_nothing() -> None:
    assert describe(BEFORE, facts()) == []


def test_each_changed_fact_is_one_sentence() -> None:
    after = facts(name="Young Carers Hub", phones=("01905 822777 ext 2",), email="", url="")
    assert describe(BEFORE, after) == [
        "Name changed from Young Carers to Young Carers Hub",
        "Phone changed from 0113 496 0300 to 01905 822777 ext 2",
        "Email carers@example.org removed",
        "Web address https://www.example.org/carers removed",
    ]


def test_an_added_phone_and_a_withdrawal() -> None:
    before = facts(phones=())
    assert describe(before, facts(status="inactive")) == [
        "Phone 0113 496 0300 added",
        "Withdrawn: no longer shown to families",
    ]
    assert describe(facts(status="inactive"), BEFORE) == [
        "Offered again: shown to families once more"
    ]
