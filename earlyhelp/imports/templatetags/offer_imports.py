"""`{% waiting_import school as run %}`: the school's import waiting for review, if any."""

from django import template

from earlyhelp.imports import words
from earlyhelp.imports.models import ImportRun, RunStatus
from earlyhelp.imports.text import plain
from earlyhelp.schools.models import KeyRole, School

register = template.Library()


@register.simple_tag
def waiting_import(school: School) -> ImportRun | None:
    return ImportRun.objects.filter(school=school, status=RunStatus.WAITING).first()


@register.filter
def finding_title(code: str) -> str:
    """`{{ finding.code|finding_title }}`: the kind of problem in words, never the code."""
    return words.finding_title(code)


@register.filter
def plain_excerpt(excerpt: str) -> str:
    """`{{ finding.excerpt|plain_excerpt }}`: the document's words without Markdown or HTML."""
    return plain.plain_excerpt(excerpt)


# Staff know these two by their initials; every other role is read in KeyRole's words.
SHORT_ROLE_NAMES: dict[str, str] = {KeyRole.DSL: "DSL", KeyRole.DEPUTY_DSL: "Deputy DSL"}


@register.filter
def role_names(roles: list[str]) -> str:
    """`["deputy_headteacher", "dsl"]` → "Deputy headteacher, DSL" (never the codes)."""
    return ", ".join(role_name(role) for role in roles)


def role_name(role: str) -> str:
    if role in SHORT_ROLE_NAMES:
        return SHORT_ROLE_NAMES[role]
    if role in KeyRole.values:
        return str(KeyRole(role).label)
    return role.replace("_", " ").capitalize()
