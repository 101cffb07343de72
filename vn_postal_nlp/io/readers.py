"""Input documents from ``.txt`` files, folders, JSON Lines files and stdin.

Every input document yields exactly one ``Item``: its text, or the error that stops it from
being read (named with its file and line). Items stream in input order.

>>> [item.id for item in read_inputs([Path("examples")])]  # doctest: +SKIP
['ha-nam-doanh-thu', 'khanh-hoa-giai-thuong']
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vn_postal_nlp.errors import InputError


@dataclass(frozen=True)
class Item:
    """One input document: ``text`` or an ``error`` (type, message); ``where`` names the source."""

    id: str
    text: str | None
    where: str
    error: tuple[str, str] | None = None
    size: int = 0


def decode(data: bytes, where: str, *, errors: str = "strict") -> str:
    """UTF-8 (a BOM is dropped), or UTF-16 when the bytes start with its BOM.

    Offsets index the decoded text. Undecodable bytes raise ``InputError`` naming the byte
    offset, unless ``errors="replace"``.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    if encoding != "utf-16" and (nul := data.find(b"\x00")) >= 0:
        raise InputError(f"{where}: binary data (NUL byte at offset {nul}), not text")
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid {encoding.upper()} at byte {exc.start} ({exc.reason}); "
            "use --encoding-errors replace to decode with U+FFFD"
        ) from exc


def _read_file(path: Path, doc_id: str, errors: str) -> Item:
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Item(doc_id, None, where, ("ReadError", f"{where}: cannot read: {exc.strerror or exc}"))
    try:
        return Item(doc_id, decode(data, where, errors=errors), where, size=len(data))
    except InputError as exc:
        kind = "BinaryFile" if "binary" in str(exc) else "DecodeError"
        return Item(doc_id, None, where, (kind, str(exc)), size=len(data))


def read_jsonl_lines(lines: Iterable[bytes], where: str, errors: str) -> Iterator[Item]:
    seen: set[str] = set()
    for n, raw in enumerate(lines, start=1):
        at = f"{where}:{n}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(decode(raw, at, errors=errors))
        except InputError as exc:
            yield Item(f"{where}:{n}", None, at, ("DecodeError", str(exc)), len(raw))
            continue
        except json.JSONDecodeError as exc:
            yield Item(f"{where}:{n}", None, at, ("InvalidJSON", f"{at}: not JSON: {exc.msg} (column {exc.colno})"), len(raw))
            continue
        if not isinstance(obj, dict):
            yield Item(f"{where}:{n}", None, at, ("InvalidRecord", f"{at}: a JSON object is expected, got {type(obj).__name__}"), len(raw))
            continue
        doc_id = str(obj["id"]) if "id" in obj and obj["id"] is not None else f"{where}:{n}"
        text = obj.get("text")
        if "text" not in obj:
            yield Item(doc_id, None, at, ("MissingText", f"{at}: the object has no \"text\" field"), len(raw))
        elif not isinstance(text, str):
            yield Item(doc_id, None, at, ("InvalidText", f"{at}: \"text\" must be a string, got {type(text).__name__}"), len(raw))
        elif doc_id in seen:
            yield Item(doc_id, None, at, ("DuplicateId", f"{at}: id {doc_id!r} was already used earlier in {where}"), len(raw))
        else:
            seen.add(doc_id)
            yield Item(doc_id, text, at, size=len(raw))


def _read_jsonl(path: Path, errors: str) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Item(str(path), None, str(path), ("ReadError", f"{path}: cannot read: {exc.strerror or exc}"))
        return
    with handle:
        yield from read_jsonl_lines(handle, str(path), errors)


def _folder(path: Path, errors: str) -> Iterator[Item]:
    # a broken link named .txt is a document too: it gives a ReadError record, never silence
    for file in sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and (p.is_file() or p.is_symlink())):
        yield _read_file(file, file.relative_to(path).with_suffix("").as_posix(), errors)


def check_paths(paths: Iterable[str | Path]) -> None:
    """Raise ``InputError`` for a path that does not exist (before any document is read)."""
    for raw in paths:
        if str(raw) != "-" and not Path(raw).exists():
            raise InputError(f"{raw}: no such file or folder")


def read_inputs(paths: Iterable[str | Path], *, encoding_errors: str = "strict") -> Iterator[Item]:
    """Stream the documents of every path in order (``-`` is stdin: JSONL if it looks so)."""
    for raw in paths:
        if str(raw) == "-":
            yield from _stdin(encoding_errors)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _folder(path, encoding_errors)
        elif path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path, encoding_errors)
        elif path.exists():
            yield _read_file(path, path.with_suffix("").name, encoding_errors)
        else:
            raise InputError(f"{raw}: no such file or folder")


def _stdin(errors: str) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    first = data.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl_lines(data.splitlines(), "<stdin>", errors)
        return
    try:
        yield Item("stdin", decode(data, "<stdin>", errors=errors), "<stdin>", size=len(data))
    except InputError as exc:
        yield Item("stdin", None, "<stdin>", ("DecodeError", str(exc)), len(data))
