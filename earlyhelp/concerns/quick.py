"""The one-page concern form: the common case of one or a few pupils, each the subject.

The pupil is typed by name, with the school's roll inline as a `<datalist>` (the browser
suggests names as they are typed, no JavaScript needed), or ticked from a roll search on the
same page. A typed name is looked up on the roll: one match is that pupil; several are
offered as boxes to tick; none is an error. Date and time default to now. Rarer details
(where, who was told, attachments) are in a `<details>` on the same page; pupils with other
parts (an alleged harmer, a witness) use the longer form (`log.choose`, `log.details`).
"""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone

from earlyhelp.concerns.forms import ConcernForm
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.search import parse_ids, pupils_by_ids, search_pupils
from earlyhelp.schools.models import School

# A roll longer than this is not put inline: the search on the page finds the pupil instead.
ROLL_INLINE_MAX = 3000


def roll_label(pupil: Pupil) -> str:
    """How the roll names a pupil in the list of suggestions: unique enough to choose."""
    group = f", {pupil.registration_group}" if pupil.registration_group else ""
    return f"{pupil.display_name} ({pupil.get_year_group_display()}{group})"


def inline_roll(school: School) -> list[str]:
    """The school's roll as suggestions for the pupil's name, or none when it is too long."""
    pupils = Pupil.objects.filter(school=school, left_on__isnull=True).only(
        "preferred_name", "legal_first_name", "legal_last_name", "year_group", "registration_group"
    )
    found = list(pupils[: ROLL_INLINE_MAX + 1])
    return [] if len(found) > ROLL_INLINE_MAX else sorted(roll_label(p) for p in found)


def find_on_roll(school: School, typed: str) -> list[Pupil]:
    """The on-roll pupils a typed name means: the exact suggestion chosen, else the matches."""
    name = typed.split("(")[0].strip()
    matches = search_pupils(school, name)
    exact = [p for p in matches if roll_label(p).lower() == typed.strip().lower()]
    if exact:
        return exact
    same_name = [p for p in matches if p.display_name.lower() == name.lower()]
    return same_name or matches


class RollChoiceField(forms.TypedMultipleChoiceField):
    """Ticked pupil ids: one no longer offered (another school's, or left) is dropped by
    the form's `clean`, not reported as an invalid choice."""

    def valid_value(self, value: Any) -> bool:
        return True


class QuickConcernForm(ConcernForm):
    """What happened, and who to: the pupil by name or ticked from a search of the roll."""

    pupil = forms.CharField(
        label="Pupil’s name",
        help_text="Start typing and choose from the list, or type their full name",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"list": "roll", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    ticked = RollChoiceField(
        label="Pupils from the roll",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, school: School, offered: Sequence[Pupil] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, pupils=[], **kwargs)
        self.school = school
        self.chosen: list[Pupil] = []
        ticked = pupils_by_ids(school, parse_ids(",".join(self._ticked_ids())))
        self._offer([*ticked, *offered])
        if not self.is_bound:
            now = timezone.localtime()
            self.initial.setdefault("occurred_on", now.date())
            self.initial.setdefault("occurred_time", now.strftime("%H:%M"))

    def _ticked_ids(self) -> list[str]:
        getlist = getattr(self.data, "getlist", None)
        return [str(i) for i in getlist("ticked")] if getlist else []

    def _offer(self, pupils: Sequence[Pupil]) -> None:
        self.offered = list({p.pk: p for p in pupils}.values())
        field = self.fields["ticked"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(p.pk, roll_label(p)) for p in self.offered]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        by_id = {p.pk: p for p in self.offered}
        chosen = [by_id[i] for i in data.get("ticked") or [] if i in by_id]
        typed = (data.get("pupil") or "").strip()
        if typed:
            chosen += self._typed(typed, chosen)
        if not chosen and not self.has_error("pupil"):
            self.add_error("pupil", "Enter the pupil’s name")
        self.chosen = list({p.pk: p for p in chosen}.values())
        return data

    def _typed(self, typed: str, chosen: list[Pupil]) -> list[Pupil]:
        found = find_on_roll(self.school, typed)
        if len(found) == 1:
            return found
        if not found:
            self.add_error("pupil", f"No pupil on the roll is called “{typed}”: check the name")
            return []
        self._offer([*self.offered, *found])
        if not any(p.pk in {c.pk for c in chosen} for p in found):
            self.add_error(
                "pupil", f"More than one pupil is called “{typed}”: tick the right one below"
            )
        return []
