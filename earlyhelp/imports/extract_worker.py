"""Extract an Offer's text in this process and print the ImportResult as JSON.

Run by `pipeline.import_offer` as `python -m earlyhelp.imports.extract_worker TODAY` with the
text on standard input, under the time left of the pipeline's limit, with the converter's
CPU and memory limits and an empty environment (readers.worker_environment).
"""

import json
import sys
from dataclasses import asdict
from datetime import date
from typing import Any

from earlyhelp.imports.pipeline import extract
from earlyhelp.imports.readers.worker import limit_resources


def main(argv: list[str]) -> int:
    limit_resources()
    text = sys.stdin.buffer.read().decode("utf-8")
    reply: dict[str, Any]
    try:
        reply = {"result": asdict(extract(text, today=date.fromisoformat(argv[1])))}
    except MemoryError:
        reply = {"error": "extracting it needs too much memory."}
    sys.stdout.write(json.dumps(reply, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
