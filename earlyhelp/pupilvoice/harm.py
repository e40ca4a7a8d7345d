"""Whether a pupil's free-text answer suggests harm, so that it goes to the DSL's inbox.

The codebase has no free-text harm detection (concerns' urgency works on the categories
staff choose), so this errs on the side of sending: any word from a broad list (hurt, hit,
scared, touch, secret…, matched at the start of a word, so "hitting" and "scared" count),
or any comment at all from a pupil who answered "No" to a question. A DSL reads a few
messages too many rather than miss one.
"""

import re
from collections.abc import Iterable

from earlyhelp.pupilvoice.models import Scale

# Word starts, lower case. Broad on purpose: children write "hurted", "hiting", "scard".
HARM_WORDS = (
    "abuse", "afraid", "alone", "angry", "beat", "blood", "bruis", "bull", "cry", "crie",
    "cut", "dark", "dead", "die", "drunk", "fight", "frighten", "grab", "hate", "help",
    "hit", "home", "hungry", "hurt", "kick", "kill", "knife", "lock", "mean to me",
    "nobody", "no one", "pinch", "porn", "private", "punch", "push", "sad", "scar",
    "secret", "shout", "slap", "smack", "starv", "steal", "suicid", "touch", "unsafe",
    "upset", "weapon", "worr", "yell",
)  # fmt: skip
PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HARM_WORDS) + ")", re.IGNORECASE)


def suggests_harm(comment: str, answers: Iterable[int]) -> bool:
    """True when the comment should reach the DSL's inbox."""
    text = comment.strip()
    if not text:
        return False
    return bool(PATTERN.search(text)) or any(value == Scale.NO for value in answers)
