"""Segmentation with exact offsets into the text as given.

Tokens are Vietnamese syllables, numbers and punctuation found by one regular expression on the
original text, so ``text[start:end]`` is the token and no character is lost or shifted, even in
NFD text, with tabs, ``\\r\\n``, non-breaking spaces, emoji or HTML entities. Sentences follow the
news layout: every line (title, dateline, caption, by-line) is its own sentence, and inside a
line a sentence ends at ``. ! ? …`` before an upper-case letter, a digit or a quote, except after
abbreviations such as ``TP.`` or ``ThS.``; a sentence longer than ``MAX_SENTENCE_TOKENS`` is cut. Words (multi-syllable units) come from underthesea's
``word_tokenize`` mapped back onto the syllable tokens.

>>> [text[s:e] for s, e in tokens(text := "Bưu điện TP.HCM đạt 1.250,5 tỷ đồng.")]
['Bưu', 'điện', 'TP.HCM', 'đạt', '1.250,5', 'tỷ', 'đồng', '.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vn_postal_nlp.text.normalise import norm_token

_MARK = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"  # combining marks (NFD diacritics)
_W = rf"[^\W_]|[{_MARK}]"
TOKEN_RE = re.compile(
    rf"&(?:[A-Za-z]{{2,8}}|#\d{{1,7}}|#x[0-9A-Fa-f]{{1,6}});"  # a stray HTML entity
    rf"|\d+(?:[.,/\-]\d+)*"  # numbers, 1.250,5 and 23/12/2024 and 15-8-1945
    rf"|(?:{_W})+(?:(?:&amp;|[&'’])(?:{_W})+|\.[A-ZĐ]{{2,}}(?![^\W_]))*"  # syllables, TP.HCM, TT&TT, H'Mông
    r"|\S",  # anything else: one punctuation mark, symbol or emoji
)
ABBREVIATIONS = frozenset(
    ["tp", "tp.hcm", "q", "p", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "nxb", "st", "mr", "mrs", "ms", "dr", "no", "vs", "tr", "đ/c"]
)
_ENDERS = frozenset(".!?…")
MAX_SENTENCE_TOKENS = 200  # a line with no sentence end is cut here, keeping the tagger's work bounded
_CLOSERS = frozenset("\"”’)]»")


def tokens(text: str) -> list[tuple[int, int]]:
    """Every non-space token of ``text`` as ``(start, end)`` offsets."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def _starts_sentence(token: str) -> bool:
    first = token[0]
    return first.isupper() or first.isdigit() or first in "\"“‘(['«-–•"


def sentence_starts(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices into ``spans`` of the tokens that begin a sentence."""
    if not spans:
        return []
    starts = [0]
    for i in range(1, len(spans)):
        prev_s, prev_e = spans[i - 1]
        start = spans[i][0]
        if "\n" in text[prev_e:start] or "\r" in text[prev_e:start] or i - starts[-1] >= MAX_SENTENCE_TOKENS:
            starts.append(i)
            continue
        prev = text[prev_s:prev_e]
        if prev in _CLOSERS and i >= 2 and text[spans[i - 2][0] : spans[i - 2][1]] in _ENDERS:
            prev = "."
            before = text[spans[i - 3][0] : spans[i - 3][1]] if i >= 3 else ""
        else:
            before = text[spans[i - 2][0] : spans[i - 2][1]] if i >= 2 else ""
        if prev not in _ENDERS or prev_e == start:
            continue
        if prev == "." and norm_token(before).lower() in ABBREVIATIONS:
            continue
        if _starts_sentence(text[start : spans[i][1]]):
            starts.append(i)
    return starts


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` offsets, from the first to the last token of each."""
    spans = tokens(text)
    if not spans:
        return []
    starts = sentence_starts(text, spans)
    bounds = starts[1:] + [len(spans)]
    return [(spans[a][0], spans[b - 1][1]) for a, b in zip(starts, bounds, strict=True)]


def words(text: str) -> list[tuple[int, int]]:
    """underthesea word segmentation, each word as ``(start, end)`` offsets into ``text``."""
    spans = tokens(text)
    out: list[tuple[int, int]] = []
    starts = sentence_starts(text, spans)
    for a, b in zip(starts, starts[1:] + [len(spans)], strict=False):
        out += [(spans[a + i][0], spans[a + j - 1][1]) for i, j in word_groups(text, spans[a:b])]
    return out


def word_groups(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group syllable tokens of one sentence into underthesea words: ``(first, last+1)`` indices."""
    from underthesea import word_tokenize

    forms = [norm_token(text[s:e]) for s, e in spans]
    groups: list[tuple[int, int]] = []
    i = 0
    for word in word_tokenize(" ".join(forms)):
        target = word.replace(" ", "")
        j, built = i, ""
        while j < len(forms) and len(built) < len(target):
            built += forms[j]
            j += 1
        if built != target or j == i:  # underthesea changed the text: fall back to one syllable
            j = i + 1
        groups.append((i, j))
        i = j
        if i >= len(forms):
            break
    groups += [(k, k + 1) for k in range(i, len(forms))]
    return groups
