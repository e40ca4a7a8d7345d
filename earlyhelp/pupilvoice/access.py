"""The one check for each pupil voice object a member of staff opens.

Sessions and questions hold no child's data (answers are anonymous), but they are a
school's own: 404 for another school, 403 without the permission (`schools.access`).
"""

from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.pupilvoice.models import VoiceQuestion, VoiceSession
from earlyhelp.schools.access import get_school_for_user


def get_session_for_user(user: User, school_slug: str, session_id: int) -> VoiceSession:
    school = get_school_for_user(user, school_slug, Permission.RUN_PUPIL_VOICE)
    session = VoiceSession.objects.filter(pk=session_id, school=school).first()
    if session is None:
        raise Http404("No such session")
    session.school = school
    return session


def get_question_for_user(user: User, school_slug: str, question_id: int) -> VoiceQuestion:
    school = get_school_for_user(user, school_slug, Permission.MANAGE_PUPIL_VOICE)
    question = VoiceQuestion.objects.filter(pk=question_id, school=school).first()
    if question is None:
        raise Http404("No such question")
    question.school = school
    return question
