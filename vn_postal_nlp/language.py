"""``vi_postal``: spaCy's Vietnamese with our tokenizer and a clear error for non-text input.

>>> import spacy
>>> nlp = spacy.blank("vi_postal")
>>> [t.text for t in nlp("Bưu điện TP.HCM")]
['Bưu', 'điện', 'TP.HCM']
"""

from __future__ import annotations

from spacy.lang.vi import Vietnamese, VietnameseDefaults
from spacy.tokens import Doc
from spacy.util import load_config_from_str, registry

import vn_postal_nlp.tokenizer  # noqa: F401  (registers the tokenizer named below)

DEFAULT_CONFIG = """
[nlp]
lang = "vi_postal"

[nlp.tokenizer]
@tokenizers = "vn_postal_nlp.SyllableTokenizer.v1"
"""


class PostalVietnameseDefaults(VietnameseDefaults):
    config = VietnameseDefaults.config.merge(load_config_from_str(DEFAULT_CONFIG))


@registry.languages("vi_postal")
class PostalVietnamese(Vietnamese):
    lang = "vi_postal"
    Defaults = PostalVietnameseDefaults

    def _ensure_doc(self, doc_like: object) -> Doc:
        if isinstance(doc_like, str | Doc):
            return super()._ensure_doc(doc_like)
        raise TypeError(f"vn_postal_nlp expects a str, got {type(doc_like).__name__}")
