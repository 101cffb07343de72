"""Token features shared by training and prediction, so the two cannot drift apart.

Features are strings for python-crfsuite. The lexicons here are the team's own short lists of
Vietnamese function words (surnames, honorifics, organisation heads, units of money); the
model learns everything else from the corpus.

>>> sentence_features(["Bưu", "điện", "tỉnh"])[0][:3]
['b', 'w=bưu', 'shape=Xx']
"""

from __future__ import annotations

from functools import lru_cache

from vn_postal_nlp.ner.lexicons import Lexicons

SURNAMES = frozenset(
    ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "mai", "trịnh", "tô", "lương", "hà", "lưu", "tạ", "cao", "kiều", "quách", "triệu", "lò", "thạch", "danh", "nông", "vi", "chu", "đào", "văn", "lâm", "la", "châu", "tăng", "thái", "trương", "khổng", "âu", "doãn", "giang", "hứa", "kim", "lại", "lục", "mạc", "ninh", "phùng", "quan", "quang", "tôn", "từ", "ông", "đoàn", "đàm", "lã", "lữ", "mẫn", "nghiêm", "phí", "sầm", "thân", "thiều", "thịnh", "tống", "trình", "viên", "vương", "yên", "hầu", "khúc", "bế", "lành"]
)
CUES_PER = frozenset(
    ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "đồng", "chí", "ngài", "giám", "đốc", "chủ", "tịch", "bí", "thư", "trưởng", "phó", "thứ", "tướng", "tá", "gs", "pgs", "ts", "ths", "bs", "nhà", "báo", "phóng", "viên", "tác", "giả"]
)
ORG_HEADS = frozenset(
    ["bưu", "điện", "công", "ty", "tổng", "tập", "đoàn", "ngân", "hàng", "sở", "bộ", "ban", "ủy", "ubnd", "hđnd", "trung", "tâm", "cục", "chi", "nhánh", "viện", "trường", "bệnh", "viện", "hội", "đoàn", "liên", "hiệp", "hợp", "tác", "xã", "quỹ", "văn", "phòng", "kho", "bạc", "chính", "phủ", "quốc", "hội", "mặt", "trận", "báo", "đài", "công", "đoàn", "đảng", "nhà", "nước", "tỉnh", "ủy", "thành", "ủy", "huyện", "ủy", "hđqt"]
)
MONEY_UNITS = frozenset(["đồng", "vnđ", "vnd", "usd", "đô", "la", "euro", "eur", "tỷ", "tỉ", "triệu", "nghìn", "ngàn"])
DATE_WORDS = frozenset(["ngày", "tháng", "năm", "quý", "giai", "đoạn", "nhiệm", "kỳ"])


@lru_cache(maxsize=200_000)
def shape(token: str) -> str:
    """Collapsed character classes: ``Hà`` → ``Xx``, ``12,5`` → ``d,d``, ``VNPost`` → ``XxX``."""
    out: list[str] = []
    for ch in token:
        cls = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:6]


@lru_cache(maxsize=200_000)
def _own(token: str) -> tuple[str, ...]:
    low = token.lower()
    feats = [f"w={low}", f"shape={shape(token)}"]
    if token[:1].isupper():
        feats.append("title")
    if token.isupper() and any(c.isalpha() for c in token):
        feats.append("upper")
    if any(c.isdigit() for c in token):
        feats.append("digit")
    if len(low) > 3:
        feats += [f"p3={low[:3]}", f"s3={low[-3:]}"]
    if low in SURNAMES:
        feats.append("surname")
    if low in CUES_PER:
        feats.append("cue_per")
    if low in ORG_HEADS:
        feats.append("org_head")
    if low in MONEY_UNITS:
        feats.append("money_unit")
    if low in DATE_WORDS:
        feats.append("date_word")
    return tuple(feats)


