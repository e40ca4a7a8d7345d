"""The demo's casework: a roll per school and a full inbox with concerns at every stage."""

from collections import Counter

from earlyhelp.concerns.models import Concern, Outcome, Source, Status, TriageDecision
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.upn import is_valid_upn
from earlyhelp.schools.models import School


def test_each_demo_school_has_a_roll_and_a_full_inbox(demo):
    schools = list(School.objects.all())
    assert len(schools) == 3
    for school in schools:
        pupils = Pupil.objects.filter(school=school)
        assert pupils.count() == 30
        assert all(is_valid_upn(p.upn) for p in pupils)
        concerns = Concern.objects.filter(school=school)
        new = concerns.filter(status=Status.NEW)
        assert {c.source for c in new} == {
            Source.STAFF,
            Source.PUPIL_MESSAGE,
            Source.PARENT_REQUEST,
        }
        outcomes = {d.outcome for d in TriageDecision.objects.filter(concern__school=school)}
        assert outcomes == set(Outcome.values)
        subjects = Counter(
            (link.pupil_id, c.raised_by_id)
            for c in concerns.filter(source=Source.STAFF)
            for link in c.links.all()
        )
        by_child = Counter(pupil for pupil, _ in subjects)
        assert any(count >= 2 for count in by_child.values())  # the pattern
