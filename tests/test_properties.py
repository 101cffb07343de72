"""Property tests: for any Unicode string the pipeline never raises and every span is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn_postal_nlp.io.writers import doc_record
from vn_postal_nlp.text.segment import sentences, tokens

PIECES = st.sampled_from([
    "Bưu điện tỉnh Hà Nam", " đạt ", "12,5 tỷ đồng", ", tăng ", "8,2%", " năm 2025", ". ", "\n", "\t",
    "\u00a0", "Ông Nguyễn Văn An", " trao ", "Bằng khen", " phấn đấu ", "doanh thu", "&amp;", "😀",
    "Ha\u0300 Nô\u0323i", "\r\n", "(HNa) - ", "“", "”", "TP.HCM", "1.250,5", "quý III/2024",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join))


def spans_of(record: dict) -> list[dict]:
    return record["entities"] + [s for e in record["events"] for s in (e["trigger"], *e["arguments"])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_pipeline_never_raises_and_offsets_are_exact(nlp, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    for span in spans_of(doc_record("p", doc)):
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_segmentation_loses_no_character(text: str) -> None:
    spans = tokens(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
    sents = sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in sents)
    assert "".join("".join(text[s:e] for s, e in sents).split()) == "".join(text.split())
