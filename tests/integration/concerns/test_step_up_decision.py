"""A "Step up to the front door" decision on a concern is a referral to the local authority:
the DSL sees a confirmation, and the authority's list of children referred shows the child
the concern is about (not a witness)."""

from django.urls import reverse

from earlyhelp.casework.models import Referral
from earlyhelp.concerns.models import Part
from tests.concerns_universe import log, signed_in

LA_LIST = reverse("casework_la:overview", args=["testshire"])


def test_a_step_up_decision_is_confirmed_and_reaches_the_las_list(client, universe, roll):
    concern = log(universe.tom, roll.amy, (roll.cara, Part.WITNESS))
    signed_in(client, universe.dee)
    url = f"/staff/schools/northfield-primary/concerns/{concern.pk}/triage/"
    response = client.post(
        url, {"outcome": "step_up", "reason": "Bruises and a disclosure."}, follow=True
    )
    page = response.content.decode()
    assert f"Decision on concern {concern.pk} recorded: Step up to the front door." in page
    referral = Referral.objects.get()
    assert (referral.pupil, referral.local_authority) == (roll.amy, universe.county)
    assert referral.summary == "Bruises and a disclosure."
    signed_in(client, universe.lara)
    listed = client.get(LA_LIST).content.decode()
    assert "Amy Bell" in listed and "Northfield Primary, referred" in listed
    assert "Cara Dunn" not in listed  # a witness is not referred


def test_other_decisions_refer_nobody(client, universe, roll):
    concern = log(universe.tom, roll.amy)
    signed_in(client, universe.dee)
    url = f"/staff/schools/northfield-primary/concerns/{concern.pk}/triage/"
    client.post(url, {"outcome": "monitor", "reason": "Watch at lunch."})
    assert not Referral.objects.exists()
