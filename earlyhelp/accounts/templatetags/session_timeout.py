"""`{% session_timeout_warning %}`: the idle-limit notice and dialog on staff pages."""

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("accounts/includes/session_timeout.html", takes_context=True)
def session_timeout_warning(context: template.Context) -> dict[str, Any]:
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "csp_nonce": context.get("csp_nonce"),
        "session_idle_seconds": settings.SESSION_IDLE_TIMEOUT,
        "session_idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
        "session_warning_seconds": settings.SESSION_WARNING_BEFORE,
    }
