"""Turn an untrusted Offer document into plain text, safely.

Every format is converted in a separate Python process with a time limit and memory limits
(`worker.py`), so a hostile or broken document cannot hang or exhaust the command. The worker
starts with an empty environment (`worker_environment`): no secrets, no settings. A document
whose text is longer than MAX_TEXT_CHARS is refused, however small the file (a .docx is
compressed XML), so the extraction after it never sees more than that. The text
keeps the document's line structure: table rows become tab-separated lines and links become
Markdown-style `[label](target)` so that the extractor can see their targets. Nothing is
rendered or executed.
"""

import json
import subprocess  # nosec B404 # converters run in a worker, fixed argv, no shell
import sys
from pathlib import Path
from typing import Any

MAX_BYTES = 20 * 1024 * 1024
# About 300 pages; the longest real Offers are under 100,000 characters.
MAX_TEXT_CHARS = 1_000_000
TIME_LIMIT_SECONDS = 30.0
PACKAGE_ROOT = Path(__file__).resolve().parents[3]
KINDS = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


class UnreadableDocument(Exception):
    """The document cannot be imported; the message is one line for a person to read."""


def read_document(path: Path, *, time_limit: float = TIME_LIMIT_SECONDS) -> str:
    """The document's text; raises UnreadableDocument with a one-line reason."""
    kind = check_file(path)
    reply = _convert_in_worker(path, kind, time_limit)
    if "error" in reply:
        raise UnreadableDocument(f"Cannot read {path.name}: {reply['error']}")
    text = str(reply.get("text", ""))
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(f"Cannot read {path.name}: {too_much_text(len(text))}")
    if not text.strip():
        raise UnreadableDocument(f"Cannot read {path.name}: it contains no text.")
    return text


def too_much_text(chars: int) -> str:
    return (
        f"it holds {chars:,} characters of text once unpacked; the limit is "
        f"{MAX_TEXT_CHARS:,} (about 300 pages)."
    )


def worker_environment(time_limit: float) -> dict[str, str]:
    """All a worker gets: where the code is, the text encoding and its CPU limit. Nothing
    else from this process's environment (secrets, database addresses) reaches it."""
    return {
        "PYTHONPATH": str(PACKAGE_ROOT),
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "WORKER_TIME_LIMIT": str(int(time_limit) + 1),
    }


def check_file(path: Path) -> str:
    """The document's kind, if it can be imported at all (exists, size, extension)."""
    if not path.is_file():
        raise UnreadableDocument(f"Cannot read {path}: there is no such file.")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableDocument(f"Cannot read {path.name}: the file is empty.")
    if size > MAX_BYTES:
        raise UnreadableDocument(
            f"Cannot read {path.name}: it is {size / 1024 / 1024:.1f} MB; the limit is 20 MB."
        )
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnreadableDocument(
            f"Cannot read {path.name}: only .txt, .md, .html, .docx and .pdf files can be imported."
        )
    return kind


def worker_command(kind: str, path: Path) -> list[str]:
    """The command that converts one document in its own process (tests may replace it)."""
    return [sys.executable, "-m", "earlyhelp.imports.readers.worker", kind, str(path)]


def _convert_in_worker(path: Path, kind: str, time_limit: float) -> dict[str, str]:
    reply = run_worker(worker_command(kind, path), path.name, time_limit, doing="converting")
    return {str(key): str(value) for key, value in reply.items()}


def run_worker(command: list[str], name: str, time_limit: float, *, doing: str) -> dict[str, Any]:
    """Run a worker with an empty environment under `time_limit`; its JSON reply."""
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argv, no shell # nosec B603
            command,
            capture_output=True,
            timeout=time_limit,
            check=False,
            env=worker_environment(time_limit),
        )
    except subprocess.TimeoutExpired as error:
        raise UnreadableDocument(
            f"Cannot read {name}: {doing} it took longer than {time_limit:g} seconds."
        ) from error
    try:
        reply = json.loads(completed.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        reply = None
    if not isinstance(reply, dict):
        raise UnreadableDocument(
            f"Cannot read {name}: the worker stopped (the file may be corrupt or too complex)."
        )
    return reply
