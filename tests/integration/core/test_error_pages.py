"""The 400 and 403 pages are the site's own, in its layout, not Django's plain defaults."""

from django.test import Client

ASK = "/schools/northfield-primary/ask-for-help/"


def test_a_bad_request_gets_the_sites_400_page(db):
    response = Client().get("/", HTTP_HOST="not-our-host.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Sorry, there is a problem with this request" in html
    assert 'class="govuk-footer' in html


def test_a_form_without_its_token_gets_the_sites_403_page(universe):
    response = Client(enforce_csrf_checks=True).post(ASK, {"message": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Sorry, your form could not be sent" in html and "Nothing was saved" in html
    assert 'class="govuk-footer' in html
