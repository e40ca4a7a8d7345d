"""The demo has a term of anonymous pupil voice answers in each school, one comment in each
DSL's inbox, a governor login per school and this half term's governors' report."""

from django.test import Client

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from earlyhelp.concerns.models import Concern
from earlyhelp.governance.models import GovernorsReport
from earlyhelp.pupilvoice.demo import WORRY
from earlyhelp.pupilvoice.models import VoiceResponse, VoiceSession
from earlyhelp.pupilvoice.results import class_results
from earlyhelp.schools.models import School
from tests.concerns_universe import signed_in


def test_every_demo_school_has_pupil_voice_results_over_time(demo):
    schools = School.objects.filter(pupils__isnull=False).distinct()
    assert schools.count() == 3
    for school in schools:
        sessions = VoiceSession.objects.filter(school=school)
        assert sessions.values("class_name").distinct().count() == 3
        assert sessions.count() >= 3 * 2
        results = class_results(school)
        shown = [c.yes_rate for row in results.rows for c in row.cells]
        assert any(rate is not None for rate in shown)
        inbox = [c.account for c in Concern.objects.filter(school=school)]  # encrypted text
        assert inbox.count(WORRY) == 1
        assert VoiceResponse.objects.filter(session__school=school, sent_to_dsl=True).count() == 1


def test_each_school_has_a_governor_and_a_report_for_this_half_term(demo, settings):
    for school in School.objects.filter(pupils__isnull=False).distinct():
        assert GovernorsReport.objects.filter(school=school).count() == 1
        governor = User.objects.get(memberships__school=school, memberships__role=Role.GOVERNOR)
        assert governor.username.endswith(".governor")
        page = signed_in(Client(), governor).get(f"/staff/schools/{school.slug}/governors-report/")
        assert page.status_code == 200
        assert "Pupil voice" in page.content.decode()
