"""``corpus validate``: sources parse, compiled files agree, GUIDELINES rules hold.

Problems (errors) fail validation; notes (value disagreements with the normaliser, spans that do
not fall on token boundaries) are reported for the team to look at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vn_postal_nlp.corpus.compile import compiled_files, read_corpus
from vn_postal_nlp.corpus.rules import check_record
from vn_postal_nlp.errors import CorpusFormatError
from vn_postal_nlp.text.segment import tokens
from vn_postal_nlp.values import dateline_year, entity_value


@dataclass
class Report:
    documents: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _boundary_notes(record: dict) -> list[str]:
    spans = tokens(record["text"])
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    out = []
    for ent in record["entities"]:
        if ent["start"] not in starts or ent["end"] not in ends:
            out.append(f"{record['id']}: {ent['label']} {ent['text']!r} does not fall on token boundaries")
    return out


def _value_notes(record: dict) -> list[str]:
    year = dateline_year(record["text"])
    out = []
    for ent in record["entities"]:
        if "value" in ent:
            got = entity_value(ent["label"], ent["text"], dateline_year=year)
            if got != ent["value"]:
                out.append(f"{record['id']}: {ent['label']} {ent['text']!r}: gold {ent['value']!r}, normaliser {got!r}")
    return out


def validate_corpus(corpus_dir: Path) -> Report:
    """Check the whole corpus; never raises for content problems, it lists them.

    >>> validate_corpus(Path("corpus")).ok  # doctest: +SKIP
    True
    """
    report = Report()
    try:
        records = read_corpus(corpus_dir)
    except CorpusFormatError as exc:
        report.problems.append(str(exc))
        return report
    report.documents = len(records)
    for record in records:
        report.problems += list(check_record(record))
        report.notes += _boundary_notes(record) + _value_notes(record)
    for path, text in compiled_files(corpus_dir).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            report.problems.append(f"{path}: out of date with corpus/src; run `vn-postal-nlp corpus compile`")
    return report
