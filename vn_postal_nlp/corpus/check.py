"""``python -m vn_postal_nlp.corpus.check FILE...``: parse source files and list rule breaks."""

from __future__ import annotations

import sys
from pathlib import Path

from vn_postal_nlp.corpus.rules import check_record
from vn_postal_nlp.corpus.source import read_source
from vn_postal_nlp.errors import CorpusFormatError


def main(paths: list[str]) -> int:
    problems = 0
    for path in paths:
        try:
            records = read_source(Path(path))
        except CorpusFormatError as exc:
            print(exc)
            problems += 1
            continue
        for record in records:
            for message in check_record(record):
                print(f"{path}: {message}")
                problems += 1
        n_events = sum(len(r["events"]) for r in records)
        n_ents = sum(len(r["entities"]) for r in records)
        print(f"{path}: {len(records)} documents, {n_ents} entities, {n_events} events")
    print("OK" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
