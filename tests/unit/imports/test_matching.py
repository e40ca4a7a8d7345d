"""Match before create: which directory record an imported service already is (no database)."""

import pytest

from earlyhelp.imports.matching import names
from earlyhelp.imports.matching.domains import is_shared_host, registrable_domain, url_key
from earlyhelp.imports.matching.rules import Record, match_services
from earlyhelp.imports.result import Contacts, Service


def found(name: str, phones=(), emails=(), urls=()) -> Service:
    return Service(name, contacts=Contacts(list(phones), list(emails), list(urls)))


QUIET = Record(
    pk=1,
    name="Quiet Minds",
    scope="local",
    phones=("+448081570111",),
    emails=("help@quietminds.org.uk",),
    urls=("https://www.quietminds.org.uk",),
)


def only(service: Service, *records: Record):
    return match_services([service], list(records))[0]


def test_the_same_phone_number_links_to_the_record():
    match = only(found("Quiet Mind Helpline", phones=["+448081570111"]), QUIET)
    assert match is not None and match.record == QUIET
    assert [e.field for e in match.evidence] == ["phone"]


def test_the_same_email_links_to_the_record_whatever_its_case():
    match = only(found("QM", emails=["Help@QuietMinds.org.uk"]), QUIET)
    assert match is not None and match.evidence[0].field == "email"


def test_the_same_web_domain_links_to_the_record():
    match = only(found("Talk to us", urls=["http://quietminds.org.uk/parents"]), QUIET)
    assert match is not None
    assert {e.field for e in match.evidence} == {"domain"}


def test_a_close_name_links_to_the_record():
    match = only(found("Quiet Minds (QM)"), QUIET)
    assert match is not None and match.evidence[0].field == "name"
    assert only(found("The quiet mind"), QUIET) is not None  # small words, plurals


def test_a_different_name_with_no_shared_contact_is_new():
    assert only(found("Loud Hearts", phones=["+448081570222"]), QUIET) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/quietmindscharity",
        "https://www.gov.uk/mental-health-help",
        "https://www.nhs.uk/mental-health",
    ],
)
def test_a_shared_host_is_not_a_match_on_its_own(url):
    record = Record(
        pk=2,
        name="Calm Space",
        scope="national",
        urls=(
            "https://www.facebook.com/calm",
            "https://www.gov.uk/calm",
            "https://www.nhs.uk/calm",
        ),
    )
    assert only(found("Quiet Minds Support", urls=[url]), record) is None


def test_a_domain_two_records_share_is_not_a_match_on_its_own():
    council = "https://www.testshire.gov.uk"
    first = Record(pk=3, name="Family Hubs", scope="local", urls=(f"{council}/hubs",))
    second = Record(pk=4, name="Short Breaks", scope="local", urls=(f"{council}/breaks",))
    assert only(found("Parenting courses", urls=[f"{council}/parenting"]), first, second) is None
    # ...but it adds weight to a name
    match = only(found("Family hubs", urls=[f"{council}/hubs-page"]), first, second)
    assert match is not None and match.record == first


def test_emergency_numbers_are_not_a_match():
    police = Record(pk=5, name="Testshire Police", scope="local", phones=("999", "101"))
    assert only(found("Hate crime reporting", phones=["999", "101"]), police) is None


def test_the_best_scoring_record_wins_and_two_services_may_share_one():
    karma = Record(pk=6, name="Karma Nirvana", scope="national", phones=("+448005999247",))
    other = Record(pk=7, name="Honour Network", scope="local", phones=("+441134960999",))
    services = [
        found("Honour Network helpline", phones=["+448005999247"]),
        found("Karma Nirvana", phones=["+448005999247"]),
    ]
    helpline, charity = match_services(services, [karma, other])
    assert helpline is not None and helpline.record == karma  # by its number alone
    assert [d.field for d in helpline.disagreements] == ["name"]  # so the person can unlink
    assert charity is not None and charity.record == karma


def test_disagreements_are_kept_per_field():
    match = only(
        found(
            "Quiet Minds (QM) Helpline",
            phones=["+448457678000"],
            emails=["help@quietminds.org.uk"],
            urls=["http://quietminds.org.uk/"],
        ),
        QUIET,
    )
    assert match is not None
    differences = {d.field: (d.document, d.directory) for d in match.disagreements}
    assert differences == {
        "phone": (("+448457678000",), ("+448081570111",)),
        "name": (("Quiet Minds (QM) Helpline",), ("Quiet Minds",)),
    }


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.hacw.nhs.uk/a-z", "hacw.nhs.uk"),
        ("https://www.nhs.uk/conditions", "nhs.uk"),
        ("http://www.worcestershire.gov.uk/info/1", "worcestershire.gov.uk"),
        ("https://www.gov.uk/forced-marriage", "gov.uk"),
        ("https://assets.publishing.service.gov.uk/x.pdf", "service.gov.uk"),
        ("https://www.yss.org.uk/divert", "yss.org.uk"),
        ("kooth.com", "kooth.com"),
    ],
)
def test_registrable_domain(url, domain):
    assert registrable_domain(url) == domain


def test_shared_hosts_are_data():
    assert is_shared_host("facebook.com") and is_shared_host("gov.uk")
    assert not is_shared_host("samaritans.org")


def test_url_key_ignores_scheme_www_case_and_end_slash():
    assert url_key("http://WWW.Sane.org.uk/") == url_key("https://www.sane.org.uk")


def test_name_similarity_is_token_set_with_a_threshold():
    assert names.similarity("West Mercia Women’s Aid", "west mercia womens aid") == 1
    assert names.similarity("Relate Worcestershire", "Relate") < names.CLOSE
    assert names.similarity("PACE (Parents Against Child Exploitation)", "PACE") == 1
    assert names.similarity("National Stalking Helpline", "National Domestic Abuse Helpline") < 0.5
