"""Every refusal is an ActionError, and a page shows its message as a GOV.UK error."""

import pytest
from django.urls import reverse

from earlyhelp.casework.actions import errors as casework_errors
from earlyhelp.concerns.actions import ReasonRequiredError, WrongSchoolError
from earlyhelp.dataprotection.actions import LegalHoldError, StillOnRollError
from earlyhelp.lib.concurrency import StaleEdit
from earlyhelp.lib.errors import ActionError, WrongStateError
from tests.early_help_universe import open_with_consent, sign_in

pytestmark = pytest.mark.django_db

REFUSALS = [
    WrongStateError,
    casework_errors.WrongStateError,
    casework_errors.ConsentRequiredError,
    casework_errors.OpenActionsError,
    casework_errors.TermDatesError,
    casework_errors.OverlappingTermError,
    casework_errors.ReviewIntervalError,
    ReasonRequiredError,
    WrongSchoolError,
    LegalHoldError,
    StillOnRollError,
    StaleEdit,
]


@pytest.mark.parametrize("refusal", REFUSALS)
def test_every_refusal_is_an_action_error(refusal):
    assert issubclass(refusal, ActionError)


def test_there_is_one_wrong_state_error():
    assert casework_errors.WrongStateError is WrongStateError


def test_a_wrong_state_refusal_shows_on_the_page(client, universe, children):
    ava = children.ava
    open_with_consent(ava, universe.dee)
    sign_in(client, universe.dee)
    page = reverse("children:early-help-level", args=[ava.school.slug, ava.pk])
    response = client.post(page, {"level": "2", "reason": "No change really."})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "The level of need is already 2." in html
