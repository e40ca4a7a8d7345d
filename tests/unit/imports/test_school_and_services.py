"""The school and its local authority; services, their topics and the emergency numbers."""

from earlyhelp.directory.taxonomies import TOPICS
from earlyhelp.imports.pipeline import extract
from tests.unit.imports.conftest import TODAY, listed, run

TOPIC_CODES = {term.code for term in TOPICS}


def test_the_school_is_the_one_named_most_in_its_fullest_form():
    text = (
        "Early Help Offer for Children and Families at St Anne’s C of E Primary School Academy\n"
        "At St Anne’s C of E Primary School Academy we care. Each Special School has a nurse.\n"
        "St Anne’s C of E Primary School Academy works with Kent County Council in Kent.\n"
    )
    school = run(text)["school"]
    assert school == {"name": "St Anne’s C of E Primary School Academy", "local_authority": "Kent"}


def test_the_school_email_domain_names_the_local_authority():
    text = "Email office@riverside.glos.sch.uk or office@riverside.glos.sch.uk\n"
    assert run(text)["school"]["local_authority"] == "Gloucestershire"


def test_each_named_organisation_is_a_service_with_its_own_contacts():
    text = (
        "Mental Health\tQuiet Minds 0808 157 0111 www.quietminds.org.uk\n"
        "\tCalm Line 0808 157 0222 Email: hello@calmline.org.uk\n"
    )
    services = {s["name"]: s for s in run(text)["services"]}
    assert services["Quiet Minds"]["phones"] == ["+448081570111"]
    assert services["Quiet Minds"]["urls"] == ["https://www.quietminds.org.uk"]
    assert services["Calm Line"]["emails"] == ["hello@calmline.org.uk"]
    assert services["Calm Line"]["topics"][0] == "mental-health"


def test_a_name_line_above_its_contact_lines_owns_them():
    text = (
        "Honour based abuse\n"
        "<p><b>Safe Haven Network</b></p>\n"
        "<p>UK helpline: 0808 157 0333 Monday to Friday</p>\n"
        "<p>Email: help@safehaven.example.org</p>\n"
    )
    (service,) = run(text)["services"]
    assert service["name"] == "Safe Haven Network"
    assert service["phones"] == ["+448081570333"]
    assert service["emails"] == ["help@safehaven.example.org"]


def test_999_and_101_are_listed_once_under_the_police():
    text = (
        "If a child is at risk call 999.\n"
        "Hate Crime\tRiverside Police:\tEmail: contact@riverside.police.uk Emergency: 999 "
        "Non-emergency: 101\n"
    )
    services = run(text)["services"]
    police = [s for s in services if "999" in s["phones"]]
    assert len(police) == 1
    assert police[0]["phones"] == ["999", "101"]


def test_every_service_has_one_to_three_known_topics():
    text = (
        "Domestic abuse\tHarbour Refuge 0808 157 0222\n"
        "Bereavement\tStill Waters supports bereaved children 0808 157 0444\n"
        "\tTeen Talk 0808 157 0555\n"
    )
    for service in run(text)["services"]:
        assert 1 <= len(service["topics"]) <= 3
        assert set(service["topics"]) <= TOPIC_CODES


def test_a_paragraph_giving_the_dsls_number_is_not_a_service():
    # Nobody is named, so the number cannot go to a person; it is still not a service called
    # after the section ("Who to talk to").
    text = (
        "Who to talk to\n"
        "If you are worried about a child, speak to our Designated Safeguarding Lead. You can "
        "ring the school office on 01234 496 011 and ask for the DSL, or email "
        "dsl@riverside.example.sch.uk.\n"
        "Our SENCO can be reached on 01234 496 012.\n"
        "Mental Health\tQuiet Minds 0808 157 0111 www.quietminds.org.uk\n"
    )
    services = run(text)["services"]
    assert [s["name"] for s in services] == ["Quiet Minds"]
    assert "+441234496011" not in listed({"people": [], "services": services}, "phones")
    # Kept aside (not in the contract) for the review screen's "Not added as services".
    staff = extract(text, today=TODAY).staff_contacts
    assert {p for s in staff for p in s.contacts.phones} == {"+441234496011", "+441234496012"}


def test_a_service_named_beside_the_dsl_is_still_a_service():
    text = (
        "Who to talk to\n"
        "The DSL can refer you to Quiet Minds on 0808 157 0111.\n"
        "If a child is at risk, contact the Family Front Door (FFD) – 01905 822 666. Do not "
        "wait to discuss this with the DSL.\n"
    )
    phones = {p for s in run(text)["services"] for p in s["phones"]}
    assert {"+448081570111", "+441905822666"} <= phones
