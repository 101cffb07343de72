from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REALNEWS
from vn_postal_nlp.cli import EXIT_PARTIAL, app
from vn_postal_nlp.runner import chunks, done_ids, extract_corpus, process

ARTICLE = "Năm 2025, Bưu điện tỉnh Hà Nam đạt tổng doanh thu 12,5 tỷ đồng, tăng 8,2% so với năm 2024.\n"


def spans_of(record: dict) -> list[dict]:
    return record["entities"] + [s for e in record["events"] for s in (e["trigger"], *e["arguments"])]


def assert_exact(record: dict, text: str) -> None:
    for span in spans_of(record):
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "spaces.txt").write_text(" \n\t\r\n ", encoding="utf-8")
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "nfd.txt").write_text("Ha\u0300 Nô\u0323i: Bưu điện đạt 5 ty\u0309 đô\u0300ng.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Bưu điện".encode() + b"\xe9\xff")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "image.png").write_bytes(b"\x89PNG\x00")  # not a .txt: not a document
    (folder / "long-line.txt").write_text("doanh thu tăng " * 3000, encoding="utf-8")
    (folder / "big.txt").write_text(ARTICLE * 3000, encoding="utf-8")  # > 100 000 chars: pieces
    (folder / "broken-link.txt").symlink_to(folder / "missing-target")
    return folder


def test_mixed_bad_folder_gives_one_record_per_document(bad_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(bad_folder), "-o", str(out), "--workers", "2"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(records) == sorted(p.stem for p in bad_folder.glob("*.txt"))
    errors = {k: r["error"]["type"] for k, r in records.items() if "error" in r}
    assert errors == {"latin1": "DecodeError", "binary": "BinaryFile", "broken-link": "ReadError"}
    assert "latin1.txt" in records["latin1"]["error"]["message"]
    assert records["empty"] == {"id": "empty", "entities": [], "events": []}
    assert records["spaces"]["entities"] == []
    for name in ("good", "bom", "utf16"):
        assert any(e["label"] == "MONEY" for e in records[name]["entities"]), name
    texts = {"nfd": (bad_folder / "nfd.txt").read_text(encoding="utf-8"),
             "big": ARTICLE * 3000, "good": ARTICLE, "bom": ARTICLE,
             "long-line": "doanh thu tăng " * 3000}
    for name, text in texts.items():
        assert_exact(records[name], text)
    assert len([e for e in records["big"]["entities"] if e["label"] == "MONEY"]) == 3000
    assert "12 errors" not in result.output and "3 errors" in result.output


def test_replace_flag_decodes_bad_bytes(bad_folder: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(bad_folder / "latin1.txt"), "--encoding-errors", "replace",
                                      "--workers", "1"])
    assert result.exit_code == 0
    assert "error" not in json.loads(result.stdout.splitlines()[0])


def test_resume_skips_done_ids_and_cuts_a_partial_line(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n" for i in range(6)))
    out = tmp_path / "out.jsonl"
    extract_corpus([str(data)], output=out, workers=1)
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][:20])  # a killed run: three whole lines and a torn one
    assert done_ids(out, "jsonl") == {"d0", "d1", "d2"}
    summary = extract_corpus([str(data)], output=out, workers=1, resume=True)
    assert summary.skipped == 3 and summary.documents == 3
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [f"d{i}" for i in range(6)]


def test_full_disk_is_a_clear_error() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    result = CliRunner().invoke(app, ["extract", "-", "-o", "/dev/full", "--workers", "1"], input=ARTICLE)
    assert result.exit_code == 1
    assert "/dev/full: cannot write output" in result.output


@pytest.mark.parametrize("limit", [50, 333, 1000])
def test_chunks_cover_the_text_exactly(limit: int) -> None:
    text = (ARTICLE + "dòng không có dấu chấm " * 40 + "\n") * 20
    pieces = list(chunks(text, limit))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_long_document_matches_short_runs(nlp) -> None:
    text = ARTICLE * 2500
    record, _ = process(nlp, "x", text)
    assert_exact(record, text)
    single, _ = process(nlp, "y", ARTICLE)
    assert len(record["events"]) == 2500 * len(single["events"])


@pytest.mark.skipif(not (REALNEWS / "postal").is_dir(), reason="../shared/realnews is not here")
def test_real_postal_articles_each_give_one_valid_record(tmp_path: Path) -> None:
    folder = REALNEWS / "postal"
    out = tmp_path / "real.jsonl"
    summary = extract_corpus([str(folder)], output=out, workers=2)
    files = sorted(folder.glob("*.txt"))
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(files) >= 60 and summary.documents == len(files) == len(records)
    assert [r["id"] for r in records] == [p.stem for p in files]
    for record, path in zip(records, files, strict=True):
        assert "error" not in record, record
        assert_exact(record, path.read_text(encoding="utf-8"))
    assert sum(len(r["events"]) for r in records) > 60
