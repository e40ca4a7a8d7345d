"""Every phone, email and web address the demo stores works as written."""

import tomllib
from decimal import Decimal
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from earlyhelp.accounts.models import User
from earlyhelp.demo.spec import DATA_DIR
from earlyhelp.directory.models import Contact, Phone, Service, Url
from earlyhelp.lib import phones
from earlyhelp.schools.models import KeyPerson, LocalAuthority, School


def stored_phones() -> list[str]:
    numbers = list(Phone.objects.values_list("number", flat=True))
    numbers += KeyPerson.objects.exclude(phone="").values_list("phone", flat=True)
    numbers += School.objects.exclude(phone="").values_list("phone", flat=True)
    for county in LocalAuthority.objects.all():
        numbers += [county.front_door_phone, county.out_of_hours_phone]
    return numbers


def costly_numbers_kept_on_purpose() -> set[str]:
    """Numbers a data file keeps although they cost more, each with its reason."""
    kept = set()
    for path in DATA_DIR.rglob("*.toml"):
        data = tomllib.loads(path.read_text())
        for entry in data.get("service", []) + data.get("support", []):
            for phone in entry.get("phones", []):
                if phone.get("costly_kept_because", "").strip():
                    kept.add(phones.normalise(phone["number"]))
    return kept


def test_no_stored_phone_is_invalid_or_costly_without_a_reason(demo):
    kept = costly_numbers_kept_on_purpose()
    numbers = stored_phones()
    assert len(numbers) > 50
    for number in numbers:
        parsed = phones.parse(number)  # raises InvalidPhone for a number that cannot work
        assert parsed.number == number, f"{number} is not stored normalised"
        assert not parsed.is_costly or number in kept, f"{number} costs more, with no reason"


def test_corrected_numbers_replace_the_seeds_wrong_ones(demo):
    numbers = set(stored_phones())
    assert "+443003047000" in numbers  # SANEline, for the seeds' "0845 767 800"
    assert "+443444775774" in numbers  # Anxiety UK, for "08444 775 774"
    assert "+448444775774" not in numbers
    assert "+441528832376" not in numbers  # St John's chair: a digit wrong in the seed
    assert not any(n.startswith("+441452") for n in numbers)  # Gloucestershire's SARC


def stored_emails() -> list[str]:
    emails = list(Service.objects.exclude(email="").values_list("email", flat=True))
    emails += Contact.objects.exclude(email="").values_list("email", flat=True)
    emails += KeyPerson.objects.exclude(email="").values_list("email", flat=True)
    emails += School.objects.exclude(email="").values_list("email", flat=True)
    emails += User.objects.values_list("email", flat=True)
    return emails


def test_every_email_is_well_formed_and_on_a_live_domain(demo):
    validate = EmailValidator()
    emails = stored_emails()
    assert "counter.extremism@education.gov.uk" in emails
    for email in emails:
        try:
            validate(email)
        except ValidationError:
            raise AssertionError(f"{email!r} is not a valid address") from None
        assert email == email.lower()
        assert not email.endswith(".gsi.gov.uk"), email


def stored_urls() -> list[str]:
    urls = list(Service.objects.exclude(url="").values_list("url", flat=True))
    urls += Url.objects.values_list("url", flat=True)
    urls += School.objects.exclude(website="").values_list("website", flat=True)
    urls += LocalAuthority.objects.exclude(front_door_url="").values_list(
        "front_door_url", flat=True
    )
    return urls


def test_every_url_is_well_formed_normalised_and_in_area(demo):
    validate = URLValidator(schemes=["http", "https"])
    urls = stored_urls()
    assert len(urls) > 80
    for url in urls:
        validate(url)
        parts = urlsplit(url)
        assert parts.scheme == parts.scheme.lower() and parts.netloc == parts.netloc.lower()
        assert not parts.path.endswith("/"), url
        assert not parts.fragment and not any(c.isspace() for c in url), url
        for out_of_area in ("gscb.org.uk", "onyourmindglos", "worcesterma.gov"):
            assert out_of_area not in url


def test_samaritans_is_open_24_hours_including_bank_holidays(demo):
    samaritans = Service.objects.get(name="Samaritans")
    assert list(samaritans.phones.values_list("number", flat=True)) == ["116123"]
    assert samaritans.terms.filter(code="open-bank-holidays").exists()
    schedule = samaritans.schedules.get()
    assert schedule.byday == "MO,TU,WE,TH,FR,SA,SU"
    assert schedule.opens_at == schedule.closes_at


def test_ages_stated_in_the_seeds_are_stored(demo):
    young_carers = Service.objects.get(name="Worcestershire Young Carers")
    assert (young_carers.minimum_age, young_carers.maximum_age) == (Decimal(7), Decimal(17))
