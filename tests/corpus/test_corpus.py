"""The team's corpus itself: valid, compiled files up to date, big and varied enough."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from vn_postal_nlp.cli import app
from vn_postal_nlp.corpus.compile import compile_corpus, read_manifest, read_split, split_of
from vn_postal_nlp.corpus.stats import corpus_stats
from vn_postal_nlp.corpus.validate import validate_corpus
from vn_postal_nlp.errors import CorpusFormatError

CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def stats() -> dict:
    return corpus_stats(CORPUS)


def test_corpus_validates_and_compiled_files_agree_with_sources() -> None:
    report = validate_corpus(CORPUS)
    assert report.problems == []
    assert report.documents >= 400


def test_value_annotations_agree_with_the_normaliser() -> None:
    report = validate_corpus(CORPUS)
    value_notes = [n for n in report.notes if "normaliser" in n]
    assert len(value_notes) <= report.documents // 50, value_notes[:10]


def test_sizes_and_variety(stats: dict) -> None:
    every = stats["all"]
    assert every["documents"] >= 400 and every["sentences"] >= 3000
    assert every["distinct_per"] >= 400 and every["distinct_org"] >= 400
    assert every["provinces"] >= 50
    for etype in ("AWARD", "PLAN_LAUNCH", "RESULT", "TARGET"):
        assert every["events"][etype] >= 200, etype


def test_every_split_has_every_label_and_event_type(stats: dict) -> None:
    for split in ("train", "dev", "test"):
        assert set(stats[split]["labels"]) == {"PER", "ORG", "LOC", "MONEY", "PERCENT", "DATE"}
        assert set(stats[split]["events"]) == {"AWARD", "PLAN_LAUNCH", "RESULT", "TARGET"}
    assert stats["test"]["documents"] >= 0.15 * stats["all"]["documents"]


def test_splits_are_disjoint_and_every_topic_is_tested() -> None:
    splits = {s: read_split(CORPUS, s) for s in ("train", "dev", "test")}
    ids = [r["id"] for docs in splits.values() for r in docs]
    assert len(ids) == len(set(ids))
    topics = {r["topic"] for r in splits["train"]}
    assert topics <= {r["topic"] for r in splits["test"]} | {"appointment", "cooperation", "service"}


def test_compile_validate_stats_commands(tiny_corpus: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", "validate", str(tiny_corpus)]).exit_code == 1  # not compiled yet
    result = runner.invoke(app, ["corpus", "compile", str(tiny_corpus)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["corpus", "validate", str(tiny_corpus)])
    assert result.exit_code == 0 and "0 problems" in result.output
    result = runner.invoke(app, ["corpus", "stats", str(tiny_corpus)])
    assert result.exit_code == 0 and "| label ORG |" in result.output


def test_compile_is_deterministic(tiny_corpus: Path) -> None:
    compile_corpus(tiny_corpus)
    first = (tiny_corpus / "compiled" / "train.jsonl").read_text()
    compile_corpus(tiny_corpus)
    assert (tiny_corpus / "compiled" / "train.jsonl").read_text() == first


def test_the_manifest_covers_every_document_and_fixes_its_split() -> None:
    manifest = read_manifest(CORPUS)
    for split in ("train", "dev", "test"):
        assert all(manifest[r["id"]] == split for r in read_split(CORPUS, split))


def test_adding_a_document_never_moves_an_existing_one(tiny_corpus: Path) -> None:
    compile_corpus(tiny_corpus)
    before = read_manifest(tiny_corpus)
    extra = "".join(f"@@ extra-{n} general\nBưu điện tỉnh Hà Nam có {n} bưu cục.\n\n" for n in range(40))
    (tiny_corpus / "src" / "more.txt").write_text(extra, encoding="utf-8")
    compile_corpus(tiny_corpus)
    after = read_manifest(tiny_corpus)
    assert {k: after[k] for k in before} == before
    assert {after[f"extra-{n}"] for n in range(40)} == {"train", "dev", "test"}
    assert all(after[f"extra-{n}"] == split_of(f"extra-{n}") for n in range(40))


def test_a_broken_manifest_line_is_named(tiny_corpus: Path) -> None:
    (tiny_corpus / "splits.tsv").write_text("d1\ttrain\nd2 holdout\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=r"splits.tsv:2"):
        read_manifest(tiny_corpus)
