from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vn_postal_nlp.cli import app
from vn_postal_nlp.evaluate import entity_scores, event_scores, underthesea_records

TEXT = "Năm 2025, Bưu điện tỉnh Hà Nam đạt 12,5 tỷ đồng."


def ent(start: int, end: int, label: str, value: object = None) -> dict:
    item = {"start": start, "end": end, "label": label, "text": TEXT[start:end]}
    if value is not None:
        item["value"] = value
    return item


GOLD = {"id": "g", "text": TEXT, "entities": [ent(0, 8, "DATE", "2025"), ent(10, 30, "ORG"),
                                              ent(35, 47, "MONEY", {"amount": 12500000000, "currency": "VND"})],
        "events": []}


def test_entity_scores_are_exact_span_exact_label() -> None:
    pred = {"entities": [ent(0, 8, "DATE", "2024"), ent(10, 24, "ORG"), ent(35, 47, "PERCENT")]}
    s = entity_scores([GOLD], [pred])
    assert s["DATE"]["f1"] == 1.0 and s["ORG"]["tp"] == 0 and s["MONEY"]["recall"] == 0.0
    assert s["PERCENT"]["precision"] == 0.0
    assert s["all"]["tp"] == 1 and s["all"]["predicted"] == 3 and s["all"]["gold"] == 3
    assert s["core"]["gold"] == 2
    assert s["value_accuracy"] == 0.0 and s["values_checked"] == 1


def event(trigger: tuple[int, int], *args: tuple[str, int, int, str]) -> dict:
    return {"type": "RESULT", "trigger": {"start": trigger[0], "end": trigger[1], "text": "đạt"},
            "arguments": [{"role": r, "start": s, "end": e, "text": t} for r, s, e, t in args]}


@pytest.mark.parametrize(
    ("pred_args", "strict", "relaxed"),
    [
        ([("org", 10, 30, "Bưu điện tỉnh Hà Nam"), ("amount", 35, 47, "12,5 tỷ đồng")], 1.0, 1.0),
        ([("org", 10, 30, "Bưu điện tỉnh Hà Nam"), ("amount", 35, 42, "12,5 tỷ")], 0.5, 1.0),
        ([("org", 60, 80, "bưu điện tỉnh hà nam"), ("amount", 35, 47, "12,5 tỷ đồng")], 1.0, 1.0),  # org by text
        ([("change", 35, 47, "12,5 tỷ đồng")], 0.0, 0.0),  # wrong role
    ],
)
def test_argument_f1_strict_and_relaxed(pred_args: list, strict: float, relaxed: float) -> None:
    gold = {"events": [event((31, 34), ("org", 10, 30, "Bưu điện tỉnh Hà Nam"), ("amount", 35, 47, "12,5 tỷ đồng"))]}
    pred = {"events": [event((31, 34), *pred_args)]}
    s = event_scores([gold], [pred])["all"]
    assert s["strict"]["recall"] == strict and s["relaxed"]["recall"] == relaxed
    assert s["trigger"]["f1"] == 1.0


def test_underthesea_baseline_offsets_are_exact() -> None:
    (rec,) = underthesea_records([GOLD])
    for e in rec["entities"]:
        assert e["label"] in ("PER", "ORG", "LOC") and 0 <= e["start"] < e["end"] <= len(TEXT)


def test_evaluate_command_table_and_json(tmp_path: Path) -> None:
    data = tmp_path / "gold.jsonl"
    data.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--no-baseline", "--json", str(Path("models/vi_postal")), str(data)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["entities"]["MONEY"]["f1"] == 1.0
    table = CliRunner().invoke(app, ["evaluate", "models/vi_postal", str(data)]).stdout
    assert "core" in table and "underthesea" in table
    bad = CliRunner().invoke(app, ["evaluate", "models/vi_postal", str(tmp_path / "none.jsonl")])
    assert bad.exit_code == 1 and "no such evaluation file" in bad.output
