"""Typed reads of a valid form's cleaned values, for passing to an action as keywords.

`form.cleaned_data` is a `dict[str, Any]`: splatting it into an action (`**form.cleaned_data`)
lets mypy check nothing, and a renamed field fails only at run time. A view reads each value
with one of these instead, so the action call is typed; each checks the value's type.
"""

from datetime import date, datetime
from typing import Any

from django import forms


def _value(form: forms.BaseForm, name: str) -> Any:
    if not hasattr(form, "cleaned_data"):
        raise ValueError(f"{type(form).__name__} has not been validated")
    return form.cleaned_data[name]


def _checked[T](form: forms.BaseForm, name: str, kind: type[T], value: Any) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"{type(form).__name__}.{name} is {value!r}, not a {kind.__name__}")
    return value


def text(form: forms.BaseForm, name: str) -> str:
    """A text or choice field; an empty optional field reads as ""."""
    value = _value(form, name)
    return _checked(form, name, str, "" if value is None else value)


def number(form: forms.BaseForm, name: str) -> int:
    value = _value(form, name)
    if isinstance(value, bool):
        raise TypeError(f"{type(form).__name__}.{name} is a yes or no, not a number")
    return _checked(form, name, int, value)


def day(form: forms.BaseForm, name: str) -> date:
    value = _value(form, name)
    if isinstance(value, datetime):
        raise TypeError(f"{type(form).__name__}.{name} has a time, not only a date")
    return _checked(form, name, date, value)


def optional_day(form: forms.BaseForm, name: str) -> date | None:
    return None if _value(form, name) is None else day(form, name)


def optional[T](form: forms.BaseForm, name: str, kind: type[T]) -> T | None:
    """An optional choice of an object (a `ModelChoiceField`), or None."""
    value = _value(form, name)
    return None if value is None else _checked(form, name, kind, value)
