"""The fixed set of searches the search benchmark runs: what families type and tick."""

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

# "Open now" is asked at a fixed moment, so every run asks the same question.
MOMENT = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/London"))  # a Tuesday

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
