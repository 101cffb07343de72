"""Token features of the entity CRF on odd spellings."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from vn_postal_nlp.ner.features import sentence_features
from vn_postal_nlp.tokenizer import SyllableTokenizer


def features_of(text: str) -> list[tuple[str, list[str]]]:
    doc = SyllableTokenizer(Vocab())(text)
    feats = sentence_features([t.text for t in doc], spaced=[bool(t.whitespace_) for t in doc])
    return [(t.text, f) for t, f in zip(doc, feats, strict=True)]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("theo Kế hoạch số 215/KH-UBND ngày 3/2", ["215", "/", "KH", "-", "UBND"]),
        ("Quyết định 1764/QĐ-TTg của Thủ tướng", ["1764", "/", "QĐ", "-", "TTg"]),
        ("VNPT-VinaPhone và ngày 3/2", []),  # glued, but no digit and slash together
    ],
)
def test_document_codes_are_marked(text: str, coded: list[str]) -> None:
    assert [tok for tok, f in features_of(text) if "doc_code" in f] == coded


def test_glue_features_follow_the_spaces() -> None:
    rows = dict(features_of("VNPT-VinaPhone tăng"))
    assert "glued_next" in rows["VNPT"] and "glued_prev" in rows["VinaPhone"]
    assert "glued_next" not in rows["VinaPhone"] and "glued_prev" not in rows["tăng"]
