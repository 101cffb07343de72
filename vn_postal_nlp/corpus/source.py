"""Parse the corpus source format into GUIDELINES-shaped records.

A source file holds documents, each opened by a header line::

    @@ ha-nam-doanh-thu-2025 result

followed by the article text with inline marks ``[span]{ANNOTATIONS}``.
Marks nest (``[kế hoạch [năm 2025]{DATE=2025}]{e1.plan}``); ``\\[ \\] \\{ \\} \\\\``
escape the mark characters. ANNOTATIONS is a space-separated list of:

* an entity label with its hand-written value where the label has one:
  ``ORG``, ``PER``, ``LOC``, ``MONEY=12500000000:VND``,
  ``MONEY=21000000000000..23000000000000:VND``, ``PERCENT=8.2``,
  ``PERCENT=10..15``, ``DATE=2025``;
* ``eN=TYPE``: the span is the trigger of event ``eN``;
* ``eN.role``: the span is an argument of event ``eN`` with that role.

Example: ``[Bưu điện tỉnh Hà Nam]{ORG e1.org} [đạt]{e1=RESULT}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from vn_postal_nlp.errors import CorpusFormatError

LABELS = ("PER", "ORG", "LOC", "MONEY", "PERCENT", "DATE")
ROLES = {
    "AWARD": ("giver", "recipient", "award", "date"),
    "PLAN_LAUNCH": ("organiser", "plan", "date"),
    "RESULT": ("org", "metric", "amount", "change", "plan_ratio", "period"),
    "TARGET": ("org", "metric", "amount", "change", "period"),
}
TOPICS = (
    "result", "target", "award", "plan", "appointment", "cooperation",
    "service", "general", "mixed",
)
HEADER = re.compile(r"^@@\s+(?P<id>[A-Za-z0-9_.\-]+)\s+(?P<topic>[a-z_]+)\s*$")
_NUM = r"-?\d+(?:\.\d+)?"
_MONEY = re.compile(rf"^(?P<a>{_NUM})(?:\.\.(?P<b>{_NUM}))?:(?P<cur>VND|USD|EUR|JPY|CNY)$")
_PERCENT = re.compile(rf"^(?P<a>{_NUM})(?:\.\.(?P<b>{_NUM}))?$")
_DATE = re.compile(
    r"^(?:\d{4}(?:-(?:Q[1-4]|\d{2}(?:-\d{2})?))?|--\d{2}(?:-\d{2})?|--Q[1-4])"
    r"(?:/(?:\d{4}(?:-(?:Q[1-4]|\d{2}(?:-\d{2})?))?|--\d{2}(?:-\d{2})?|--Q[1-4]))?$"
)
_TRIGGER = re.compile(r"^(e\d+)=([A-Z_]+)$")
_ARG = re.compile(r"^(e\d+)\.([a-z_]+)$")


@dataclass
class Mark:
    start: int
    end: int
    annotations: list[str]
    line: int


@dataclass
class SourceDoc:
    id: str
    topic: str
    text: str
    path: str
    line: int
    marks: list[Mark] = field(default_factory=list)


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def parse_value(label: str, raw: str, where: str) -> object:
    """Turn a hand-written value (``12500000000:VND``, ``8.2``, ``2025``) into JSON."""
    if label == "MONEY":
        m = _MONEY.match(raw)
        if not m:
            raise CorpusFormatError(f"{where}: bad MONEY value {raw!r} (want AMOUNT[..MAX]:VND)")
        value: dict[str, object] = {"amount": _number(m["a"])}
        if m["b"]:
            value["amount_max"] = _number(m["b"])
        value["currency"] = m["cur"]
        return value
    if label == "PERCENT":
        m = _PERCENT.match(raw)
        if not m:
            raise CorpusFormatError(f"{where}: bad PERCENT value {raw!r} (want 8.2 or 10..15)")
        low = _number(m["a"])
        return [low, _number(m["b"])] if m["b"] else low
    if not _DATE.match(raw):
        raise CorpusFormatError(f"{where}: bad DATE value {raw!r} (want ISO-8601 like 2025, 2024-Q3)")
    return raw


def _strip_marks(body: str, path: str, first_line: int) -> tuple[str, list[Mark]]:
    out: list[str] = []  # one character per item, so len(out) is the offset
    stack: list[tuple[int, int]] = []
    marks: list[Mark] = []
    line = first_line
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] in "[]{}\\":
            out.append(body[i + 1])
            i += 2
            continue
        if ch == "\n":
            line += 1
        if ch == "[":
            stack.append((len(out), line))
            i += 1
            continue
        if ch == "]":
            if not stack:
                raise CorpusFormatError(f"{path}:{line}: ']' without an opening '['")
            if i + 1 >= len(body) or body[i + 1] != "{":
                raise CorpusFormatError(f"{path}:{line}: ']' must be followed by '{{annotations}}'")
            close = body.find("}", i + 2)
            if close < 0:
                raise CorpusFormatError(f"{path}:{line}: '{{' is never closed")
            start, open_line = stack.pop()
            annotations = body[i + 2 : close].split()
            if not annotations:
                raise CorpusFormatError(f"{path}:{line}: empty annotation '{{}}'")
            marks.append(Mark(start, len(out), annotations, open_line))
            i = close + 1
            continue
        if ch in "{}":
            raise CorpusFormatError(f"{path}:{line}: stray {ch!r}; escape it as '\\{ch}'")
        out.append(ch)
        i += 1
    if stack:
        raise CorpusFormatError(f"{path}:{stack[-1][1]}: '[' is never closed")
    return "".join(out), marks


def split_documents(source: str, path: str) -> list[SourceDoc]:
    """Split a source file into documents (text still carrying marks)."""
    docs: list[SourceDoc] = []
    current: list[str] = []
    header: tuple[str, str, int] | None = None

    def flush() -> None:
        if header is None:
            if any(line.strip() for line in current):
                raise CorpusFormatError(f"{path}:1: text before the first '@@ id topic' header")
            return
        doc_id, topic, line_no = header
        lines = current[:]
        lead = 0
        while lines and not lines[0].strip():
            lines.pop(0)
            lead += 1
        while lines and not lines[-1].strip():
            lines.pop()
        docs.append(SourceDoc(doc_id, topic, "\n".join(lines), path, line_no + 1 + lead))

    for n, raw in enumerate(source.split("\n"), start=1):
        if raw.startswith("@@"):
            flush()
            m = HEADER.match(raw)
            if not m:
                raise CorpusFormatError(f"{path}:{n}: bad header {raw!r} (want '@@ id topic')")
            if m["topic"] not in TOPICS:
                raise CorpusFormatError(f"{path}:{n}: unknown topic {m['topic']!r}; use one of {TOPICS}")
            header = (m["id"], m["topic"], n)
            current = []
        else:
            current.append(raw)
    flush()
    return docs


def parse_document(doc: SourceDoc) -> dict:
    """Resolve one document's marks into entities and events (no sentence index yet)."""
    text, marks = _strip_marks(doc.text, doc.path, doc.line)
    entities: list[dict] = []
    triggers: dict[str, tuple[str, Mark]] = {}
    arguments: dict[str, list[tuple[str, Mark]]] = {}
    for mark in marks:
        where = f"{doc.path}:{mark.line} ({doc.id})"
        span = text[mark.start : mark.end]
        if not span or span != span.strip():
            raise CorpusFormatError(f"{where}: span {span!r} is empty or has outer spaces")
        label_seen = False
        for ann in mark.annotations:
            head, _, raw_value = ann.partition("=")
            if head in LABELS:
                if label_seen:
                    raise CorpusFormatError(f"{where}: two labels on {span!r}")
                label_seen = True
                entity = {"start": mark.start, "end": mark.end, "label": head, "text": span}
                if head in ("MONEY", "PERCENT", "DATE"):
                    if not raw_value:
                        raise CorpusFormatError(f"{where}: {head} {span!r} needs a value ({head}=...)")
                    entity["value"] = parse_value(head, raw_value, where)
                elif raw_value:
                    raise CorpusFormatError(f"{where}: {head} takes no value")
                entities.append(entity)
            elif m := _TRIGGER.match(ann):
                if m[2] not in ROLES:
                    raise CorpusFormatError(f"{where}: unknown event type {m[2]!r}")
                if m[1] in triggers:
                    raise CorpusFormatError(f"{where}: event {m[1]} has two triggers")
                triggers[m[1]] = (m[2], mark)
            elif m := _ARG.match(ann):
                arguments.setdefault(m[1], []).append((m[2], mark))
            else:
                raise CorpusFormatError(f"{where}: unknown annotation {ann!r}")
    events = []
    for eid in arguments:
        if eid not in triggers:
            raise CorpusFormatError(f"{doc.path} ({doc.id}): event {eid} has arguments but no trigger")
    for eid, (etype, mark) in sorted(triggers.items(), key=lambda kv: (kv[1][1].start, kv[0])):
        args = []
        for role, arg in sorted(arguments.get(eid, []), key=lambda ra: ra[1].start):
            if role not in ROLES[etype]:
                raise CorpusFormatError(
                    f"{doc.path}:{arg.line} ({doc.id}): role {role!r} is not one of {etype}'s {ROLES[etype]}"
                )
            args.append({"role": role, "start": arg.start, "end": arg.end, "text": text[arg.start : arg.end]})
        if not args:
            raise CorpusFormatError(f"{doc.path}:{mark.line} ({doc.id}): event {eid} has no arguments")
        events.append({
            "type": etype,
            "trigger": {"start": mark.start, "end": mark.end, "text": text[mark.start : mark.end]},
            "arguments": args,
        })
    entities.sort(key=lambda e: (e["start"], e["end"]))
    return {"id": doc.id, "topic": doc.topic, "text": text, "entities": entities, "events": events}


def read_source(path: Path) -> list[dict]:
    """Parse every document of one source file."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusFormatError(f"{path}: cannot read: {exc}") from exc
    return [parse_document(doc) for doc in split_documents(source, str(path))]
