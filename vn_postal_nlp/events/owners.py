"""Which ``ORG`` mention owns a figure: a trained ranker over the document's ORG mentions.

GUIDELINES §2: ``org`` is the organisation the figure belongs to; when the sentence names it
only as ``đơn vị`` or not at all, it is the nearest earlier ORG that can own the figure (not a
stock code or an exchange, not a paper's source tag), else the document's main body. The ranker
learns that choice from the corpus: every earlier ORG mention (and those after the trigger in
its sentence) is a candidate.

>>> is_exchange("HoSE")
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

EXCHANGES = frozenset(("hose", "hnx", "upcom", "hsx", "sgdck", "nyse", "nasdaq"))
CODE_CUES = frozenset(("mã", "mã:", "ck", "cp"))


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets
    end: int
    text: str
    sentence: int
    index: int  # position among the document's ORG mentions
    prev: str
    next: str


def is_exchange(text: str) -> bool:
    return text.lower() in EXCHANGES


def org_mentions(doc: Doc, sentence_of_token: dict[int, int]) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start not in sentence_of_token:
            continue
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else "<s>"
        nxt = doc[ent.end].lower_ if ent.end < len(doc) else "</s>"
        out.append(Mention(ent.start_char, ent.end_char, ent.text, sentence_of_token[ent.start], len(out), prev, nxt))
    return out


WINDOW = 15  # earlier mentions considered, besides the document's first ones (its main body)
FIRST = 3


def candidates(mentions: list[Mention], trigger_start: int, sentence: int) -> list[Mention]:
    """The last ``WINDOW`` earlier mentions, the first ``FIRST`` of the document, and the
    trigger sentence's mentions after the trigger (bounded work however long the document)."""
    earlier = [m for m in mentions if m.end <= trigger_start]
    keep = {m.index for m in earlier[-WINDOW:]} | {m.index for m in earlier[:FIRST]}
    later = [m for m in mentions if m.sentence == sentence and m.end > trigger_start]
    return [m for m in earlier if m.index in keep] + later


def owner_features(m: Mention, cands: list[Mention], trigger_start: int, sentence: int,
                   counts: Counter, first_text: str) -> dict[str, float]:
    before = m.end <= trigger_start
    back = sum(1 for c in cands if c.end <= trigger_start and c.start > m.start) if before else -1
    dist = sentence - m.sentence
    feats: dict[str, float] = {
        f"sent_dist={min(dist, 4) if dist >= 0 else 'after'}": 1,
        f"back={min(back, 4)}": 1,
        f"side={'before' if before else 'after'}": 1,
        f"prev={m.prev}": 1,
        f"next={m.next}": 1,
        f"len={min(len(m.text.split()), 6)}": 1,
        f"freq={min(counts[m.text.lower()], 4)}": 1,
    }
    if m.prev == "(" and m.next == ")":
        feats["parens"] = 1
    if is_exchange(m.text):
        feats["exchange"] = 1
    if m.prev in CODE_CUES:
        feats["stock_code"] = 1
    if m.text.isupper() and len(m.text) <= 6:
        feats["acronym"] = 1
    if m.text.lower() == first_text:
        feats["first_org_text"] = 1
    if m.sentence == 0:
        feats["title"] = 1
    if m.prev == "của":
        feats["after_cua"] = 1
    if m.index == 0:
        feats["first_mention"] = 1
    return feats


def feature_rows(mentions: list[Mention], trigger_start: int, sentence: int) -> tuple[list[Mention], list[dict]]:
    cands = candidates(mentions, trigger_start, sentence)
    counts = Counter(m.text.lower() for m in mentions)
    first_text = mentions[0].text.lower() if mentions else ""
    return cands, [owner_features(m, cands, trigger_start, sentence, counts, first_text) for m in cands]
