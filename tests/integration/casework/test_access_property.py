"""Property: over random people, roles, schools, children and concerns, nobody reads another
school's child, and every successful view of a child's record leaves exactly one access event.
"""

from django.http import Http404
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import SCHOOL_ROLES, Role
from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED, get_child_for_user
from earlyhelp.concerns.access import get_concern_for_user
from earlyhelp.concerns.models import Concern, Part
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import LocalAuthority, School
from tests.concerns_universe import add_pupils, log, pupil_row, signed_in
from tests.universe import make_county, make_school, make_user

SAFEGUARDING = {Role.DSL, Role.DEPUTY_DSL}
PAGES = ["", "chronology/", "who-has-looked/"]
people = st.lists(st.tuples(st.sampled_from(sorted(SCHOOL_ROLES)), st.integers(0, 2)), max_size=3)


class ChildAccessProperty(TestCase):
    county: LocalAuthority
    schools: list[School]
    pupils: list[Pupil]
    concerns: list[Concern]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.county = make_county()
        cls.schools = [make_school(cls.county, f"School {n}") for n in range(3)]
        cls.pupils = []
        cls.concerns = []
        for n, school in enumerate(cls.schools):
            rows = [pupil_row(10 * n + k, f"Child{n}{k}", f"Family{n}") for k in range(2)]
            pupils = add_pupils(school, rows)
            cls.pupils += pupils
            raiser = make_user(f"raiser{n}", "Rae", f"Ser{n}")
            grant_role(by=None, user=raiser, role=Role.STAFF, school=school)
            cls.concerns.append(log(raiser, pupils[0], (pupils[1], Part.WITNESS)))

    @settings(max_examples=50, deadline=None)
    @given(
        roles=people,
        la_officer=st.booleans(),
        pupil_index=st.integers(0, 5),
        concern_index=st.integers(0, 2),
        page=st.sampled_from(PAGES),
        via_school=st.integers(0, 2),
    )
    def test_no_read_across_schools_and_one_event_per_view(
        self, roles, la_officer, pupil_index, concern_index, page, via_school
    ):
        user = make_user("someone", "Some", "One")
        for role, school_index in set(roles):
            grant_role(by=None, user=user, role=role, school=self.schools[school_index])
        if la_officer:
            grant_role(by=None, user=user, role=Role.LA_OFFICER, local_authority=self.county)
        team_at = {self.schools[i].pk for r, i in roles if r in SAFEGUARDING}
        pupil = self.pupils[pupil_index]
        may_see = pupil.school_id in team_at

        try:
            found = get_child_for_user(user, pupil.pk, page="property")
            assert may_see and found.school_id in team_at
        except Http404:
            assert not may_see

        concern = self.concerns[concern_index]
        try:
            seen = get_concern_for_user(user, concern.pk)
            assert seen.school_id in team_at
        except Http404:
            assert concern.school_id not in team_at

        client = signed_in(Client(), user)
        before = AuditEvent.objects.filter(action=VIEWED).count()
        slug = self.schools[via_school].slug
        response = client.get(f"/staff/schools/{slug}/children/{pupil.pk}/{page}")
        new = list(AuditEvent.objects.filter(action=VIEWED).order_by("id")[before:])
        if response.status_code == 200:
            assert may_see and pupil.school.slug == slug
            assert [e.object_id for e in new] == [str(pupil.pk)]
            assert new[0].actor_id == str(user.pk)
        else:
            assert response.status_code in {403, 404}
            assert new == []
            assert not (may_see and pupil.school.slug == slug)
