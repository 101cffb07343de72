"""The registered spaCy tokenizer: syllable tokens and sentence starts from ``text.segment``.

The Doc's text is the input exactly; whitespace other than one ASCII space after a token
becomes its own whitespace token, as in spaCy's own tokenizers.

>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vn_postal_nlp.SyllableTokenizer.v1"}}})
>>> [t.text for t in nlp("Bưu điện tỉnh Hà Nam.")]
['Bưu', 'điện', 'tỉnh', 'Hà', 'Nam', '.']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from vn_postal_nlp.text.segment import sentence_starts, tokens


class SyllableTokenizer:
    """Callable ``str -> Doc``; serialisation is a no-op because it has no state."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"vn_postal_nlp expects a str, got {type(text).__name__}")
        spans = tokens(text)
        starts = set(sentence_starts(text, spans))
        words: list[str] = []
        spaces: list[bool] = []
        sent: list[bool | None] = []
        lead = text[: spans[0][0]] if spans else text
        if lead:
            words.append(lead)
            spaces.append(False)
            sent.append(True)
        for i, (start, end) in enumerate(spans):
            words.append(text[start:end])
            sent.append(i in starts if (i or not lead) else False)
            gap = text[end : spans[i + 1][0]] if i + 1 < len(spans) else text[end:]
            spaces.append(gap.startswith(" "))
            rest = gap[1:] if gap.startswith(" ") else gap
            if rest:
                words.append(rest)
                spaces.append(False)
                sent.append(False)
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent)

    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001 - spaCy's signature
        for text in texts:
            yield self(text)

    def to_bytes(self, **_kwargs: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs: object) -> SyllableTokenizer:
        return self

    def to_disk(self, _path: str | Path, **_kwargs: object) -> None:
        return None

    def from_disk(self, _path: str | Path, **_kwargs: object) -> SyllableTokenizer:
        return self


@registry.tokenizers("vn_postal_nlp.SyllableTokenizer.v1")
def create_tokenizer() -> Callable[..., SyllableTokenizer]:
    def make(nlp) -> SyllableTokenizer:  # noqa: ANN001 - spaCy passes the Language
        return SyllableTokenizer(nlp.vocab)

    return make
