"""Scoring as GUIDELINES §4: entities, values, triggers and arguments; underthesea beside us.

>>> scores = evaluate(Path("models/vi_postal"), Path("corpus/compiled/test.jsonl"))  # doctest: +SKIP
>>> round(scores["entities"]["core"]["f1"], 3)  # doctest: +SKIP
0.95
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from vn_postal_nlp.errors import InputError
from vn_postal_nlp.io.writers import doc_record
from vn_postal_nlp.pipeline import load
from vn_postal_nlp.text.segment import sentences

CORE = ("PER", "ORG", "MONEY", "PERCENT")
LABELS = (*CORE, "LOC", "DATE")
PARTY = {"org", "organiser", "giver", "recipient"}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def entity_scores(gold: list[dict], pred: list[dict], labels: Iterable[str] = LABELS) -> dict:
    """Exact-span, exact-label P/R/F1 per label, for the core labels and for all labels."""
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    values_ok = values_n = 0
    for g, p in zip(gold, pred, strict=True):
        gold_spans = {(e["start"], e["end"], e["label"]): e for e in g["entities"]}
        for e in p["entities"]:
            n_pred[e["label"]] += 1
            match = gold_spans.get((e["start"], e["end"], e["label"]))
            if match:
                tp[e["label"]] += 1
                if "value" in match:
                    values_n += 1
                    values_ok += e.get("value") == match["value"]
        for e in g["entities"]:
            n_gold[e["label"]] += 1
    labels = list(labels)
    out = {lab: prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}
    core = [lab for lab in labels if lab in CORE]
    out["core"] = prf(sum(tp[x] for x in core), sum(n_pred[x] for x in core), sum(n_gold[x] for x in core))
    out["all"] = prf(sum(tp[x] for x in labels), sum(n_pred[x] for x in labels), sum(n_gold[x] for x in labels))
    out["value_accuracy"] = values_ok / values_n if values_n else 0.0
    out["values_checked"] = values_n
    return out


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _arg_match(g: dict, p: dict, *, strict: bool) -> bool:
    if g["start"] == p["start"] and g["end"] == p["end"]:
        return True
    if g["role"] in PARTY and _norm(g["text"]) == _norm(p["text"]):
        return True
    return not strict and g["start"] < p["end"] and p["start"] < g["end"]


def _triples(doc: dict) -> list[tuple[str, str, dict, dict]]:
    return [(ev["type"], a["role"], a, ev["trigger"]) for ev in doc["events"] for a in ev["arguments"]]


def _match_count(gold: list, pred: list, same) -> int:  # noqa: ANN001 - a predicate
    """Greedy one-to-one matching (gold and predicted lists are small, per document)."""
    used: set[int] = set()
    n = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and same(g, p):
                used.add(k)
                n += 1
                break
    return n


def event_scores(gold: list[dict], pred: list[dict]) -> dict:
    """Trigger F1 (overlap) and argument F1, strict and relaxed, overall, per type and role."""
    counts: dict[str, Counter] = {}

    def add(key: str, name: str, n: int) -> None:
        counts.setdefault(key, Counter())[name] += n

    for g, p in zip(gold, pred, strict=True):
        gt = [(e["type"], e["trigger"]) for e in g["events"]]
        pt = [(e["type"], e["trigger"]) for e in p["events"]]
        ga, pa = _triples(g), _triples(p)
        groups = {"all": (gt, pt, ga, pa)}
        for etype in {x[0] for x in gt + pt}:
            groups[etype] = ([x for x in gt if x[0] == etype], [x for x in pt if x[0] == etype],
                             [x for x in ga if x[0] == etype], [x for x in pa if x[0] == etype])
        for role in {(x[0], x[1]) for x in ga + pa}:
            key = f"{role[0]}.{role[1]}"
            groups[key] = ([], [], [x for x in ga if x[:2] == role], [x for x in pa if x[:2] == role])
        for key, (gtr, ptr, garg, parg) in groups.items():
            same_trig = lambda a, b: a[0] == b[0] and a[1]["start"] < b[1]["end"] and b[1]["start"] < a[1]["end"]  # noqa: E731
            add(key, "trig_tp", _match_count(gtr, ptr, same_trig))
            add(key, "trig_gold", len(gtr))
            add(key, "trig_pred", len(ptr))
            for mode in ("strict", "relaxed"):
                same = lambda a, b, s=(mode == "strict"): a[:2] == b[:2] and _arg_match(a[2], b[2], strict=s)  # noqa: E731
                add(key, f"{mode}_tp", _match_count(garg, parg, same))
            add(key, "arg_gold", len(garg))
            add(key, "arg_pred", len(parg))
    out = {}
    for key in sorted(counts, key=lambda k: (k != "all", "." in k, k)):
        c = counts[key]
        row = {"strict": prf(c["strict_tp"], c["arg_pred"], c["arg_gold"]),
               "relaxed": prf(c["relaxed_tp"], c["arg_pred"], c["arg_gold"])}
        if "." not in key:
            row["trigger"] = prf(c["trig_tp"], c["trig_pred"], c["trig_gold"])
        out[key] = row
    return out


def read_gold(path: Path) -> list[dict]:
    if not path.is_file():
        raise InputError(f"{path}: no such evaluation file")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return out


def underthesea_records(gold: list[dict]) -> list[dict]:
    """underthesea ``ner()`` on each sentence, mapped to character offsets (PER/ORG/LOC)."""
    from underthesea import ner

    out = []
    for doc in gold:
        text = doc["text"]
        ents = []
        for s_start, s_end in sentences(text):
            cursor, current = s_start, None
            for word, _pos, _chunk, tag in ner(text[s_start:s_end]):
                at = text.find(word, cursor, s_end)
                if at < 0:
                    current = None
                    continue
                cursor = at + len(word)
                label = tag[2:] if tag != "O" else None
                if tag.startswith("B-") or (label and (current is None or current["label"] != label)):
                    current = {"start": at, "end": cursor, "label": label}
                    ents.append(current)
                elif tag.startswith("I-") and current is not None:
                    current["end"] = cursor
                else:
                    current = None
        out.append({"id": doc["id"], "entities": [e for e in ents if e["label"] in ("PER", "ORG", "LOC")],
                    "events": []})
    return out


def evaluate(model: Path | None, data: Path, *, baseline: bool = True) -> dict:
    """Score the pipeline (and underthesea, when ``baseline``) on the gold JSONL ``data``."""
    gold = read_gold(data)
    nlp = load(model)
    started = time.perf_counter()
    pred = [doc_record(r["id"], doc) for r, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True)]
    seconds = time.perf_counter() - started
    chars = sum(len(r["text"]) for r in gold)
    result = {
        "documents": len(gold),
        "entities": entity_scores(gold, pred),
        "events": event_scores(gold, pred),
        "speed": {"chars_per_second": chars / seconds if seconds else 0.0, "seconds": seconds},
    }
    if baseline:
        started = time.perf_counter()
        base = underthesea_records(gold)
        seconds = time.perf_counter() - started
        result["underthesea"] = {
            "entities": entity_scores(gold, base, labels=("PER", "ORG", "LOC")),
            "speed": {"chars_per_second": chars / seconds if seconds else 0.0, "seconds": seconds},
        }
        ours = entity_scores(gold, pred, labels=("PER", "ORG", "LOC"))
        result["entities_per_org_loc"] = ours
    return result


def format_table(result: dict) -> str:
    """A plain-text report: entities, values, events, speed, underthesea beside us."""
    lines = [f"documents: {result['documents']}", "", f"{'label':<10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}"]
    ents = result["entities"]
    for key in (*LABELS, "core", "all"):
        row = ents[key]
        lines.append(f"{key:<10}{row['precision']:8.3f}{row['recall']:8.3f}{row['f1']:8.3f}{row['gold']:7d}")
    lines.append(f"value accuracy: {ents['value_accuracy']:.3f} ({ents['values_checked']} values)")
    lines += ["", f"{'events':<24}{'trig F1':>8}{'strict':>8}{'relaxed':>8}{'gold args':>10}"]
    for key, row in result["events"].items():
        trig = f"{row['trigger']['f1']:8.3f}" if "trigger" in row else " " * 8
        lines.append(f"{key:<24}{trig}{row['strict']['f1']:8.3f}{row['relaxed']['f1']:8.3f}{row['strict']['gold']:10d}")
    lines.append("")
    lines.append(f"speed: {result['speed']['chars_per_second']:,.0f} chars/s (whole pipeline)")
    if "underthesea" in result:
        base, ours = result["underthesea"], result["entities_per_org_loc"]
        lines += ["", "same documents, PER/ORG/LOC:", f"{'label':<10}{'ours F1':>10}{'underthesea F1':>16}"]
        for key in ("PER", "ORG", "LOC"):
            lines.append(f"{key:<10}{ours[key]['f1']:10.3f}{base['entities'][key]['f1']:16.3f}")
        ratio = result["speed"]["chars_per_second"] / max(base["speed"]["chars_per_second"], 1e-9)
        lines.append(f"underthesea ner(): {base['speed']['chars_per_second']:,.0f} chars/s; ours is {ratio:.1f}x")
    return "\n".join(lines)
