"""The editor reads phone numbers with libphonenumber: letters and 999 refused, extensions
kept and shown wherever families read the number (issue 12)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from earlyhelp.directory.models import Service
from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.schools.models import KeyPerson
from tests.integration.editor.support import html, offer_of, row_counts, url
from tests.integration.editor.test_provision import provision_form
from tests.unit.offers.pdf_checks import page_texts


def test_letters_in_a_number_are_refused_never_turned_into_digits(ed, universe):
    before = row_counts()
    page = html(ed.post(url("provision-add"), provision_form(phone="01905 CALL ME")))
    assert "<title>Error:" in page
    assert "Enter the phone number in digits, like 01905 822666" in page
    assert "01905 225563" not in page
    assert row_counts() == before


def test_999_is_refused_as_the_provisions_own_number(ed, universe):
    before = row_counts()
    page = html(ed.post(url("provision-add"), provision_form(phone="999")))
    assert "This is an emergency number; enter the phone number of the support itself" in page
    assert row_counts() == before


def test_101_is_refused_as_the_provisions_own_number(ed, universe):
    page = html(ed.post(url("provision-add"), provision_form(phone_2="101")))
    assert "101 is the police non-emergency number" in page
    assert not Service.objects.filter(name="Listening and talking").exists()


def test_999_is_refused_as_a_key_persons_own_number(ed, universe):
    form = {"name": "Ann Other", "job_title": "", "roles": ["pastoral_lead"], "email": ""}
    page = html(ed.post(url("person-add"), {**form, "phone": "999"}))
    assert "This is an emergency number; enter the phone number of this person itself" in page


def test_an_extension_is_kept_and_shown_on_the_offer_and_in_the_directory(ed, client, universe):
    response = ed.post(url("provision-add"), provision_form(phone="01905 225563 ext 2"))
    assert response.status_code == 302
    service = Service.objects.get(name="Listening and talking")
    phone = service.phones.get()
    assert (phone.number, phone.extension) == ("+441905225563", "2")
    assert 'value="01905 225563 extension 2"' in html(ed.get(url("provision", service.pk)))
    publish_offer(
        by=None,
        offer=offer_of(universe.northfield),
        review_due=timezone.localdate() + timedelta(days=90),
    )
    offer_page = html(client.get(reverse("offers:offer", args=["northfield-primary"])))
    assert "01905 225563 extension 2" in offer_page
    assert 'href="tel:+441905225563;ext=2"' in offer_page
    directory_page = html(client.get(reverse("directory:service", args=[service.pk])))
    assert "01905 225563 extension 2" in directory_page


def test_x2_and_extension_2_are_read_as_the_same_extension(ed, universe):
    ed.post(url("provision-add"), provision_form(phone="01905 225563 x2"))
    ed.post(
        url("provision-add"),
        provision_form(name="Second", phone="01905 225563 extension 2", email=""),
    )
    extensions = Service.objects.filter(name__in=["Listening and talking", "Second"]).values_list(
        "phones__extension", flat=True
    )
    assert list(extensions) == ["2", "2"]


PERSON = {"name": "Ann Other", "job_title": "", "roles": ["pastoral_lead"], "email": ""}


def test_a_key_persons_extension_is_kept_and_shown_on_the_offer_and_in_its_pdf(
    ed, client, universe, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    response = ed.post(url("person-add"), {**PERSON, "phone": "01905 123456 ext 204"})
    assert response.status_code == 302
    person = KeyPerson.objects.get(name="Ann Other")
    assert (person.phone, person.phone_extension) == ("+441905123456", "204")
    assert 'value="01905 123456 extension 204"' in html(ed.get(url("person", person.pk)))
    assert "01905 123456 extension 204" in html(ed.get(url("overview")))
    publish_offer(
        by=None,
        offer=offer_of(universe.northfield),
        review_due=timezone.localdate() + timedelta(days=90),
    )
    offer_page = html(client.get(reverse("offers:offer", args=["northfield-primary"])))
    assert (
        '<a class="govuk-link" href="tel:+441905123456;ext=204">01905 123456 extension 204</a>'
        in (offer_page)
    )
    pdf = client.get(reverse("offers:offer-pdf", args=["northfield-primary"])).content
    assert "01905 123456 extension 204" in " ".join(" ".join(page_texts(pdf)).split())


def test_a_key_person_saved_without_a_number_keeps_no_extension(ed, universe):
    ed.post(url("person-add"), {**PERSON, "phone": "01905 123456 ext 204"})
    person = KeyPerson.objects.get(name="Ann Other")
    assert ed.post(url("person", person.pk), {**PERSON, "phone": ""}).status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.phone_extension) == ("", "")
