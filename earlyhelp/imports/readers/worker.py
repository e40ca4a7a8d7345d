"""Convert one document to text in this process and print `{"text": ...}` or `{"error": ...}`.

Run by `read_document` as `python -m earlyhelp.imports.readers.worker KIND PATH` under a
wall-clock timeout; here we also cap CPU time and memory so that a decompression bomb or a
pathological file fails instead of taking the machine with it.
"""

import contextlib
import json
import os
import resource
import sys
from collections.abc import Callable
from pathlib import Path

from earlyhelp.imports.readers import MAX_TEXT_CHARS, docx, html, pdf, plain, too_much_text
from earlyhelp.imports.readers.plain import DocumentError

MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024

CONVERTERS: dict[str, Callable[[Path], str]] = {
    "text": plain.read_text_file,
    "html": html.read_html_file,
    "docx": docx.read_docx_file,
    "pdf": pdf.read_pdf_file,
}


def limit_resources() -> None:
    cpu_seconds = int(os.environ.get("WORKER_TIME_LIMIT", "31"))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    with contextlib.suppress(ValueError, OSError):  # some platforms refuse this limit
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def main(argv: list[str]) -> int:
    limit_resources()
    reply = convert(argv[1], Path(argv[2]))
    sys.stdout.write(json.dumps(reply))
    return 0


def convert(kind: str, path: Path) -> dict[str, str]:
    """`{"text": ...}`, or `{"error": ...}` completing "Cannot read X: "."""
    try:
        text = CONVERTERS[kind](path)
    except DocumentError as error:
        return {"error": str(error)}
    except MemoryError:
        return {"error": "it needs too much memory to convert."}
    except Exception as error:  # any crash in a parser means a bad file
        return {"error": f"it could not be converted ({type(error).__name__})."}
    if len(text) > MAX_TEXT_CHARS:
        return {"error": too_much_text(len(text))}
    return {"text": text}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
