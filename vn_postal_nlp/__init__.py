"""vn_postal_nlp: entities, normalised values and events from Vietnamese news, as a spaCy pipeline.

>>> import vn_postal_nlp
>>> nlp = vn_postal_nlp.load()  # doctest: +SKIP
>>> [(e.text, e.label_) for e in nlp("Bưu điện tỉnh Hà Nam đạt 12,5 tỷ đồng.").ents]  # doctest: +SKIP
[('Bưu điện tỉnh Hà Nam', 'ORG'), ('12,5 tỷ đồng', 'MONEY')]
"""

from __future__ import annotations

from vn_postal_nlp.pipeline import load

__version__ = "0.1.0"


def extract(text: str, *, doc_id: str = "doc", model: str | None = None) -> dict:
    """One text → its GUIDELINES §3 record (entities with values, events).

    >>> extract("Năm 2025, Bưu điện tỉnh Hà Nam đạt tổng doanh thu 12,5 tỷ đồng.")["events"][0]["type"]  # doctest: +SKIP
    'RESULT'
    """
    from vn_postal_nlp.io.writers import doc_record

    if not isinstance(text, str):
        raise TypeError(f"extract() expects a str, got {type(text).__name__}")
    return doc_record(doc_id, load(model)(text))


__all__ = ["__version__", "extract", "load"]
