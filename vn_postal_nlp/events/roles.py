"""Argument candidates, role features, event splitting and ``org`` resolution.

Candidates are the sentence's entities plus the phrase spans (``METRIC``, ``PLAN``, ``AWARD``,
``PARTY``) found by the phrase tagger; a trained classifier gives each (trigger, candidate) pair a
role or ``NONE``.

>>> bucket(7)
'6-10'
"""

from __future__ import annotations

from dataclasses import dataclass

ROLE_KIND = {"metric": "METRIC", "plan": "PLAN", "award": "AWARD"}
PARTY_ROLES = ("recipient", "giver", "organiser")
SHARED_ROLES = {"org", "period", "date", "giver", "organiser"}
OWNER_ROLE = {"RESULT": "org", "TARGET": "org"}
# roles resolved across sentences only when the sentence itself names no one for them
FALLBACK_ROLE = {"PLAN_LAUNCH": "organiser", "AWARD": "recipient"}


@dataclass(frozen=True)
class Cand:
    """A candidate argument: token span ``[start, end)`` within the sentence, and its kind."""

    start: int
    end: int
    kind: str


def bucket(distance: int) -> str:
    for limit, name in ((2, "0-2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if distance <= limit:
            return name
    return ">20"


def role_features(low: list[str], etype: str, trig: tuple[int, int], cand: Cand,
                  cands: list[Cand], triggers: list[tuple[int, int]]) -> dict[str, float]:
    """Features of one (trigger, candidate) pair inside a sentence of lower-cased forms."""
    t0, t1 = trig
    after = cand.start >= t1
    lo, hi = (t1, cand.start) if after else (cand.end, t0)
    between = low[lo:hi] if hi > lo else []
    direction = "after" if after else "before"
    kind = cand.kind
    feats: dict[str, float] = {
        f"k={etype}|{kind}": 1,
        f"k|dir={etype}|{kind}|{direction}": 1,
        f"k|dist={etype}|{kind}|{direction}|{bucket(len(between))}": 1,
        f"trig|k={' '.join(low[t0:t1])}|{kind}": 1,
    }
    for k in (1, 2):
        w = low[cand.start - k] if cand.start - k >= 0 else "<s>"
        feats[f"prev{k}|k={w}|{kind}"] = 1
        w = low[cand.end + k - 1] if cand.end + k - 1 < len(low) else "</s>"
        feats[f"next{k}|k={w}|{kind}"] = 1
    feats[f"prev12|k={' '.join(low[max(0, cand.start - 2) : cand.start])}|{kind}"] = 1
    if ";" in between:
        feats[f"semicolon|k={kind}"] = 1
    feats[f"commas|k={min(between.count(','), 3)}|{kind}"] = 1
    others = sum(1 for a, _ in triggers if lo <= a < hi and (a, _) != trig)
    feats[f"trig_between|k={min(others, 2)}|{kind}|{direction}"] = 1
    same = sum(1 for c in cands if c.kind == kind and lo <= c.start < hi and c != cand)
    feats[f"same_between|k={min(same, 2)}|{kind}|{direction}"] = 1
    if "trong đó" in " ".join(between):
        feats[f"trong_do|k={kind}"] = 1
    if "so với" in " ".join(low[max(0, cand.start - 3) : cand.start]):
        feats[f"so_voi|k={kind}"] = 1
    if cand.start > 0 and low[cand.start - 1] == "(":
        feats[f"in_parens|k={kind}"] = 1
    for w in between[-3:]:
        feats[f"bw={w}|{kind}"] = 1
    return feats


def split_event(etype: str, args: list[tuple[str, Cand]]) -> list[list[tuple[str, Cand]]]:
    """One event per metric (RESULT/TARGET) or per award (AWARD); shared roles go to each."""
    head = "metric" if etype in ("RESULT", "TARGET") else "award" if etype == "AWARD" else None
    heads = sorted((c for r, c in args if r == head), key=lambda c: c.start)
    if head is None or len(heads) < 2:
        return [args]
    groups: dict[Cand, list[tuple[str, Cand]]] = {h: [(head, h)] for h in heads}
    for role, cand in args:
        if role == head:
            continue
        if role in SHARED_ROLES:
            for h in heads:
                groups[h].append((role, cand))
            continue
        if head == "award":  # recipients go to the nearest award
            owner = min(heads, key=lambda h: abs(h.start - cand.start))
        else:  # figures go to the nearest metric on their left (else the first)
            left = [h for h in heads if h.start <= cand.start]
            owner = left[-1] if left else heads[0]
        groups[owner].append((role, cand))
    return [sorted(g, key=lambda rc: rc[1].start) for g in groups.values()]
