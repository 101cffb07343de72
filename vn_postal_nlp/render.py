"""A self-contained HTML page: each article with its entities highlighted (displaCy) and its
events as a table beneath it, for an analyst to check the extraction by eye.

>>> render_page(["examples"], output=Path("page.html"))  # doctest: +SKIP
3
"""

from __future__ import annotations

import html
from pathlib import Path

from spacy import displacy

from vn_postal_nlp.io.readers import check_paths, read_inputs
from vn_postal_nlp.pipeline import load
from vn_postal_nlp.runner import process

COLORS = {"PER": "#f9c784", "ORG": "#8ecae6", "MONEY": "#b7e4c7", "PERCENT": "#d8f3dc",
          "LOC": "#ffd6e0", "DATE": "#e9ecef"}
STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
article{border-bottom:1px solid #ccc;padding:1rem 0}table{border-collapse:collapse;margin-top:.5rem}
td,th{border:1px solid #bbb;padding:.2rem .5rem;font-size:.9rem;vertical-align:top}
.error{color:#a00}"""


def _value(record: dict, arg: dict) -> str:
    for ent in record["entities"]:
        if ent["start"] == arg["start"] and ent["end"] == arg["end"] and "value" in ent:
            return f" = {ent['value']}"
    return ""


def events_table(record: dict) -> str:
    if not record["events"]:
        return "<p class='no-events'>No events.</p>"
    rows = ["<tr><th>type</th><th>trigger</th><th>arguments</th></tr>"]
    for event in record["events"]:
        args = "<br>".join(
            f"<b>{html.escape(a['role'])}</b>: {html.escape(a['text'])}{html.escape(_value(record, a))}"
            for a in event["arguments"]
        )
        rows.append(f"<tr class='event' data-type='{event['type']}'><td>{event['type']}</td>"
                    f"<td>{html.escape(event['trigger']['text'])}</td><td>{args}</td></tr>")
    return "<table class='events'>" + "".join(rows) + "</table>"


def render_page(paths: list[str], *, output: Path, model: Path | None = None) -> int:
    """Write the page; returns the number of documents shown (errors are shown too)."""
    check_paths(paths)
    nlp = load(model)
    parts = []
    for item in read_inputs(paths):
        title = f"<h2>{html.escape(item.id)}</h2>"
        if item.error is not None:
            parts.append(f"<article>{title}<p class='error'>{html.escape(item.error[1])}</p></article>")
            continue
        record, docs = process(nlp, item.id, item.text, with_doc=True)
        marked = "".join(displacy.render(d, style="ent", page=False, options={"colors": COLORS}) for d in docs)
        parts.append(f"<article>{title}{marked}{events_table(record)}</article>")
    page = (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>vn_postal_nlp</title>"
            f"<style>{STYLE}</style></head><body><h1>vn_postal_nlp: {len(parts)} documents</h1>"
            + "".join(parts) + "</body></html>")
    output.write_text(page, encoding="utf-8")
    return len(parts)
