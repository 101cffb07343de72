"""Gold records (GUIDELINES §3 dicts) → spaCy ``Example`` objects on the project tokenizer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from vn_postal_nlp.errors import CorpusFormatError


def gold_doc(nlp: Language, record: dict) -> Doc:
    """A Doc with the record's entities as ``doc.ents`` and its events in ``doc._.events``."""
    doc = nlp.make_doc(record["text"])
    ents = []
    for ent in record["entities"]:
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"], alignment_mode="strict")
        if span is None:
            raise CorpusFormatError(
                f"{record['id']}: {ent['label']} {ent['text']!r} at {ent['start']}:{ent['end']} "
                "does not fall on token boundaries"
            )
        ents.append(span)
    doc.ents = ents
    doc._.events = record.get("events", [])
    return doc


def examples(nlp: Language, records: Iterable[dict]) -> Iterator[Example]:
    for record in records:
        reference = gold_doc(nlp, record)
        yield Example(nlp.make_doc(record["text"]), reference)
