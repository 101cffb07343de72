"""Word and place lexicons taken from data that ships inside underthesea.

Two lists, both built once at training time and saved as JSON next to the entity model, so a
loaded model never depends on where underthesea keeps its files:

* ``words``: the multi-syllable entries of underthesea's Viet74K dictionary (``thể dục``,
  ``chuyển đổi``). A syllable that forms a dictionary word with its neighbour is a cheap stand-in
  for word segmentation: it tells the tagger that ``dục`` in ``Cục Thể dục thể thao`` belongs
  with ``Thể``.
* ``places``: province and district names from underthesea's administrative-unit data
  (``bà rịa - vũng tàu``, ``buôn ma thuột``), so ``UBND tỉnh Hà Nam`` and ``UBND tỉnh Hà Sỹ
  Đồng Tâm`` (a name after the body) look different to the tagger.

>>> lex = Lexicons(words=frozenset({"thể dục"}), places=frozenset({"hà nam"}))
>>> lex.place_tags(["UBND", "tỉnh", "Hà", "Nam"])
['', '', 'B', 'I']
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from vn_postal_nlp.errors import ModelNotFoundError

DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})
PLACE_HEADS = ("thành phố ", "thị xã ", "huyện ", "quận ", "tỉnh ")
MAX_WORD = 3


def _key(tokens: list[str]) -> str:
    return " ".join(tokens).lower().translate(DASHES)


def _place_variants(name: str) -> set[str]:
    low = unicodedata.normalize("NFC", name).lower().translate(DASHES)
    for head in PLACE_HEADS:
        if low.startswith(head):
            low = low[len(head):]
    if not low or low[0].isdigit():
        return set()
    spaced = " ".join(low.replace("-", " - ").split())
    return {spaced, " ".join(spaced.replace("-", " ").split())}


def _lengths_by_head(entries: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First token → the token counts of the entries starting with it, longest first."""
    heads: dict[str, set[int]] = {}
    for entry in entries:
        tokens = entry.split()
        heads.setdefault(tokens[0], set()).add(len(tokens))
    return {head: tuple(sorted(sizes, reverse=True)) for head, sizes in heads.items()}


@dataclass(frozen=True)
class Lexicons:
    words: frozenset[str]
    places: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_word_heads", _lengths_by_head(self.words))
        object.__setattr__(self, "_place_heads", _lengths_by_head(self.places))

    @classmethod
    def from_underthesea(cls) -> Lexicons:
        """Read the dictionary and the administrative units shipped with underthesea."""
        import underthesea

        root = Path(underthesea.__file__).parent
        lines = (root / "corpus" / "data" / "Viet74K.txt").read_text(encoding="utf-8").splitlines()
        words = set()
        for line in lines:
            low = unicodedata.normalize("NFC", line.strip()).lower()
            if 2 <= len(low.split()) <= MAX_WORD:
                words.add(" ".join(low.split()))
        data = json.loads((root / "address" / "data" / "mapping.json").read_text(encoding="utf-8"))
        names = [v["short"] for v in data["old_province_names"].values()]
        names += [v["short"] for v in data["province_names"].values()]
        names += [row["old_district"] for row in data["ward_mapping"]]
        places = set().union(*(_place_variants(n) for n in names))
        return cls(words=frozenset(words), places=frozenset(places))

    def to_dict(self) -> dict[str, list[str]]:
        return {"words": sorted(self.words), "places": sorted(self.places)}

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> Lexicons:
        return cls(words=frozenset(data["words"]), places=frozenset(data["places"]))

    def to_disk(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> Lexicons:
        if not path.is_file():
            raise ModelNotFoundError(f"{path}: the entity model's lexicon file is missing")
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def word_links(self, low: list[str]) -> list[tuple[bool, bool]]:
        """For each syllable: does it form a dictionary word with the previous / next syllables?"""
        n = len(low)
        prev, nxt = [False] * n, [False] * n
        heads = self._word_heads
        for i in range(n):
            for size in heads.get(low[i], ()):
                if i + size <= n and _key(low[i:i + size]) in self.words:
                    nxt[i] = True
                    for j in range(i + 1, i + size):
                        prev[j] = True
                        if j < i + size - 1:
                            nxt[j] = True
        return list(zip(prev, nxt, strict=True))

    def place_tags(self, forms: list[str]) -> list[str]:
        """Greedy longest match of capitalised place names: ``B``/``I`` inside, ``''`` elsewhere."""
        n, i = len(forms), 0
        tags = [""] * n
        heads = self._place_heads
        while i < n:
            for size in heads.get(forms[i].lower(), ()) if forms[i][:1].isupper() else ():
                span = forms[i : i + size]
                if i + size <= n and all(t[:1].isupper() or not t[:1].isalpha() for t in span) and _key(span) in self.places:
                    tags[i : i + size] = ["B"] + ["I"] * (size - 1)
                    i += size
                    break
            else:
                i += 1
        return tags
