from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from vn_postal_nlp.errors import InputError
from vn_postal_nlp.io.readers import check_paths, decode, read_inputs

TEXT = "Bưu điện tỉnh Hà Nam"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode(), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode(), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
        (b"", ""),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "x") == expected


def test_decode_errors_name_the_byte() -> None:
    with pytest.raises(InputError, match=r"f.txt: not valid UTF-8-SIG at byte 3"):
        decode(b"abc\xff\xfe", "f.txt")
    assert decode(b"abc\xff", "f.txt", errors="replace") == "abc\ufffd"
    with pytest.raises(InputError, match="binary data"):
        decode(b"ab\x00cd", "f.txt")


def test_folder_ids_are_relative_paths_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("x")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("not a document")
    assert [i.id for i in read_inputs([tmp_path])] == ["a", "b/x"]


def test_jsonl_problems_become_error_items(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "ok", "text": "A"}\n'
        b"not json\n"
        b'[1, 2]\n'
        b'{"id": "no-text"}\n'
        b'{"id": "num", "text": 5}\n'
        b'{"id": "ok", "text": "again"}\n'
        b"\n"
        b'{"text": "no id"}\n'
        b'{"id": "bad", "text": "\xff"}\n'
    )
    items = list(read_inputs([path]))
    kinds = [(i.id, i.error[0] if i.error else None) for i in items]
    assert kinds == [
        ("ok", None), (f"{path}:2", "InvalidJSON"), (f"{path}:3", "InvalidRecord"), ("no-text", "MissingText"),
        ("num", "InvalidText"), ("ok", "DuplicateId"), (f"{path}:8", None), (f"{path}:9", "DecodeError"),
    ]
    assert f"{path}:2" in items[1].error[1]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        check_paths([tmp_path / "nope"])
