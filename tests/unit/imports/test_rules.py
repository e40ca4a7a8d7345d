"""Findings judged from the whole Offer: dates, guidance, area, duplicates, consistency, gaps."""

from datetime import date

from tests.unit.imports.conftest import codes, findings, run

COMPLETE = (
    "Riverside Primary School, Lancashire\n"
    "The Designated Safeguarding Lead is: Mrs Ada Fenn\n"
    "Contact details: Telephone: 0113 496 0100\n"
    "The Deputy DSL is: Mr Eli Gray\n"
    "Lancashire Children's Social Care: 0113 496 0555. In an emergency call 999.\n"
)


def test_the_stated_review_date_is_judged_against_today():
    text = "Date: September 2024\nDate of review: September 2025\n"
    overdue = run(text, today=date(2026, 1, 5))
    assert overdue["reviewed_on"] == "2024-09-01"
    (finding,) = findings(overdue, "review-overdue")
    assert finding["excerpt"] == "Date of review: September 2025"
    assert findings(run(text, today=date(2025, 6, 1)), "review-overdue") == []


def test_a_last_reviewed_date_more_than_a_year_old_is_overdue():
    text = "Last reviewed: 3rd March 2024\n"
    assert run(text, today=date(2025, 5, 1))["reviewed_on"] == "2024-03-03"
    assert "review-overdue" in codes(run(text, today=date(2025, 5, 1)))
    assert "review-overdue" not in codes(run(text, today=date(2024, 12, 1)))


def test_no_stated_date_means_no_review_date_and_no_finding():
    result = run("An Offer with no dates at all.\n")
    assert result["reviewed_on"] is None
    assert "review-overdue" not in codes(result)


def test_old_editions_of_kcsie_are_outdated_and_the_current_one_is_not():
    result = run(
        "Keeping Children Safe in Education 2023 says...\nKCSIE (2023) again.\n"
        "Keeping Children Safe in Education 2025 is current.\n"
    )
    (finding,) = findings(result, "guidance-outdated")
    assert finding["excerpt"] == "Keeping Children Safe in Education 2023"


def test_resources_of_another_area_are_out_of_area():
    text = COMPLETE + (
        "Hilltop Counselling: 0118 496 0123\n"
        "Teen site: www.teenhelpherts.org.uk\n"
        "Training: www.xscb.org.uk\n"
        "Youth help: http://www.youthhelp.gov/resources\n"
        "Local site: www.lancashire.gov.uk/help and www.helplancs.org.uk\n"
    )
    excerpts = [f["excerpt"] for f in findings(run(text), "out-of-area")]
    assert excerpts == [
        "Hilltop Counselling: 0118 496 0123",
        "www.teenhelpherts.org.uk",
        "www.xscb.org.uk",
        "http://www.youthhelp.gov/resources",
    ]


def test_a_copied_list_of_organisations_is_a_duplicate_section():
    block = (
        "Useful Websites\n"
        "[Bright Path](#) advice for parents on staying safe online\n"
        "[Safe Steps](#) information for families about exploitation\n"
        "[Open Door](#) a national charity supporting young carers\n"
        "[Calm Space](#) resources about anxiety for children\n"
    )
    result = run(
        "Exploitation\n"
        + block
        + "\nOnline safety\n"
        + block.replace("[", '<a href="#">').replace("](#)", "</a>")
    )
    (finding,) = findings(result, "duplicate-section")
    assert "Useful Websites" in finding["excerpt"]


def test_one_organisation_listed_in_two_sections_is_not_a_duplicate():
    entry = (
        "Hope Line (young suicide prevention)\n"
        "Web: www.hopeline.example.org\n"
        "Tel: 0808 157 0111\n"
        "A confidential support and advice service for:\n"
        "young people under 35 who may be having thoughts of suicide\n"
        "anyone concerned about a young person\n"
    )
    assert "duplicate-section" not in codes(run("Mental health\n" + entry + "Bullying\n" + entry))


def test_numbers_a_digit_apart_for_the_school_are_inconsistent():
    text = (
        "The Headteacher is: Mrs Ada Fenn\nTelephone: 0113 496 0100\n"
        "The DSL is: Mr Eli Gray\nTelephone: 0113 496 0100\n"
        "The Chair of Governors is: Mrs Ivy Holt\nTelephone: 0114 496 0100\n"
    )
    (finding,) = findings(run(text), "phone-inconsistent")
    assert finding["excerpt"] == "0114 496 0100"


def test_direct_lines_of_one_switchboard_are_not_inconsistent():
    text = (
        "The Headteacher is: Mrs Ada Fenn\nTelephone: 0113 496 0101\n"
        "The DSL is: Mr Eli Gray\nTelephone: 0113 496 0109\n"
    )
    assert "phone-inconsistent" not in codes(run(text))


def test_a_complete_offer_has_nothing_missing():
    assert "missing-required" not in codes(run(COMPLETE))


def test_each_missing_required_item_is_named():
    messages = [
        f["message"] for f in findings(run("Riverside Primary School offer.\n"), "missing-required")
    ]
    assert len(messages) == 4
    assert any("Designated Safeguarding Lead" in m for m in messages)
    assert any("deputy" in m for m in messages)
    assert any("front door" in m for m in messages)
    assert any("999" in m for m in messages)


def test_every_excerpt_is_verbatim(excerpt_in):
    text = (
        COMPLETE + "Line 0845 601 123\nEmail help@org.uk\n[Broken](#)\nDate of review: May 2020\n"
    )
    excerpt_in(run(text), text)


def test_rows_printed_over_and_over_by_a_conversion_are_one_duplicate():
    garble = (
        "DDNs are drug dealing gangs who target vulnerable people in order to set up networks. "
        "These criminals use extreme violence to establish a presence in the area. "
        "Early intervention and intelligence are key to safeguard and protect the vulnerable. "
    )
    text = COMPLETE + "Drug networks\n" + "".join(garble * (i % 3 + 1) + "\n" for i in range(6))
    (finding,) = findings(run(text), "duplicate-section")
    assert "appears" in finding["message"]


def test_a_stock_sentence_used_across_a_long_offer_is_not_a_duplicate():
    stock = "Parents can self-refer to this service or the school can make a referral for you."
    sections = [
        f"Service {i}\n{stock}\n" + "Other words about this service. " * 60 for i in range(5)
    ]
    assert "duplicate-section" not in codes(run(COMPLETE + "\n".join(sections)))


def test_a_date_of_birth_is_not_a_review_date():
    assert run("Date of birth: 3 May 2012\n")["reviewed_on"] is None
