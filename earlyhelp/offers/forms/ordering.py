"""One form to put a list in a new order: a position number for each item (no JavaScript)."""

from typing import Any

from django import forms

from earlyhelp.ui.forms import GovukForm


class ReorderForm(GovukForm):
    """`items` are (id, name) in their current order; `order()` gives the ids in the new one.

    Two items given the same number keep their old order, except that an item whose number
    was changed goes before one left as it was ("move this to 1" puts it first).
    """

    def __init__(self, *args: Any, items: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        count = len(items)
        for index, (item_id, name) in enumerate(items, start=1):
            field = forms.IntegerField(
                label=f"Position of {name}",
                min_value=1,
                max_value=count,
                initial=index,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "numeric",
                        "class": "govuk-input govuk-input--width-2",
                        "spellcheck": "false",
                    }
                ),
                error_messages={
                    "required": f"Enter a position for {name}",
                    "invalid": f"Enter the position of {name} as a number, like 3",
                    "min_value": f"The position of {name} must be 1 or more",
                    "max_value": f"The position of {name} must be {count} or less",
                },
            )
            self.fields[self.field_name(item_id)] = field

    @staticmethod
    def field_name(item_id: int) -> str:
        return f"position-{item_id}"

    def rows(self) -> list[tuple[int, str, forms.BoundField]]:
        return [(item_id, name, self[self.field_name(item_id)]) for item_id, name in self.items]

    def order(self) -> list[int]:
        def rank(indexed: tuple[int, tuple[int, str]]) -> tuple[int, int, int]:
            index, (item_id, _) = indexed
            typed: int = self.cleaned_data[self.field_name(item_id)]
            return typed, 0 if typed != index + 1 else 1, index

        return [item_id for _, (item_id, _) in sorted(enumerate(self.items), key=rank)]
