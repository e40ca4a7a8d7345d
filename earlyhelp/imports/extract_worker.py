"""Convert one Offer document and extract it in this process; print the ImportResult as JSON.

Run by `pipeline.import_offer` as `python -m earlyhelp.imports.extract_worker KIND PATH TODAY`
under the pipeline's one time limit, with the converter's CPU and memory limits and an empty
environment (readers.worker_environment): the whole pipeline, conversion and extraction,
runs here. Prints `{"result": ...}` or `{"error": ...}` (completing "Cannot read X: ").
"""

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from earlyhelp.imports.pipeline import extract
from earlyhelp.imports.readers.worker import convert, limit_resources


def main(argv: list[str]) -> int:
    limit_resources()
    kind, path, today = argv[1], Path(argv[2]), date.fromisoformat(argv[3])
    converted = convert(kind, path)
    reply: dict[str, Any]
    if "error" in converted:
        reply = converted
    elif not converted["text"].strip():
        reply = {"error": "it contains no text."}
    else:
        try:
            reply = {"result": asdict(extract(converted["text"], today=today))}
        except MemoryError:
            reply = {"error": "extracting it needs too much memory."}
    sys.stdout.write(json.dumps(reply, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
