"""The dictionary and place lexicons built from underthesea's own data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from vn_postal_nlp.errors import ModelNotFoundError
from vn_postal_nlp.ner.features import sentence_features
from vn_postal_nlp.ner.lexicons import Lexicons


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return Lexicons.from_underthesea()


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("UBND tỉnh Bà Rịa – Vũng Tàu", ["", "", "B", "I", "I", "I", "I"]),
        ("UBND tỉnh Bà Rịa - Vũng Tàu", ["", "", "B", "I", "I", "I", "I"]),
        ("tại Bà Rịa Vũng Tàu", ["", "B", "I", "I", "I"]),
        ("TP Buôn Ma Thuột", ["", "B", "I", "I"]),
        ("UBND tỉnh Hà Nam", ["", "", "B", "I"]),
        ("UBND tỉnh Hà Sỹ Đồng Tâm", ["", "", "", "", "", ""]),
        ("bình minh ở hà nam", ["", "", "", "", ""]),  # lowercase words are never places
    ],
)
def test_place_names_are_matched_longest_first(lexicons: Lexicons, text: str, tags: list[str]) -> None:
    assert lexicons.place_tags(text.split()) == tags


def test_dictionary_links_join_the_syllables_of_a_word(lexicons: Lexicons) -> None:
    links = lexicons.word_links(["cục", "thể", "dục", "thể", "thao"])
    assert links[2] == (True, False)  # "dục" closes "thể dục"
    assert links[3] == (False, True)  # "thể" opens "thể thao"
    assert links[0] == (False, False)


def test_lexicons_round_trip_through_json(lexicons: Lexicons, tmp_path: Path) -> None:
    path = tmp_path / "lexicons.json"
    lexicons.to_disk(path)
    assert Lexicons.from_disk(path) == lexicons
    with pytest.raises(ModelNotFoundError, match="lexicon file is missing"):
        Lexicons.from_disk(tmp_path / "nothing.json")


def test_lexicon_features_reach_the_tagger(lexicons: Lexicons) -> None:
    forms = ["Giám", "đốc", "Bưu", "điện", "tỉnh", "Đắk", "Lắk", "Lê", "Văn", "Hải"]
    feats = sentence_features(forms, lexicons=lexicons)
    assert "place=B" in feats[5] and "place=I" in feats[6]
    assert "-1place_end" in feats[7] and "place=B" not in feats[7]
    assert "+1place" in feats[4]
    assert all(not any(f.startswith("place=") for f in row) for row in sentence_features(forms))
