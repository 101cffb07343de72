from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vn_postal_nlp.cli import app

pytest.importorskip("dask.distributed")

TEXT = "Năm 2025, Bưu điện tỉnh Hà Nam đạt tổng doanh thu {n},5 tỷ đồng, tăng 8,2% so với năm 2024."


def test_dask_local_cluster_writes_one_part_per_partition(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": TEXT.format(n=i)}, ensure_ascii=False) for i in range(30)]
    lines.insert(7, "this line is not json")
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    from vn_postal_nlp.distributed import extract_dask

    summary = extract_dask([str(data)], output=out, workers=2, blocksize="1KiB")
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) > 1
    records = [json.loads(x) for p in parts for x in p.read_text(encoding="utf-8").splitlines()]
    assert summary.documents == len(records) == 31 and summary.errors == 1
    ok = [r for r in records if "error" not in r]
    assert [r["id"] for r in ok] == [f"d{i}" for i in range(30)]
    for record in ok:
        text = TEXT.format(n=record["id"][1:])
        money = [e for e in record["entities"] if e["label"] == "MONEY"]
        assert money and text[money[0]["start"] : money[0]["end"]] == money[0]["text"]
        assert any(e["type"] == "RESULT" for e in record["events"])


def test_dask_engine_needs_an_output_dir(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "a", "text": "x"}\n')
    result = CliRunner().invoke(app, ["extract", str(data), "--engine", "dask"])
    assert result.exit_code == 2 and "needs -o OUTPUT_DIR" in result.output
