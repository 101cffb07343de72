from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import vn_postal_nlp
from vn_postal_nlp.corpus.compile import compile_corpus, read_split
from vn_postal_nlp.errors import ModelNotFoundError
from vn_postal_nlp.io.writers import doc_record
from vn_postal_nlp.pipeline import ENV_VAR, default_model_path, load
from vn_postal_nlp.train import train

TEXT = "Năm 2025, Bưu điện tỉnh Hà Nam đạt tổng doanh thu 12,5 tỷ đồng, tăng 8,2% so với năm 2024."


def test_shipped_model_tags_the_guidelines_example(nlp) -> None:
    doc = nlp(TEXT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Bưu điện tỉnh Hà Nam", "ORG"), ("12,5 tỷ đồng", "MONEY"), ("8,2%", "PERCENT")} <= ents
    money = next(e for e in doc.ents if e.label_ == "MONEY")
    assert money._.value == {"amount": 12500000000, "currency": "VND"}
    (event,) = [e for e in doc._.events if e["type"] == "RESULT"]
    roles = {(a["role"], a["text"]) for a in event["arguments"]}
    assert {("org", "Bưu điện tỉnh Hà Nam"), ("amount", "12,5 tỷ đồng"), ("change", "8,2%")} <= roles


def test_public_extract_gives_a_guidelines_record() -> None:
    record = vn_postal_nlp.extract(TEXT, doc_id="doc-1")
    assert record["id"] == "doc-1"
    for span in record["entities"] + [a for e in record["events"] for a in (e["trigger"], *e["arguments"])]:
        assert TEXT[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document number is no entity (corpus decision 9), even with a body's acronym inside
        ("UBND tỉnh ban hành Kế hoạch số 215/KH-UBND ngày 3/2/2025 về chuyển đổi số.",
         [("UBND tỉnh", "ORG"), ("ngày 3/2/2025", "DATE")]),
        # the organisation stops before the verb that follows it
        ("Bộ Bưu chính Viễn thông ban hành Quyết định 16/2007/QĐ-BCVT thành lập Tổng công ty Bưu chính Việt Nam.",
         [("Bộ Bưu chính Viễn thông", "ORG"), ("Tổng công ty Bưu chính Việt Nam", "ORG")]),
        # ... and before the person named after a title
        ("Thứ trưởng Bộ Y tế Quách Gia Huy trao Huân chương cho bệnh viện.",
         [("Bộ Y tế", "ORG"), ("Quách Gia Huy", "PER")]),
        # technical acronyms are no organisation; a province name with a dash stays inside the ORG
        ("Doanh thu CNTT và TMĐT của VNPT Bà Rịa – Vũng Tàu tăng 12%.",
         [("VNPT Bà Rịa – Vũng Tàu", "ORG"), ("12%", "PERCENT")]),
    ],
)
def test_organisation_boundaries_seen_in_real_news(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_string_input_is_a_clear_type_error(nlp, bad: object) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        nlp(bad)
    with pytest.raises(TypeError, match="expects a str"):
        vn_postal_nlp.extract(bad)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="model not found"):
        load(tmp_path / "nothing-here")


def test_env_var_overrides_default_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert default_model_path() == tmp_path


def test_default_model_ships_with_the_package() -> None:
    assert (default_model_path() / "config.cfg").is_file()


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import TINY_SOURCE

    root = tmp_path_factory.mktemp("tiny")
    (root / "src").mkdir()
    (root / "src" / "tiny.txt").write_text(TINY_SOURCE, encoding="utf-8")
    compile_corpus(root)
    records = [r for split in ("train", "dev", "test") for r in read_split(root, split)]
    train(root, records=records, output=root / "model")
    return root / "model"


def test_to_disk_and_spacy_load_round_trip(tiny_model: Path, tmp_path: Path) -> None:
    first = load(tiny_model)
    again = spacy.load(tiny_model)  # through the entry points, as a user would
    text = "Bưu điện tỉnh Hà Nam đạt tổng doanh thu 12,5 tỷ đồng. Chị Lan nhận lương hưu."
    assert doc_record("x", first(text)) == doc_record("x", again(text))
    first.to_disk(tmp_path / "copy")
    assert doc_record("x", spacy.load(tmp_path / "copy")(text)) == doc_record("x", first(text))
    restored = spacy.util.load_model_from_config(first.config)  # bytes round trip of every part
    restored.from_bytes(first.to_bytes())
    assert doc_record("x", restored(text)) == doc_record("x", first(text))


def test_pipe_with_two_processes_matches_single_calls(nlp) -> None:
    texts = [TEXT, "Ông Trần Văn Bình nhận Bằng khen.", "", "Chị Minh ở Hà Nội."]
    single = [doc_record(str(i), nlp(t)) for i, t in enumerate(texts)]
    piped = [doc_record(str(i), d) for i, d in enumerate(nlp.pipe(texts, batch_size=2, n_process=2))]
    assert piped == single


def test_untrained_component_says_so() -> None:
    from vn_postal_nlp.pipeline import blank

    with pytest.raises(ModelNotFoundError, match="not trained"):
        blank()("Hà Nội")
