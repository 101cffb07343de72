from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from vn_postal_nlp.cli import app

EXAMPLES = ROOT / "examples"


def run(*args: str, input: str | None = None):  # noqa: A002 - CliRunner's name
    return CliRunner().invoke(app, list(args), input=input)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_folder_gives_one_valid_record_per_file() -> None:
    result = run("extract", str(EXAMPLES), "--workers", "1")
    assert result.exit_code == 0, result.output
    got = records(result.stdout)
    files = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert [r["id"] for r in got] == files
    for rec in got:
        text = (EXAMPLES / f"{rec['id']}.txt").read_text(encoding="utf-8")
        spans = rec["entities"] + [s for e in rec["events"] for s in (e["trigger"], *e["arguments"])]
        assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert any(r["events"] for r in got)


def test_extract_jsonl_and_stdin(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "a", "text": "Ông Lê Văn Tám nhận Bằng khen."}\n{"id": "b", "text": ""}\n', encoding="utf-8")
    result = run("extract", str(data), "--workers", "1")
    assert [r["id"] for r in records(result.stdout)] == ["a", "b"]
    result = run("extract", "-", "--workers", "1", input="Bưu điện tỉnh Hà Nam đạt 5 tỷ đồng.")
    (rec,) = records(result.stdout)
    assert rec["id"] == "stdin" and any(e["label"] == "MONEY" for e in rec["entities"])


def test_extract_csv_has_a_row_per_event_and_values(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("extract", str(EXAMPLES / "ha-nam-tong-ket.txt"), "-o", str(out), "--format", "csv", "--workers", "1")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    results = [r for r in rows if r["type"] == "RESULT"]
    assert results and any(r["amount_value"] == "186400000000" and r["currency"] == "VND" for r in results)


def test_extract_conll(tmp_path: Path) -> None:
    result = run("extract", str(EXAMPLES / "ha-nam-tong-ket.txt"), "--format", "conll", "--workers", "1")
    lines = result.stdout.splitlines()
    assert lines[0] == "# id = ha-nam-tong-ket"
    assert "Bưu\tB-ORG" in lines and "điện\tI-ORG" in lines


def test_extract_with_two_workers_keeps_input_order(tmp_path: Path) -> None:
    data = tmp_path / "many.jsonl"
    texts = [f"Năm 202{i % 10}, Bưu điện tỉnh Hà Nam đạt {i},5 tỷ đồng." for i in range(40)]
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)))
    result = run("extract", str(data), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in records(result.stdout)] == [f"d{i}" for i in range(40)]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["extract", "no/such/path.txt"], 2, "no such file or folder"),
        (["extract", str(EXAMPLES), "--model", "no/such/model"], 1, "model not found"),
        (["extract", str(EXAMPLES), "--format", "xml"], 1, "unknown format"),
        (["extract", str(EXAMPLES), "--resume"], 2, "--resume needs --output"),
        (["extract", str(EXAMPLES), "--encoding-errors", "ignore"], 2, "strict or replace"),
    ],
)
def test_bad_arguments_give_a_message_and_exit_code(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert message in result.output


@pytest.mark.parametrize("command", ["extract", "train", "evaluate", "render", "corpus"])
def test_help_explains_every_command(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage" in result.output


def test_help_documents_exit_codes() -> None:
    assert "Exit codes" in run("extract", "--help").output
