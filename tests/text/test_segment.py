from __future__ import annotations

import pytest

from vn_postal_nlp.text.segment import MAX_SENTENCE_TOKENS, sentences, tokens, words

ODD = [
    "Bưu điện tỉnh Hà Nam đạt 12,5 tỷ đồng.",
    "Bưu\u00a0điện\ttỉnh  Hà Nam\r\nđạt 1.250,5 tỷ đồng",
    "Ha\u0300 Nô\u0323i va\u0300 TP.HCM",  # NFD diacritics
    "Doanh thu tăng 😀🎉 mạnh &amp; đều &#39;x&#39;",
    "\ufeffBOM ở đầu, \u200b khoảng trắng rộng bằng không",
    "   ",
    "",
    "(LSO) - Sáng 23/12/2024, ông A nói: “Tốt.” Hết.",
    "a" * 5000,
    "x " * 1000,
]


def _covered(text: str, spans: list[tuple[int, int]]) -> str:
    return "".join(text[s:e] for s, e in spans)


@pytest.mark.parametrize("text", ODD)
def test_tokens_lose_no_character(text: str) -> None:
    spans = tokens(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    gaps = [text[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    assert all(not g.strip() for g in gaps), "only whitespace lies between tokens"
    assert "".join(text.split()) == "".join(_covered(text, spans).split())


@pytest.mark.parametrize("text", ODD)
def test_sentences_and_words_cover_the_tokens(text: str) -> None:
    toks = _covered(text, tokens(text))
    assert "".join(_covered(text, sentences(text)).split()) == "".join(toks.split())
    word_chars = "".join(_covered(text, words(text)).split())
    assert word_chars == "".join(toks.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bưu điện TP.HCM đạt 1.250,5 tỷ đồng.", ["Bưu", "điện", "TP.HCM", "đạt", "1.250,5", "tỷ", "đồng", "."]),
        ("Bộ TT&TT và Bộ TT&amp;TT", ["Bộ", "TT&TT", "và", "Bộ", "TT&amp;TT"]),
        ("ngày 23/12/2024 (LSO)", ["ngày", "23/12/2024", "(", "LSO", ")"]),
        ("H'Mông, tốt.Ông", ["H'Mông", ",", "tốt", ".", "Ông"]),
        ("tăng 18,4%", ["tăng", "18,4", "%"]),
    ],
)
def test_token_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in tokens(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TIÊU ĐỀ BÀI BÁO\nHà Nam, ngày 2/1/2026\nDoanh thu tăng. Lợi nhuận giảm.",
         ["TIÊU ĐỀ BÀI BÁO", "Hà Nam, ngày 2/1/2026", "Doanh thu tăng.", "Lợi nhuận giảm."]),
        ("Tại Tp. Hồ Chí Minh, TP.HCM có 1.250,5 tỷ đồng.", ["Tại Tp. Hồ Chí Minh, TP.HCM có 1.250,5 tỷ đồng."]),
        ("Ông nói: “Rất tốt.” Bà cười.", ["Ông nói: “Rất tốt.”", "Bà cười."]),
        ("(LSO) - Ngày 23/12/2024, ThS. Lê Minh phát biểu.", ["(LSO) - Ngày 23/12/2024, ThS. Lê Minh phát biểu."]),
        ("Ảnh: Lễ trao giải\r\nTHU HÀ", ["Ảnh: Lễ trao giải", "THU HÀ"]),
    ],
)
def test_sentence_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_long_line_without_punctuation_is_cut() -> None:
    text = "chữ " * (MAX_SENTENCE_TOKENS * 3)
    assert len(sentences(text)) == 3


def test_words_group_syllables_with_exact_offsets() -> None:
    text = "Ông Nguye\u0302\u0303n Văn An làm việc tại Bưu điện"
    got = [text[s:e] for s, e in words(text)]
    assert "Bưu điện" in got and "làm việc" in got
    assert "Nguye\u0302\u0303n Văn An" in got
