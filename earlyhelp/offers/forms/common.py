"""What the editor's forms share: limits, GOV.UK error wording, the levels in the school's words."""

from earlyhelp.offers.models import LevelChoices

TEXT_LIMIT = 10_000


def required_message(message: str) -> dict[str, str]:
    return {"required": message}


def limit_message(label: str, limit: int) -> dict[str, str]:
    return {"max_length": f"{label} must be {limit:,} characters or fewer"}


def level_choices(headings: dict[int, str]) -> list[tuple[int, str]]:
    """The four levels in the school's own words: "Everyone (level 1: universal)"."""
    return [
        (level, f"{headings.get(level, label)} ({label[0].lower()}{label[1:]})")
        for level, label in LevelChoices.choices
    ]
