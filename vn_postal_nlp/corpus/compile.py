"""Compile ``corpus/src/*.txt`` into split JSON Lines files with exact offsets.

Splits are by document and stratified by topic: inside each topic, documents are ordered by a
hash of their id and the first 18% go to test, the next 12% to dev, the rest to train.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from vn_postal_nlp.corpus.source import read_source
from vn_postal_nlp.errors import CorpusFormatError
from vn_postal_nlp.text.segment import sentences

SPLITS = ("train", "dev", "test")
SHARES = {"test": 0.18, "dev": 0.12}


def source_files(corpus_dir: Path) -> list[Path]:
    files = sorted((corpus_dir / "src").glob("*.txt"))
    if not files:
        raise CorpusFormatError(f"{corpus_dir / 'src'}: no source files (*.txt)")
    return files


def sentence_of(bounds: list[tuple[int, int]], offset: int) -> int:
    for k, (start, end) in enumerate(bounds):
        if offset < end:
            return k if offset >= start else max(k - 1, 0)
    return len(bounds) - 1


def with_sentences(record: dict) -> dict:
    """Add ``sentence`` to each event (the sentence holding its trigger)."""
    bounds = sentences(record["text"])
    for event in record["events"]:
        event["sentence"] = sentence_of(bounds, event["trigger"]["start"])
    return record


def read_corpus(corpus_dir: Path) -> list[dict]:
    """Every document of the sources, with sentence indices; ids must be unique."""
    records: list[dict] = []
    seen: dict[str, Path] = {}
    for path in source_files(corpus_dir):
        for record in read_source(path):
            if record["id"] in seen:
                raise CorpusFormatError(f"{path}: document id {record['id']!r} already used in {seen[record['id']]}")
            seen[record["id"]] = path
            records.append(with_sentences(record))
    return records


def assign_splits(records: Iterable[dict]) -> dict[str, list[dict]]:
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_topic[record["topic"]].append(record)
    out: dict[str, list[dict]] = {split: [] for split in SPLITS}
    for topic in sorted(by_topic):
        docs = sorted(by_topic[topic], key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
        n_test = math.ceil(len(docs) * SHARES["test"])
        n_dev = math.ceil(len(docs) * SHARES["dev"])
        out["test"] += docs[:n_test]
        out["dev"] += docs[n_test : n_test + n_dev]
        out["train"] += docs[n_test + n_dev :]
    for split in SPLITS:
        out[split].sort(key=lambda r: r["id"])
    return out


def compiled_lines(corpus_dir: Path) -> dict[str, str]:
    """The text of each compiled split file, as ``compile_corpus`` would write it."""
    splits = assign_splits(read_corpus(corpus_dir))
    return {
        split: "".join(json.dumps({**r, "split": split}, ensure_ascii=False) + "\n" for r in docs)
        for split, docs in splits.items()
    }


def compile_corpus(corpus_dir: Path) -> dict[str, int]:
    """Write ``compiled/{train,dev,test}.jsonl``; returns the number of documents per split.

    >>> compile_corpus(Path("corpus"))  # doctest: +SKIP
    {'train': 300, 'dev': 50, 'test': 75}
    """
    out_dir = corpus_dir / "compiled"
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split, text in compiled_lines(corpus_dir).items():
        (out_dir / f"{split}.jsonl").write_text(text, encoding="utf-8")
        counts[split] = text.count("\n")
    return counts


def read_split(corpus_dir: Path, split: str) -> list[dict]:
    path = corpus_dir / "compiled" / f"{split}.jsonl"
    if not path.is_file():
        raise CorpusFormatError(f"{path}: missing; run `vn-postal-nlp corpus compile` first")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
