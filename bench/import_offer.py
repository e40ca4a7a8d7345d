"""How long does `import-offer` take on a 60-page Offer? Target: under 5 seconds.

    EARLYHELP_ENV=test .venv/bin/python -m bench.import_offer

Builds a 60-page fictional Offer (key people, tables of services with phones, emails and web
addresses, wrapped and broken links, repeated sections) as a PDF and as text, then times the
whole import of each: conversion in the sandboxed worker process plus extraction and checks.
"""

import statistics
import tempfile
import time
from pathlib import Path

PAGES = 60
LINES_PER_PAGE = 48
RUNS = 3
TARGET_SECONDS = 5.0

PEOPLE = [
    "The Designated Safeguarding Lead (DSL) is: Mrs Ada Fenn",
    "Contact details: email: afenn@riverside.lancs.sch.uk Telephone: 0113 496 0100",
    "The Deputy DSLs are: Mr Eli Gray and Ms Ivy Holt",
    "Mrs Jo Lane - Headteacher - Deputy Safeguarding Lead",
    "Date: September 2024",
    "Date of review: September 2025",
]
TOPICS = ["Mental health", "Domestic abuse", "Online safety", "Bereavement", "Young carers"]


def offer_lines() -> list[str]:
    lines = [*PEOPLE]
    n = 0
    while len(lines) < PAGES * LINES_PER_PAGE:
        topic = TOPICS[n % len(TOPICS)]
        lines += [
            f"{topic}\tRiverside {topic} Service {n} offers advice and support to families.",
            f"\tHelpline 0808 157 {n % 1000:04d} or email help{n}@riverside-{n}.example.org.uk",
            f"\tWebsite: https://www.riverside-{n}.example.org.uk/families/support-",
            "\tguidance/parents/ for more information about the service and how to refer.",
            f"\tAdvice line 0845 601 {n % 10000:04d} (calls cost extra)",
            f"\tIn an emergency call 999. Children's Social Care 0113 496 {n % 1000:04d}.",
            "\tKeeping Children Safe in Education 2023 sets out what staff must do when a "
            "child may need help.",
            "",
        ]
        n += 1
    return lines[: PAGES * LINES_PER_PAGE]


def pdf_bytes(lines: list[str]) -> bytes:
    """A plain PDF: one line of Helvetica text per line, LINES_PER_PAGE lines a page."""
    from tests.unit.imports.documents import tiny_pdf

    flat = [line.replace("\t", "    ") for line in lines]
    return tiny_pdf([flat[i : i + LINES_PER_PAGE] for i in range(0, len(flat), LINES_PER_PAGE)])


def time_import(path: Path) -> tuple[float, int]:
    from earlyhelp.imports.pipeline import import_offer

    timings, findings = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        result = import_offer(path)
        timings.append(time.perf_counter() - started)
        findings = len(result.findings)
    return statistics.median(timings), findings


def main() -> None:
    import django

    django.setup()
    lines = offer_lines()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "offer-60-pages.pdf"
        pdf.write_bytes(pdf_bytes(lines))
        text = Path(folder) / "offer-60-pages.txt"
        text.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for path in (pdf, text):
            seconds, findings = time_import(path)
            verdict = "ok" if seconds < TARGET_SECONDS else "TOO SLOW"
            size = path.stat().st_size / 1024
            print(
                f"{path.name:<22} {PAGES} pages {size:7.0f} KB  import {seconds:5.2f} s "
                f"(median of {RUNS}, target < {TARGET_SECONDS:g} s: {verdict}), {findings} findings"
            )


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
    main()
