"""Docs → GUIDELINES §3 records, and records → JSONL / CSV / CoNLL text.

>>> doc_record("doc-1", nlp("Lãi 12,5 tỷ đồng"))["entities"][0]["value"]  # doctest: +SKIP
{'amount': 12500000000, 'currency': 'VND'}
"""

from __future__ import annotations

import csv
import io
import json

from spacy.tokens import Doc

from vn_postal_nlp.corpus.source import ROLES

ROLE_COLUMNS = sorted({r for roles in ROLES.values() for r in roles})


def doc_record(doc_id: str, doc: Doc, *, with_text: bool = False) -> dict:
    """The JSON record of one processed document."""
    entities = []
    for ent in doc.ents:
        item = {"start": ent.start_char, "end": ent.end_char, "label": ent.label_, "text": ent.text}
        if ent.label_ in ("MONEY", "PERCENT", "DATE"):
            item["value"] = ent._.value
        entities.append(item)
    record = {"id": doc_id, "entities": entities, "events": list(doc._.events or [])}
    if with_text:
        record["text"] = doc.text
    return record


def error_record(doc_id: str, error_type: str, message: str) -> dict:
    return {"id": doc_id, "error": {"type": error_type, "message": message}}


def jsonl_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


CSV_HEADER = ["id", "event", "type", "sentence", "trigger", *ROLE_COLUMNS,
              "amount_value", "currency", "change_value", "plan_ratio_value", "period_value", "error"]


def csv_rows(record: dict) -> list[list[str]]:
    """One row per event, a column per role; normalised amount / percentages / period."""
    if "error" in record:
        return [[record["id"], "", "", "", "", *[""] * len(ROLE_COLUMNS), "", "", "", "", "",
                 f"{record['error']['type']}: {record['error']['message']}"]]
    values = {(e["start"], e["end"]): e.get("value") for e in record["entities"]}
    rows = []
    for k, event in enumerate(record["events"]):
        by_role: dict[str, list[dict]] = {}
        for arg in event["arguments"]:
            by_role.setdefault(arg["role"], []).append(arg)
        first = {role: values.get((args[0]["start"], args[0]["end"])) for role, args in by_role.items()}
        amount = first.get("amount")
        rows.append([
            record["id"], str(k), event["type"], str(event.get("sentence", "")), event["trigger"]["text"],
            *[" | ".join(a["text"] for a in by_role.get(role, [])) for role in ROLE_COLUMNS],
            _plain(amount["amount"] if isinstance(amount, dict) else amount),
            amount.get("currency", "") if isinstance(amount, dict) else ("%" if amount is not None else ""),
            _plain(first.get("change")), _plain(first.get("plan_ratio")),
            _plain(first.get("period") or first.get("date")), "",
        ])
    return rows


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "-".join(str(v) for v in value)
    return str(value)


def csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def conll_text(record: dict, doc: Doc | None) -> str:
    """``# id = ...`` then token TAB BIO-tag per line, a blank line between sentences."""
    if doc is None:
        return f"# id = {record['id']}\n# error = {record['error']['type']}: {record['error']['message']}\n\n"
    lines = [f"# id = {record['id']}"]
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        lines += [f"{t.text}\t{t.ent_iob_ + '-' + t.ent_type_ if t.ent_type_ else 'O'}" for t in tokens]
        lines.append("")
    return "\n".join(lines) + "\n"
