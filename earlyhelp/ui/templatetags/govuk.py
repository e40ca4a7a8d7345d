"""Template helpers for GOV.UK Frontend markup, phones and dates (loaded everywhere).

The component layer: a page writes `{% govuk_back_link href "Text" %}`, `{% error_prefix form %}`
in its title, `{% govuk_button "Text" %}`, `{% govuk_summary_row "Key" value %}` and
`{% govuk_notification_banner "Title" "Heading" %}` instead of copying their markup.
"""

from datetime import date, datetime

from django import forms, template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString

from earlyhelp.lib import datefmt, phones

register = template.Library()


@register.filter
def phone_display(number: str) -> str:
    return phones.format_for_display(number) if number else ""


@register.simple_tag
def phone_link(number: str, label: str = "") -> SafeString:
    """A `tel:` link in E.164 whose text is the number as people write it."""
    if not number:
        return SafeString("")
    shown = phones.format_for_display(number)
    text = f"{label} {shown}".strip() if label else shown
    return format_html('<a class="govuk-link" href="tel:{}">{}</a>', number, text)


@register.filter
def govuk_date(value: date | datetime | str | None) -> str:
    """`2026-11-24` → `24 November 2026` (GOV.UK style)."""
    return datefmt.govuk_date(value)


@register.filter
def govuk_datetime(value: datetime | str | None) -> str:
    """A moment → `24 November 2026 at 2:15pm` (GOV.UK style, UK time)."""
    return datefmt.govuk_date(value, with_time=True)


@register.filter
def checked_ago(value: date | str | None) -> str:
    """ "Checked 12 days ago" (or "Checked on 4 March 2026"): see `datefmt.checked_words`."""
    return datefmt.checked_words(value)


@register.simple_tag
def govuk_back_link(*href: object, text: str = "Back") -> SafeString:
    """GOV.UK back link, for the page's `before_content` block. The href is the parts given,
    joined: `{% govuk_back_link search_url "?" query text="Back to results" %}`."""
    joined = "".join(str(part) for part in href)
    return format_html('<a href="{}" class="govuk-back-link">{}</a>', joined, text)


@register.simple_tag
def error_prefix(*sources: object) -> str:
    """ "Error: " for the page title when any form (or list of problems) given has errors."""
    for source in sources:
        if isinstance(source, forms.BaseForm):
            if source.is_bound and source.errors:
                return "Error: "
        elif source:
            return "Error: "
    return ""


@register.simple_tag
def govuk_button(
    text: str, *, name: str = "", value: str = "", secondary: bool = False, warning: bool = False
) -> SafeString:
    """A GOV.UK submit button (secondary or warning on request)."""
    kind = " govuk-button--secondary" if secondary else " govuk-button--warning" if warning else ""
    named = format_html(' name="{}" value="{}"', name, value) if name else ""
    return format_html(
        '<button type="submit" class="govuk-button{}" data-module="govuk-button"{}>{}</button>',
        kind,
        named,
        text,
    )


@register.inclusion_tag("ui/summary_row.html")
def govuk_summary_row(
    key: str,
    value: object,
    *,
    href: str = "",
    action: str = "Change",
    hidden: str = "",
    no_actions: bool = False,
) -> dict[str, object]:
    """One row of a GOV.UK summary list, with an optional action link (`no_actions=True` for
    a row without one in a list whose other rows have one)."""
    return {
        "key": key,
        "value": value,
        "href": href,
        "action": action,
        "hidden": hidden or key,
        "no_actions": no_actions,
    }


@register.inclusion_tag("ui/notification_banner.html")
def govuk_notification_banner(
    title: str, heading: object, *, id: str, number: int | None = None, success: bool = False
) -> dict[str, object]:
    """A GOV.UK notification banner ("Important", or "Success" with `success=True`); its id
    is `id`, or `id-number` for one of several (messages in a loop)."""
    named = id if number is None else f"{id}-{number}"
    return {"title": title, "heading": heading, "id": named, "success": success}


@register.simple_tag
def govuk_field(field: forms.BoundField, **options: object) -> SafeString:
    """Render one form field as a GOV.UK form group, with its label, hint and error."""
    widget = field.field.widget
    kind = _kind(widget)
    context = {
        "field": field,
        "kind": kind,
        "options": options,
        "error_id": f"{field.auto_id}-error",
        "hint_id": f"{field.auto_id}-hint",
        "parts": _date_parts(field) if kind == "date" else [],
    }
    # Our own template, autoescaped as it rendered.
    return SafeString(render_to_string(f"govuk/fields/{kind}.html", context))  # nosec B703


def _date_parts(field: forms.BoundField) -> list[dict[str, str]]:
    """The day, month and year boxes, each with its own id for its label."""
    widget = field.field.widget
    assert isinstance(widget, forms.MultiWidget)
    value = field.value()
    values = (
        list(value) if isinstance(value, list | tuple) else list(widget.decompress(value) or [])
    )
    suffixes: list[str] = getattr(widget, "widgets_names", ["_0", "_1", "_2"])
    parts = []
    for index, label in enumerate(("Day", "Month", "Year")):
        box_id = f"{field.auto_id}_{index}"
        name = f"{field.html_name}{suffixes[index]}"
        box = values[index] if index < len(values) else None
        html = widget.widgets[index].render(name, box, attrs={"id": box_id})
        parts.append({"id": box_id, "label": label, "html": html})
    return parts


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    return "input"


_GROUPED = (forms.MultiWidget, forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_: forms.BaseForm) -> dict[str, object]:
    errors = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for name, messages in form.errors.items():
            anchor = f"#{form[name].auto_id}" if name in form.fields else "#main-content"
            if name in form.fields and isinstance(form.fields[name].widget, _GROUPED):
                anchor = f"#{form[name].auto_id}_0"  # the first box or radio of a group
            errors += [{"href": anchor, "text": message} for message in messages]
    return {"errors": errors}
