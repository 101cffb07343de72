"""Corpus runs: stream documents through the pipeline in worker processes, in input order.

Each worker loads the model once. At most ``workers * window`` documents are in flight, so
memory stays flat however large the corpus. Each document becomes exactly one output record
(a result or an error record); output is written a whole line at a time.

>>> summary = extract_corpus(["examples"], output=Path("out.jsonl"))  # doctest: +SKIP
>>> summary.documents, summary.errors  # doctest: +SKIP
(2, 0)
"""

from __future__ import annotations

import csv
import json
import multiprocessing as mp
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from vn_postal_nlp.errors import VnPostalError
from vn_postal_nlp.io.readers import Item, check_paths, read_inputs
from vn_postal_nlp.io.writers import (
    CSV_HEADER,
    conll_text,
    csv_rows,
    csv_text,
    doc_record,
    error_record,
    jsonl_line,
)
from vn_postal_nlp.pipeline import default_model_path, load

FORMATS = ("jsonl", "csv", "conll")
CHUNK_CHARS = 100_000  # longer documents are processed in pieces cut at line or sentence ends


@dataclass
class Summary:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    characters: int = 0
    seconds: float = 0.0
    error_types: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        rate = self.characters / self.seconds if self.seconds else 0.0
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.error_types.items()))
        return (f"{self.documents} documents ({self.documents - self.errors} ok, {self.errors} errors"
                f"{': ' + kinds if kinds else ''}), {self.skipped} skipped by --resume, "
                f"{self.characters:,} characters in {self.seconds:.1f} s ({rate:,.0f} chars/s)")


