"""The evaluation's matching: sets for contacts, nearness for findings, fuzzy service names."""

from earlyhelp.__main__ import with_command_alias
from earlyhelp.imports.evaluation.scoring import score_document, similarity

TEXT = "Intro line.\nSANE 0845 601 123 here.\nLater: help@org.uk and more text.\n"


def extraction(**parts):
    base: dict[str, object] = {
        "school": {},
        "reviewed_on": None,
        "people": [],
        "services": [],
        "findings": [],
    }
    return {**base, **parts}


def test_contacts_are_scored_as_sets_over_people_and_services():
    found = extraction(services=[{"name": "A", "phones": ["+441134960123", "999"], "topics": []}])
    gold = extraction(
        people=[{"role": "dsl", "name": "X", "phones": ["+441134960123"], "emails": []}]
    )
    phones = score_document(found, gold, TEXT)["phones"]
    assert (phones.tp, phones.fp, phones.fn) == (1, 1, 0)
    assert phones.precision == 0.5 and phones.recall == 1.0


def test_people_match_on_role_and_name_whatever_the_case_or_punctuation():
    found = extraction(people=[{"role": "dsl", "name": "jo o’neill", "phones": [], "emails": []}])
    gold = extraction(people=[{"role": "dsl", "name": "Jo O'Neill", "phones": [], "emails": []}])
    assert score_document(found, gold, TEXT)["people"].tp == 1


def test_findings_match_by_code_and_a_nearby_excerpt():
    near = {"code": "phone-invalid", "excerpt": "0845 601 123"}
    far = {"code": "email-invalid", "excerpt": "Intro line."}
    gold = extraction(
        findings=[
            {"code": "phone-invalid", "excerpt": "SANE 0845 601"},
            {"code": "email-invalid", "excerpt": "help@org.uk"},
        ]
    )
    score = score_document(extraction(findings=[near, far]), gold, TEXT)["findings"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
    wrong_code = extraction(findings=[{"code": "url-invalid", "excerpt": "help@org.uk"}])
    assert score_document(wrong_code, gold, TEXT)["findings"].tp == 0


def test_service_names_match_fuzzily_and_topics_are_scored_on_matches():
    assert similarity("Samaritans", "Samaritans") == 1.0
    assert similarity("Kinship Carers", "Kinship Carers UK") >= 0.8
    assert similarity("Samaritans", "Mind") < 0.5
    found = extraction(services=[{"name": "Kidscape", "topics": ["bullying", "police"]}])
    gold = extraction(services=[{"name": "KidScape", "topics": ["bullying", "online-safety"]}])
    scores = score_document(found, gold, TEXT)
    assert scores["services"].tp == 1
    assert (scores["topics"].tp, scores["topics"].fp, scores["topics"].fn) == (1, 1, 1)


def test_hyphenated_command_names_run_the_underscored_commands():
    assert with_command_alias(["earlyhelp", "import-offer", "x.pdf", "--json"]) == [
        "earlyhelp",
        "import_offer",
        "x.pdf",
        "--json",
    ]
    assert with_command_alias(["earlyhelp", "--help"]) == ["earlyhelp", "--help"]
    assert with_command_alias(["earlyhelp", "migrate"]) == ["earlyhelp", "migrate"]
