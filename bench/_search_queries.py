"""The fixed set of searches the search benchmark runs: what families type and tick."""

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# "Open now" is asked at fixed moments, so every run asks the same questions.
MOMENT = datetime(2026, 11, 24, 10, 30, tzinfo=LONDON)  # a Tuesday morning
MOMENTS = {
    "weekday morning": MOMENT,
    "weekday evening": datetime(2026, 11, 26, 19, 30, tzinfo=LONDON),  # a Thursday
    "night": datetime(2026, 11, 25, 2, 15, tzinfo=LONDON),  # a Wednesday
    "weekend": datetime(2026, 11, 28, 14, 0, tzinfo=LONDON),  # a Saturday
}

WORDS = [
    "young carers",
    "bereavement",
    "anxiety",
    "autism",
    "domestic abuse",
    "self harm",
    "county lines",
    "online safety",
    "speech and language",
    "food bank",
    "school nurse",
    "parenting course",
    "drugs and alcohol",
    "lgbt",
    "family support",
    "mental health",
]
# As families and pupils type them: sentences, misspellings, text-speak, a postcode.
SENTENCES = [
    "my child is being bullied at school",
    "my dad hits my mum",
    "im really anxious all the time",
    "bulying",
    "child line",
    "money worries and food bank",
    "autistic son needs help",
    "death of a parent",
    "counselling WR9",
    "social services",
]
# Words asked with "open now" at each of MOMENTS.
OPEN_NOW_WORDS = ["anxiety", "domestic abuse", "someone to talk to tonight", "bereavement"]
WORDS_AND_FILTERS: list[tuple[str, dict[str, Any]]] = [
    ("young carers", {"age": Decimal(9)}),
    ("counselling", {"free_only": True, "age": Decimal(14)}),
    ("anxiety", {"open_now": True, "self_referral": True}),
    ("bullying", {"year": 7, "delivery": ("online",)}),
    ("domestic abuse", {"topics": ("domestic-abuse",), "delivery": ("phone",)}),
    ("parenting", {"level": 2, "free_only": True}),
]
FILTERS: list[dict[str, Any]] = [
    {"topics": ("bereavement",)},
    {"topics": ("send",), "age": Decimal(9), "free_only": True},
    {"level": 3, "self_referral": True},
    {"open_now": True},
    {"delivery": ("home-visit",), "age": Decimal("2.5")},
    {"topics": ("mental-health", "young-carers"), "year": 10},
]
