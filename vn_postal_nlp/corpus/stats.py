"""``corpus stats``: counts per label, event type, role and split; distinct names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from vn_postal_nlp.corpus.compile import SPLITS, read_split
from vn_postal_nlp.text.normalise import norm_text
from vn_postal_nlp.text.segment import sentences

PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Giang", "Cao Bằng", "Bắc Kạn",
    "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên",
    "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên",
    "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình",
    "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước",
    "Tây Ninh", "Bình Dương", "Đồng Nai", "Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
    "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)


def split_stats(records: list[dict]) -> dict[str, object]:
    labels = Counter(e["label"] for r in records for e in r["entities"])
    types = Counter(ev["type"] for r in records for ev in r["events"])
    roles = Counter(f"{ev['type']}.{a['role']}" for r in records for ev in r["events"] for a in ev["arguments"])
    names = {lab: {norm_text(e["text"]) for r in records for e in r["entities"] if e["label"] == lab}
             for lab in ("PER", "ORG")}
    texts = " ".join(norm_text(r["text"]).lower() for r in records)
    return {
        "documents": len(records),
        "sentences": sum(len(sentences(r["text"])) for r in records),
        "labels": dict(sorted(labels.items())),
        "events": dict(sorted(types.items())),
        "roles": dict(sorted(roles.items())),
        "distinct_per": len(names["PER"]),
        "distinct_org": len(names["ORG"]),
        "provinces": sum(1 for p in PROVINCES if p.lower() in texts),
        "topics": dict(sorted(Counter(r["topic"] for r in records).items())),
    }


def corpus_stats(corpus_dir: Path) -> dict[str, dict[str, object]]:
    """Statistics per split and for the whole corpus (``all``).

    >>> corpus_stats(Path("corpus"))["all"]["documents"]  # doctest: +SKIP
    440
    """
    splits = {split: read_split(corpus_dir, split) for split in SPLITS}
    out = {split: split_stats(docs) for split, docs in splits.items()}
    out["all"] = split_stats([r for docs in splits.values() for r in docs])
    return out


def format_stats(stats: dict[str, dict[str, object]]) -> str:
    """A Markdown table: one row per count, one column per split (as in corpus/README.md)."""
    cols = ["train", "dev", "test", "all"]
    rows: list[tuple[str, list[object]]] = []
    for key in ("documents", "sentences", "distinct_per", "distinct_org", "provinces"):
        rows.append((key, [stats[c][key] for c in cols]))
    for group in ("labels", "events", "roles", "topics"):
        names = sorted(stats["all"][group])
        rows += [(f"{group[:-1]} {n}", [stats[c][group].get(n, 0) for c in cols]) for n in names]
    lines = ["| count | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    lines += [f"| {name} | " + " | ".join(str(v) for v in values) + " |" for name, values in rows]
    return "\n".join(lines)
