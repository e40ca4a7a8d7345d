"""Codemod (issue 11): `earlyhelp.core.errors` moved to `earlyhelp.lib.errors`, and the
generic `InvalidState` is now `WrongStateError` (one class, an `ActionError`).

Re-run from the repository root after merging a branch: `python scripts/codemods/errors_to_lib.py`.
It is idempotent: a second run changes nothing.
"""

import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import python_files, report, rewrite

OLD_MODULE = re.compile(r"\bearlyhelp\.core\.errors\b")
OLD_CLASS = re.compile(r"\bInvalidState\b")


def change(text: str) -> str:
    text = OLD_MODULE.sub("earlyhelp.lib.errors", text)
    if "earlyhelp.lib.errors" in text:
        text = OLD_CLASS.sub("WrongStateError", text)
        text = text.replace("WrongStateError, WrongStateError", "WrongStateError")
    return text


if __name__ == "__main__":
    report(rewrite(python_files(), change))
