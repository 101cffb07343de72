"""Compile ``corpus/src/*.txt`` into split JSON Lines files with exact offsets.

Splits are by document and never change once given: ``corpus/splits.tsv`` records the split of
every compiled document, and a new document gets its split from a hash of its id alone (the
first 18% of the hash range is test, the next 12% dev, the rest train). Adding documents
therefore never moves an existing one, so the test split stays untouched by earlier training
and tuning.

>>> split_of("w1-ha-nam-ket-qua-2025") in SPLITS
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from vn_postal_nlp.corpus.source import read_source
from vn_postal_nlp.errors import CorpusFormatError
from vn_postal_nlp.text.segment import sentences

SPLITS = ("train", "dev", "test")
SHARES = {"test": 0.18, "dev": 0.12}
MANIFEST = "splits.tsv"


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


def split_of(doc_id: str) -> str:
    """The split of a document, from the first 8 hex digits of the SHA-1 of its id."""
    share = int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16) / 16**8
    if share < SHARES["test"]:
        return "test"
    return "dev" if share < SHARES["test"] + SHARES["dev"] else "train"


def read_manifest(corpus_dir: Path) -> dict[str, str]:
    """``splits.tsv``: one ``id<TAB>split`` line per document already given a split."""
    path = corpus_dir / MANIFEST
    if not path.is_file():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = [n for n, row in enumerate(rows, 1) if len(row) != 2 or row[1] not in SPLITS]
    if bad:
        raise CorpusFormatError(f"{path}:{bad[0]}: expected 'id<TAB>train|dev|test'")
    return dict(rows)


def manifest_text(splits: dict[str, list[dict]]) -> str:
    rows = sorted((r["id"], split) for split, docs in splits.items() for r in docs)
    return "".join(f"{doc_id}\t{split}\n" for doc_id, split in rows)


def assign_splits(records: Iterable[dict], manifest: dict[str, str] | None = None) -> dict[str, list[dict]]:
    manifest = manifest or {}
    out: dict[str, list[dict]] = {split: [] for split in SPLITS}
    for record in records:
        out[manifest.get(record["id"]) or split_of(record["id"])].append(record)
    for split in SPLITS:
        out[split].sort(key=lambda r: r["id"])
    return out


def compiled_files(corpus_dir: Path) -> dict[Path, str]:
    """Each file ``compile_corpus`` writes (the split files and the manifest) and its text."""
    splits = assign_splits(read_corpus(corpus_dir), read_manifest(corpus_dir))
    out = {
        corpus_dir / "compiled" / f"{split}.jsonl":
            "".join(json.dumps({**r, "split": split}, ensure_ascii=False) + "\n" for r in docs)
        for split, docs in splits.items()
    }
    out[corpus_dir / MANIFEST] = manifest_text(splits)
    return out


def compile_corpus(corpus_dir: Path) -> dict[str, int]:
    """Write ``compiled/{train,dev,test}.jsonl``; returns the number of documents per split.

    >>> compile_corpus(Path("corpus"))  # doctest: +SKIP
    {'train': 300, 'dev': 50, 'test': 75}
    """
    (corpus_dir / "compiled").mkdir(parents=True, exist_ok=True)
    counts = {}
    for path, text in compiled_files(corpus_dir).items():
        path.write_text(text, encoding="utf-8")
        if path.suffix == ".jsonl":
            counts[path.stem] = text.count("\n")
    return counts


def read_split(corpus_dir: Path, split: str) -> list[dict]:
    path = corpus_dir / "compiled" / f"{split}.jsonl"
    if not path.is_file():
        raise CorpusFormatError(f"{path}: missing; run `vn-postal-nlp corpus compile` first")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