def _cap_runs(forms: list[str]) -> list[int]:
    """Length (capped at 5) of the run of capitalised tokens each token sits in; 0 outside one."""
    runs = [0] * len(forms)
    i = 0
    while i < len(forms):
        j = i
        while j < len(forms) and forms[j][:1].isupper():
            j += 1
        runs[i:j] = [min(j - i, 5)] * (j - i)
        i = max(j, i + 1)
    return runs


def _lexicon_features(forms: list[str], low: list[str], lexicons: Lexicons) -> list[list[str]]:
    places = lexicons.place_tags(forms)
    out = []
    for i, (prev, nxt) in enumerate(lexicons.word_links(low)):
        feats = [f"place={places[i]}"] if places[i] else []
        if prev:
            feats.append("dict_prev")
        if nxt:
            feats.append("dict_next")
        if i + 1 < len(forms) and places[i + 1] == "B":
            feats.append("+1place")
        if i > 0 and places[i - 1] and not places[i]:
            feats.append("-1place_end")
        out.append(feats)
    return out


def _neighbour_cues(low: list[str], i: int) -> list[str]:
    feats = []
    for k in (-1, 1, 2):
        j = i + k
        if 0 <= j < len(low) and low[j] in SURNAMES:
            feats.append(f"{k}surname")
    return feats


def _glue_features(forms: list[str], spaced: list[bool]) -> list[list[str]]:
    """Tokens written together without a space (``215/KH-UBND``, ``VNPT-VinaPhone``): glued to
    the previous / next token, and part of a document code (a glued chunk with a digit and ``/``)."""
    out: list[list[str]] = [[] for _ in forms]
    start = 0
    for i in range(len(forms)):
        if i > 0 and not spaced[i - 1]:
            out[i].append("glued_prev")
        if not spaced[i] and i + 1 < len(forms):
            out[i].append("glued_next")
        if spaced[i] or i + 1 == len(forms):
            chunk = "".join(forms[start : i + 1])
            if i > start and "/" in chunk and any(c.isdigit() for c in chunk) and any(c.isalpha() for c in chunk):
                for j in range(start, i + 1):
                    out[j].append("doc_code")
            start = i + 1
    return out


def sentence_features(forms: list[str], words: list[str] | None = None,
                      lexicons: Lexicons | None = None, spaced: list[bool] | None = None) -> list[list[str]]:
    """Features for each token of one sentence.

    ``words`` adds word-segmentation tags (B/I); ``lexicons`` adds dictionary-word links and
    place-name matches (see :mod:`vn_postal_nlp.ner.lexicons`); ``spaced`` (is each token
    followed by a space?) adds glue features.
    """
    n = len(forms)
    low = [f.lower() for f in forms]
    shapes = [shape(f) for f in forms]
    runs = _cap_runs(forms)
    lex = _lexicon_features(forms, low, lexicons) if lexicons is not None else None
    glue = _glue_features(forms, spaced) if spaced is not None else None
    out: list[list[str]] = []
    for i in range(n):
        feats = ["b", *_own(forms[i]), *_neighbour_cues(low, i)]
        if glue is not None:
            feats += glue[i]
        if runs[i]:
            feats.append(f"run={runs[i]}")
        if lex is not None:
            feats += lex[i]
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                feats.append(f"{k}w={low[j]}")
                feats.append(f"{k}shape={shapes[j]}")
            else:
                feats.append(f"{k}w=<pad>")
        if i > 0:
            feats.append(f"-1w|w={low[i - 1]}|{low[i]}")
        if i + 1 < n:
            feats.append(f"w|+1w={low[i]}|{low[i + 1]}")
        if 0 < i < n - 1:
            feats.append(f"sh3={shapes[i - 1]}|{shapes[i]}|{shapes[i + 1]}")
        if i == 0:
            feats.append("first")
        if words is not None:
            feats.append(f"seg={words[i]}")
            if i > 0:
                feats.append(f"seg2={words[i - 1]}{words[i]}")
        out.append(feats)
    return out