def _cut(text: str, limit: int) -> int:
    """Where to cut ``text`` at most ``limit`` characters in: a newline, a sentence end or a space."""
    for sep in ("\n", ". ", " "):
        at = text.rfind(sep, limit // 2, limit)
        if at > 0:
            return at + len(sep)
    return limit


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most ``limit`` characters covering ``text`` exactly."""
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit], limit)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _shift(record: dict, offset: int, sentence_base: int) -> dict:
    for ent in record["entities"]:
        ent["start"] += offset
        ent["end"] += offset
    for event in record["events"]:
        event["sentence"] += sentence_base
        for span in (event["trigger"], *event["arguments"]):
            span["start"] += offset
            span["end"] += offset
    return record


def process(nlp: Language, doc_id: str, text: str, *, with_doc: bool = False) -> tuple[dict, list]:
    """One document → its record (and its Docs, for CoNLL); long texts go piece by piece."""
    if len(text) <= CHUNK_CHARS:
        doc = nlp(text)
        return doc_record(doc_id, doc), [doc] if with_doc else []
    record: dict = {"id": doc_id, "entities": [], "events": []}
    docs, sentences = [], 0
    for offset, piece in chunks(text):
        doc = nlp(piece)
        part = _shift(doc_record(doc_id, doc), offset, sentences)
        record["entities"] += part["entities"]
        record["events"] += part["events"]
        sentences += sum(1 for s in doc.sents if any(not t.is_space for t in s))
        if with_doc:
            docs.append(doc)
    return record, docs


def render(nlp: Language, item: Item, fmt: str) -> tuple[str, str | None]:
    """``(output text, error type or None)`` for one item in the chosen format."""
    docs: list = []
    if item.error is not None:
        record = error_record(item.id, *item.error)
    else:
        try:
            record, docs = process(nlp, item.id, item.text, with_doc=fmt == "conll")
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the run
            record = error_record(item.id, type(exc).__name__, f"{item.where}: {exc}")
    error = record["error"]["type"] if "error" in record else None
    if fmt == "jsonl":
        return jsonl_line(record), error
    if fmt == "csv":
        rows = csv_rows(record) or [[record["id"], *[""] * (len(CSV_HEADER) - 1)]]
        return csv_text(rows), error
    if error or not docs:
        return conll_text(record, None), error
    return "".join(conll_text(record, d) for d in docs), error


def _worker_render(args: tuple[str, Item, str]) -> tuple[str, str | None, int, int]:
    model, item, fmt = args
    text, error = render(load(model), item, fmt)
    return text, error, len(item.text or ""), item.size


def done_ids(path: Path, fmt: str) -> set[str]:
    """Ids already in an output file; a trailing partial line (a killed run) is cut off."""
    if not path.is_file():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
        data = data[: data.rfind(b"\n") + 1]
    ids: set[str] = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        if fmt == "jsonl" and line.strip():
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
        elif fmt == "conll" and line.startswith("# id = "):
            ids.add(line[7:])
        elif fmt == "csv" and line and not line.startswith("id,"):
            ids.add(next(csv.reader([line]))[0])
    return ids


class Output:
    """Whole lines to stdout or a file; an ``OSError`` (a full disk) becomes a clear error."""

    def __init__(self, path: Path | None, *, append: bool) -> None:
        self.path = path
        self.fd: int | None = None
        if path is not None:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            try:
                self.fd = os.open(path, flags, 0o644)
            except OSError as exc:
                raise VnPostalError(f"{path}: cannot open for writing: {exc.strerror}") from exc

    def write(self, text: str) -> None:
        try:
            if self.fd is None:
                sys.stdout.write(text)
                sys.stdout.flush()
                return
            data = text.encode("utf-8")
            while data:  # one record's lines go out in as few writes as the OS allows
                data = data[os.write(self.fd, data) :]
        except OSError as exc:
            raise VnPostalError(f"{self.path or '<stdout>'}: cannot write output: {exc.strerror}") from exc

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


def _results(items: Iterable[Item], model: str, fmt: str, workers: int,
             window: int = 16) -> Iterator[tuple[str, str | None, int, int]]:
    """``(output text, error type, characters, input bytes)`` per item, in input order."""
    if workers <= 1:
        nlp = load(model)
        for item in items:
            text, error = render(nlp, item, fmt)
            yield text, error, len(item.text or ""), item.size
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=load, initargs=(model,)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.apply_async(_worker_render, ((model, item, fmt),)))
            if len(pending) >= workers * window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _unless_done(items: Iterable[Item], skip: set[str], summary: Summary) -> Iterator[Item]:
    for item in items:
        if item.id in skip:
            summary.skipped += 1
        else:
            yield item


def extract_corpus(
    paths: list[str],
    *,
    output: Path | None = None,
    fmt: str = "jsonl",
    model: Path | None = None,
    workers: int = 1,
    resume: bool = False,
    encoding_errors: str = "strict",
    progress: Callable[[Summary, int], None] | None = None,
) -> Summary:
    """Run the pipeline over every document of ``paths``; write one record per document.

    ``progress(summary, input_bytes)`` is called after each document.
    """
    if fmt not in FORMATS:
        raise VnPostalError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    check_paths(paths)
    model_path = str(model or default_model_path())
    load(model_path)  # fail early, with a clear message, when the model is missing
    skip = done_ids(output, fmt) if resume and output else set()
    out = Output(output, append=bool(skip) or (resume and output is not None and output.exists()))
    summary = Summary()
    started = time.perf_counter()
    try:
        if fmt == "csv" and not skip:
            out.write(csv_text([CSV_HEADER]))
        items = read_inputs(paths, encoding_errors=encoding_errors)
        for text, error, chars, size in _results(_unless_done(items, skip, summary), model_path, fmt, workers):
            out.write(text)
            summary.documents += 1
            summary.characters += chars
            if error:
                summary.errors += 1
                summary.error_types[error] = summary.error_types.get(error, 0) + 1
            if progress:
                summary.seconds = time.perf_counter() - started
                progress(summary, size)
    finally:
        out.close()
        summary.seconds = time.perf_counter() - started
    return summary
