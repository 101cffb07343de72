"""Registered extensions: ``span._.value``, ``doc._.events``, ``doc._.dateline_year``.

>>> register_extensions()
>>> from spacy.tokens import Span
>>> Span.has_extension("value")
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from vn_postal_nlp.values import dateline_year, entity_value


def _doc_dateline_year(doc: Doc) -> int | None:
    key = ("vn_postal_nlp", "dateline_year")
    if key not in doc.user_data:
        doc.user_data[key] = dateline_year(doc.text)
    return doc.user_data[key]


def _span_value(span: Span) -> object:
    return entity_value(span.label_, span.text, dateline_year=_doc_dateline_year(span.doc))


def register_extensions() -> None:
    """``span._.value``, ``doc._.events`` and ``doc._.dateline_year`` (idempotent)."""
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_span_value)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
    if not Doc.has_extension("dateline_year"):
        Doc.set_extension("dateline_year", getter=_doc_dateline_year)
