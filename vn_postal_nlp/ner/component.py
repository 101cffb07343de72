"""``vn_postal_ner``: the trained CRF writing ``doc.ents`` (labels of GUIDELINES §1).

>>> doc = nlp("Bưu điện tỉnh Hà Nam đạt 12,5 tỷ đồng.")  # doctest: +SKIP
>>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP
[('Bưu điện tỉnh Hà Nam', 'ORG'), ('12,5 tỷ đồng', 'MONEY')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from vn_postal_nlp.errors import ModelNotFoundError
from vn_postal_nlp.extensions import register_extensions
from vn_postal_nlp.ner.features import sentence_features
from vn_postal_nlp.ner.lexicons import Lexicons
from vn_postal_nlp.ner.model import CrfTagger
from vn_postal_nlp.text.normalise import norm_token

MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicons.json"


def sentence_tokens(doc: Doc) -> Iterator[list[int]]:
    """Indices of the non-space tokens of each sentence."""
    for sent in doc.sents:
        idx = [t.i for t in sent if not t.is_space]
        if idx:
            yield idx


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags → ``(start, end, label)`` over positions; a stray ``I-`` opens a span."""
    out: list[tuple[int, int, str]] = []
    start, label = None, ""
    for pos, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            out.append((start, pos, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = pos, tag[2:]
    return out


def bio_to_spans(doc: Doc, idx: list[int], tags: list[str]) -> list[Span]:
    return [Span(doc, idx[a], idx[b - 1] + 1, label=lab) for a, b, lab in bio_spans(tags)]


class CrfNer:
    """spaCy pipe: features → CRF → BIO tags → ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, *, c1: float, c2: float, max_iterations: int,
                 use_words: bool, use_lexicons: bool) -> None:
        self.name = name
        self.cfg = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "use_words": use_words,
                    "use_lexicons": use_lexicons}
        self.model: CrfTagger | None = None
        self.lexicons: Lexicons | None = None

    def _features(self, doc: Doc, idx: list[int]) -> list[list[str]]:
        texts = [doc[i].text for i in idx]
        forms = [norm_token(t) for t in texts]
        words = None
        if self.cfg["use_words"]:  # underthesea word boundaries as B/I features
            from vn_postal_nlp.text.segment import word_groups

            joined = " ".join(texts)
            spans, at = [], 0
            for t in texts:
                spans.append((at, at + len(t)))
                at += len(t) + 1
            words = ["I"] * len(idx)
            for a, _ in word_groups(joined, spans):
                words[a] = "B"
        spaced = [bool(doc[i].whitespace_) for i in idx]
        return sentence_features(forms, words, self.lexicons, spaced)

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            raise ModelNotFoundError(f"component {self.name!r} is not trained: load a trained pipeline")
        spans: list[Span] = []
        for idx in sentence_tokens(doc):
            spans += bio_to_spans(doc, idx, self.model.tag(self._features(doc, idx)))
        doc.ents = filter_spans(spans)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def update_from(self, examples: Iterable[Example]) -> None:
        """Fit the CRF on gold examples (the CRF trains in one batch, not by gradient steps)."""
        if self.cfg["use_lexicons"] and self.lexicons is None:
            self.lexicons = Lexicons.from_underthesea()
        xs, ys = [], []
        for eg in examples:
            tags = {t.i: (t.ent_iob_ + "-" + t.ent_type_ if t.ent_type_ else "O") for t in eg.reference}
            for idx in sentence_tokens(eg.reference):
                xs.append(self._features(eg.reference, idx))
                ys.append([tags[i] for i in idx])
        self.model = CrfTagger.fit(xs, ys, c1=self.cfg["c1"], c2=self.cfg["c2"],
                                   max_iterations=self.cfg["max_iterations"])

    def to_bytes(self, *, exclude: tuple = ()) -> bytes:
        return srsly.msgpack_dumps({
            "model": self.model.to_bytes() if self.model else b"",
            "lexicons": None if self.lexicons is None else self.lexicons.to_dict(),
        })

    def from_bytes(self, data: bytes, *, exclude: tuple = ()) -> CrfNer:
        parts = srsly.msgpack_loads(data)
        self.model = CrfTagger.from_bytes(parts["model"]) if parts["model"] else None
        self.lexicons = None if parts["lexicons"] is None else Lexicons.from_dict(parts["lexicons"])
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps(self.cfg, indent=2))
        if self.model:
            (path / MODEL_FILE).write_bytes(self.model.to_bytes())
        if self.lexicons is not None:
            self.lexicons.to_disk(path / LEXICON_FILE)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> CrfNer:
        model_file = Path(path) / MODEL_FILE
        if not model_file.is_file():
            raise ModelNotFoundError(f"{model_file}: the entity model file is missing")
        self.model = CrfTagger.from_bytes(model_file.read_bytes())
        if self.cfg["use_lexicons"]:
            self.lexicons = Lexicons.from_disk(Path(path) / LEXICON_FILE)
        return self


@Language.factory(
    "vn_postal_ner",
    default_config={"c1": 0.05, "c2": 0.01, "max_iterations": 150, "use_words": False,
                    "use_lexicons": True},
)
def make_ner(nlp: Language, name: str, c1: float, c2: float, max_iterations: int,
             use_words: bool, use_lexicons: bool) -> CrfNer:
    register_extensions()
    return CrfNer(nlp, name, c1=c1, c2=c2, max_iterations=max_iterations, use_words=use_words,
                  use_lexicons=use_lexicons)
