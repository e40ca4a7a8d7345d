"""Codemod (issue 11): hand-written GOV.UK markup in templates becomes the `govuk` components.

- `<a href="{% url 'x' a %}" class="govuk-back-link">Text</a>`
  → `{% url 'x' a as back_url %}{% govuk_back_link back_url text="Text" %}`
  (also `href="{{ back }}"` and a text of `{{ pupil.display_name }}`);
- `{% if form.errors %}Error: {% endif %}` (or `a.errors or problems`, `errors`) in a title
  → `{% error_prefix form %}` (`{% error_prefix a problems %}`);
- `<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>`
  → `{% govuk_button "Save" %}`;
- a summary list row whose key is words and whose value is one `{{ variable }}`
  → `{% govuk_summary_row "Key" variable %}`.

Links and titles it cannot rewrite safely (an `{% if %}` inside the href, text mixing words
and variables) are printed for a person to convert. Re-run from the repository root after
merging a branch: `python scripts/codemods/govuk_components.py`. Idempotent.
"""

import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import ROOT, report, rewrite, template_files

BACK = re.compile(r'<a href="([^"]*)" class="govuk-back-link">([^<]*)</a>')
URL = re.compile(r"^\{% url ([^%]+?) %\}$")
VARIABLE = re.compile(r"^\{\{ ([\w.]+) \}\}$")
ERROR_TITLE = re.compile(r"\{% if ([\w. ]+?) %\}Error: \{% endif %\}")
SUMMARY_ROW = re.compile(
    r'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">([^<{"]+)</dt>'
    r'<dd class="govuk-summary-list__value">\{\{ ([^}]+) \}\}</dd></div>'
)
BUTTON = re.compile(
    r'<button type="submit" class="govuk-button" data-module="govuk-button">([^<{"]+)</button>'
)


def back_link(match: re.Match[str]) -> str:
    href, text = match.group(1), match.group(2)
    label = _label(text)
    if label is None:
        return match.group(0)
    if url := URL.match(href):
        return f"{{% url {url.group(1)} as back_url %}}{{% govuk_back_link back_url{label} %}}"
    if variable := VARIABLE.match(href):
        return f"{{% govuk_back_link {variable.group(1)}{label} %}}"
    return match.group(0)


def _label(text: str) -> str | None:
    if text == "Back":
        return ""
    if variable := VARIABLE.match(text):
        return f" text={variable.group(1)}"
    if "{" in text or '"' in text:
        return None
    return f' text="{text}"'


def error_title(match: re.Match[str]) -> str:
    sources = [part.strip() for part in match.group(1).split(" or ")]
    if not all(re.fullmatch(r"[\w.]+", part) for part in sources):
        return match.group(0)
    names = [part.removesuffix(".errors") for part in sources]
    return f"{{% error_prefix {' '.join(names)} %}}"


def change(text: str) -> str:
    text = BUTTON.sub(lambda match: f'{{% govuk_button "{match.group(1)}" %}}', text)
    text = SUMMARY_ROW.sub(lambda m: f'{{% govuk_summary_row "{m.group(1)}" {m.group(2)} %}}', text)
    return ERROR_TITLE.sub(error_title, BACK.sub(back_link, text))


def leftovers() -> list[str]:
    found = []
    for path in template_files():
        for number, line in enumerate(path.read_text().split("\n"), 1):
            if "govuk-back-link" in line or "Error: {% endif %}" in line:
                found.append(f"{path.relative_to(ROOT)}:{number}")
    return found


if __name__ == "__main__":
    report(rewrite(template_files(), change))
    for place in leftovers():
        print("convert by hand:", place)
