"""Trigger candidates from a lexicon, and their features for the trained trigger classifier.

The lexicon is the GUIDELINES' trigger words plus every trigger phrase of the training corpus;
the classifier decides, in context, whether a candidate is a trigger and of which type
(`đạt` after `phấn đấu` is no RESULT, `Bằng` in `Bằng khen` is no `bằng`).

>>> lex = Lexicon.from_phrases(["trao tặng", "đạt"])
>>> lex.find(["Bộ", "trao", "tặng", "Cờ"])
[(1, 3)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SEED_TRIGGERS = (
    "trao", "tặng", "trao tặng", "khen thưởng", "nhận", "đón nhận", "vinh dự đón nhận", "biểu dương",
    "triển khai", "phát động", "ban hành", "khởi động", "xây dựng", "phê duyệt", "ra quân",
    "đạt", "tăng", "giảm", "bằng", "hoàn thành", "phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch",
)
GOAL_WORDS = frozenset(("phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch"))
AWARD_CUES = frozenset(["huân", "chương", "bằng", "khen", "cờ", "thi", "đua", "giấy", "khen", "danh", "hiệu", "kỷ", "niệm", "chương", "huy", "chương", "giải"])
PLAN_CUES = frozenset(["kế", "hoạch", "phong", "trào", "chương", "trình", "chiến", "dịch", "đề", "án", "dự", "án", "quy", "hoạch", "chiến", "lược", "đợt"])
MAX_LEN = 4


@dataclass
class Lexicon:
    """Lower-cased trigger phrases, matched longest first on token forms."""

    phrases: frozenset[tuple[str, ...]]

    @classmethod
    def from_phrases(cls, phrases: Iterable[str]) -> Lexicon:
        keep = {tuple(p.lower().split()) for p in phrases if p.strip()}
        return cls(frozenset(p for p in keep if len(p) <= MAX_LEN))

    def find(self, forms: list[str]) -> list[tuple[int, int]]:
        low = [f.lower() for f in forms]
        out, i = [], 0
        while i < len(low):
            for n in range(min(MAX_LEN, len(low) - i), 0, -1):
                if tuple(low[i : i + n]) in self.phrases:
                    out.append((i, i + n))
                    i += n
                    break
            else:
                i += 1
        return out


def trigger_features(forms: list[str], ent_tags: list[str], start: int, end: int) -> dict[str, float]:
    """Context of the candidate ``forms[start:end]`` in its sentence (``ent_tags``: BIO labels)."""
    low = [f.lower() for f in forms]
    phrase = " ".join(low[start:end])
    feats: dict[str, float] = {f"p={phrase}": 1, f"first={low[start]}": 1}
    for k in (-3, -2, -1):
        feats[f"{k}w={low[start + k] if start + k >= 0 else '<s>'}"] = 1
    for k in (0, 1, 2):
        feats[f"+{k}w={low[end + k] if end + k < len(low) else '</s>'}"] = 1
    feats[f"p|+1={phrase}|{low[end] if end < len(low) else '</s>'}"] = 1
    feats[f"-1|p={low[start - 1] if start else '<s>'}|{phrase}"] = 1
    if forms[start][:1].isupper():
        feats["title"] = 1
    if ent_tags[start] != "O":
        feats[f"in_ent={ent_tags[start][2:]}"] = 1
    before = " ".join(low[:start])
    if any(g in before for g in GOAL_WORDS):
        feats["goal_before"] = 1
    after_labels = [t[2:] for t in ent_tags[end : end + 12] if t.startswith("B-")]
    for lab in set(after_labels):
        feats[f"after_ent={lab}"] = 1
    if after_labels:
        feats[f"next_ent={after_labels[0]}"] = 1
        feats[f"p|next_ent={phrase}|{after_labels[0]}"] = 1
    before_labels = [t[2:] for t in ent_tags[max(0, start - 8) : start] if t.startswith("B-")]
    for lab in set(before_labels):
        feats[f"before_ent={lab}"] = 1
    window = set(low[end : end + 6])
    if window & AWARD_CUES:
        feats["award_cue"] = 1
    if window & PLAN_CUES:
        feats["plan_cue"] = 1
    if any(w in (";", ",") for w in low[max(0, start - 1) : start]):
        feats["after_punct"] = 1
    return feats
