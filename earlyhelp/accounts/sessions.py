"""Idle and absolute session limits, kept in the session itself (server-side).

A session ends after SESSION_IDLE_TIMEOUT seconds without a request (15 minutes) and
SESSION_ABSOLUTE_TIMEOUT after sign-in (12 hours), whichever comes first. The staff pages'
warning dialog (static/accounts/session-timeout.js) asks `seconds_left` before it opens.
"""

import time
from enum import StrEnum

from django.conf import settings
from django.http import HttpRequest

LAST_ACTIVITY = "eh_last_activity"
SIGNED_IN_AT = "eh_signed_in_at"
SIGNED_OUT_REASON = "eh_signed_out_reason"
TOUCH_GRANULARITY = 15  # seconds


class Expiry(StrEnum):
    IDLE = "idle"
    ABSOLUTE = "absolute"


def expiry(request: HttpRequest) -> Expiry | None:
    """Why this signed-in session has run out, or None while it is still good."""
    now = time.time()
    session = request.session
    if now - float(session.get(SIGNED_IN_AT, now)) > settings.SESSION_ABSOLUTE_TIMEOUT:
        return Expiry.ABSOLUTE
    if now - float(session.get(LAST_ACTIVITY, now)) > settings.SESSION_IDLE_TIMEOUT:
        return Expiry.IDLE
    return None


def start(request: HttpRequest) -> None:
    """The clocks start at sign-in (Django keeps session data across a new sign-in)."""
    request.session[SIGNED_IN_AT] = request.session[LAST_ACTIVITY] = time.time()


def touch(request: HttpRequest, *, force: bool = False) -> None:
    """Record activity now (each request of a signed-in user, and "Stay signed in").

    To spare a session write on every request, activity within TOUCH_GRANULARITY seconds
    of the last record is not written: the limit may end that much early, never late.
    """
    now = time.time()
    session = request.session
    if SIGNED_IN_AT not in session:
        session[SIGNED_IN_AT] = now
    if force or now - float(session.get(LAST_ACTIVITY, 0)) >= TOUCH_GRANULARITY:
        session[LAST_ACTIVITY] = now


def seconds_left(request: HttpRequest) -> int:
    """Seconds until the session ends if nothing else happens."""
    now = time.time()
    session = request.session
    idle_end = float(session.get(LAST_ACTIVITY, now)) + settings.SESSION_IDLE_TIMEOUT
    absolute_end = float(session.get(SIGNED_IN_AT, now)) + settings.SESSION_ABSOLUTE_TIMEOUT
    return max(0, int(min(idle_end, absolute_end) - now))


def signed_out_message(reason: str | None) -> str | None:
    if reason == Expiry.IDLE:
        minutes = settings.SESSION_IDLE_TIMEOUT // 60
        return f"You were signed out because you were inactive for {minutes} minutes."
    if reason == Expiry.ABSOLUTE:
        hours = settings.SESSION_ABSOLUTE_TIMEOUT // 3600
        return f"You were signed out because you had been signed in for {hours} hours."
    return None
