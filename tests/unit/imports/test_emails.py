"""Email addresses: lower-cased when they work, findings when they cannot be delivered."""

from earlyhelp.imports.contacts.emails import find_emails, problem
from tests.unit.imports.conftest import findings, listed, run


def test_addresses_are_listed_in_lower_case():
    result = run("Quiet Minds\nEmail: Hello@QuietMinds.org.uk")
    assert listed(result, "emails") == {"hello@quietminds.org.uk"}


def test_an_address_with_no_organisation_before_the_ending_cannot_work():
    assert "no organisation name" in problem("help@org.uk")
    assert "no top-level domain" in problem("referrals@harbourtrust")
    assert problem("name.surname@harbourtrust.org.uk") == ""


def test_a_malformed_address_is_a_finding_not_a_contact():
    result = run("Harbour Trust referrals: referrals@harbourtrust\nEmail: help@org.uk")
    assert listed(result, "emails") == set()
    assert [f["excerpt"] for f in findings(result, "email-invalid")] == [
        "referrals@harbourtrust",
        "help@org.uk",
    ]
    assert all(f["severity"] == "error" for f in findings(result, "email-invalid"))


def test_a_mailto_link_without_an_at_sign_is_invalid():
    result = run('<p>Unit <a href="mailto:unitfco.gov.uk">unitfco.gov.uk</a></p>')
    (finding,) = findings(result, "email-invalid")
    assert finding["excerpt"] == "unitfco.gov.uk"


def test_an_address_broken_over_two_lines_takes_its_tail_with_it():
    mentions = find_emails("Contact us on: info@riverside-home-\n\teducators.co.uk\n")
    assert len(mentions) == 1
    assert mentions[0].address is None
    assert mentions[0].through > mentions[0].end


def test_a_retired_government_domain_is_listed_and_flagged():
    result = run("Report concerns to: concerns@unit.gsi.gov.uk")
    assert "concerns@unit.gsi.gov.uk" in listed(result, "emails")
    (finding,) = findings(result, "domain-retired")
    assert finding["severity"] == "error"
    assert "2019" in finding["message"]
