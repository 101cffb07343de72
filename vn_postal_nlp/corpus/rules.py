"""The checkable GUIDELINES rules, run on compiled records (dicts in the §3 shape)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from vn_postal_nlp.corpus.source import LABELS, ROLES

HONORIFICS = (
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "đồng chí", "đ/c", "ngài",
    "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư",
    "tổng giám đốc", "thứ trưởng", "bộ trưởng", "trưởng", "phó", "thủ tướng",
    "gs.", "pgs.", "ts.", "ths.", "bs.", "nhà báo", "thượng tá", "đại tá", "trung tá",
)
QUALIFIERS = ("trên", "hơn", "gần", "khoảng", "đạt", "tới", "tăng", "giảm", "bằng", "chừng", "xấp xỉ")
DATE_PREFIXES = ("sáng", "chiều", "tối", "trưa", "đêm", "trong", "từ", "đến", "vào")
ROLE_LABELS = {
    "amount": ("MONEY", "PERCENT"),
    "change": ("PERCENT",),
    "plan_ratio": ("PERCENT",),
    "period": ("DATE",),
    "date": ("DATE",),
    "org": ("ORG",),
}


def _starts_with_word(text: str, words: Iterable[str]) -> str | None:
    low = text.lower()
    for word in words:
        if low == word or low.startswith(word + " ") or (word.endswith(".") and low.startswith(word)):
            return word
    return None


def check_record(doc: dict) -> Iterator[str]:
    """Yield one message per rule the record breaks; nothing when it is clean."""
    text = doc.get("text", "")
    name = doc.get("id", "?")
    spans = [("entity", e) for e in doc.get("entities", [])]
    for k, ev in enumerate(doc.get("events", [])):
        spans.append((f"event {k} trigger", ev["trigger"]))
        spans += [(f"event {k} {a['role']}", a) for a in ev["arguments"]]
    for what, span in spans:
        if not 0 <= span["start"] < span["end"] <= len(text) or text[span["start"] : span["end"]] != span["text"]:
            yield f"{name}: {what} {span.get('text')!r} at {span['start']}:{span['end']} does not match the text"
    yield from _check_entities(name, doc.get("entities", []))
    yield from _check_edges(name, text, doc.get("entities", []))
    yield from _check_events(name, doc)


def _check_entities(name: str, entities: list[dict]) -> Iterator[str]:
    previous_end = -1
    for ent in sorted(entities, key=lambda e: (e["start"], e["end"])):
        label, span = ent["label"], ent["text"]
        if label not in LABELS:
            yield f"{name}: unknown label {label!r} on {span!r}"
        if ent["start"] < previous_end:
            yield f"{name}: entity {span!r} overlaps the one before it"
        previous_end = max(previous_end, ent["end"])
        if label == "PER" and (word := _starts_with_word(span, HONORIFICS)):
            yield f"{name}: PER {span!r} starts with the title/honorific {word!r}"
        if label in ("MONEY", "PERCENT") and (word := _starts_with_word(span, QUALIFIERS)):
            yield f"{name}: {label} {span!r} starts with the qualifier {word!r}"
        if label == "DATE" and (word := _starts_with_word(span, DATE_PREFIXES)):
            yield f"{name}: DATE {span!r} starts with {word!r}, which stays outside"
        if label in ("MONEY", "PERCENT", "DATE") and "value" not in ent:
            yield f"{name}: {label} {span!r} has no value"


DATE_HEADS = ("ngày", "tháng", "năm", "quý")
_UNIT_AFTER = re.compile(r"^\s?(?:đồng|USD|VNĐ|VND|tỷ|tỉ|triệu)(?![^\W\d_])")


def _check_edges(name: str, text: str, entities: list[dict]) -> Iterator[str]:
    """Words that belong inside a span but were left just outside it."""
    for ent in entities:
        before = text[max(0, ent["start"] - 6) : ent["start"]]
        after = text[ent["end"] : ent["end"] + 8]
        if ent["label"] == "DATE" and re.search(r"(?:^|\s)(?:ngày|tháng|năm|quý) $", before.lower()) \
                and not ent["text"][:1].isalpha():
            yield f"{name}: DATE {ent['text']!r} leaves its head word ({before.strip()!r}) outside"
        if ent["label"] == "MONEY" and _UNIT_AFTER.match(after):
            yield f"{name}: MONEY {ent['text']!r} leaves its unit ({after.strip()!r}) outside"
        if ent["label"] == "PERCENT" and re.match(r"^\s?(?:%|phần trăm)", after):
            yield f"{name}: PERCENT {ent['text']!r} leaves its % sign outside"


def _check_events(name: str, doc: dict) -> Iterator[str]:
    by_span = {(e["start"], e["end"]): e["label"] for e in doc.get("entities", [])}
    for k, ev in enumerate(doc.get("events", [])):
        etype = ev.get("type")
        if etype not in ROLES:
            yield f"{name}: event {k} has unknown type {etype!r}"
            continue
        if not ev.get("arguments"):
            yield f"{name}: event {k} ({etype} {ev['trigger']['text']!r}) has no arguments"
        for arg in ev.get("arguments", []):
            role = arg["role"]
            if role not in ROLES[etype]:
                yield f"{name}: event {k} ({etype}) has role {role!r}, not one of {ROLES[etype]}"
            wanted = ROLE_LABELS.get(role)
            got = by_span.get((arg["start"], arg["end"]))
            if wanted and got not in wanted:
                yield (f"{name}: event {k} ({etype}) {role} {arg['text']!r} must be a "
                       f"{'/'.join(wanted)} entity, is {got or 'no entity'}")
