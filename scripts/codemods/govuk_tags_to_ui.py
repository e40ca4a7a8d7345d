"""Codemod (issue 11): the `govuk` template tag library moved from `earlyhelp.core` to the
component app `earlyhelp.ui` (`earlyhelp/ui/templatetags/govuk.py`); its name is unchanged,
so templates need no change. This rewrites Python imports of the old module.

Re-run from the repository root after merging a branch:
    python scripts/codemods/govuk_tags_to_ui.py
Idempotent.
"""

import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import python_files, report, rewrite


def change(text: str) -> str:
    return text.replace("earlyhelp.core.templatetags.govuk", "earlyhelp.ui.templatetags.govuk")


if __name__ == "__main__":
    report(rewrite(python_files(), change))
