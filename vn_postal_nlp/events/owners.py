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

# generic words that stand for a body named elsewhere (GUIDELINES §2: they resolve like ``org``)
GENERIC_BODIES = ("đơn vị", "công ty", "chi nhánh", "nhà trường", "hội nghị", "đại hội", "tổng công ty",
                  "ngân hàng", "tập đoàn", "doanh nghiệp", "bệnh viện", "cơ quan", "ngành", "hai bên",
                  "trung tâm", "tỉnh", "nhà máy", "hợp tác xã")
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
    """The last ``WINDOW`` earlier mentions, the trigger sentence's mentions after the trigger,
    and the first ``FIRST`` of the document wherever they are (its main body, which a headline
    names only later): bounded work however long the document."""
    earlier = [m for m in mentions if m.end <= trigger_start]
    keep = {m.index for m in earlier[-WINDOW:]} | {m.index for m in mentions[:FIRST]}
    keep |= {m.index for m in mentions if m.sentence == sentence and m.end > trigger_start}
    return [m for m in mentions if m.index in keep]


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
        f"head={m.text.split()[0].lower()}": 1,
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


def generic_cue(low: list[str], ent_tags: list[str]) -> str:
    """The first generic body word of a sentence outside its entities (``đơn vị``, ``công ty``
    but not the ``tỉnh`` of ``UBND tỉnh``), or ``''``."""
    text = f" {' '.join(w if tag == 'O' else '_' for w, tag in zip(low, ent_tags, strict=True))} "
    found = [(text.find(f" {w} "), w) for w in GENERIC_BODIES if f" {w} " in text]
    return min(found)[1] if found else ""


def feature_rows(mentions: list[Mention], trigger_start: int, sentence: int, role: str,
                 cue: str = "") -> tuple[list[Mention], list[dict]]:
    """Candidates and their features; each feature also comes paired with the role sought
    (``org``, ``organiser``, ``recipient``), so one ranker learns what they share and differ in.
    ``cue`` is the trigger sentence's generic body word, if any: it tells the ranker that the
    sentence names its body only indirectly."""
    cands = candidates(mentions, trigger_start, sentence)
    counts = Counter(m.text.lower() for m in mentions)
    first_text = mentions[0].text.lower() if mentions else ""
    rows = []
    for m in cands:
        feats = owner_features(m, cands, trigger_start, sentence, counts, first_text)
        feats[f"cue={cue or 'none'}"] = 1
        if cue and m.sentence < sentence:
            feats["cue_earlier"] = 1
        rows.append({**feats, **{f"{role}|{k}": v for k, v in feats.items()}})
    return cands, rows
